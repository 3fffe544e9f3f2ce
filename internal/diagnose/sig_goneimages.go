package diagnose

import (
	"fmt"
	"strings"
)

// What clients print when an image, a tag or a whole registry service went
// away upstream (a vendor withdrawing its tags or repositories, a tag
// expiring, a registry product shut down), in the shapes the other
// signatures do not read:
//
//   - BuildKit resolving a Dockerfile's FROM (frontend/dockerfile, the
//     image source's ResolveImageConfig) prefixes the containerd resolver's
//     error with "failed to resolve source metadata for REF: "; for a
//     missing tag the resolver's own text follows: "REF: not found"
//     (remotes/docker/resolver.go wraps errdefs.ErrNotFound).
//   - The kubelet's event "Failed to pull image "REF": rpc error: code =
//     NotFound" with nothing after the gRPC code, or with a description
//     no other signature reads (cut off, or another runtime's words): the
//     CRI runtime's NotFound status (the image service maps
//     errdefs.ErrNotFound to codes.NotFound).
//   - dockerd's "pull access denied for R, repository does not exist or
//     may require 'docker login'" wrapped by compose's progress columns or an
//     issue tracker right after the comma, so that the first line ends
//     "pull access denied for R,". Read like the unwrapped message
//     (rankDenied).
//   - Quay's answer for a tag its expiration (quay.expires-after label, tag
//     expiry settings) or a deletion removed: "Tag T was deleted or has
//     expired. To pull, revive via time machine" (quay/endpoints/v2/
//     manifest.py, TagExpired / ManifestUnknown with that message).
//   - Container Registry (gcr.io) shut down for writes on 2025-03-18
//     (cloud.google.com/artifact-registry/docs/transition/transition-from-gcr):
//     its token endpoint answers a push scope with 412 Precondition Failed
//     (the body, when a client prints it, says "Container Registry is
//     deprecated and shutting down": sig_engine.go reads that). BuildKit
//     prints only "failed to fetch oauth token: unexpected status from GET
//     request to https://gcr.io/v2/token?...: 412 Precondition Failed"
//     (rankTokenFetch asks gcrShutdown412).
//   - Container Registry's answer for a path under a Google Cloud project
//     that has been deleted (shut down): the code "denied" and "Project #NUMBER
//     has been deleted." (the project's number, not its id), which docker
//     prints as "denied: denied: Project #… has been deleted."
//     (paketo-buildpacks/python#1043). The images went with the project.

func init() { sigGroups = append(sigGroups, sigsGoneImages) }

func sigsGoneImages() {
	register(
		&signature{
			id:   "gcr-project-deleted",
			keys: []string{"has been deleted"},
			re:   lazyRe(`(?i)\bdenied: (?:denied: )?Project #\d+ has been deleted\b`),
			rank: func(h *hit, f *facts) []cand {
				if h.op == opPush {
					return []cand{c("repo-not-found", 0.8, fmt.Sprintf("%s answers that the Google Cloud project in the path has been deleted: there is no registry to push to under it. Push to a project that exists (Artifact Registry: HOST/PROJECT/REPOSITORY/IMAGE).", hostName(h.host))),
						c("push-outside-namespace", 0.35, "")}
				}
				return []cand{c("manifest-unknown", 0.8, fmt.Sprintf("%s answers that the Google Cloud project holding this image has been deleted: the image went with it. Pull it from where its publisher moved it (or from your own mirror) and update the reference.", hostName(h.host))),
					c("repo-not-found", 0.4, "")}
			},
		},
		&signature{
			id:       "buildkit-source-not-found",
			keys:     []string{"failed to resolve"},
			re:       lazyRe(`(?i)failed to resolve source metadata for (\S+): \S+: not found\s*$`),
			refGroup: 1,
			veto:     []string{"falling back"},
			rank: func(h *hit, f *facts) []cand {
				h.op = opPull
				h.hostFromRef()
				return []cand{c("manifest-unknown", 0.85, fmt.Sprintf("BuildKit could not resolve the Dockerfile's base image: %s has no such tag or digest in that repository (withdrawn, renamed or never pushed), or hides it from this identity.", hostName(h.host))),
					c("empty-reference-variable", 0.3, "")}
			},
		},
		&signature{
			id: "cri-pull-notfound",
			// Generic: a description the other signatures read ("failed
			// to resolve reference … not found") decides first; this reads
			// the gRPC code when the description is cut off or worded by
			// another runtime ("desc = Requested image not found").
			// containerd also answers NotFound when the tag exists but
			// its image index has no manifest for the node's platform
			// ("no match for platform in manifest: not found",
			// containerd images/handlers.go LimitManifests wraps
			// errdefs.ErrNotFound): the image was built for other
			// platforms only, a publishing gap and no registry failure,
			// quiet like dockerd's "no matching manifest for OS/ARCH"
			// (grammar_platformgap_test.go).
			generic:  true,
			keys:     []string{"code = notfound"},
			veto:     []string{"no match for platform in manifest"},
			re:       lazyRe(`(?i)Failed to pull image "?([^"\s]+?)"?: rpc error: code = NotFound(?:\s*$| desc = )`),
			refGroup: 1,
			rank: func(h *hit, f *facts) []cand {
				h.op = opPull
				h.hostFromRef()
				return []cand{c("manifest-unknown", 0.8, fmt.Sprintf("The container runtime answered NotFound for the image: %s has no such tag or digest in that repository (withdrawn or never pushed), or hides it from this identity.", hostName(h.host))),
					c("empty-reference-variable", 0.3, "")}
			},
		},
		&signature{
			id: "pull-access-denied-wrapped",
			// Generic: requested-access-denied and pull-access-denied read
			// the unwrapped message.
			generic: true,
			keys:    []string{"pull access denied for"},
			re:      lazyRe(`pull access denied for [^,\s]+,\s*$`),
			rank:    rankDenied,
			tell:    tellDenied,
		},
		&signature{
			id: "http-412-gcr",
			// go-containerregistry (crane, ko, kaniko) and containers/image
			// print the shut-down Container Registry's 412 bare:
			// "GET https://gcr.io/v2/token?...: unexpected status code 412
			// Precondition Failed", "... 412 (Precondition Failed)".
			// Generic: BuildKit's token-fetch line is read by
			// oauth-token-rejected.
			generic: true,
			keys:    []string{"412 precondition failed", "412 (precondition failed)"},
			re:      lazyRe(`(?i)412 \(?Precondition Failed`),
			need:    []string{"gcr.io"},
			rank: func(h *hit, f *facts) []cand {
				return gcrShutdown412(h, "412")
			},
		},
		&signature{
			id:   "quay-tag-expired",
			keys: []string{"was deleted or has expired"},
			re:   lazyRe(`(?i)Tag (\S+) was deleted or has expired`),
			rank: func(h *hit, f *facts) []cand {
				h.assumeOp(opPull)
				return []cand{c("manifest-unknown", 0.88, fmt.Sprintf("Quay no longer serves tag %s: it was deleted or its expiration passed (Quay's time machine can restore it within the repository's retention window). Point the job at a tag that exists.", h.m[1]))}
			},
		},
	)
}

// gcrShutdown412 ranks a token endpoint's 412 Precondition Failed for a
// Container Registry host (gcr.io and its regional hosts): the shut-down
// service refusing the request. Nil for any other status or host.
func gcrShutdown412(h *hit, status string) []cand {
	if status != "412" {
		return nil
	}
	host := h.host
	if host == "" {
		host = h.url.Host
	}
	if host != "gcr.io" && !strings.HasSuffix(host, ".gcr.io") {
		return nil
	}
	return []cand{c("registry-disabled", 0.8, fmt.Sprintf("%s answered 412 Precondition Failed at its token endpoint: Container Registry is shut down for writes (2025-03-18) and this project's gcr.io was not moved to Artifact Registry. Run `gcloud artifacts docker upgrade migrate --projects=PROJECT` or push to a REGION-docker.pkg.dev repository.", hostName(host))),
		c("registry-fault", 0.35, "")}
}
