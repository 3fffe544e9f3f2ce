package diagnose

import "testing"

// TestMessageGrammarActionsTrackers holds TestMessageGrammar's lines for the
// shapes found in the tenth held-out batch, slice a (the trackers of the
// GitHub Actions actions: login, build-push, setup-buildx, metadata...): one
// line (or a few) per shape, the first finding's cause wanted ("" = no
// finding). Kept apart from the other tables so that batches collected in
// parallel add their lines without touching the same block.
func TestMessageGrammarActionsTrackers(t *testing.T) {
	checkFirstCause(t, map[string]string{
		// a tag that starts with a separator before a generated value: the
		// template's first variable ({{branch}}, ${VERSION}) expanded to empty
		`ERROR: failed to build: invalid tag "quay.io/example-org/ledger:-3f9c2a1": invalid reference format`: "empty-reference-variable",
		`ERROR: invalid tag "example/ledger:-42": invalid reference format`:                                   "empty-reference-variable",
		`ERROR: invalid tag "example/ledger:.1.4.2": invalid reference format`:                                "empty-reference-variable",
		// a path component with a separator at either end: a prefix or suffix variable was empty
		`ERROR: invalid tag "registry.example.io/acme/-ledger:1.0": invalid reference format`: "empty-reference-variable",
		`ERROR: invalid tag "registry.example.io/acme/ledger-:1.0": invalid reference format`: "empty-reference-variable",
		// guards: a literal word after the separator stays invalid-reference (a
		// tool that prefixes its own value, aws-cdk's asset tags), and so do
		// upper case and a registry host with a port
		`Error parsing reference: "123456789012.dkr.ecr.eu-west-1.amazonaws.com/ledger:-othersuffix" is not a valid repository/tag: invalid reference format`: "invalid-reference",
		`ERROR: invalid tag "ghcr.io/Example-Org/ledger:1.0": repository name must be lowercase`:                                                              "invalid-reference",
		`ERROR: invalid tag "localhost:5000/ledger:1.0": invalid reference format`:                                                                            "invalid-reference",
		// an expired token on a line that is a tool's own FATAL log level
		"FATAL: Docker registry login failed: org access token is expired": "token-expired",
		// git's answers stay out
		"remote: Your token has expired.\nfatal: Authentication failed for 'https://github.com/acme/ledger.git/'": "",
		// the daemon's bare "unauthorized" with no request on the line
		"Error response from daemon: unauthorized": "no-login",
		// another tool's bare word stays quiet
		"error: unauthorized": "",
	})
}
