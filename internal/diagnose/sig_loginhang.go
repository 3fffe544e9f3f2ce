package diagnose

import (
	"fmt"
	"strings"
)

// A registry login that waits for input until the CI kills the job.

func init() { sigGroups = append(sigGroups, sigsLoginHang) }

// loginHangLines is how close (in lines) the CI's no-output watchdog must
// follow the login command: the command, its "Username:" or "Password:"
// prompt, perhaps a blank line, then the watchdog.
const loginHangLines = 3

func sigsLoginHang() {
	register(&signature{
		id: "login-prompt-watchdog",
		// The CI's no-output watchdog: Travis CI "No output has been
		// received in the last 10m0s, this potentially indicates a stalled
		// build"; CircleCI "Too long with no output (exceeded 10m0s):
		// context deadline exceeded". Right after a login command that
		// never said "Login Succeeded", the login is sitting at its
		// prompt: docker login asks for the username or password it was
		// given empty (docker/cli cli/command/registry/login.go prompts when
		// the -u or -p value is ""), and where the CI gives the job a
		// terminal (Travis) it does not fail with "Cannot perform an
		// interactive login from a non TTY device" but waits
		// (tydom2mqtt/tydom2mqtt#117: `docker login -u "$U" -p "$P"`,
		// "Password:", then the watchdog on pull-request builds).
		keys: []string{"no output has been received in the last", "too long with no output"},
		re:   lazyRe(`(?i)(?:No output has been received in the last \S+|Too long with no output \(exceeded [^)]*\))`),
		rank: func(h *hit, f *facts) []cand {
			n := h.line()
			ls := f.loginsBefore(n + 1)
			if len(ls) == 0 {
				return nil
			}
			l := ls[len(ls)-1]
			if l.OK || n-l.Line > loginHangLines || !strings.HasSuffix(l.Source, " login") {
				return nil
			}
			h.op, h.host = opLogin, l.Host
			if f.prOrFork() {
				// Travis's "Encrypted environment variables have been
				// removed" notice, a fork flag: the empty value is a
				// withheld secret.
				return []cand{
					c("fork-pr-readonly", 0.66, fmt.Sprintf("The login on line %d waited at its prompt until the CI killed the job: this build is a pull request from a fork (or Dependabot), which gets no repository secrets, so the variable the login reads was empty.", l.Line),
						loginEv(l)),
					c("empty-credential", 0.56, ""),
				}
			}
			return []cand{
				c("empty-credential", 0.62, fmt.Sprintf("The job stopped producing output right after the login command on line %d, which never said \"Login Succeeded\": the login is waiting at its username or password prompt, which docker login shows when the value it was given is empty (an undefined or misspelt variable, or a secret the CI does not pass to this build, such as a pull request's). The CI killed the job for lack of output.", l.Line),
					loginEv(l)),
				c("fork-pr-readonly", 0.5, ""),
				c("registry-unreachable", 0.3, ""),
			}
		},
		tell: func(h *hit, f *facts) string {
			return "A login that is followed by the CI's no-output timeout is waiting for input, not refused: a wrong password is refused at once (\"incorrect username or password\"), an unreachable registry fails within seconds (\"Client.Timeout exceeded\")."
		},
	})
}
