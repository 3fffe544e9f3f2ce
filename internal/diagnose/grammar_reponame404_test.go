package diagnose

import "testing"

// TestMessageGrammarRepoName404 holds a registry's 404 to a request whose
// repository name is outside the distribution grammar (reponame404.go):
// go-containerregistry's and containerd's status lines naming such a
// repository, with look-alikes whose names are valid (a missing repository
// on push, a missing tag on pull, double underscores, a proxy's upper case).
func TestMessageGrammarRepoName404(t *testing.T) {
	checkFirstCause(t, map[string]string{
		// a component starting or ending with a separator, or doubled periods
		"Error: function execution failed: remote write: POST http://localhost:5000/v2/orbit/.cache/blobs/uploads/: unexpected status code 404 Not Found: 404 page not found":  "invalid-reference",
		"error: failed commit on ref \"manifest-sha256:0f3c\": unexpected status from PUT request to https://registry.orbit.test/v2/orbit/tools-/manifests/1.0: 404 Not Found": "invalid-reference",
		"Error: PUT https://registry.orbit.test:5000/v2/orbit/app..v2/manifests/latest: unexpected status code 404 Not Found: 404 page not found":                              "invalid-reference",
		// look-alikes: valid names keep their readings
		"Error: function execution failed: remote write: POST http://localhost:5000/v2/orbit/cache/blobs/uploads/: unexpected status code 404 Not Found: 404 page not found":      "repo-not-found",
		"error: failed commit on ref \"manifest-sha256:0f3c\": unexpected status from PUT request to https://registry.orbit.test/v2/orbit/my__tools/manifests/1.0: 404 Not Found": "repo-not-found",
		"error: failed commit on ref \"manifest-sha256:0f3c\": unexpected status from PUT request to https://registry.orbit.test/v2/Orbit/Tools/manifests/1.0: 404 Not Found":     "repo-not-found",
	})
}
