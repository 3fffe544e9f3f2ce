package diagnose

import "testing"

// TestMessageGrammarBuildArgs holds the lines for a Dockerfile FROM whose
// build argument expanded to empty (sig_buildargs.go).
func TestMessageGrammarBuildArgs(t *testing.T) {
	checkFirstCause(t, map[string]string{
		"ERROR: failed to solve: base name ($BUILD_FROM) should not be blank":                                          "empty-reference-variable",
		"error: failed to solve: failed to solve with frontend dockerfile.v0: base name (${BASE}) should not be blank": "empty-reference-variable",
		// guard: other tools' blank-field messages
		"validation failed: display name should not be blank": "",
		"Error: name (release) should not be blank":           "",
	})
}
