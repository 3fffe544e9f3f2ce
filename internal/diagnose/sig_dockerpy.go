package diagnose

import (
	"fmt"
)

// Home Assistant's Supervisor pulls add-on, core and plugin images through
// docker-py and reports a failed pull as "Can't install IMAGE:TAG: ERR"
// (home-assistant/supervisor, supervisor/docker/interface.py), where ERR is
// docker-py's APIError: "NNN Client Error for http+docker://…/images/create?…:
// Reason" followed by the engine's explanation in parentheses when it gave
// one (docker/docker-py, docker/errors.py). The UI and its notifications
// often keep only "Can't install IMAGE:TAG: NNN Client Error". Without the
// explanation the engine's status is all there is: 404 for a reference the
// registry does not have, 401/403 for a refusal, which for an anonymous
// pull of GHCR is also how a missing or private package answers. A line
// that still holds the explanation is read by the signature for that
// message (this one is generic).

func init() { sigGroups = append(sigGroups, sigsDockerPy) }

func sigsDockerPy() {
	register(
		&signature{
			id:      "supervisor-install-status",
			generic: true,
			keys:    []string{"can't install "},
			// Supervisor names the image as REPOSITORY:VERSION, the repository
			// with its namespace (ghcr.io/OWNER/NAME, homeassistant/NAME).
			re:       lazyRe(`Can't install ([^\s:/]+(?::\d+)?/[^\s:]+:\w[\w.-]*): (40[134]) Client Error(?: for http\+docker://\S+: [A-Za-z ]+)?\.?\s*$`),
			refGroup: 1,
			rank: func(h *hit, f *facts) []cand {
				h.op = opPull
				h.hostFromRef()
				if h.m[2] == "404" {
					return []cand{c("manifest-unknown", 0.8, fmt.Sprintf("The docker engine answered the pull with 404 Not Found: %s has no such repository or tag (an add-on version announced before its image was pushed, a wrong image name in the add-on's config), or hides it from this identity.", hostName(h.host))),
						c("no-login", 0.45, "")}
				}
				return rankDenied(h, f)
			},
			tell: tellDenied,
		},
	)
}
