package diagnose

import "testing"

// TestMessageGrammarHelmRepoIndexOCI holds the lines of Helm commands that
// name a classic chart repository with --repo (helmrepo.go): oras-go's bare
// "invalid_reference: invalid tag" for a chart version the repository's
// index.yaml lists as a tagged oci:// URL (helm/helm#13466), in the shell
// form (command, then error) and in Argo CD's one-line wrapper, whose
// `helm pull --destination /tmp/UUID` names a directory, not an image. The
// guards keep a reference the user typed on its own reading.
func TestMessageGrammarHelmRepoIndexOCI(t *testing.T) {
	checkFirstCause(t, map[string]string{
		// shell: the command echoed, then Helm's error
		"$ helm pull --destination /tmp/charts --version 3.2.0 --repo https://charts.orbit.test/stable ledger\nError: invalid_reference: invalid tag":        "client-bug",
		"+ helm template ledger --repo https://charts.orbit.test/stable --version 3.2.0 --namespace orbit\nError: invalid_reference: invalid tag":            "client-bug",
		"helm upgrade --install ledger ledger --repo=http://charts.orbit.test/stable --version 3.2.0\nError: UPGRADE FAILED: invalid_reference: invalid tag": "client-bug",
		"$ helm show values --repo https://charts.orbit.test/stable ledger --version 3.2.0\nError: invalid_reference: invalid tag":                           "client-bug",
		// Argo CD's repo-server wrapping the same helm pull on one line
		"rpc error: code = Unknown desc = `helm pull --destination /tmp/0b6c3e52-1d2f-4f0a-9c51-7e2d1a8f4b21 --version 3.2.0 --repo https://charts.orbit.test/stable ledger` failed exit status 1: Error: invalid_reference: invalid tag": "client-bug",
		// guards: an OCI reference the user typed with a tag helm refuses (helm/helm#12728) stays invalid-reference
		"$ helm push ledger-3.2.0.tgz oci://registry.orbit.test/charts/ledger:3.2.0\nError: invalid_reference: invalid tag": "invalid-reference",
		// a --repo command far before the error says nothing of it
		"$ helm template ledger --repo https://charts.orbit.test/stable --version 3.2.0\nok\nok\nok\nok\nok\nok\n$ helm push ledger-3.2.0.tgz oci://registry.orbit.test/charts/ledger:3.2.0\nError: invalid_reference: invalid tag": "invalid-reference",
		// kaniko's --destination is still an image reference with an empty registry part
		"/kaniko/executor --context . --destination=/orbit/ledger:3.2.0\nerror checking push permissions -- make sure you entered the correct tag name, and that you are authenticated correctly, and try again: checking push permission for \"/orbit/ledger:3.2.0\": invalid reference format": "empty-reference-variable",
		// a successful helm pull to a directory stays quiet
		"$ helm pull --destination /tmp/charts --version 3.2.0 --repo https://charts.orbit.test/stable ledger\nPulled: charts.orbit.test/stable/ledger:3.2.0": "",
	})
}
