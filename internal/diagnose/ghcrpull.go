package diagnose

import (
	"fmt"

	"github.com/regdoctor/regdoctor/internal/finding"
	"github.com/regdoctor/regdoctor/internal/reghost"
)

// GHCR's refusals of a pull (found in the ninth held-out batch, part c):
// GHCR answers a pull it refuses with a bare "denied", whether the package
// does not exist, is private to others, or the token may not read it
// (main's url-bare-denied, sig_deniedurl.go, reads the daemon's line).
// An anonymous read outside GitHub Actions is ghcrAnonymousRead's
// (sig_authn.go); a pull by the Actions runner itself is read here.

// rankRunnerGHCRPull reads a GHCR refusal of a pull made by the GitHub
// Actions runner itself with the credentials a job gave its container or
// service (`container: credentials:`): the runner logs in and pulls with
// its own docker config, "docker --config /home/runner/work/_temp/.docker_ID
// pull REF". Those credentials are almost always ${{ github.token }}, which
// reads a private package only with `packages: read` in the job's
// permissions (an explicit permissions block drops it) and when the
// package grants the repository access (docs.github.com/en/packages,
// "Ensuring workflow access to your package"). nil when the pull is not the
// runner's or not GHCR's.
func rankRunnerGHCRPull(h *hit, f *facts) []cand {
	if h.op != opPull || h.kind() != reghost.GHCR || f.runnerCred == 0 || f.runnerCred > h.line() {
		return nil
	}
	return []cand{
		c("gh-token-packages-permission", 0.74, fmt.Sprintf("The runner pulled %s with the credentials given to the job's container (line %d); GHCR refused them. With GITHUB_TOKEN, the job needs `permissions: packages: read` (an explicit permissions block leaves it out), and a private package must grant this repository access.", orSome(h.ref.Raw, "the image"), f.runnerCred),
			finding.Evidence{Line: f.runnerCred, Text: "(the runner's docker login/pull for the container)"}),
		c("ghcr-package-actions-access", 0.56, ""),
		c("manifest-unknown", 0.5, ""),
	}
}

// deniedPullAfterLogin ranks a pull that GHCR refused with its bare
// "denied" after a login for ghcr.io ran earlier in the same log (a job
// container's pull, a `docker pull` in a run: step, a service image). The
// login means a credential was sent, so no-login is not the reading: GHCR
// refuses a logged-in pull only when the identity may not read the
// package. GITHUB_TOKEN reads a private package only with `packages: read`
// (an explicit permissions block sets every unlisted scope to none) and
// when the package grants the repository access ("Manage Actions access");
// a personal access token needs read:packages
// (docs.github.com/en/packages/working-with-a-github-packages-registry/working-with-the-container-registry,
// docs.github.com/en/packages/learn-github-packages/about-permissions-for-github-packages).
// A login for ghcr.io fails itself with a wrong or revoked token, so the
// credential's validity is not in question here. nil unless the refused
// pull is GHCR's.
func deniedPullAfterLogin(h *hit, f *facts, l login) []cand {
	if h.kind() != reghost.GHCR {
		return nil
	}
	img := orSome(h.ref.Raw, "the image")
	if f.platform != "" && f.platform != "github-actions" {
		// Outside Actions the credential is a personal access token.
		return []cand{
			c("token-missing-scope", 0.66, fmt.Sprintf("A login for ghcr.io ran (line %d), so the pull of %s carried a credential and GHCR refused it: a personal access token reads a private package only with the read:packages scope (and, for an organization with SSO, an authorization for that organization).", l.Line, img), loginEv(l)),
			c("manifest-unknown", 0.5, ""),
			c("insufficient-role", 0.4, ""),
		}
	}
	if p := f.perms["packages"]; p == "read" || p == "write" {
		// The token has the scope: the package does not grant this
		// repository access.
		return []cand{
			c("ghcr-package-actions-access", 0.72, fmt.Sprintf("A login for ghcr.io ran (line %d) and the job's GITHUB_TOKEN has packages: %s, yet GHCR refused the pull of %s: the package does not grant this repository access (package settings, Manage Actions access).", l.Line, p, img), loginEv(l)),
			c("token-missing-scope", 0.5, ""),
			c("manifest-unknown", 0.46, ""),
		}
	}
	return []cand{
		c("gh-token-packages-permission", 0.72, fmt.Sprintf("A login for ghcr.io ran (line %d), so the pull of %s carried a credential and GHCR refused it for this package: with GITHUB_TOKEN the job needs `permissions: packages: read` (an explicit permissions block leaves it out), and a private package must grant this repository access; a personal access token needs read:packages.", l.Line, img), loginEv(l)),
		c("ghcr-package-actions-access", 0.56, ""),
		c("token-missing-scope", 0.5, ""),
		c("manifest-unknown", 0.46, ""),
	}
}
