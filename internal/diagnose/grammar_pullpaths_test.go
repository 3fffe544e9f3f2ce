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

// TestTransferBelongsToItsOperation: layers that moved for a pull or push
// that then reported completion do not make a later refusal a token that
// expired mid-transfer (facts.transferredBefore); layers of the refused
// operation itself still do.
func TestTransferBelongsToItsOperation(t *testing.T) {
	checkFirstCause(t, map[string]string{
		// compose v1 pulls services one after another; the second image's registry refuses at once
		"Pulling cache (redis:7)...\n7: Pulling from library/redis\na2abf6c4d29d: Pull complete\nDigest: sha256:4bed291aa5efb9f0d77b76ff7d4ab71eee410962965d052552db1fb80576431d\nStatus: Downloaded newer image for redis:7\nPulling api (ghcr.io/acme/widget-api:2.3)...\nERROR: Head \"https://ghcr.io/v2/acme/widget-api/manifests/2.3\": unauthorized": "no-login",
		// a push loop: the first image completed, the second is refused before any layer
		"The push refers to repository [registry.example.org/acme/widget-a]\n5f70bf18a086: Pushed\n1.4.0: digest: sha256:788fa27763db6d69ad3444e8ba72f947df9e7e163bad7c1f5614f8fd27a311c3 size: 948\nThe push refers to repository [registry.example.org/acme/widget-b]\nunauthorized: authentication required": "no-login",
		// guard: the refused push's own layers moved first
		"The push refers to repository [registry.example.org/acme/widget-b]\n0a1b2c3d4e5f: Layer already exists\n2c3d4e5f6a7b: Pushing [=====>      ]  1.2GB/9.8GB\nunauthorized: authentication required": "token-expired",
	})
}
