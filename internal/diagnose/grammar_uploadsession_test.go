package diagnose

import "testing"

// TestMessageGrammarUploadSession holds 400 answers to the PATCH and PUT
// requests of an open blob upload session (uploadsession.go): the name was
// accepted when the session opened, so they read as the client's request,
// while a 400 to the POST that opens the session, to a mount, or to a
// manifest keeps its own reading.
func TestMessageGrammarUploadSession(t *testing.T) {
	checkFirstCause(t, map[string]string{
		// BuildKit/containerd: the PUT that closes the upload
		`#10 ERROR: failed to push registry.orbit.test/orbit/app:1.0: failed commit on ref "layer-sha256:4f4fb700ef54461cfa02571ae0db9a0dc1e0cdb5577484a6d75e68dc38e8acc1": unexpected status from PUT request to https://registry.orbit.test/v2/orbit/app/blobs/uploads/2b5c7e10-4c1d-4f7a-9d1e-0c6a3b8f2e11?_state=abc&digest=sha256%3A4f4fb700ef54461cfa02571ae0db9a0dc1e0cdb5577484a6d75e68dc38e8acc1: 400 Bad Request`: "client-bug",
		// BuildKit/containerd: a chunk's PATCH
		`ERROR: failed to push registry.orbit.test/orbit/app:1.0: unexpected status from PATCH request to https://registry.orbit.test/v2/orbit/app/blobs/uploads/5f1e0c2a-1b3d-4e5f-8a9b-0c1d2e3f4a5b: 400 Bad Request`: "client-bug",
		// oras-go: a registry-specific upload location with the digest query
		`Error: PUT "https://us-docker.pkg.dev/artifacts-uploads/namespaces/orbit-proj/repositories/orbit/uploads/XyZ12?digest=sha256%3A5e1b0f8c2a": unexpected status code 400: Bad Request`: "client-bug",
		// go-containerregistry
		`Error: PUT https://registry.orbit.test/v2/orbit/app/blobs/uploads/a1b2c3?digest=sha256%3A9a1f0b2c3d4e5f60718293a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4: unexpected status code 400 Bad Request`: "client-bug",
		// guard: the POST that opens the session is where a name is refused
		`ERROR: failed to push europe-west1-docker.pkg.dev/orbit-prod/cart:1.8.0: unexpected status from POST request to https://europe-west1-docker.pkg.dev/v2/orbit-prod/cart/blobs/uploads/: 400 Bad Request`: "invalid-reference",
		// guard: a manifest PUT by digest keeps its reading
		`ERROR: failed to push registry.orbit.test/orbit/relay:0.9.1: failed commit on ref "manifest-sha256:3c2b1a0f9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f1e0d9c8b7a6f5e4d3c2b": unexpected status from PUT request to https://registry.orbit.test/v2/orbit/relay/manifests/sha256:3c2b1a0f9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f1e0d9c8b7a6f5e4d3c2b: 400 Bad Request`: "registry-fault",
		// guard: a 400 to a manifest PUT by tag keeps the generic reading
		`Error: PUT https://registry.orbit.test/v2/orbit/app/manifests/1.0: unexpected status code 400 Bad Request`: "invalid-reference",
	})
}
