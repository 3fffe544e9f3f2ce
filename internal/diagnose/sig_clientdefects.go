package diagnose

import (
	"fmt"

	"github.com/regdoctor/regdoctor/internal/reghost"
)

// Known client defects in the words of the docker CLI and engine releases of
// 2015-2017, which older CI logs (Travis CI, CircleCI, Shippable, Jenkins)
// still show:
//   - Docker Hub's front end answered every push of docker 1.8.0, which
//     shipped with a push bug, with an HTML page "403 Forbidden / Request
//     forbidden by administrative rules." that the engine quotes as "Error
//     parsing HTTP response: invalid character '<' looking for beginning of
//     value: \"<html>…" (docker/hub-feedback#273: upgrade to 1.8.1).
//   - docker login's -e/--email flag, removed in Docker 17.06
//     (docker/cli#143): "unknown shorthand flag: 'e' in -e" followed by
//     "See 'docker login --help'." The command that prints it is usually
//     aws-cli v1's `aws ecr get-login`, which includes "-e none" unless given
//     --no-include-email. When a refused push follows, the push went out
//     without a credential (no-login, loginusage.go ranks that hit higher).

func init() { sigGroups = append(sigGroups, sigsClientDefects) }

// loginEmailHintSpan is how many lines after the usage error docker's
// "See 'docker login --help'." hint may come.
const loginEmailHintSpan = 2

func sigsClientDefects() {
	register(
		&signature{
			id:   "hub-blocked-client",
			keys: []string{"forbidden by administrative rules"},
			// Only in the engine's 1.x wording of an unparsable answer: the
			// same page comes from parked domains and other front ends (a
			// typo'd registry host), which later clients quote otherwise.
			re: lazyRe(`(?i)Error parsing HTTP response: invalid character '<'.*Request forbidden by administrative rules`),
			rank: func(h *hit, f *facts) []cand {
				if h.host != "" && h.kind() != reghost.DockerHub {
					return rank403(h, f) // not Docker Hub's page: a 403 from that host
				}
				return []cand{
					c("client-bug", 0.86, "Docker Hub refused the request with its \"Request forbidden by administrative rules\" page, which it served to docker 1.8.0: that release shipped with a push bug and the Hub blocks it. Upgrade the docker client (1.8.1 or later)."),
					c("registry-fault", 0.4, ""),
				}
			},
		},
		&signature{
			id:   "login-email-flag-removed",
			keys: []string{"shorthand flag: 'e' in -e"},
			re:   lazyRe(`unknown shorthand flag: 'e' in -e`),
			rank: func(h *hit, f *facts) []cand {
				n := h.line()
				hint := f.loginHelpLine > n && f.loginHelpLine-n <= loginEmailHintSpan
				if !hint && (f.loginAborted.Line == 0 || f.loginAborted.Line > n || n-f.loginAborted.Line > loginHelpSpan) {
					return nil // another command's -e: not docker login's
				}
				return []cand{
					c("client-bug", 0.72, fmt.Sprintf("docker login stopped on -e (line %d): the --email flag was removed in Docker 17.06, and the login command comes from a tool that still prints it (aws-cli v1's `aws ecr get-login` adds \"-e none\"). Use `aws ecr get-login --no-include-email`, or `aws ecr get-login-password | docker login --username AWS --password-stdin HOST`.", n)),
					c("no-login", 0.5, ""),
				}
			},
		},
		&signature{
			id: "client-cannot-parse-challenge",
			// Registry clients that parse the WWW-Authenticate challenge of a
			// 401 themselves and stop when it lacks a parameter or an order
			// they assumed: sregistry-cli ("Unrecognized authentication
			// challenge, exiting." / "... from registry HOST, exiting.",
			// singularityhub/sregistry-cli#118, fixed in 0.0.84) and
			// Charliecloud's ch-image ("WWW-Authenticate missing key:
			// service", hpc/charliecloud#897: nvcr.io's challenge has no
			// service). The token spec (distribution/distribution
			// docs/spec/auth/token.md) makes only realm mandatory, so other
			// clients pull fine: a defect of this client version. The
			// ", exiting" tail or the header name keeps out the same words
			// from sign-in flows (Cognito's "Unrecognized authentication
			// challenge.").
			keys: []string{"unrecognized authentication challenge", "www-authenticate missing key"},
			re:   lazyRe(`(?i)(?:Unrecognized authentication challenge(?: from registry\b[^,]*)?, exiting|WWW-Authenticate missing key: (?:realm|service|scope)\b)`),
			rank: fixed(c("client-bug", 0.7, "The client could not parse the registry's WWW-Authenticate challenge and stopped before asking for a token: its parser expects parameters (service, scope) or an order that the token auth spec does not require and some registries (nvcr.io) do not send. Upgrade the client, or pull with another client (docker, skopeo, crane)."),
				c("registry-fault", 0.4, "")),
		},
	)
}
