package diagnose

import "testing"

// TestMessageGrammarDind holds TestMessageGrammar's lines for the shapes found
// in the eighth held-out batch, part a (GitLab CI jobs): one line (or a few)
// per shape, the first finding's cause wanted ("" = no finding), with guards
// for the look-alikes. Kept apart from the other tables so that parallel
// batches do not edit the same block.
func TestMessageGrammarDind(t *testing.T) {
	checkFirstCause(t, map[string]string{
		// Node's refused connection to a Docker Engine port (dockerode, testcontainers-node)
		"connect ECONNREFUSED 172.17.0.4:2375": "daemon-unreachable",
		"Error: connect ECONNREFUSED 10.1.0.9:2376\n    at TCPConnectWrap.afterConnect [as oncomplete] (node:net:1607:16)": "daemon-unreachable",
		// guard: a refused database or web port, or a port that only begins with 2375
		"Error: connect ECONNREFUSED 127.0.0.1:5432":      "",
		"FetchError: connect ECONNREFUSED 10.0.0.5:23750": "",
		// the Docker daemon's own answer to plain HTTP on its TLS port (sig_rarecauses.go's plain-http-to-tls-port)
		"(HTTP code 400) bad parameter - Client sent an HTTP request to an HTTPS server.":                          "daemon-unreachable",
		"error during connect: Get http://docker:2376/v1.45/info: Client sent an HTTP request to an HTTPS server.": "daemon-unreachable",
		// the same text from a registry told to use http://
		`Error response from daemon: Get "http://registry.lab.example:5000/v2/": Client sent an HTTP request to an HTTPS server.`: "http-https-mismatch",
		// guard: a web app's test hitting its own TLS port
		"expected 200, got 400: Client sent an HTTP request to an HTTPS server.": "",
		// GitLab's access forbidden on a read (GET) without a login or a job token: a pull, not a cross-project push
		"Deploy failed: (HTTP code 500) server error - Get https://registry.lumen.example/…/ledger : denied: access forbidden": "no-login",
		// a push whose request went to Docker Hub's library/: the name lacks a namespace
		`checking push permission for "docker.io/ledger:4f1c2ab": POST https://index.docker.io/v2/library/ledger/blobs/uploads/: UNAUTHORIZED: authentication required; [map[Action:pull Class: Name:library/ledger Type:repository] map[Action:push Class: Name:library/ledger Type:repository]]`: "push-outside-namespace",
		// guard: library/ in a push's source, not its destination, keeps the login reading
		`error pushing image "docker.io/library/busybox:latest" to "atomic:busybox:latest": error copying layers and metadata: Error writing blob: Error initiating layer upload to /v2/library/busybox/blobs/uploads/, status 401`: "no-login",
		// GitLab's missing-personal-access-token error: a password for a 2FA account
		`invalid credentials: AuthFailed(why: "received unexpected HTTP status code 401 while retrieving an authentication token", details: "{\"errors\":[{\"code\":\"UNAUTHORIZED\",\"message\":\"HTTP Basic: Access denied\\nYou must use a personal access token with 'api' scope for Git over HTTP.\\nYou can generate one at https://gitlab.lumen.example/-/profile/personal_access_tokens\"}]}")`: "password-not-token",
		// guard: GitLab's generic wording keeps the wrong-credential reading
		`Error response from daemon: Get "https://registry.gitlab.com/v2/": unauthorized: HTTP Basic: Access denied. The provided password or token is incorrect or your account has 2FA enabled and you must use a personal access token instead of a password.`: "bad-credentials",
		// docker.io/library/ORG/NAME: no such Docker Hub repository can exist
		`ctr: failed to resolve reference "docker.io/library/lumen/ledger-worker:2.3.0": pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed`: "manifest-unknown",
		// guard: an ordinary two-part name keeps the no-login reading
		`ctr: failed to resolve reference "docker.io/lumen/ledger-worker:2.3.0": pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed`: "no-login",
	})
}
