package diagnose

import (
	"fmt"
	"strings"
)

// A login command that got an empty credential says so in the client's own
// words and exits (the docker CLI, cli/command/registry/login.go: with no
// terminal it cannot prompt for the missing username or password, "Cannot
// perform an interactive login from a non TTY device"; with
// --password-stdin and no -u, "Must provide --username with
// --password-stdin"; nerdctl: "stdin is not a terminal"; docker/login-action:
// "Username and password required"). The job often goes on, and its next
// pull or push is refused as anonymous ("unauthorized", "authentication
// required", "no basic auth credentials"). That refusal reads as no-login on
// its own, but a login did run: it received nothing, because the variable
// or secret it names expanded to empty. facts.emptyLogin marks the first
// such complaint; emptyLoginCand puts empty-credential first for a later
// anonymous refusal.

var kEmptyLogin = lowKeys([]string{
	"cannot perform an interactive login",
	"must provide --username",
	"stdin is not a terminal (hint: use",
	"username and password required",
})

// observeEmptyLogin records the first line where a login complained that
// it got no username or password.
func (f *facts) observeEmptyLogin(n int, low string) {
	if f.emptyLogin != 0 {
		return
	}
	for _, k := range kEmptyLogin {
		if f.has(k) {
			if k == kEmptyLogin[2] && !strings.Contains(low, "nerdctl login") {
				return
			}
			f.emptyLogin = n
			return
		}
	}
}

// emptyLoginCand returns empty-credential for a refusal whose strongest
// reading is no-login (the request carried no credential) when a login
// earlier in the log complained that it got an empty username or password.
// A run from a fork or Dependabot is left to fork-pr-readonly, which the
// login line's own finding puts first.
func emptyLoginCand(h *hit, f *facts, cs []cand) (cand, bool) {
	if f.emptyLogin == 0 || f.emptyLogin >= h.line() || len(cs) == 0 || f.prOrFork() {
		return cand{}, false
	}
	top := strongest(cs)
	if top.cause != "no-login" {
		return cand{}, false
	}
	return cand{cause: "empty-credential", w: top.w + 0.02,
		why: fmt.Sprintf("A login ran before this refusal but complained at line %d that it got no username or password, so %s was asked without a credential: the variable or secret the login reads expanded to empty (undefined, misspelt, not passed to this job, step or remote shell).", f.emptyLogin, hostName(h.host))}, true
}
