package diagnose

import "testing"

// TestMessageGrammarGHCRPullAfterLogin holds GHCR's bare refusal of a pull
// that comes after a login for ghcr.io in the same log (ghcrpull.go's
// deniedPullAfterLogin): the credential was sent, so the reading is the
// token's access to the package, not a missing login. The look-alikes keep
// their answers: no login at all, a login for another host, the login's own
// refusal, and a push.
func TestMessageGrammarGHCRPullAfterLogin(t *testing.T) {
	checkFirstCause(t, map[string]string{
		// docker login in a run: step, then docker pull of a private org package
		"$ docker login ghcr.io -u orbit-bot --password-stdin\nLogin Succeeded\n$ docker pull ghcr.io/orbit-org/ci-image:2.1\nError response from daemon: denied": "gh-token-packages-permission",
		// the login command's outcome is not printed (set -x style echo)
		"+ docker login ghcr.io -u orbit-bot --password-stdin\n+ docker pull ghcr.io/orbit-org/ci-image:2.1\nError response from daemon: denied": "gh-token-packages-permission",
		// login-action, then the daemon's HEAD of the manifest with GHCR's doubled code
		"Run docker/login-action@v3\nLogging into ghcr.io...\nLogin Succeeded!\nRun docker pull ghcr.io/orbit-org/ci-image:2.1\nError response from daemon: Head \"https://ghcr.io/v2/orbit-org/ci-image/manifests/2.1\": denied: denied": "gh-token-packages-permission",
		// the job's token has packages: read, so the package's Actions access is the gap
		"##[group]GITHUB_TOKEN Permissions\nContents: read\nPackages: read\n##[endgroup]\nRun docker/login-action@v3\nLogging into ghcr.io...\nLogin Succeeded!\nRun docker pull ghcr.io/orbit-org/ci-image:2.1\nError response from daemon: denied": "ghcr-package-actions-access",
		// outside Actions the credential is a personal access token
		"Running with gitlab-runner 16.5.0 (853330f9)\n$ echo \"$GHCR_TOKEN\" | docker login ghcr.io -u orbit-bot --password-stdin\nLogin Succeeded\n$ docker pull ghcr.io/orbit-org/tools:1.4\nError response from daemon: denied": "token-missing-scope",

		// look-alikes
		// no login in the log: GHCR hides a missing package as a private one
		"$ docker pull ghcr.io/orbit-org/ci-image:2.1\nError response from daemon: denied": "manifest-unknown",
		// the login went to another host
		"$ docker login registry.orbit.test -u orbit-bot\nLogin Succeeded\n$ docker pull ghcr.io/orbit-org/ci-image:2.1\nError response from daemon: denied": "login-wrong-host",
		// the login's own check refused (GET /v2/): the token itself
		"$ docker login ghcr.io -u orbit-bot --password-stdin\nError response from daemon: Get \"https://ghcr.io/v2/\": denied: denied": "token-expired",
		// no login before the HEAD: a stored credential refused
		"Error response from daemon: Head \"https://ghcr.io/v2/orbit-org/ci-image/manifests/2.1\": denied: denied": "token-expired",
	})
}
