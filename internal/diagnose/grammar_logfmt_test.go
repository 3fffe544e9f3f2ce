package diagnose

import "testing"

// TestMessageGrammarLogfmt holds TestMessageGrammar's lines for registry
// answers that a logfmt logger (image updaters such as watchtower, Kubernetes
// controllers) quotes inside error="…" with escaped quotes, followed by more
// key=value fields: the first finding's cause wanted ("" = no finding).
func TestMessageGrammarLogfmt(t *testing.T) {
	checkFirstCause(t, map[string]string{
		// dockerd's bare 401 inside error="…", more fields after it
		`level=warning msg="Image pull failed" error="Error response from daemon: Head \"https://registry.lab.example/v2/tools/cache/manifests/7\": unauthorized: Unauthorized" image="registry.lab.example/tools/cache:7"`: "no-login",
		`level=warning msg="Image pull failed" error="Error response from daemon: Head \"https://registry.lab.example/v2/tools/cache/manifests/7\": unauthorized" image=cache`:                                              "no-login",
		// guard: after a login (host not named) it is no longer read as an anonymous request
		"Login Succeeded\n" + `level=warning msg="Image pull failed" error="Error response from daemon: Head \"https://registry.lab.example/v2/tools/cache/manifests/7\": unauthorized: Unauthorized" image=cache`: "login-wrong-host",
		// a tag-list read whose 401 body says "needs login": a read without a credential, not a failed login
		`level=error msg="Could not get tags from registry: Get \"https://pkgs.lab.example/v2/ops/billing/tags/list\": http: non-successful response (status=401 body=\"{\\\"errors\\\":[{\\\"code\\\":\\\"UNAUTHORIZED\\\",\\\"message\\\":\\\"Registry needs login\\\"}]}\\n\")" registry=pkgs.lab.example`: "no-login",
	})
}
