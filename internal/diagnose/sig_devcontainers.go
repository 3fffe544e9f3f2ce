package diagnose

import "fmt"

// Signatures for the Dev Containers CLI (@devcontainers/cli, also run by the
// VS Code Dev Containers extension and Codespaces), which fetches Features and
// Templates as OCI artifacts itself, without docker. Its registry client logs
// the token exchange as "[httpOci] ..." lines
// (devcontainers/cli, src/spec-configuration/httpOCIRegistry.ts):
//
//	[httpOci] 403: Credentials for 'ghcr.io' may be expired. Attempting request anonymously.
//	[httpOci] 403: Failed to fetch bearer token for 'ghcr.io': {"errors":[{"code":"DENIED",...}]}
//
// Current versions retry a refused credential anonymously, so the final
// "N: Failed to fetch bearer token" is the anonymous request's answer: the
// registry shows that Feature to nobody (it does not exist, was renamed or
// removed, or is private). Versions of 2023 logged "Could not fetch bearer
// token for 'HOST': Error: HTTP N" with no retry: the credential the CLI found
// (docker's credential helper) is then what was refused.

func init() { sigGroups = append(sigGroups, sigsDevcontainers) }

func sigsDevcontainers() {
	register(
		&signature{
			id:   "devcontainers-feature-token",
			keys: []string{"fetch bearer token for"},
			re:   lazyRe(`(?i)\[httpOci\] (?:(\d{3}): Failed to|Could not) fetch bearer token for '([^']*)'(?:: Error: HTTP (\d{3}))?`),
			rank: func(h *hit, f *facts) []cand {
				host := orSome(h.m[2], "the registry")
				status := h.m[1]
				retried := status != ""
				if !retried {
					status = h.m[3]
				}
				if len(status) == 3 && status[0] == '5' {
					return []cand{
						c("registry-fault", 0.8, fmt.Sprintf("The Dev Containers CLI asked %s for a token to fetch a Feature and got %s: the registry's token service failed. Re-run, and check the registry's status page.", host, status)),
						c("registry-unreachable", 0.35, ""),
					}
				}
				if status != "401" && status != "403" {
					return nil
				}
				if retried {
					return []cand{
						c("manifest-unknown", 0.8, fmt.Sprintf("The Dev Containers CLI's token request to %s was refused (%s) without a credential (it retries anonymously when a stored one is refused): the registry shows this Feature to nobody. The Feature reference does not exist there: a typo, a version that was never published, or a collection that was renamed or removed (ghcr.io/devcontainers-contrib moved to ghcr.io/devcontainers-extra).", host, status)),
						c("no-login", 0.6, "If the Feature is private to an organization, no credential for it reached the CLI: run `docker login` for the registry with a token that can read the package."),
						c("token-expired", 0.3, ""),
					}
				}
				return []cand{
					c("token-expired", 0.6, fmt.Sprintf("This Dev Containers CLI version sent the credential it found for %s (docker's credential helper) and the registry refused it (%s); it does not retry anonymously. A stale stored login refuses even public Features: `docker logout %s`, or log in again with a valid token.", host, status, orSome(h.m[2], "REGISTRY"))),
					c("manifest-unknown", 0.5, ""),
					c("client-bug", 0.4, "When the same Feature resolves with another version of the Dev Containers extension or CLI, that version's credential handling is at fault: pin the version that works."),
				}
			},
			tell: func(*hit, *facts) string {
				return "Fetch the Feature anonymously (`docker logout` the registry, then `oras manifest fetch REF` or `docker manifest inspect REF`): when that fails too, the reference is not published or is private (manifest-unknown, no-login); when it works, the stored credential or the CLI's handling of it is at fault (token-expired, client-bug)."
			},
		},
	)
}
