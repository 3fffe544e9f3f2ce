package diagnose

import "testing"

// TestMessageGrammarGoTransport holds the lines for the shapes found in the
// nineteenth held-out batch, part d (registry answers and transport failures
// by HTTP status and Go error text): Go's TLS record alert (bad record MAC)
// in the daemon's and containerd's wrappers, docker 1.x's blob check
// ("Server error: NNN trying head request for"), and an application's own
// /v2/ REST API that is not a registry; with guards for look-alikes.
func TestMessageGrammarGoTransport(t *testing.T) {
	checkFirstCause(t, map[string]string{
		// Go's TLS record alert from the peer, in the daemon's pull wrapper
		`docker: Error response from daemon: Get https://registry.lab.example/v2/lab/indexer/manifests/3.1: remote error: tls: bad record MAC.`: "registry-unreachable",
		// the same alert raised locally, in containerd's copy wrapper and dockerd's layer retry
		"docker: failed to copy: local error: tls: bad record MAC":                                                                                                           "registry-unreachable",
		`level=info msg="Download failed, retrying (2/5): local error: tls: bad record MAC"`:                                                                                 "registry-unreachable",
		"Error: copying system image from manifest list: writing blob: storing blob to file \"/var/tmp/storage1/1\": happened during read: local error: tls: bad record MAC": "registry-unreachable",
		// guard: another tool's download with the same Go error names no registry
		`Error: Failed to install provider: Get "https://releases.example.org/provider-null_3.2.1_linux_amd64.zip": local error: tls: bad record MAC`: "",
		// Docker Desktop's own proxy inside its VM refused the engine's registry traffic
		`Error response from daemon: Get "https://registry-1.docker.io/v2/": proxyconnect tcp: dial tcp 192.168.65.1:3128: connect: connection refused`: "client-bug",
		// guards: a proxy of the user's, and Desktop's proxy timing out, keep the network reading
		`Error response from daemon: Get "https://registry-1.docker.io/v2/": proxyconnect tcp: dial tcp 10.20.0.5:3128: connect: connection refused`: "registry-unreachable",
		`Error response from daemon: Get "https://registry-1.docker.io/v2/": proxyconnect tcp: dial tcp 192.168.65.1:3128: i/o timeout`:              "registry-unreachable",
		// docker 1.x: the blob existence check answered with a server error
		"FATA[0003] Error pushing to registry: Server error: 502 trying head request for lab/indexer - sha256:4f9a1c0e": "registry-fault",
		// guard: an application's own /v2/ API behind a port-forward closed without an answer
		"Failed to delete environment: Delete http://127.0.0.1:31999/v2/environments/nodejs?namespace=default: EOF": "",
		// the registry's endpoints keep the EOF reading, with and without a query
		`Error response from daemon: Head "https://registry.lab.example/v2/lab/indexer/manifests/3.1": EOF`:                                               "registry-fault",
		`Patch "https://registry.lab.example/v2/lab/indexer/blobs/uploads/1c2d3e?_state=Ab9x": EOF`:                                                       "registry-fault",
		`failed to fetch anonymous token: Get "https://auth.lab.example/token?scope=repository%3Alab%2Findexer%3Apull&service=registry.lab.example": EOF`: "registry-fault",
	})
}
