package diagnose

import "testing"

// TestMessageGrammarTLSWordings: the untrusted-certificate wordings of
// verifiers other than Go's own: macOS's platform verifier behind Go 1.18+
// (`x509: “NAME” certificate is not trusted|standards compliant`) and rustls
// (`invalid peer certificate: UnknownIssuer`, the Rust registry clients),
// with the guards that keep them to registry requests.
func TestMessageGrammarTLSWordings(t *testing.T) {
	checkFirstCause(t, map[string]string{
		// rustls through reqwest (kwctl push): a private CA the client does not trust
		`Error: could not push policy: error sending request for url (https://registry.ledger.example/v2/ledger/policies/psp/blobs/uploads/): error trying to connect: invalid peer certificate: UnknownIssuer`: "tls-untrusted",
		// older rustls wording, a pull
		`Error: the policy registry://registry.ledger.example:5000/ledger/psp:v1.2.0 could not be downloaded due to error: error sending request for url (https://registry.ledger.example:5000/v2/): error trying to connect: invalid peer certificate contents: invalid peer certificate: UnknownIssuer`: "tls-untrusted",
		// rustls 0.23: an expired certificate
		`Error: failed to pull: error sending request for url (https://registry.ledger.example/v2/): client error (Connect): invalid peer certificate: certificate expired: verification time 1735689600 (UNIX), but certificate is not valid after 1733097600 (2592000 seconds ago)`: "tls-untrusted",
		// rustls: not valid yet, the runner's clock is behind
		`Error: failed to pull: error sending request for url (https://registry.ledger.example/v2/): invalid peer certificate: NotValidYet`: "clock-skew",
		// macOS's verifier (Go 1.18+): a certificate Apple's TLS policy refuses
		`DEBUG   Get "https://harbor.ledger.lan/v2/": x509: “Ledger CA” certificate is not standards compliant; Get "https://harbor.ledger.lan:443/v2/": x509: “Ledger CA” certificate is not standards compliant`: "tls-untrusted",
		// macOS's verifier: an untrusted issuer
		`Error response from daemon: Get "https://registry.ledger.example/v2/": x509: “registry.ledger.example” certificate is not trusted`: "tls-untrusted",
		// guard: the same rustls words from another HTTPS API
		`error sending request for url (https://api.ledger.example/graphql): error trying to connect: invalid peer certificate: UnknownIssuer`: "",
		// guard: a bare rustls line names no request
		`    2: invalid peer certificate: UnknownIssuer`: "",
		// guard: GitHub's API refused by macOS's verifier is no registry's
		`Post "https://api.github.com/graphql": x509: “*.github.com” certificate is not standards compliant`: "",
	})
}
