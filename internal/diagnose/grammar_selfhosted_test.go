package diagnose

import "testing"

// TestMessageGrammarSelfHosted holds the lines for the shapes found in the
// seventeenth held-out batch, part d (forge and self-hosted registries,
// reverse proxies, LAN registries): a token realm the registry advertises
// at an address the client cannot use (the same host on another port, a
// loopback or docker-bridge address), Go's refusal of a certificate that
// names its host only in the Common Name, a manifest PUT by digest refused
// with 400 after its layers, act's failed clone of an action, another HTTPS
// client's POST to a web API; with guards
// for look-alikes. Kept apart from the other tables so that parallel
// batches do not edit the same block.
func TestMessageGrammarSelfHosted(t *testing.T) {
	checkFirstCause(t, map[string]string{
		// the realm keeps the default port of a registry served on :8443
		`Error response from daemon: Get "https://harbor.lab.internal:8443/v2/": Get "https://harbor.lab.internal/service/token?account=ci&client_id=docker&offline_token=true&service=harbor-registry": dial tcp 10.0.0.5:443: connect: connection refused`: "registry-fault",
		// docker before Go 1.14 quoting, the same shape
		`Error response from daemon: Get https://reg.lab.internal:5443/v2/: Get https://reg.lab.internal/token?account=ci&service=reg: dial tcp 10.0.0.6:443: connect: connection refused`: "registry-fault",
		// a plain-HTTP registry whose realm is the docker0 gateway
		`Error response from daemon: Get "http://192.168.10.40:5000/v2/": Get "http://172.17.0.1:3000/v2/token?account=ci&client_id=docker&offline_token=true&service=reg": net/http: request canceled while waiting for connection (Client.Timeout exceeded while awaiting headers)`: "registry-fault",
		// a loopback realm for a registry reached by name
		`Error response from daemon: Get "http://gitea.lab.internal:3000/v2/": Get "http://localhost:3000/v2/token?account=ci&client_id=docker&offline_token=true&service=container_registry": dial tcp [::1]:3000: connect: connection refused`: "registry-fault",
		// guard: Docker Hub's realm on its own public host stays a network failure
		`Error response from daemon: Get "https://registry-1.docker.io/v2/": Get "https://auth.docker.io/token?account=ci&client_id=docker&offline_token=true&service=registry.docker.io": dial tcp 54.1.2.3:443: i/o timeout`: "registry-unreachable",
		// guard: a realm on the registry's own host and port stays a network failure
		`Error response from daemon: Get "https://reg.lab.internal:5000/v2/": Get "https://reg.lab.internal:5000/token?account=ci&service=reg": net/http: TLS handshake timeout`: "registry-unreachable",
		// Go 1.15+: a certificate that names its host only in the Common Name
		`Error: failed to do request: Head "https://10.1.4.20:5000/v2/charts/orbit/blobs/sha256:5b7c1d2e": x509: certificate relies on legacy Common Name field, use SANs or temporarily enable Common Name matching with GODEBUG=x509ignoreCN=0`: "tls-untrusted",
		// a manifest PUT by digest refused with 400 after its layers
		`#12 ERROR: failed to push registry.home.arpa/tools/relay:0.9.1: failed commit on ref "manifest-sha256:3c2b1a0f": unexpected status from PUT request to https://registry.home.arpa/v2/tools/relay/manifests/sha256:3c2b1a0f: 400 Bad Request`: "registry-fault",
		// guard: a PUT by tag keeps the name reading (the tag may be what the registry refuses)
		`#12 ERROR: failed to push registry.home.arpa/tools/relay:0.9.1: failed commit on ref "manifest-sha256:3c2b1a0f": unexpected status from PUT request to https://registry.home.arpa/v2/tools/relay/manifests/0.9.1: 400 Bad Request`: "invalid-reference",
		// act's failed clone of an action is git, not a registry
		`[Publish/build] Unable to clone https://github.com/docker/setup-buildx-action refs/heads/v3: authentication required: Invalid username or password.`: "",
		// another HTTPS client's POST to a web API (no registry path, no image, no login) is not a registry failure
		`Post "https://api.push.example.net/3/device/5a0f": x509: certificate signed by unknown authority`: "",
		// guard: a POST of a blob upload keeps the TLS reading
		`Post "https://registry.home.arpa/v2/tools/relay/blobs/uploads/": x509: certificate signed by unknown authority`: "tls-untrusted",
		// guard: a POST to the token realm keeps the TLS reading
		`Post "https://gitea.home.arpa/v2/token": tls: failed to verify certificate: x509: certificate signed by unknown authority`: "tls-untrusted",
		// guard: Gitea's package-access check without any login keeps the token reading first
		`Error during deploy: deploying images: POST https://git.lab.internal/v2/ops/relay/blobs/uploads/: unexpected status code 401 Unauthorized: reqPackageAccess`: "password-not-token",
	})
}
