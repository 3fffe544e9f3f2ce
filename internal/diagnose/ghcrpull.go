package diagnose

import (
	"fmt"
	"strings"

	"github.com/regdoctor/regdoctor/internal/finding"
	"github.com/regdoctor/regdoctor/internal/reghost"
)

// GHCR's refusals of a pull (found in the ninth held-out batch, part c):
// GHCR answers a pull it refuses with a bare "denied", whether the package
// does not exist, is private to others, or the token may not read it
// (main's url-bare-denied, sig_deniedurl.go, reads the daemon's line).

// rankGHCRAnonPull reads GHCR's bare "denied" for a pull with no login
// anywhere in the log, outside GitHub Actions: GHCR answers so for a
// package that does not exist and for one that is private to others
// alike, and a reader pulling a documented image meets the first (an image
// never published, a private package) more often than a private package
// of their own, which would come with a login step. nil otherwise.
func rankGHCRAnonPull(h *hit, f *facts, state string) []cand {
	if h.op != opPull || h.kind() != reghost.GHCR || state != "none" || f.runnerCred > 0 || f.platform == "github-actions" ||
		!strings.HasSuffix(strings.TrimSpace(h.low), ": denied") { // the bare word, not "requested access to the resource is denied"
		return nil
	}
	// A pull typed as a command (docker/podman pull) before the refusal:
	// a reader pulling a documented image by hand. The refusal line alone
	// (a service's or compose's pull) keeps the credential reading.
	cmd := false
	f.refs.each(func(r refSeen) {
		cmd = cmd || r.Op == opPull && r.Line < h.line() && reghost.Classify(reghost.Normalize(r.Ref.Host)) == reghost.GHCR
	})
	if !cmd {
		return nil
	}
	return []cand{
		c("manifest-unknown", 0.68, fmt.Sprintf("GHCR refused the pull of %s with a bare \"denied\" and no login ran: GHCR answers so for a package that does not exist (never published, or another name) and for one that is private. Check that the package and tag exist and are public; for your own private package, log in first.", orSome(h.ref.Raw, "the image"))),
		c("no-login", 0.62, ""),
		c("insufficient-role", 0.35, ""),
	}
}

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
