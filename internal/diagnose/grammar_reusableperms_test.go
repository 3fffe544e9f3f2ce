package diagnose

import "testing"

// TestMessageGrammarReusablePermissions holds GitHub Actions' startup
// rejection of a reusable workflow whose job asks for more GITHUB_TOKEN scope
// than the caller grants ("The nested job 'J' is requesting 'packages:
// write', but is only allowed 'packages: read'"; 'none' when the caller's
// permissions: block omits packages). A called workflow can only keep or lower
// the caller's permissions (docs.github.com, "Reusing workflows", access and
// permissions), so the reading is the token's missing packages: write
// (gh-token-packages-permission), as lint rule GHA002 reads the same mismatch.
// The look-alike: the same startup error for scopes other than packages:
// write stays quiet (no registry operation involved).
func TestMessageGrammarReusablePermissions(t *testing.T) {
	checkFirstCause(t, map[string]string{
		"Invalid workflow file: .github/workflows/release.yml#L31\nThe workflow is not valid. .github/workflows/release.yml (Line: 31, Col: 3): Error calling workflow 'orbit/shared-ci/.github/workflows/publish-image.yml@v2'. The nested job 'push' is requesting 'packages: write', but is only allowed 'packages: read'.":   "gh-token-packages-permission",
		"The workflow is not valid. .github/workflows/nightly.yml (Line: 12, Col: 3): Error calling workflow 'orbit/ledger/.github/workflows/image.yml@0f3c9a1e7b2d4c6a8e0f1b3d5c7e9a2b4d6f8a0c'. The nested job 'build' is requesting 'contents: read, packages: write', but is only allowed 'contents: read, packages: none'.": "gh-token-packages-permission",
		"Error calling workflow 'orbit/shared-ci/.github/workflows/publish-image.yml@main'. The nested job 'publish' is requesting 'id-token: write, packages: write', but is only allowed 'id-token: none, packages: none'.":                                                                                                    "gh-token-packages-permission",
		// look-alikes: other scopes, nothing for a registry
		"The workflow is not valid. .github/workflows/release.yml (Line: 9, Col: 3): Error calling workflow 'orbit/shared-ci/.github/workflows/tag.yml@v1'. The nested job 'tag' is requesting 'contents: write', but is only allowed 'contents: read'.": "",
		"Error calling workflow 'orbit/ledger/.github/workflows/provenance.yml@v3'. The nested job 'attest' is requesting 'actions: read, id-token: write', but is only allowed 'actions: none, id-token: none'.":                                        "",
	})
}
