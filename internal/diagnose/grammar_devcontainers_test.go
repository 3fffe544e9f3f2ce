package diagnose

import "testing"

// TestMessageGrammarDevcontainers holds the Dev Containers CLI's token
// exchange lines for a Feature fetch (devcontainers/cli,
// httpOCIRegistry.ts) in both CLI generations, with look-alikes that must
// stay quiet or keep their reading.
func TestMessageGrammarDevcontainers(t *testing.T) {
	checkFirstCause(t, map[string]string{
		// current CLI: the anonymous retry refused, so the Feature is visible to nobody
		`[2026-03-02T09:14:07.201Z] [httpOci] 403: Failed to fetch bearer token for 'ghcr.io': {"errors":[{"code":"DENIED","message":"requested access to the resource is denied"}]}`: "manifest-unknown",
		`[812 ms] [httpOci] 401: Failed to fetch bearer token for 'registry.orbit.test': {"errors":[{"code":"UNAUTHORIZED","message":"authentication required"}]}`:                    "manifest-unknown",
		// 2023 CLI: no anonymous retry, the stored credential was what the registry refused
		`[1873 ms] [httpOci] Could not fetch bearer token for 'features.orbit.test': Error: HTTP 403: Forbidden`:                  "token-expired",
		`[2023-05-11T08:01:44.510Z] [httpOci] Could not fetch bearer token for 'orbit.azurecr.io': Error: HTTP 401: Unauthorized`: "token-expired",
		// the token service itself failing
		`[940 ms] [httpOci] 503: Failed to fetch bearer token for 'ghcr.io': upstream connect error or disconnect/reset before headers`: "registry-fault",
		// guard: the CLI's trace of the request it is about to make
		`[201 ms] [httpOci] Attempting to fetch bearer token from:  https://ghcr.io/token?service=ghcr.io&scope=repository%3Aorbit%2Ffeatures%2Ftools%3Apull`: "",
		// guard: other programs' bearer-token wording, not the registry client
		`Error: Failed to fetch bearer token for orbit-reporting client`: "",
		`failed to fetch bearer token for workflow A`:                    "",
	})
}
