package diagnose

import "testing"

// TestMessageGrammarGHCRCreate holds GHCR's refusal to create an
// organization package ("installation not allowed to Create organization
// package") when the job's GITHUB_TOKEN Permissions block shows Packages:
// write: the package does not exist yet (GHCR says "Write" once it does), so
// the organization's package creation policy refused it (ghcr-org-policy).
// The look-alikes keep their reading: the "Write" wording with Packages:
// write (the package's Actions access), the "Create" wording with Packages:
// read or without a permissions block (the token's permission), and a fork
// pull request.
func TestMessageGrammarGHCRCreate(t *testing.T) {
	const permsWrite = "##[group]GITHUB_TOKEN Permissions\nContents: read\nMetadata: read\nPackages: write\n##[endgroup]\nSecret source: Actions\n"
	checkFirstCause(t, map[string]string{
		permsWrite + "#13 ERROR: failed to push ghcr.io/orbit/ledger-api:1.4.0: denied: installation not allowed to Create organization package":                                       "ghcr-org-policy",
		permsWrite + "Error: writing blob: initiating layer upload to /v2/orbit/ledger-api/blobs/uploads/ in ghcr.io: denied: installation not allowed to Create organization package": "ghcr-org-policy",
		// look-alike: the package exists (Write): its Actions access
		permsWrite + "#13 ERROR: failed to push ghcr.io/orbit/ledger-api:1.4.0: denied: installation not allowed to Write organization package": "ghcr-package-actions-access",
		// look-alike: the token itself cannot write packages
		"##[group]GITHUB_TOKEN Permissions\nContents: read\nMetadata: read\nPackages: read\n##[endgroup]\n#13 ERROR: failed to push ghcr.io/orbit/ledger-api:1.4.0: denied: installation not allowed to Create organization package": "gh-token-packages-permission",
		"#13 ERROR: failed to push ghcr.io/orbit/ledger-api:1.4.0: denied: installation not allowed to Create organization package":                                                                                                  "gh-token-packages-permission",
		// look-alike: a fork pull request's read-only token
		"##[group]GITHUB_TOKEN Permissions\nMetadata: read\nPackages: write\n##[endgroup]\nSecret source: None\n#13 ERROR: failed to push ghcr.io/orbit/ledger-api:pr-7: denied: installation not allowed to Create organization package": "fork-pr-readonly",
	})
}
