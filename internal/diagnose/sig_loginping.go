package diagnose

import (
	"fmt"
	"regexp"
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
			re:      regexp.MustCompile(`(?i)\bGet "?(https?://[^/\s"]+)/v2/"?: unauthorized: ?(.*)`),
			rank: func(h *hit, f *facts) []cand {
				h.assumeOp(opLogin)
				msg := strings.TrimSpace(h.m[2])
				if len(msg) > 160 {
					msg = msg[:160] + "…"
				}
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
