package diagnose

import "testing"

// TestMessageGrammarPushRefs holds the lines of the reference shapes read by
// sig_pushrefs.go (ninth held-out batch, part a): BuildKit's push step header
// without a colon, and cosign's "signing [REF]" before a wrapped refusal.
func TestMessageGrammarPushRefs(t *testing.T) {
	checkFirstCause(t, map[string]string{
		// a pull-request tag on BuildKit's push header: the PR's read-only token
		"#15 pushing ghcr.io/example-org/ledger-api:pr-117 with docker\n#15 ERROR: denied: installation not allowed to Write organization package": "fork-pr-readonly",
		// the same header with a branch tag keeps the token-permission reading
		"#15 pushing ghcr.io/example-org/ledger-api:main with docker\n#15 ERROR: denied: installation not allowed to Write organization package": "gh-token-packages-permission",
		// a tag that only starts with pr- is not metadata-action's PR tag
		"#15 pushing ghcr.io/example-org/ledger-api:pr-preview with docker\n#15 ERROR: denied: installation not allowed to Write organization package": "gh-token-packages-permission",
		// cosign's signature upload refused with no login for the registry: no credential reached cosign
		"Error: signing [ghcr.io/example-org/ledger-api@sha256:7e6d5c4b3a29180f7e6d5c4b3a29180f7e6d5c4b3a29180f7e6d5c4b3a29180f]: signing digest:\nfailed to upload layer: POST https://ghcr.io/v2/example-org/ledger-api/blobs/uploads/:\nUNAUTHORIZED: User cannot be authenticated with the token provided.": "no-login",
		// after a login for the same registry the refused token is the login's
		"Login Succeeded\nRun docker/login-action@v3\nLogging into ghcr.io...\nLogin Succeeded!\nError: signing [ghcr.io/example-org/ledger-api@sha256:7e6d5c4b3a29180f7e6d5c4b3a29180f7e6d5c4b3a29180f7e6d5c4b3a29180f]: signing digest:\nfailed to upload layer: POST https://ghcr.io/v2/example-org/ledger-api/blobs/uploads/:\nUNAUTHORIZED: User cannot be authenticated with the token provided.": "token-expired",
		// only helm logged in: helm's registry config is not the Docker config cosign reads
		"Run helm registry login ghcr.io --username example-bot --password-stdin\nLogin Succeeded\nError: signing [ghcr.io/example-org/charts/ledger@sha256:7e6d5c4b3a29180f7e6d5c4b3a29180f7e6d5c4b3a29180f7e6d5c4b3a29180f]: signing digest:\nfailed to upload layer: POST https://ghcr.io/v2/example-org/charts/ledger/blobs/uploads/:\nUNAUTHORIZED: User cannot be authenticated with the token provided.": "no-login",
		// a helm login and a docker login for the registry: cosign had the docker one
		"Run helm registry login ghcr.io --username example-bot --password-stdin\nLogin Succeeded\n+ docker login ghcr.io -u example-bot --password-stdin\nLogin Succeeded\nError: signing [ghcr.io/example-org/charts/ledger@sha256:7e6d5c4b3a29180f7e6d5c4b3a29180f7e6d5c4b3a29180f7e6d5c4b3a29180f]: signing digest:\nfailed to upload layer: POST https://ghcr.io/v2/example-org/charts/ledger/blobs/uploads/:\nUNAUTHORIZED: User cannot be authenticated with the token provided.": "token-expired",
		// helm's own push after its login keeps the token reading
		"Run helm registry login ghcr.io --username example-bot --password-stdin\nLogin Succeeded\n+ helm push ledger-1.0.0.tgz oci://ghcr.io/example-org/charts\nError: unexpected status from HEAD request to https://ghcr.io/v2/example-org/charts/ledger/blobs/sha256:7e6d5c4b3a29180f7e6d5c4b3a29180f7e6d5c4b3a29180f7e6d5c4b3a29180f: 401 Unauthorized\nunauthorized: unauthenticated: User cannot be authenticated with the token provided.": "token-expired",
		// cosign's keyless signer failing (Fulcio, no OIDC token) is not a registry's refusal
		"Error: signing [ghcr.io/example-org/ledger-api:v1]: getting signer: getting key from Fulcio: retrieving cert: error obtaining token: expired_token": "",
	})
}
