package diagnose

import "testing"

// TestMessageGrammarContainerdStatusURL pins containerd 1.x's status form
// with the request URL between "code" and the status ("unexpected status
// code URL: 404 Not Found", remotes/docker fetcher and pusher), as ctr and
// nerdctl print it, for 404 and 400 like the other clients' bare statuses
// (sig_status.go). Guards: the same words without a registry URL stay quiet.
func TestMessageGrammarContainerdStatusURL(t *testing.T) {
	checkFirstCause(t, map[string]string{
		// a pull of a tag the repository does not have
		`ctr: failed to resolve reference "registry.orbit.test/orbit/api:7": unexpected status code https://registry.orbit.test/v2/orbit/api/manifests/7: 404 Not Found`: "manifest-unknown",
		// a push whose upload start the registry does not serve at that path
		"$ ctr images push registry.orbit.test/missing-project/api:7\nctr: unexpected status code https://registry.orbit.test/v2/missing-project/api/blobs/uploads/: 404 Not Found": "repo-not-found",
		// the 401 form keeps its reading
		`ctr: failed to resolve reference "registry.orbit.test/orbit/api:7": unexpected status code https://registry.orbit.test/v2/orbit/api/manifests/7: 401 Unauthorized`: "no-login",
		// guard: a web page's 404 with no registry path
		"curl: unexpected status code https://docs.orbit.test/install: 404 Not Found": "",
		// guard: another service's API under /v2/ (not a distribution route)
		"Error: unexpected status code https://api.orbit.test/v2/users/12: 404 Not Found":               "",
		"deploy: unexpected status code https://hooks.orbit.test/v2/deploys/orbit-api: 400 Bad Request": "",
		// guard: a package index's 404
		"npm ERR! unexpected status code https://npm.orbit.test/orbit-cli: 404 Not Found": "",
	})
}
