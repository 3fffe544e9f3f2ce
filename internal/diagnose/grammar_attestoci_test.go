package diagnose

import "testing"

// TestMessageGrammarAttestOCI holds @sigstore/oci's status errors as
// actions/attest prints them with push-to-registry: true ("Error fetching
// URL - expected E, received S", sigstore-js packages/oci src/error.ts),
// for its requests to the subject's repository and token realm, and the
// look-alikes: the same wording for a URL that is no registry endpoint, the
// wrapper line alone, and a status that names no cause.
func TestMessageGrammarAttestOCI(t *testing.T) {
	checkFirstCause(t, map[string]string{
		// the subject manifest is not in the repository (HEAD before the upload)
		"Error: OCIError: Error uploading artifact to container registry\nError: Error fetching https://ghcr.io/v2/orbit/ledger-api/manifests/sha256:5d1f3c2b1a0e9f8d7c6b5a4e3d2c1b0a9f8e7d6c5b4a3e2d1c0b9a8f7e6d5c4b - expected 200, received 404": "manifest-unknown",
		"Error: Error fetching https://registry.orbit.test:5000/v2/team/ledger-api/manifests/sha256:5d1f3c2b1a0e9f8d7c6b5a4e3d2c1b0a9f8e7d6c5b4a3e2d1c0b9a8f7e6d5c4b - expected 200, received 404":                                                  "manifest-unknown",
		// GHCR refusing the upload session or the token for push: GITHUB_TOKEN's packages permission first
		"Error: Error fetching https://ghcr.io/v2/orbit/ledger-api/blobs/uploads/ - expected 202, received 403":                                        "gh-token-packages-permission",
		"Error: Error fetching https://ghcr.io/token?service=ghcr.io&scope=repository%3Aorbit%2Fledger-api%3Apush%2Cpull - expected 200, received 403": "gh-token-packages-permission",
		// a push-side rate limit and a server error
		"Error: Error fetching https://index.docker.io/v2/orbit/ledger-api/blobs/uploads/ - expected 202, received 429":                                                            "rate-limited",
		"Error: Error fetching https://ghcr.io/v2/orbit/ledger-api/manifests/sha256-5d1f3c2b1a0e9f8d7c6b5a4e3d2c1b0a9f8e7d6c5b4a3e2d1c0b9a8f7e6d5c4b - expected 201, received 502": "registry-fault",
		// look-alikes: the same wording for another web API's URL
		"Error: Error fetching https://api.orbit.test/v1/releases - expected 200, received 404": "",
		"Error: Error fetching https://api.orbit.test/v1/releases - expected 200, received 401": "",
		// the wrapper alone names no status
		"Error: OCIError: Error uploading artifact to container registry": "",
		// a 404 to the upload session is not a missing subject (and this rule names no cause for it)
		"Error: Error fetching https://ghcr.io/v2/orbit/ledger-api/blobs/uploads/ - expected 202, received 404": "",
	})
}
