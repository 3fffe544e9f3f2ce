package diagnose

import "testing"

// TestMessageGrammarBuildkitConn holds the lines of a BuildKit client that
// cannot reach the BuildKit daemon it builds with (buildctl --addr,
// buildx remote driver, Earthly's remote buildkit), and the look-alikes
// where the same transport words are about the registry (sig_buildkitconn.go).
func TestMessageGrammarBuildkitConn(t *testing.T) {
	checkFirstCause(t, map[string]string{
		// buildctl to a remote buildkitd over mTLS whose server certificate the client's CA did not sign
		`error: listing workers for Build: failed to list workers: Unavailable: connection error: desc = "transport: authentication handshake failed: x509: certificate is valid for buildkitd.orbit.svc, not builder.orbit.test"`: "daemon-unreachable",
		// buildctl with --tlscacert of another CA, TLS 1.3 wording
		`error: listing workers for Build: failed to list workers: Unavailable: connection error: desc = "transport: authentication handshake failed: tls: failed to verify certificate: x509: certificate is valid for buildkitd.lab.svc, not builder.lab.example"`: "daemon-unreachable",
		// a remote buildkit that is down, behind a tool's own wrapper
		`Error: build new buildkitd client: connect provided buildkit: timeout 3s: could not connect to buildkit: failed to list workers: Unavailable: connection error: desc = "transport: Error while dialing: dial tcp 10.20.30.40:9443: connect: connection refused": buildkitd did not respond (in time)`: "daemon-unreachable",
		// grpc-go's own status wording, older dial wording without the colon
		`ERROR: failed to list workers: rpc error: code = Unavailable desc = connection error: desc = "transport: Error while dialing dial tcp 10.20.0.7:1234: i/o timeout"`: "daemon-unreachable",
		// a builder address that does not resolve
		`error: listing workers for Build: failed to list workers: Unavailable: connection error: desc = "transport: Error while dialing: dial tcp: lookup buildkitd.ci.svc.cluster.local on 10.96.0.10:53: no such host"`: "daemon-unreachable",
		// guard: the registry refusing the builder's connection stays the registry's
		`ERROR: failed to push registry.lab.example:5000/ops/agent:2.0: failed to do request: Head "https://registry.lab.example:5000/v2/ops/agent/blobs/sha256:0a1b2c": dial tcp 10.20.0.9:5000: connect: connection refused`: "registry-unreachable",
		// guard: the registry's certificate during the push stays tls-untrusted
		`ERROR: failed to solve: failed to push harbor.lab.example/ops/agent:2.0: failed to authorize: failed to fetch oauth token: Post "https://harbor.lab.example/service/token": tls: failed to verify certificate: x509: certificate signed by unknown authority`: "tls-untrusted",
		// guard: another gRPC service's refused connection is not a builder's or a registry's
		`Error from server: rpc error: code = Unavailable desc = connection error: desc = "transport: Error while dialing dial tcp 127.0.0.1:2379: connect: connection refused"`: "",
		// guard: the local socket form keeps its own reading
		`error: failed to list workers: Unavailable: connection error: desc = "transport: error while dialing: dial unix /run/buildkit/buildkitd.sock: connect: no such file or directory"`: "daemon-unreachable",
	})
}
