package diagnose

import (
	"fmt"
)

// A login command given a flag its client release does not have yet:
// docker login's --password-stdin arrived in Docker 17.07 (docker/cli#271,
// https://github.com/docker/cli/pull/271); an older CLI, still found on
// self-hosted runners and old CI images, stops with the flag parser's
// "unknown flag: --password-stdin" before any request, and a login action
// or wrapper that always passes the flag (docker/login-action, heroku
// container:login) fails the same way. The fix is a newer client (or the
// wrapper's older release); a push after it goes out without a credential.

func init() { sigGroups = append(sigGroups, sigsLoginFlags) }

func sigsLoginFlags() {
	register(
		&signature{
			id:   "login-password-stdin-unknown",
			keys: []string{"unknown flag: --password-stdin"},
			re:   lazyRe(`unknown flag: --password-stdin`),
			rank: func(h *hit, f *facts) []cand {
				h.assumeOp(opLogin)
				return []cand{
					c("client-bug", 0.74, fmt.Sprintf("The login stopped at line %d on --password-stdin, a flag docker login has only since Docker 17.07: the docker CLI on this runner (or in this image) is older. Upgrade the docker client, or use a login wrapper release that still passes --password.", h.line())),
					c("no-login", 0.45, ""),
				}
			},
			tell: func(*hit, *facts) string {
				return "Run `docker version` in the same job: a client older than 17.07 has no --password-stdin (client-bug); once the login succeeds, a refusal of the push is another cause."
			},
		},
	)
}
