package diagnose

import "testing"

// TestMessageGrammarGHCRReadWithoutCredential holds GHCR's refusals of a read
// sent without a credential (sig_ghcrread.go): containerd's "failed to fetch
// anonymous token:" wrapped before its URL, and read_package answering a
// read with no login before it.
func TestMessageGrammarGHCRReadWithoutCredential(t *testing.T) {
	checkFirstCause(t, map[string]string{
		// wrapped after "anonymous token:": the URL and the 403 on the next lines
		"ERROR: failed to solve: failed to fetch anonymous token: \nunexpected status from GET request to \nhttps://ghcr.io/token?scope=repository%3Aexample-org%2Fbase-image%3Apull&service=ghcr.io: 403 Forbidden": "manifest-unknown",
		// the same URL and 403 without the cut before it: a stored credential refused (ghcrStaleCredential)
		"Error: GET \"https://ghcr.io/token?scope=repository%3Aexample-org%2Fbase-image%3Apull&service=ghcr.io\": response status code 403: denied: denied": "token-expired",
		// read_package on a tag list with no login: private or missing package
		"Error: GET \"https://ghcr.io/v2/example-org/charts/ledger/tags/list\": response status code 403: denied: permission_denied: read_package": "manifest-unknown",
		// read_package after a login for ghcr.io is not an anonymous read
		"Login Succeeded\nError: GET \"https://ghcr.io/v2/example-org/charts/ledger/tags/list\": response status code 403: denied: permission_denied: read_package": "gh-token-packages-permission",
	})
}
