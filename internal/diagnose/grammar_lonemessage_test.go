package diagnose

import "testing"

// TestMessageGrammarLoneMessage holds the lines for a log that is one
// client message alone (sig_lonemessage.go), with the look-alikes that must
// keep their readings.
func TestMessageGrammarLoneMessage(t *testing.T) {
	checkFirstCause(t, map[string]string{
		// Go's x509 messages quoted alone
		"x509: certificate signed by unknown authority":                                    "tls-untrusted",
		"tls: failed to verify certificate: x509: certificate signed by unknown authority": "tls-untrusted",
		"x509: certificate is valid for ingress.local, not registry.orbit.test":            "tls-untrusted",
		"X509: certificate has expired or is not yet valid":                                "tls-untrusted",
		"x509: certificate signed by unknown authority\nwaiting for the next attempt":      "tls-untrusted",
		// guard: another client's prefix is not the message alone
		"Unable to connect to the server: x509: certificate signed by unknown authority": "",
		// guard: below another line the lone reading stays out
		"checking the cluster\nx509: certificate signed by unknown authority": "",
		// guard: another service's request in the log owns the certificate
		"x509: certificate signed by unknown authority\ngo: downloading github.com/orbit/app v1.2.0\ngo: github.com/orbit/app@v1.2.0: Get \"https://proxy.golang.org/github.com/orbit/app/@v/v1.2.0.mod\": x509: certificate signed by unknown authority": "",
		// guard: a sentence that only mentions the message
		"x509: certificate signed by unknown authority is what the docs page explains": "",
		// the registry context still reads it the usual way
		"docker push registry.orbit.test/app:1\nx509: certificate signed by unknown authority": "tls-untrusted",
	})
}

// TestMessageGrammarWrappedX509 holds the lines for Go's TLS message wrapped
// after its "x509:" prefix (sig_lonemessage.go).
func TestMessageGrammarWrappedX509(t *testing.T) {
	checkFirstCause(t, map[string]string{
		"Error response from daemon: Get https://registry.orbit.test/v2/: x509: \ncertificate signed by unknown authority": "tls-untrusted",
		"Get https://registry-1.docker.io/v2/library/alpine/manifests/3: x509:\n  certificate signed by unknown authority": "tls-untrusted",
		// guard: another client's cut message keeps out
		"fatal: unable to access 'https://git.orbit.test/app.git/': x509: \ncertificate signed by unknown authority": "",
		"Unable to connect to the server: x509: \ncertificate signed by unknown authority":                           "",
		// guard: the reason two lines below the cut is not its continuation
		"Error response from daemon: Get https://registry.orbit.test/v2/: x509: \nretrying\ncertificate signed by unknown authority": "",
	})
}
