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
