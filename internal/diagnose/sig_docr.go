package diagnose

import (
	"regexp"
)

// DigitalOcean Container Registry: doctl registry login fetches a docker
// credential from the API (GET /v2/registry/docker-credentials,
// read_write=true unless --read-only) and prints the API's refusal. A 403
// there is the API token's scope: a read-write registry credential needs the
// registry:create scope, a read-only one registry:read (DigitalOcean's
// custom-scope tokens; digitalocean/action-doctl#83).

func init() { sigGroups = append(sigGroups, sigsDOCR) }

func sigsDOCR() {
	register(
		&signature{
			id:   "docr-credentials-refused",
			keys: []string{"registry/docker-credentials"},
			re:   regexp.MustCompile(`(?i)registry/docker-credentials\S*: (401|403)\b`),
			rank: func(h *hit, f *facts) []cand {
				h.op, h.host = opLogin, "registry.digitalocean.com"
				if h.m[1] == "401" {
					return []cand{
						c("bad-credentials", 0.7, "The DigitalOcean API did not accept the access token doctl used (401): the token is wrong, revoked or expired."),
						c("token-expired", 0.5, ""),
						c("empty-credential", 0.35, ""),
					}
				}
				return []cand{
					c("token-missing-scope", 0.8, "The DigitalOcean API token is valid but lacks the scope for this registry credential (403): a read-write login (doctl's default, read_write=true) needs registry:create; use a token with that scope, or `doctl registry login --read-only` when the job only pulls."),
					c("insufficient-role", 0.35, ""),
				}
			},
		},
	)
}
