package diagnose

import "testing"

// TestMessageGrammarTLSOperator holds the lines for a HostnameError whose
// certificate belongs to the registry's own operator (tlsoperator.go) and
// the look-alikes that keep the tls-untrusted reading.
func TestMessageGrammarTLSOperator(t *testing.T) {
	checkFirstCause(t, map[string]string{
		`error pulling image configuration: Get "https://pkg-containers.githubusercontent.com/ghcr1/blobs/sha256:0a1b": x509: certificate is valid for *.githubassets.com, githubassets.com, not pkg-containers.githubusercontent.com`: "registry-fault",
		`Error response from daemon: Get "https://registry-1.docker.io/v2/": x509: certificate is valid for *.docker.com, docker.com, not registry-1.docker.io`:                                                                        "registry-fault",
		// the message quoted alone
		"x509: certificate is valid for *.githubassets.com, githubassets.com, not pkg-containers.githubusercontent.com": "registry-fault",
		"x509: certificate is valid for ingress.local, not pkg-containers.githubusercontent.com":                        "tls-untrusted",
		// guard: a foreign name (DNS hijack, intercepting proxy, cluster API) is the client's network
		`Error response from daemon: Get "https://registry-1.docker.io/v2/": x509: certificate is valid for *.cdn.example.net, not registry-1.docker.io`:                  "tls-untrusted",
		`Error response from daemon: Get "https://registry-1.docker.io/v2/": x509: certificate is valid for kubernetes, kubernetes.default.svc, not registry-1.docker.io`: "tls-untrusted",
		// guard: a mix of the operator's and a foreign name
		`Error response from daemon: Get "https://ghcr.io/v2/": x509: certificate is valid for github.com, fw.corp.example, not ghcr.io`: "tls-untrusted",
		// guard: a private registry keeps the usual reading
		`Error response from daemon: Get "https://harbor.orbit.test/v2/": x509: certificate is valid for ingress.local, not harbor.orbit.test`: "tls-untrusted",
	})
}
