package diagnose

import "testing"

// TestMessageGrammarRefSpace holds TestMessageGrammar's lines for a
// reference with a space inside it, whole or with its opening quote cut off
// by the excerpt (eleventh held-out batch, part a), with guards for the
// empty-variable readings next to it.
func TestMessageGrammarRefSpace(t *testing.T) {
	checkFirstCause(t, map[string]string{
		`notes: 1.4.0-1700857078": invalid reference format`:                                                    "invalid-reference",
		`Error parsing reference: "orbit/notes :1.4.0" is not a valid repository/tag: invalid reference format`: "invalid-reference",
		// guard: an empty tag or namespace keeps the empty-variable reading
		`Error parsing reference: "orbit/notes:" is not a valid repository/tag: invalid reference format`:   "empty-reference-variable",
		`invalid argument "registry.lab.example//notes:1.4" for "-t, --tag" flag: invalid reference format`: "empty-reference-variable",
	})
}
