package diagnose

import "testing"

// TestMessageGrammarARPathForm holds the lines for Artifact Registry's
// "Pushes should be of the form docker push HOST-NAME/PROJECT-ID/REPOSITORY/IMAGE"
// quoted on its own (sig_arpathform.go); checkFirstCause as the other tables.
func TestMessageGrammarARPathForm(t *testing.T) {
	checkFirstCause(t, map[string]string{
		// the explanation alone, as a thread or a wrapped log quotes it
		"Pushes should be of the form docker push HOST-NAME/PROJECT-ID/REPOSITORY/IMAGE":         "invalid-reference",
		"ERROR: Pushes should be of the form docker push HOST-NAME/PROJECT-ID/REPOSITORY/IMAGE.": "invalid-reference",
		// wrapped after "Missing image name." (the registry's whole message over two lines)
		"name invalid: Missing image name.\nPushes should be of the form docker push HOST-NAME/PROJECT-ID/REPOSITORY/IMAGE": "invalid-reference",
		// a script comment or a sentence quoting the form is not the registry's answer
		"# e.g.: Pushes should be of the form docker push HOST-NAME/PROJECT-ID/REPOSITORY/IMAGE:TAG":                      "",
		"The docs say pushes should be of the form docker push HOST-NAME/PROJECT-ID/REPOSITORY/IMAGE, so tag it that way": "",
	})
}
