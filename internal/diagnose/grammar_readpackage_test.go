package diagnose

import "testing"

// TestMessageGrammarReadPackage holds the lines for GHCR's
// "permission_denied: read_package" printed without its HTTP status
// (sig_readpackage.go); checkFirstCause as the other tables.
func TestMessageGrammarReadPackage(t *testing.T) {
	checkFirstCause(t, map[string]string{
		// go-containerregistry's form outside CI, no login: a private (or missing) package read anonymously
		"GET https://ghcr.io/v2/orbit-test/ledger-api/manifests/2.4.0: DENIED: permission_denied: read_package": "manifest-unknown",
		// the same refusal in a GitHub Actions job that pushes and signs: the job's token lacks packages access
		"GITHUB_TOKEN Permissions\n  Contents: read\n  Metadata: read\nError: signing [ghcr.io/orbit-test/ledger-api@sha256:5d1f3c2b1a0e9f8d7c6b5a4e3d2c1b0a9f8e7d6c5b4a3e2d1c0b9a8f7e6d5c4b]: accessing entity: GET https://ghcr.io/v2/orbit-test/ledger-api/manifests/sha256:5d1f3c2b1a0e9f8d7c6b5a4e3d2c1b0a9f8e7d6c5b4a3e2d1c0b9a8f7e6d5c4b: DENIED: permission_denied: read_package": "gh-token-packages-permission",
		// another service's word with the same stem is not GHCR's
		"npm ERR! 403 Forbidden - read_package_metadata is not allowed": "",
	})
}
