package diagnose

import (
	"fmt"
	"strings"
)

// go-containerregistry's keychain failing before any request: kaniko (and
// other ggcr clients) wrap it as "resolving authorization for HOST failed:
// ERR" (kaniko pkg/executor/push.go, checkPushPermissions and image pulls).
// ERR is the keychain's own: the docker config it reads (DOCKER_CONFIG,
// /kaniko/.docker/config.json for kaniko) could not be read or parsed ("read
// PATH: is a directory" when a bind mount of a missing file made a
// directory, "permission denied", "invalid character …"), or a credential
// helper named in it failed. Either way the auth file or store is broken:
// credential-store-error.
func init() { sigGroups = append(sigGroups, sigsAuthResolve) }

var authResolveFileErr = []string{"is a directory", "permission denied", "invalid character", "unexpected end of json input", "no such file or directory", "cannot unmarshal", "not a directory"}

var authResolveHelperErr = []string{"error getting credentials", "docker-credential-", "credential helper", "executable file not found"}

func sigsAuthResolve() {
	register(&signature{
		id:   "keychain-resolve-failed",
		keys: []string{"resolving authorization for"},
		re:   lazyRe(`(?i)resolving authorization for ((?:[a-z0-9-]+\.)+[a-z0-9-]+(?::\d+)?|[a-z0-9.-]+:\d+) failed: (.{1,300})`),
		rank: func(h *hit, f *facts) []cand {
			host, tail := h.m[1], strings.ToLower(h.m[2])
			switch {
			case containsAny(tail, authResolveFileErr):
				return []cand{
					c("credential-store-error", 0.84, fmt.Sprintf("The client could not read its docker config to find a credential for %s (the keychain failed before any request): the auth file is a directory, unreadable or not valid JSON. A bind mount of a config.json that did not exist on the host creates a directory in its place, so log in (or write the file) before the step that mounts it, and mount the file the login wrote (kaniko reads /kaniko/.docker/config.json or DOCKER_CONFIG).", host)),
					c("no-login", 0.4, ""),
				}
			case containsAny(tail, authResolveHelperErr):
				return []cand{
					c("credential-store-error", 0.72, fmt.Sprintf("The credential helper the docker config names for %s failed when the client asked it for a credential, before any request: install the helper in the build image or remove it from credHelpers/credsStore.", host)),
					c("cloud-iam-denied", 0.35, ""),
				}
			}
			return []cand{
				c("credential-store-error", 0.6, fmt.Sprintf("The client could not look up a credential for %s (its keychain failed before any request): check the docker config the step reads and any credential helper it names.", host)),
				c("no-login", 0.4, ""),
			}
		},
	})
}
