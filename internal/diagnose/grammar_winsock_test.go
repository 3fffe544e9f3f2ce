package diagnose

import "testing"

// TestMessageGrammarWinsock holds the lines of Go's Windows connect errors
// (sig_winsock.go) and dockerd's layer-download retry with a certificate
// error, with guards.
func TestMessageGrammarWinsock(t *testing.T) {
	checkFirstCause(t, map[string]string{
		// WSAETIMEDOUT, WSAECONNREFUSED and WSAENETUNREACH after a registry request
		`Error response from daemon: Get "https://registry.lab.example/v2/": dial tcp 10.20.30.40:443: connectex: A connection attempt failed because the connected party did not properly respond after a period of time, or established connection failed because connected host has failed to respond.`: "registry-unreachable",
		`Error response from daemon: Get "https://registry.lab.example/v2/": dial tcp 10.20.30.40:443: connectex: No connection could be made because the target machine actively refused it.`:                                                                                                             "registry-unreachable",
		`failed to do request: Head "https://registry.lab.example/v2/tools/api/manifests/2.4": dial tcp 10.20.30.40:443: connectex: A socket operation was attempted to an unreachable network.`:                                                                                                           "registry-unreachable",
		// a credential helper relaying its own connect failure
		"Error saving credentials: error storing credentials - err: exit status 1, out: `Post \"https://hub.docker.com/v2/users/login?refresh_token=true\": dial tcp 52.1.2.3:443: connectex: No connection could be made because the target machine actively refused it.`": "registry-unreachable",
		// the same relay with the Unix wording (the helper's DNS lookup timed out)
		"Error saving credentials: error storing credentials - err: exit status 1, out: `Post \"https://hub.docker.com/v2/users/login?refresh_token=true\": dial tcp: lookup hub.docker.com on 127.0.0.53:53: read udp 127.0.0.1:41234->127.0.0.53:53: i/o timeout`": "registry-unreachable",
		// guard: a helper that is not there stays credential-store-error
		"error getting credentials - err: exec: \"docker-credential-desktop\": executable file not found in $PATH, out: ``": "credential-store-error",
		// guard: the Docker Engine's own TCP endpoint is the daemon
		`error during connect: Get "http://localhost:2375/v1.24/version": dial tcp 127.0.0.1:2375: connectex: No connection could be made because the target machine actively refused it.`: "daemon-unreachable",
		// guard: git's connect failure is no registry's
		`fatal: unable to access 'https://git.lab.example/ops/api.git/': Failed to connect: dial tcp 10.1.2.3:443: connectex: A connection attempt failed because the connected party did not properly respond`: "",
		// dockerd's layer download retry names no registry, but is one
		"Download failed, retrying: x509: certificate signed by unknown authority": "tls-untrusted",
	})
}
