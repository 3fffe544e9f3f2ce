package diagnose

import "testing"

// TestMessageGrammarPullPaths holds image-pull lines seen from CI test and
// e2e jobs (kubelet events, cri-o/containers/image pulls), with guards.
func TestMessageGrammarPullPaths(t *testing.T) {
	checkFirstCause(t, map[string]string{
		// the node's resolver itself unreachable (Go: dial udp … network is unreachable)
		`Failed to pull image "quay.example/acme/app:1.2": rpc error: code = Unknown desc = failed to pull and unpack image "quay.example/acme/app:1.2": failed to resolve reference "quay.example/acme/app:1.2": failed to do request: Head "https://quay.example/v2/acme/app/manifests/1.2": dial tcp: lookup quay.example on 10.96.0.10:53: dial udp 10.96.0.10:53: connect: network is unreachable`: "registry-unreachable",
		"v2 ping attempt failed with error: Get https://registry.example.org/v2/: dial tcp: lookup registry.example.org on 10.0.0.2:53: dial udp 10.0.0.2:53: network is unreachable":                                                                                                                                                                                                                   "registry-unreachable",
		// containers/image's old bare status of a blob or manifest GET
		"Error reading blob sha256:0b1c2d3e4f: Invalid status code returned when fetching blob 503":                             "registry-fault",
		"Error reading manifest 2.1 in registry.example.org/acme/tool: Invalid status code returned when fetching manifest 500": "registry-fault",
		// guards: a database host's DNS is no registry; a 4xx blob answer is no server fault
		"psql: error: could not translate host name: lookup postgres on 127.0.0.11:53: dial udp 127.0.0.11:53: network is unreachable": "",
		"Error reading blob sha256:0b1c2d3e4f: Invalid status code returned when fetching blob 404":                                    "",
	})
}
