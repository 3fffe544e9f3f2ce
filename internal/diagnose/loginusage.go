package diagnose

import (
	"fmt"

	"github.com/regdoctor/regdoctor/internal/finding"
	"github.com/regdoctor/regdoctor/internal/reghost"
)

// A docker (or podman) CLI command that stops on a usage error (an unknown
// or removed flag such as login's -e/--email, gone since Docker 17.06)
// prints the error and "See 'docker login --help'." and exits before it
// contacts the registry: no credential is stored. The hint names the command it is about,
// so a login command within a few lines before it never ran.
//
// The hint line holds "docker login" (a prefilter keyword already), so no
// new keyword is needed; kLoginHelp is a fact fragment of the line key pass.
var kLoginHelp = lowKey("login --help")

// loginHelpSpan is how many lines after a login command its usage error
// may come (the error, then the hint).
const loginHelpSpan = 4

// observeLoginUsage handles a line with docker's "See 'docker login --help'"
// hint (observeLogin, before it reads the line as a login command, which it
// is not): the pending login command it follows stopped on a usage error, so
// it is taken back from f.logins and kept as f.loginAborted. It reports
// whether the line was such a hint.
func (f *facts) observeLoginUsage(n int) bool {
	if !f.has(kLoginHelp) {
		return false
	}
	f.loginHelpLine = n
	if f.pending == nil || n-f.pending.Line > loginHelpSpan {
		return true
	}
	if k := len(f.logins); k > 0 && f.logins[k-1].Line == f.pending.Line && !f.logins[k-1].OK {
		f.logins = f.logins[:k-1]
		f.loginAborted = *f.pending
	}
	f.pending = nil
	return true
}

// rankAbortedLogin ranks a refusal after a login command that stopped on a
// usage error (observeLoginUsage) when no other login for the host came
// before the failure: the request went out without a credential. nil
// otherwise, and for Docker Hub's library/ names (the namespace rule is the
// more specific reading there).
func rankAbortedLogin(h *hit, f *facts, state string) []cand {
	a := f.loginAborted
	if state != "none" || a.Line == 0 || a.Line >= h.line() {
		return nil
	}
	if a.Host != "" && h.host != "" && !sameRegistry(a.Host, h.host) {
		return nil
	}
	if h.kind() == reghost.DockerHub && officialName(h.repo()) {
		return nil
	}
	return []cand{
		c("no-login", 0.8, fmt.Sprintf("The login command at line %d stopped on a usage error (the client printed its \"See '... login --help'\" hint: an unknown or removed flag such as -e/--email) and never reached the registry, so no credential was stored and the request to %s went out anonymously. Fix the login command's flags.", a.Line, hostName(h.host)),
			finding.Evidence{Line: a.Line, Text: "(login command that stopped on a usage error)"}),
		c("push-outside-namespace", 0.5, ""),
		c("insufficient-role", 0.42, ""),
	}
}
