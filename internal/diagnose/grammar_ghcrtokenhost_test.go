package diagnose

import "testing"

// TestMessageGrammarGHCRTokenHost holds GHCR's "unauthenticated: User cannot
// be authenticated with the token provided" on a push after logins for
// other hosts only: GHCR gives this answer to a push that carried no
// credential for ghcr.io as well as to an expired or revoked token, so a
// login for another host (Docker Hub, another registry) reads as the
// login-wrong-host case. The look-alikes keep their reading: a login for
// ghcr.io itself (the token was refused), no login at all (no-login), and
// a pull.
func TestMessageGrammarGHCRTokenHost(t *testing.T) {
	checkFirstCause(t, map[string]string{
		// docker push after docker/login-action logged in to Docker Hub only
		"Run docker/login-action@v3\nLogging into Docker Hub...\nLogin Succeeded!\nThe push refers to repository [ghcr.io/orbit/ledger-api]\nunauthorized: unauthenticated: User cannot be authenticated with the token provided.": "login-wrong-host",
		// buildx's POST to the upload endpoint after a login for another registry
		"echo \"$REG_TOKEN\" | docker login registry.orbit.test -u ci --password-stdin\nLogin Succeeded\n#14 ERROR: failed to push ghcr.io/orbit/ledger-api:1.4: unexpected status from POST request to https://ghcr.io/v2/orbit/ledger-api/blobs/uploads/: 401 Unauthorized: unauthenticated: User cannot be authenticated with the token provided.": "login-wrong-host",
		// look-alike: the login was for ghcr.io: the token itself was refused
		"Run docker/login-action@v3\nLogging into ghcr.io...\nLogin Succeeded!\nThe push refers to repository [ghcr.io/orbit/ledger-api]\nunauthorized: unauthenticated: User cannot be authenticated with the token provided.": "token-expired",
		// look-alike: no login anywhere
		"The push refers to repository [ghcr.io/orbit/ledger-api]\nunauthorized: unauthenticated: User cannot be authenticated with the token provided.": "no-login",
		// look-alike: a pull after a Docker Hub login keeps the token reading
		"Logging into docker.io...\nLogin Succeeded!\nError response from daemon: Head \"https://ghcr.io/v2/orbit/ledger-api/manifests/1.4\": unauthorized: unauthenticated: User cannot be authenticated with the token provided.": "token-expired",
	})
}
