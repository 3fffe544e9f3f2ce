package diagnose

import "testing"

// TestMessageGrammarManifestMerge holds BuildKit's read-back of the manifests
// it has just pushed while merging a multi-platform index
// (sig_manifestmerge.go), next to the same 404 on an ordinary pull.
func TestMessageGrammarManifestMerge(t *testing.T) {
	const notFound = "#21 ERROR: httpReadSeeker: failed open: content at https://registry-1.docker.io/v2/example-org/ledger/manifests/sha256:5c1a7a0f4b2e9d8c3f6a1b0e7d4c2a9f8e6b5d4c3a2f1e0d9c8b7a6f5e4d3c2b not found: not found"
	checkFirstCause(t, map[string]string{
		// the merge step's own read of what it pushed
		"#21 merging manifest list example-org/ledger:2.4.0\n" + notFound: "client-bug",
		"#21 merging manifest list registry.example.com/team/ledger:2.4.0,registry.example.com/team/ledger:latest\n#21 ERROR: httpReadSeeker: failed open: content at https://registry.example.com/v2/team/ledger/manifests/sha256:5c1a7a0f4b2e9d8c3f6a1b0e7d4c2a9f8e6b5d4c3a2f1e0d9c8b7a6f5e4d3c2b not found: not found": "client-bug",
		// the same 404 on a pull keeps its reading
		notFound: "manifest-unknown",
		// a merge line far before the 404 is another step's
		"#21 merging manifest list example-org/ledger:2.4.0\n#21 DONE 1.2s\n#22 [internal] load metadata for docker.io/example-org/ledger:2.4.0\n#22 pulling manifests\n" + notFound: "manifest-unknown",
	})
}

// TestMessageGrammarRequestsUnauthorizedForURL holds python-requests'
// HTTPError wording, which jib-unauthorized must leave alone: the URL is
// another service's API, not an image.
func TestMessageGrammarRequestsUnauthorizedForURL(t *testing.T) {
	checkFirstCause(t, map[string]string{
		"An error occurred in pipeline execution. 401 Client Error: Unauthorized for url: https://gitlab.example.com/api/v4/projects?search=ledger": "",
		"requests.exceptions.HTTPError: 401 Client Error: Unauthorized for url: https://api.example.com/v1/deployments/ledger":                      "",
		// jib's own wording keeps its reading
		"[ERROR] Failed to execute goal com.google.cloud.tools:jib-maven-plugin:3.4.0:build (default-cli) on project ledger: Build image failed, perhaps you should make sure your credentials for 'registry-1.docker.io/example-org/ledger' are set up correctly.\nCaused by: com.google.cloud.tools.jib.api.RegistryUnauthorizedException: Unauthorized for registry-1.docker.io/example-org/ledger": "no-login",
	})
}
