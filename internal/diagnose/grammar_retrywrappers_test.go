package diagnose

import "testing"

// TestMessageGrammarRetryWrappers pins registry answers that reach the log
// wrapped by a client's own framing: jib's Maven error with the registry's
// JSON error body split over "[ERROR]" lines, podman/buildah's
// "Failed, retrying in ... (n/3). Error: ..." warnings (containers/common
// pkg/retry), and go-containerregistry's upper-case error codes
// ("NAME_UNKNOWN: ...", transport.Error). Look-alikes: the same wrappers
// around other answers keep those answers, and 429s from non-registry
// services stay quiet. Written for the h20r held-out batch (all of which
// the start binary already read right); no signature changed.
func TestMessageGrammarRetryWrappers(t *testing.T) {
	checkFirstCause(t, map[string]string{
		// jib: Docker Hub's TOOMANYREQUESTS error body, and the bare goal line
		"[ERROR] Failed to execute goal com.google.cloud.tools:jib-maven-plugin:3.4.0:build (default-cli) on project orbit-api: 429 Too Many Requests\n[ERROR] GET https://registry-1.docker.io/v2/library/eclipse-temurin/manifests/21-jre\n[ERROR] {\n[ERROR]   \"errors\": [\n[ERROR]     {\n[ERROR]       \"code\": \"TOOMANYREQUESTS\",\n[ERROR]       \"message\": \"You have reached your pull rate limit. You may increase the limit by authenticating and upgrading: https://www.docker.com/increase-rate-limit\"\n[ERROR]     }\n[ERROR]   ]\n[ERROR] }": "rate-limited",
		"[ERROR] Failed to execute goal com.google.cloud.tools:jib-maven-plugin:3.4.0:build (default-cli) on project orbit-api: 429 Too Many Requests": "rate-limited",
		// look-alikes: Maven Central's and the GitHub API's rate limits are not a registry's
		"[ERROR] Failed to execute goal on project orbit-api: Could not transfer artifact org.orbit:core:jar:1.0 from/to central (https://repo.maven.apache.org/maven2): status code: 429, reason phrase: Too Many Requests (429) -> [Help 1]": "",
		"Error: HttpError: API rate limit exceeded for installation ID 1234567.": "",
		// podman/buildah retry warnings carry the registry's answer after "Error: "
		`time="2025-02-04T15:51:23-05:00" level=warning msg="Failed, retrying in 2s ... (1/3). Error: initializing source docker://orbit/app:1.0: reading manifest 1.0 in docker.io/orbit/app: toomanyrequests: You have reached your pull rate limit. You may increase the limit by authenticating and upgrading: https://www.docker.com/increase-rate-limit"`: "rate-limited",
		// look-alikes: the same wrapper around a missing tag and a DNS failure
		`time="2025-02-04T15:51:23-05:00" level=warning msg="Failed, retrying in 2s ... (1/3). Error: initializing source docker://orbit/app:1.0: reading manifest 1.0 in docker.io/orbit/app: manifest unknown"`:                                                                                             "manifest-unknown",
		`time="2025-02-04T15:51:23-05:00" level=warning msg="Failed, retrying in 2s ... (1/3). Error: initializing source docker://registry.orbit.test/app:1.0: pinging container registry registry.orbit.test: Get \"https://registry.orbit.test/v2/\": dial tcp: lookup registry.orbit.test: no such host"`: "registry-unreachable",
		// go-containerregistry (crane, sinker, ko): ECR's missing repository in upper-case code form
		"Error: push: image exists at remote: get image: GET https://123456789012.dkr.ecr.eu-west-1.amazonaws.com/v2/orbit/api/manifests/1.4.0: NAME_UNKNOWN: The repository with name 'orbit/api' does not exist in the registry with id '123456789012'": "repo-not-found",
		// look-alike: a missing tag in the same form
		"Error: GET https://registry.orbit.test/v2/orbit/api/manifests/1.4.0: MANIFEST_UNKNOWN: manifest unknown; unknown tag=1.4.0": "manifest-unknown",
		// npm's GitHub Packages refusal inside an image build is not the container registry
		"#11 98.56 npm error 403 403 Forbidden - GET https://npm.pkg.github.com/download/@orbit/config/1.0.3/0a1b2c - Permission permission_denied: read_package": "",
	})
}
