package diagnose

import (
	"fmt"
	"strings"
)

// docker login checks a credential with GET /v2/ (the API version check,
// distribution spec "Determining support"); the daemon relays the
// registry's refusal as `Error response from daemon: Get "https://HOST/v2/":
// unauthorized: MESSAGE` (moby registry/auth.go loginV2; the URL is quoted
// since Go 1.14). The message is the registry's own: its known wordings
// ("incorrect username or password", "authentication required") have their
// own signatures; any other text after the /v2/ ping's "unauthorized:" is
// still a refused credential.

func init() { sigGroups = append(sigGroups, sigsLoginPing) }

func sigsLoginPing() {
	register(
		&signature{
			id:      "login-ping-unauthorized",
			generic: true,
			keys:    []string{`/v2/": unauthorized`, "/v2/: unauthorized"},
			re:      lazyRe(`(?i)\bGet "?(https?://[^/\s"]+)/v2/"?: unauthorized: ?(.*)`),
			rank: func(h *hit, f *facts) []cand {
				msg := strings.TrimSpace(h.m[2])
				if len(msg) > 160 {
					msg = msg[:160] + "…"
				}
				if cs := pingRefusedWithoutLogin(h, f, msg); cs != nil {
					return cs
				}
				h.assumeOp(opLogin)
				why := fmt.Sprintf("The registry refused the credential at its version check (GET /v2/ answered 401) and said %q: the username, password or token is wrong for %s, or not the kind it takes.", msg, hostName(h.host))
				return []cand{
					c("bad-credentials", 0.8, why),
					c("password-not-token", 0.4, ""),
					c("token-expired", 0.38, ""),
				}
			},
			tell: tellBadCredential,
		},
	)
}

// pingRefusedWithoutLogin ranks a /v2/ check answered 401 on a pull or push
// the log names when no login appears anywhere in the log and the
// registry's message (msg, may be empty) speaks of no credential: nothing
// says a credential was sent, so no-login leads (the same answer with
// "authentication required" reads so). The daemon relays the /v2/ check's
// 401 for docker login (moby registry/auth.go loginV2), so with a login, or
// with no operation named, the answer stays a refused credential (pooled:
// ot-054, h6b-001, h17b-002 quote only that line of a login). nil when it
// does not apply.
func pingRefusedWithoutLogin(h *hit, f *facts, msg string) []cand {
	if (h.op != opPull && h.op != opPush) || len(f.logins) > 0 ||
		containsAny(h.low, []string{"login", "logging in", "password", "token", "credential", "incorrect", "invalid", "expired"}) {
		return nil
	}
	if msg == "" {
		msg = "unauthorized"
	}
	return []cand{
		c("no-login", 0.74, fmt.Sprintf("The /v2/ check of %s was refused (%q) during a %s, and no login for it appears anywhere in the log: the client had no credential for this registry.", hostName(h.host), msg, h.op)),
		c("bad-credentials", 0.55, ""),
		c("credential-store-error", 0.4, ""),
	}
}
