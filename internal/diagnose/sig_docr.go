package diagnose

import (
	"fmt"
	"strings"

	"github.com/regdoctor/regdoctor/internal/reghost"
)

// DigitalOcean Container Registry: doctl registry login fetches a docker
// credential from the API (GET /v2/registry/docker-credentials,
// read_write=true unless --read-only) and prints the API's refusal. A 403
// there is the API token's scope: a read-write registry credential needs the
// registry:create scope, a read-only one registry:read (DigitalOcean's
// custom-scope tokens; digitalocean/action-doctl#83).

func init() { sigGroups = append(sigGroups, sigsDOCR) }

// docrRegistry is DigitalOcean Container Registry's host.
const docrRegistry = "registry.digitalocean.com"

// isDOCR: the hit is about DigitalOcean's registry, by its host, its token
// realm's host with the registry's service, or the image reference.
func isDOCR(h *hit) bool {
	if strings.EqualFold(h.host, docrRegistry) || strings.EqualFold(reghost.Normalize(h.ref.hostOrHub()), docrRegistry) {
		return true
	}
	return strings.EqualFold(h.host, "api.digitalocean.com") && strings.Contains(h.low, "service="+docrRegistry)
}

// docrTokenForbidden ranks a 403 from DigitalOcean's registry token service
// (its realm is api.digitalocean.com/v2/registry/auth) for a push: BuildKit
// prints only "failed to fetch oauth token: ... 403 Forbidden", no body. A
// 403 refuses the scope, where token services answer a credential they do
// not accept with 401 (googletoken.go reads Google's 403 the same way): the
// push would create a repository beyond the plan's limit (the Starter tier
// holds one; the docker CLI shows the body, "denied: registry contains 1
// repositories, limit is 1", docker/build-push-action#586,
// docs.digitalocean.com/products/container-registry/details/pricing), or
// the credential is a read-only one (`doctl registry login --read-only`).
// nil for other registries and for pulls.
func docrTokenForbidden(h *hit) []cand {
	if h.op != opPush || !isDOCR(h) {
		return nil
	}
	return []cand{
		c("repo-not-found", 0.62, fmt.Sprintf("DigitalOcean's token service refused to issue a push token for %s (403, a refusal of the scope rather than of the credential): the push would create a new repository and the registry already holds as many as its plan allows (one on the Starter tier). Push to an existing repository, delete an unused one, or upgrade the registry's subscription tier; `docker push` prints the registry's own reason.", orSome(h.repo(), "this repository"))),
		c("insufficient-role", 0.5, "A read-only registry credential (`doctl registry login --read-only`, or a docker config written from one) cannot push either."),
		c("token-expired", 0.4, ""),
	}
}

func sigsDOCR() {
	register(
		&signature{
			id: "docr-repository-limit",
			// DigitalOcean's registry refuses a push that would create a
			// repository beyond the plan's limit (the Starter tier holds one
			// repository): "denied: registry contains 1 repositories, limit
			// is 1" (docs.digitalocean.com/products/container-registry/
			// details/pricing). BuildKit shows only the push token's 403.
			keys: []string{"repositories, limit is"},
			re:   lazyRe(`(?i)registry contains (\d+) repositories, limit is (\d+)`),
			rank: func(h *hit, f *facts) []cand {
				h.op = opPush
				if h.host == "" {
					h.host = "registry.digitalocean.com"
				}
				return []cand{
					c("repo-not-found", 0.86, "The push would create a new repository, and the registry already holds as many repositories as its plan allows ("+h.m[1]+" of "+h.m[2]+"): push to an existing repository, delete an unused one, or upgrade the registry's subscription tier."),
					c("insufficient-role", 0.3, ""),
				}
			},
		},
		&signature{
			id:   "docr-credentials-refused",
			keys: []string{"registry/docker-credentials"},
			re:   lazyRe(`(?i)registry/docker-credentials\S*: (401|403)\b`),
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
