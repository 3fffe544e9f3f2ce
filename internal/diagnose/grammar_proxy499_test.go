package diagnose

import "testing"

// TestMessageGrammarProxy499 holds the lines for nginx's 499 (Client Closed
// Request) as a number in the status grammar of containerd's remotes,
// go-containerregistry and oras-go (twentieth held-out batch, part f), with
// look-alikes that stay quiet or keep their answer.
func TestMessageGrammarProxy499(t *testing.T) {
	checkFirstCause(t, map[string]string{
		// containerd's remotes: the proxy relayed nginx's 499 on a blob upload (a Go proxy's fallback reason text)
		`ERROR: failed to solve: failed to push reg.orbit.test/team/app:1.2: failed to copy: unexpected status from PUT request to https://reg.orbit.test/v2/team/app/blobs/uploads/5f1c2a?digest=sha256%3Aab12cd: 499 status code 499`: "registry-fault",
		// go-containerregistry's status grammar
		`Error: PATCH https://reg.orbit.test/v2/team/app/blobs/uploads/5f1c2a: unexpected status code 499 Client Closed Request`: "registry-fault",
		// oras-go's status grammar
		`Error: failed to perform "Push" on destination: PUT "https://reg.orbit.test/v2/charts/app/blobs/uploads/5f1c2a?digest=sha256%3Aab12cd": response status code 499: status code 499`: "registry-fault",
		// guard: an application test that expects another status stays quiet
		`proxy_test.go:88: unexpected status code 499, want 200`: "",
		// guard: the 5xx grammar keeps its answer
		`ERROR: failed to solve: failed to push reg.orbit.test/team/app:1.2: failed to copy: unexpected status from PUT request to https://reg.orbit.test/v2/team/app/blobs/uploads/5f1c2a: 502 Bad Gateway`: "registry-fault",
	})
}
