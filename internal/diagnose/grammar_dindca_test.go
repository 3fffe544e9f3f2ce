package diagnose

import "testing"

// TestMessageGrammarDindCA holds TestMessageGrammar's lines for the docker
// CLI's TLS failure on its own daemon link (GitLab CI's docker:dind service
// on port 2376): "error during connect" on a Docker Engine API URL, with guards for a
// registry's TLS failure that the daemon relays. Kept apart from the other
// tables so that parallel batches do not edit the same block.
func TestMessageGrammarDindCA(t *testing.T) {
	checkFirstCause(t, map[string]string{
		// the client does not trust the dind daemon's certificate (another dind's CA in a shared certs volume)
		`error during connect: Post "https://docker:2376/v1.43/images/create?fromImage=registry.lumen.example%2Flumen%2Fapi&tag=2.1": tls: failed to verify certificate: x509: certificate signed by unknown authority (possibly because of "crypto/rsa: verification error" while trying to verify candidate authority certificate "docker:dind CA")`: "daemon-unreachable",
		`error during connect: Get "https://docker:2376/v1.47/info": tls: failed to verify certificate: x509: certificate signed by unknown authority`:                                                                                                                                                                                                 "daemon-unreachable",
		`error during connect: Head "https://dind.lumen.example:2376/_ping": x509: certificate is valid for docker, localhost, not dind.lumen.example`:                                                                                                                                                                                                 "daemon-unreachable",
		// guard: the daemon relays the registry's untrusted certificate
		`Error response from daemon: Get "https://registry.lumen.example:5000/v2/": tls: failed to verify certificate: x509: certificate signed by unknown authority`: "tls-untrusted",
		// guard: a registry URL (API /v2/) on a CLI-side request keeps the registry reading possible
		`Get "https://registry.lumen.example/v2/": x509: certificate signed by unknown authority`: "tls-untrusted",
	})
}
