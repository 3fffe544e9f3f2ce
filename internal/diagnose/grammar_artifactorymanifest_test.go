package diagnose

import "testing"

// TestMessageGrammarArtifactoryManifest pins JFrog Artifactory's manifest
// refusal, "The client does not have permission for manifest"
// (sig_artifactorymanifest.go), as dockerd, the kubelet and docker-java print
// it: with the reason naming the remote repository's upstream (the server's
// configuration), and bare, read by the login before it. Guards: other
// registries' permission refusals keep their own readings. One log per shape,
// the first finding's cause wanted ("" = no finding).
func TestMessageGrammarArtifactoryManifest(t *testing.T) {
	checkFirstCause(t, map[string]string{
		// the reason names the remote repository's upstream: Artifactory's own configuration
		"$ docker pull jfrog.orbit.test/orbit-remote/runner:2.4.1\nError response from daemon: unauthorized: The client does not have permission for manifest: Upstream repository is not configured properly": "registry-fault",
		// the same reason relayed by the kubelet
		`Failed to pull image "jfrog.orbit.test/orbit-remote/runner:2.4.1": rpc error: code = Unknown desc = Error response from daemon: unauthorized: The client does not have permission for manifest: Upstream repository is not configured properly`: "registry-fault",
		// bare refusal with no login before it: the request went anonymous
		"$ docker pull jfrog.orbit.test:5006/orbit/api:7\nError response from daemon: unauthorized: The client does not have permission for manifest": "no-login",
		// bare refusal in docker-java's exception JSON (Jenkins plugins)
		`com.github.dockerjava.api.exception.InternalServerErrorException: {"message":"unauthorized: The client does not have permission for manifest"}`: "no-login",
		// bare refusal after a login for the same host: the user lacks Read
		"$ docker login jfrog.orbit.test:5006 -u ci-reader --password-stdin\nLogin Succeeded\n$ docker pull jfrog.orbit.test:5006/orbit/api:7\nError response from daemon: unauthorized: The client does not have permission for manifest": "insufficient-role",
		// bare refusal after a login for another host: the credential is keyed elsewhere
		"$ docker login registry.orbit.test -u ci --password-stdin\nLogin Succeeded\n$ docker pull jfrog.orbit.test:5006/orbit/api:7\nError response from daemon: unauthorized: The client does not have permission for manifest": "login-wrong-host",
		// guard: Container Registry's own permission wording keeps its reading
		"Error response from daemon: Head \"https://gcr.io/v2/orbit-public/runner/manifests/3.1\": denied: Caller does not have permission or the resource may not exist 'read'.": "manifest-unknown",
		// guard: a missing manifest on Artifactory is not a permission refusal
		"$ docker pull jfrog.orbit.test/orbit-local/api:9\nError response from daemon: manifest for jfrog.orbit.test/orbit-local/api:9 not found: manifest unknown: The named manifest is not known to the registry.": "manifest-unknown",
	})
}
