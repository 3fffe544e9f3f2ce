package diagnose

import "testing"

// distribution's client renders the MANIFEST_BLOB_UNKNOWN code lowercased
// with spaces (registry/api/errcode ErrorCode.Error): "manifest blob
// unknown: blob unknown to registry", on a line of its own under docker
// manifest push's "failed to put manifest" or oras's wrapped PUT. A registry
// answers the code only to a manifest upload, so the line reads as the
// manifest sent before its blobs, like the uppercase code; a bare BLOB_UNKNOWN
// after "Layer already exists" keeps the registry-fault reading.
func TestGrammarManifestBlobUnknown(t *testing.T) {
	checkFirstCause(t, map[string]string{
		"failed to put manifest registry.orbit.test/orbit/ledger:2.1: errors:\nmanifest blob unknown: blob unknown to registry\nmanifest blob unknown: blob unknown to registry": "client-bug",
		"manifest blob unknown: blob unknown to registry; manifest blob unknown: blob unknown to registry":                                                                       "client-bug",
		// look-alikes: the plain code after a layer the registry said it had stays the registry's fault
		"5f70bf18a086: Layer already exists\nerror from registry: blob unknown to registry - sha256:9c1a77e2": "registry-fault",
		"error pushing image: blob unknown to registry: sha256:4e8b1c02":                                      "registry-fault",
		// the registry's own access log of a HEAD for a blob is quiet
		`level=error msg="response completed with error" err.code="blob unknown" err.message="blob unknown to registry" http.request.method=HEAD http.response.status=404`: "",
	})
}
