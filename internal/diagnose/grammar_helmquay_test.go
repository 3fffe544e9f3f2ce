package diagnose

import "testing"

// TestMessageGrammarHelmQuay holds the lines for Helm 3.17.4+'s pre-push
// existence check refused by Quay (sig_helmquay.go), found in the
// seventeenth held-out batch, part c (threads of 2025-2026), with guards.
func TestMessageGrammarHelmQuay(t *testing.T) {
	const exists = `Error: failed to perform "Exists" on destination: HEAD "https://quay.io/v2/lumen/charts/notes-api/manifests/sha256:4b1c0f9e": response status code 401: Unauthorized`
	checkFirstCause(t, map[string]string{
		// oras-go v2's wrapper for the existence check, answered 401 by quay.io
		exists: "client-bug",
		// a self-hosted Quay named so
		`Error: failed to perform "Exists" on destination: HEAD "https://quay.apps.lumen.example/v2/platform/helm/notes-api/manifests/sha256:98d2": response status code 401: Unauthorized`: "client-bug",
		// guard: a Helm older than 3.17.4 in the same log does not make that check
		"version.BuildInfo{Version:\"v3.17.3\", GitCommit:\"e4da49785aa6e6ee2b86efd5dd9e43400318262b\", GitTreeState:\"clean\", GoVersion:\"go1.23.7\"}\n" + exists: "no-login",
		// guard: the same check answered 401 by Docker Hub keeps the nested-path reading
		`Error: failed to perform "Exists" on destination: HEAD "https://registry-1.docker.io/v2/lumen/charts/notes-api/manifests/sha256:1d9f": response status code 401: Unauthorized`: "push-outside-namespace",
		// helm push --debug (slog): the check's answer with Quay's challenge asking pull only
		"$ helm push --debug notes-api-0.4.0.tgz oci://quay.lab.example/lumen\n" +
			"level=DEBUG msg=Request id=0 url=https://quay.lab.example/v2/lumen/notes-api/manifests/sha256:e264 method=HEAD header=\"   \\\"User-Agent\\\": \\\"Helm/3.19.1\\\"\"\n" +
			`level=DEBUG msg=Response id=0 status="401 UNAUTHORIZED" header="   \"Www-Authenticate\": \"Bearer realm=\\\"https://quay.lab.example/v2/auth\\\",service=\\\"quay.lab.example\\\",scope=\\\"repository:lumen/notes-api:pull\\\"\""`: "client-bug",
		// guard: a challenge that asks pull,push is not the pull-only check
		"$ helm push --debug notes-api-0.4.0.tgz oci://quay.lab.example/lumen\n" +
			"level=DEBUG msg=Request id=3 url=https://quay.lab.example/v2/lumen/notes-api/blobs/uploads/ method=POST header=\"   \\\"User-Agent\\\": \\\"Helm/3.19.1\\\"\"\n" +
			`level=DEBUG msg=Response id=3 status="401 UNAUTHORIZED" header="   \"Www-Authenticate\": \"Bearer realm=\\\"https://quay.lab.example/v2/auth\\\",service=\\\"quay.lab.example\\\",scope=\\\"repository:lumen/notes-api:pull,push\\\"\""`: "no-login",
	})
}
