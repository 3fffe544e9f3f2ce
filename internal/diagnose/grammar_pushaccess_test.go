package diagnose

import "testing"

// TestMessageGrammarPushAccess holds containerd's bare "push access denied"
// (sig_pushaccess.go): the quoted form without the server message after it.
func TestMessageGrammarPushAccess(t *testing.T) {
	checkFirstCause(t, map[string]string{
		// a name without host and namespace is Docker Hub's library/ namespace
		"ERROR: failed to push ledger-runner:latest: push access denied": "push-outside-namespace",
		// a namespaced Docker Hub name refused is read like the registry's own denial
		"ERROR: failed to push example-org/ledger-runner:latest: push access denied": "push-outside-namespace",
		// a host-qualified reference is read like that registry's denial too
		"ERROR: failed to push ghcr.io/example-org/ledger-runner:latest: push access denied": "insufficient-role",
		// the phrase inside an unrelated tool's message without "failed to push REF:" is not read
		"git: push access denied for branch main": "",
	})
}
