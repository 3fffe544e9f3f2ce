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
		// the registry's verification of what the client sent (DIGEST_INVALID, SIZE_INVALID)
		"9c1d0e7b3a55: Pushing [==================================================>]  45.06kB\ndigest invalid: provided digest did not match uploaded content":        "client-bug",
		`Error: on finish upload registry responded with code 400: {"errors":[{"code":"DIGEST_INVALID","message":"provided digest did not match uploaded content"}]}`: "client-bug",
		"size invalid: provided length did not match content length": "client-bug",
		// guard: a package manager's own checksum words name no registry
		"npm WARN tarball tarball data for lodash@4.17.21 seems to be corrupted. Trying again. integrity digest invalid": "",
		// the registry's HTTP/2 front end closed the connection during a push
		`#14 ERROR: failed to push registry.lab.example/lab/indexer:2.3.1: failed to copy: http2: server sent GOAWAY and closed the connection; LastStreamID=1999, ErrCode=NO_ERROR, debug=""`: "registry-fault",
		// guards: kubectl and a dashboard against the API server's GOAWAY name no registry
		`Get https://10.96.0.1:443/api/v1/namespaces/lab/pods?labelSelector=app%3Dindexer: http2: server sent GOAWAY and closed the connection; LastStreamID=7441, ErrCode=NO_ERROR, debug=""`: "",
		`error: http2: server sent GOAWAY and closed the connection; LastStreamID=9, ErrCode=NO_ERROR, debug=""`:                                                                               "",
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
