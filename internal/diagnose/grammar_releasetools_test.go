package diagnose

import "testing"

// TestMessageGrammarReleaseTools holds registry refusals as release
// pipelines meet them (sig_releasetools.go): GHCR's unknown owner,
// Artifact Registry's tag immutability, and JReleaser's check of a registry
// credential that resolved to nothing.
func TestMessageGrammarReleaseTools(t *testing.T) {
	checkFirstCause(t, map[string]string{
		// GHCR: the owner segment names no GitHub account
		"denied: not_found: owner not found": "push-outside-namespace",
		"ERROR: failed to push ghcr.io/ledger-ops/ledgerd:1.4.0: error from registry: not_found: owner not found": "push-outside-namespace",
		// GitHub Packages' npm registry says the same of an npm scope: not an image
		"npm error 403 403 Forbidden - PUT https://npm.pkg.github.com/@ledger-ops%2fclient - Permission not_found: owner not found": "",
		// Artifact Registry with immutable tags
		"cannot update tag latest. The repository has enabled tag immutability": "tag-immutable-or-protected",
		// JReleaser's docker registry credential check
		"[ERROR] registry.DEFAULT.password must not be blank. Configure a value using the Maven DSL, or define [jreleaser.docker.default.password] System properties": "empty-credential",
		"[ERROR] registry.docker.io.username must not be blank. Configure a value using the CLI yaml DSL":                                                             "empty-credential",
		// its other checks are not a registry's
		"[ERROR] release.github.token must not be blank. Configure a value using the CLI yaml DSL": "",
	})
}
