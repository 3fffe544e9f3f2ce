package diagnose

import "testing"

// TestMessageGrammarKubectlEventRows holds registry failures as rows of
// `kubectl get events` (LAST SEEN, TYPE, REASON, OBJECT, MESSAGE): the age
// and the type "Warning" in front of the kubelet's message are not Compose's
// "ID Warning" progress line (composewarn.go). Guards keep Compose's
// Warning lines quiet.
func TestMessageGrammarKubectlEventRows(t *testing.T) {
	checkFirstCause(t, map[string]string{
		`12s         Warning   Failed    pod/notes-api-6f7d8c9b5-k2mzp   Failed to pull image "registry.orbit.test/orbit/notes:1.4": failed to pull and unpack image "registry.orbit.test/orbit/notes:1.4": failed to resolve reference "registry.orbit.test/orbit/notes:1.4": failed to do request: Head "https://registry.orbit.test/v2/orbit/notes/manifests/1.4": dial tcp: lookup registry.orbit.test on 10.96.0.10:53: no such host`:                                                                                                                                               "registry-unreachable",
		`5m12s       Warning   Failed    pod/notes-api-6f7d8c9b5-k2mzp   Failed to pull image "orbit/notes:1.4": failed to pull and unpack image "docker.io/orbit/notes:1.4": failed to copy: httpReadSeeker: failed open: unexpected status code https://registry-1.docker.io/v2/orbit/notes/manifests/sha256:5d1e0a7c2b3f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a0b9c8d7e6f5a4b: 429 Too Many Requests - Server message: toomanyrequests: You have reached your pull rate limit. You may increase the limit by authenticating and upgrading: https://www.docker.com/increase-rate-limit`: "rate-limited",
		`2d3h        Warning   Failed    pod/notes-api-6f7d8c9b5-k2mzp   Failed to pull image "registry.orbit.test/orbit/notes:1.4": failed to pull and unpack image "registry.orbit.test/orbit/notes:1.4": failed to resolve reference "registry.orbit.test/orbit/notes:1.4": registry.orbit.test/orbit/notes:1.4: not found`:                                                                                                                                                                                                                                                           "manifest-unknown",
		// an object name before the type (kubectl get events -o custom-columns=NAME:…,TYPE:…,MESSAGE:…): the kubelet's message, not Compose's
		`notes-api-6f7d8c9b5-k2mzp   Warning   Failed to pull image "registry.orbit.test/orbit/notes:1.4": failed to pull and unpack image "registry.orbit.test/orbit/notes:1.4": failed to resolve reference "registry.orbit.test/orbit/notes:1.4": unexpected status from HEAD request to https://registry.orbit.test/v2/orbit/notes/manifests/1.4: 401 Unauthorized`: "no-login",
		`pod/notes-api-6f7d8c9b5-k2mzp Warning Failed to pull image "orbit/notes:1.4": rpc error: code = NotFound desc = failed to pull and unpack image "docker.io/orbit/notes:1.4": failed to resolve reference "docker.io/orbit/notes:1.4": docker.io/orbit/notes:1.4: not found`:                                                                                    "manifest-unknown",
		// guard: Compose's plain Warning progress line stays quiet, also for a
		// service whose name starts with a digit
		"web Warning pull access denied for orbit-web, repository does not exist or may require 'docker login'":  "",
		"5web Warning pull access denied for orbit-web, repository does not exist or may require 'docker login'": "",
		// guard: a Normal row is no failure
		`12s         Normal    Pulling   pod/notes-api-6f7d8c9b5-k2mzp   Pulling image "registry.orbit.test/orbit/notes:1.4"`: "",
	})
}
