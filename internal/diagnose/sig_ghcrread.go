package diagnose

import (
	"fmt"
	"strings"

	"github.com/regdoctor/regdoctor/internal/reghost"
)

// GHCR's refusals of a read that say the read went out without a
// credential, in two shapes that rank403 otherwise reads as a stale stored
// credential or a package write:
//
//   - containerd/BuildKit's "failed to fetch anonymous token: unexpected
//     status from GET request to URL: 403 Forbidden" (containerd
//     remotes/docker/auth) wrapped after "anonymous token:" when pasted
//     into an issue or a narrow log viewer: the URL and the 403 land on
//     the next lines, without the word that says no credential was sent.
//     facts.anonTokenCut keeps the line of the cut.
//   - GHCR's "denied: permission_denied: read_package" answering a read
//     (helm's tag list or manifest GET, a pull): the package may not be
//     read by this identity. With no login before it and outside GitHub
//     Actions, the identity is anonymous: the package is private (packages
//     an organization's GITHUB_TOKEN creates are private by default,
//     docs.github.com/en/packages/learn-github-packages/configuring-a-packages-access-control-and-visibility)
//     or does not exist, which GHCR answers the same way.
//
// Both rank like ghcrAnonymousRead (sig_authn.go): the name is wrong, or the
// package is private and no credential was sent.

// kAnonTokenCut is the end of containerd's "failed to fetch anonymous token:"
// prefix; the line holds a signature key ("failed to fetch anonymous
// token"), so the prefilter delivers it.
var kAnonTokenCut = lowKey("anonymous token:")

// observeAnonTokenCut records a line that ends right after "anonymous token:"
// (the message continues on the next lines).
func (f *facts) observeAnonTokenCut(n int, low string) {
	if f.has(kAnonTokenCut) && strings.HasSuffix(strings.TrimRight(low, " \t\r"), "anonymous token:") {
		f.anonTokenCut = n
	}
}

// ghcrReadWithoutCredential ranks a GHCR 403 (rank403) that is a read made
// without a credential: the continuation of a wrapped "failed to fetch
// anonymous token:" (at most two lines after the cut), or a read_package
// refusal with no login before it. nil otherwise, and inside GitHub Actions
// or a runner's container pull, where the job's token is the usual reader
// (rankRunnerGHCRPull, rankGHCRWrite).
func ghcrReadWithoutCredential(h *hit, f *facts) []cand {
	if h.kind() != reghost.GHCR || h.op == opPush || f.platform == "github-actions" || f.runnerCred > 0 {
		return nil
	}
	if state, _ := f.loginState(h.line(), h.host); state != "none" {
		return nil
	}
	wrapped := f.anonTokenCut > 0 && f.anonTokenCut < h.line() && h.line()-f.anonTokenCut <= 2
	readPkg := strings.Contains(h.low, "permission_denied: read_package")
	if !wrapped && !readPkg {
		return nil
	}
	what := "an anonymous token request (the \"failed to fetch anonymous token:\" wrapped onto the lines before)"
	if !wrapped {
		what = "a read without a credential (permission_denied: read_package, and no login for ghcr.io before it)"
	}
	return []cand{
		c("manifest-unknown", 0.72, fmt.Sprintf("GHCR refused %s for %s. GHCR answers a package that does not exist exactly as a private one: check the path (owner/package[/name]) against the package page, and make the package public if anonymous reads are meant to work.", what, orSome(h.repo(), "the repository"))),
		c("no-login", 0.64, "If the package is private, log in to ghcr.io (a token with read:packages) before the read."),
		c("login-other-job", 0.38, ""),
	}
}
