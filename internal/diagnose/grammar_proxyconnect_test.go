package diagnose

import "testing"

// TestMessageGrammarProxyConnect holds the lines for Go's errors inside the
// CONNECT to a configured HTTP(S) proxy (h15e batch: networks between CI and
// the registry), with guards for other tools behind the same proxy.
func TestMessageGrammarProxyConnect(t *testing.T) {
	checkFirstCause(t, map[string]string{
		// HTTPS_PROXY written https:// for a plain-HTTP proxy, dockerd and buildkit wording
		"Error response from daemon: Get https://registry.lab.example/v2/: proxyconnect tcp: tls: first record does not look like a TLS handshake":                                                                                "registry-unreachable",
		`ERROR: failed to solve: lab/indexer:1.2: failed to resolve source metadata for docker.io/lab/indexer:1.2: failed to do request: Head "https://registry-1.docker.io/v2/lab/indexer/manifests/1.2": proxyconnect tcp: EOF`: "registry-unreachable",
		// guard: git and npm behind the same proxy
		"fatal: unable to access 'https://git.lab.example/lab/indexer.git/': proxyconnect tcp: tls: first record does not look like a TLS handshake": "",
		"npm error request to https://registry.npmjs.org/left-pad failed, reason: proxyconnect tcp: EOF":                                             "",
		// guard: a Go program's own proxy failure with no registry in sight
		"level=error msg=\"upload failed\" err=\"Post https://telemetry.lab.example/ingest: proxyconnect tcp: EOF\"": "",
	})
}
