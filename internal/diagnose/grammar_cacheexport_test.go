package diagnose

import "testing"

// TestMessageGrammarCacheManifest400 holds a registry refusing BuildKit's
// cache manifest with 400 during a registry cache export (sig_cacheexport.go).
func TestMessageGrammarCacheManifest400(t *testing.T) {
	checkFirstCause(t, map[string]string{
		`error: failed to solve: rpc error: code = Unknown desc = error writing manifest blob: failed commit on ref "sha256:0f3a8c1d2e4b5a6978877665544332211ffeeddccbbaa99887766554433221100": unexpected status: 400 Bad Request`:                                                   "registry-fault",
		`ERROR: failed to solve: error writing manifest blob: failed commit on ref "sha256:9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f1e0d9c8b7a6f5e4d3c2b1a0f9e8d": unexpected status from PUT request to https://registry.acme.test/v2/widget/cache/manifests/buildcache: 400 Bad Request`: "registry-fault",
		// an image push's 400 keeps its reading (a name the registry refuses)
		`failed to push registry.acme.test/Widget:1.0: unexpected status from HEAD request to https://registry.acme.test/v2/Widget/blobs/sha256:abc: 400 Bad Request`: "invalid-reference",
	})
}
