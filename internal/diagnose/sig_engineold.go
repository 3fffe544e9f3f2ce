package diagnose

import (
	"strings"
)

// The Docker engine's registry answers in the wordings of docker 1.x and the
// first 17.0x releases, which CI logs of Travis CI, CircleCI 1.0, Shippable,
// Drone and Jenkins from 2015-2017 still show. Later engines say the same
// things in the words other signatures read ("pull access denied for R,
// repository does not exist or may require 'docker login'", "manifest for R
// not found", "denied: requested access to the resource is denied").
//   - "repository R not found: does not exist or no pull access": dockerd
//     17.03-17.06 (distribution/errors.go, before the 17.07 rewording) when
//     the registry refuses a pull; a repository that does not exist and a
//     private one without a credential get the same answer.
//   - "Error: image R not found" and "Tag T not found in repository R":
//     docker 1.x pulls (graph/pull_v1.go, pull_v2.go) of a name or a tag the
//     registry does not have.
//   - "Error: Status 403 trying to push repository R: \"MSG\"" (and "…
//     trying to pull repository …"): docker 1.x pushes and pulls through the
//     v1 index (graph/push_v1.go, pull_v1.go), with the index's own message ("Access denied: Not allowed to create Repo at given
//     location", "Access denied, you don't have access to this repo"); a 5xx
//     status there, or in "Error pulling image (TAG) from R, HTTP code 500",
//     is the registry's fault.
//   - "Server error: Status N while fetching image layer (ID)": docker 1.x's
//     v1 layer download; 0 is no answer at all, a 5xx the registry's fault.
//   - "Could not reach any registry endpoint": docker 1.x's v1 pull when no
//     endpoint answered the tag lookup with 200 or 404; the registry answered,
//     so it reads as the registry's fault first.

func init() { sigGroups = append(sigGroups, sigsEngineOld) }

func sigsEngineOld() {
	register(
		&signature{
			id:       "pull-no-pull-access",
			keys:     []string{"no pull access"},
			re:       lazyRe(`repository (\S+) not found: does not exist or no pull access`),
			refGroup: 1,
			rank: func(h *hit, f *facts) []cand {
				h.assumeOp(opPull)
				return rankDenied(h, f)
			},
			tell: tellDenied,
		},
		&signature{
			id:   "image-not-found-v1",
			keys: []string{"error: image ", "not found in repository"},
			// "Error: image R not found" ends the line (compose v1 may prefix
			// "ERROR: for SERVICE"); "Tag T not found in repository R".
			re:       lazyRe(`(?:(?:^|\s|: )Error: image (\S+) not found\s*$|Tag (\S+) not found in repository (\S+))`),
			refGroup: 1,
			veto:     gitLike,
			rank: func(h *hit, f *facts) []cand {
				h.assumeOp(opPull)
				what := "The registry has no such image"
				if len(h.m) > 3 && h.m[2] != "" {
					h.ref = parseRef(h.m[3] + ":" + h.m[2])
					what = "The repository exists but has no tag " + h.m[2]
				}
				return []cand{
					c("manifest-unknown", 0.8, what+" (docker 1.x wording of a pull of a name or tag the registry does not hold: a typo, an image that was never pushed, or a tag that was removed)."),
					c("no-login", 0.45, ""),
					c("missing-registry-host", 0.35, ""),
				}
			},
		},
		&signature{
			id: "push-status-v1",
			// Generic: a registry's own reading of the quoted message (GCR's
			// "Access denied." read as its IAM) comes first.
			generic: true,
			keys:    []string{"trying to push repository", "trying to pull repository"},
			// The repository is printed without its registry host (the v1
			// index path): the reference comes from the push's own lines.
			re: lazyRe(`Status (40[13]|5\d\d) trying to (push|pull) repository (\S+?):`),
			rank: func(h *hit, f *facts) []cand {
				h.op = opPush
				if len(h.m) > 2 && h.m[2] == "pull" {
					h.op = opPull
				}
				if len(h.m) > 1 && strings.HasPrefix(h.m[1], "5") {
					return []cand{c("registry-fault", 0.8, "The registry's index answered the "+h.op+" with a server error (5xx): a fault or an incident on the registry side, usually transient."),
						c("registry-unreachable", 0.4, "")}
				}
				if len(h.m) > 1 && h.m[1] == "401" {
					return rankUnauthenticated(h, f)
				}
				if h.op == opPush && strings.Contains(h.low, "not allowed to create repo") {
					// The v1 index refuses to create a repository under a
					// namespace the account may not create in.
					return []cand{
						c("push-outside-namespace", 0.7, "The index refused to create the repository at that location: the namespace (the part before the first /) is not the account's, or the account may not create repositories in that organization."),
						c("insufficient-role", 0.55, ""),
						c("no-login", 0.4, ""),
					}
				}
				return rankDenied(h, f)
			},
			tell: tellDenied,
		},
		&signature{
			id: "pull-http-code-v1",
			// docker 1.x's v1 pull of an image's layers or tags answered with
			// a server error: "Error pulling image (TAG) from REPO, HTTP code
			// 500" (graph/pull_v1.go).
			keys: []string{"error pulling image ("},
			re:   lazyRe(`Error pulling image \((\S+)\) from (\S+), HTTP code (5\d\d)`),
			rank: func(h *hit, f *facts) []cand {
				h.op = opPull
				return []cand{c("registry-fault", 0.8, "The registry answered the pull with a server error (5xx): a fault or an incident on the registry side, usually transient."),
					c("registry-unreachable", 0.4, "")}
			},
		},
		&signature{
			id: "pull-layer-status-v1",
			// docker 1.x's v1 pull of one layer: "Error pulling image (TAG)
			// from R[, endpoint: URL], Server error: Status N while fetching
			// image layer (ID)" (registry/session.go GetRemoteImageLayer).
			// From docker 1.5 the layer request is retried and, when no
			// response ever came, N is 0: the registry could not be reached.
			// A 5xx is the registry's fault; other statuses are left to the
			// lines around them.
			keys: []string{"while fetching image layer"},
			re:   lazyRe(`Server error: Status (0|5\d\d) while fetching image layer`),
			rank: func(h *hit, f *facts) []cand {
				h.op = opPull
				if len(h.m) > 1 && h.m[1] == "0" {
					return []cand{c("registry-unreachable", 0.75, "No answer ever came for the layer request (docker 1.x reports status 0 after its retries when the connection fails): DNS, a proxy or the network between the runner and the registry."),
						c("registry-fault", 0.4, "")}
				}
				return []cand{c("registry-fault", 0.8, "The registry answered the layer download with a server error (5xx): a fault or an incident on the registry side, usually transient."),
					c("registry-unreachable", 0.4, "")}
			},
		},
		&signature{
			id: "pull-no-endpoint-v1",
			// docker 1.x's v1 pull after "Pulling repository R": every
			// registry endpoint the index named answered the tag lookup with
			// an HTTP status other than 200 or 404 (registry/session.go,
			// GetRemoteTags and GetRemoteTag: such a status makes it
			// "continue" to the next endpoint, a failed connection returns
			// its own error since docker 1.0). Despite the wording, the
			// registry did answer: mostly a server error during a Docker Hub
			// incident (Shippable/support#3016), else a 401 from a v1 registry
			// behind an authenticating proxy. Docker before 1.0 also skipped
			// endpoints it could not connect to.
			keys: []string{"could not reach any registry endpoint"},
			re:   lazyRe(`Could not reach any registry endpoint`),
			rank: func(h *hit, f *facts) []cand {
				h.op = opPull
				return []cand{
					c("registry-fault", 0.7, "Every registry endpoint answered the pull's tag lookup with an unexpected HTTP status (docker 1.x prints this when no endpoint answers 200 or 404, not when none can be reached): usually a server error during a registry incident, transient."),
					c("no-login", 0.4, "A v1 registry behind an authenticating proxy answers the tag lookup with 401 when no credential was sent."),
					c("registry-unreachable", 0.35, "Docker before 1.0 also skipped endpoints it could not connect to."),
				}
			},
		},
	)
}
