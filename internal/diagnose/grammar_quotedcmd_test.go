package diagnose

import "testing"

// TestQuotedCommandReference: a wrapper that quotes the failed command and
// goes on after a colon (Terraform's local-exec "Error running command
// 'docker push REF': exit status 1. Output: …") leaves the reference
// without the quote and the colon (refs.go parseRef); an empty tag inside
// the quotes keeps its colon.
func TestQuotedCommandReference(t *testing.T) {
	checkFirstMessage(t, map[string]string{
		"Error running command 'docker push registry.orbit.test/team/app:1.0': exit status 1. Output: The push refers to repository [registry.orbit.test/team/app]\ndenied: requested access to the resource is denied": "The push to registry.orbit.test/team/app failed",
		`Error running command "docker push registry.orbit.test/team/app:1.0": exit status 1. Output: unauthorized: authentication required`:                                                                            "The push to registry.orbit.test/team/app failed",
	})
	for in, want := range map[string]string{
		`registry.orbit.test/team/app:1.0':`: "1.0",
		`registry.orbit.test/team/app:':`:    "",
		`registry.orbit.test/team/app:`:      "",
	} {
		r := parseRef(in)
		if r.Tag != want || r.Repo != "team/app" || r.Host != "registry.orbit.test" {
			t.Errorf("parseRef(%q) = %+v, want host registry.orbit.test, repo team/app, tag %q", in, r, want)
		}
	}
}
