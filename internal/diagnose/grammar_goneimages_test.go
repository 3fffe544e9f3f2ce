package diagnose

import "testing"

// TestMessageGrammarGoneImages holds the shapes of images, tags and registry
// services that went away upstream (sig_goneimages.go), with guards.
func TestMessageGrammarGoneImages(t *testing.T) {
	checkFirstCause(t, map[string]string{
		// BuildKit resolving FROM: the resolver's "REF: not found" after "failed to resolve source metadata for REF"
		"ERROR: failed to solve: acme/base:3.1: failed to resolve source metadata for docker.io/acme/base:3.1: docker.io/acme/base:3.1: not found": "manifest-unknown",
		// the kubelet's event with the gRPC code and no description
		`Failed to pull image "registry.acme.example/shop/cart:2.4.1": rpc error: code = NotFound`:                                                                         "manifest-unknown",
		`Failed to pull image "quay.io/acme/api:v1": rpc error: code = NotFound desc = failed to pull and unpack image "quay.io/acme/api:v1": failed to resolve reference`: "manifest-unknown",
		`Failed to pull image "registry.acme.example/api:v1": rpc error: code = NotFound desc = Requested image not found`:                                                 "manifest-unknown",
		// dockerd's pull refusal wrapped after the comma (compose column, tracker)
		"Image acme/store:2024.1  Error pull access denied for acme/store,\nrepository does not exist or may require 'docker login': denied: requested access to the\nresource is denied": "manifest-unknown",
		"docker: Error response from daemon: pull access denied for acme/store,\n        repository does not exist or may require 'docker login'":                                         "manifest-unknown",
		// Quay's expired or deleted tag
		`Error reading manifest nightly in quay.io/acme/builder: unknown: Tag nightly was deleted or has expired. To pull, revive via time machine`: "manifest-unknown",
		// Container Registry shut down: 412 at gcr.io's token endpoint on a push
		"#12 ERROR: failed to push gcr.io/acme-prod/api:1.2: failed to authorize: failed to fetch oauth token: unexpected status from GET request to https://gcr.io/v2/token?scope=repository%3Aacme-prod%2Fapi%3Apull%2Cpush&service=gcr.io: 412 Precondition Failed": "registry-disabled",
		// the same 412 from go-containerregistry (crane, kaniko) and containers/image (podman, skopeo)
		"Error: GET https://gcr.io/v2/token?scope=repository%3Aacme-prod%2Fapi%3Apush%2Cpull&service=gcr.io: unexpected status code 412 Precondition Failed":                                  "registry-disabled",
		"Error: writing blob: initiating layer upload to /v2/acme-prod/api/blobs/uploads/ in eu.gcr.io: requesting bearer token: invalid status code from registry 412 (Precondition Failed)": "registry-disabled",
		// guards: other runtimes' NotFound with a description, a shell's not found, a 412 elsewhere, a 401 at gcr.io
		"sh: 1: acme/base:3.1: not found": "",
		`Failed to pull image "registry.acme.example/api:v1": rpc error: code = Unknown desc = failed to pull and unpack image`:                                                                                                                                 "",
		"#12 ERROR: failed to push registry.acme.example/api:1.2: failed to authorize: failed to fetch oauth token: unexpected status from GET request to https://registry.acme.example/token?scope=repository%3Aapi%3Apull%2Cpush: 412 Precondition Failed":    "bad-credentials",
		"#12 ERROR: failed to push gcr.io/acme-prod/api:1.2: failed to authorize: failed to fetch oauth token: unexpected status from GET request to https://gcr.io/v2/token?scope=repository%3Aacme-prod%2Fapi%3Apull%2Cpush&service=gcr.io: 401 Unauthorized": "bad-credentials",
		"Tag v1 was pushed": "",
		"Error: PUT https://uploads.acme.example/v1/object: unexpected status code 412 Precondition Failed": "",
	})
}
