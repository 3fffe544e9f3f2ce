package diagnose

import (
	"strings"
)

// containerd's content fetcher in its own words. With the containerd image
// store (docker 24+ with the containerd snapshotter, the default from docker
// 29; nerdctl) a pull opens each manifest and blob through
// remotes/docker's httpReadSeeker, and a 404 there surfaces as
// "failed to copy: httpReadSeeker: failed open: content at URL not found:
// not found" (containerd remotes/docker/fetcher.go wraps ErrNotFound with the
// URL it asked). The tag resolved, so the registry knows the image; what is
// missing is content it points at.
//
// The push side of the same store: the docker CLI's note "You're trying to
// push a manifest list/index which references multiple platform specific
// manifests, but not all of them are available locally or available to the
// remote repository." (cli/command/image/push.go, printed when the engine
// reports missing content) follows "missing content: content digest ...: not
// found". A single-platform pull or build keeps the whole image index in the
// containerd image store, and a push without --platform tries to send every
// platform (docker/cli#4959, moby/moby#48731; `docker push --platform` came
// with docker/cli#4984). The registry and the credential are not involved.
// The finding names no client version: the note does not print one, and the
// behaviour belongs to the containerd image store across releases rather
// than to one of them. client-bug is the contract's client-side id for it
// because the fix is on the client (push --platform, which needs Docker 27
// or later, or the classic store), not the registry or the credential.

func init() { sigGroups = append(sigGroups, sigsContentStore) }

func sigsContentStore() {
	register(
		&signature{
			id:   "content-not-found",
			keys: []string{"failed open: content at"},
			re:   lazyRe(`(?i)failed open: content at (https?://\S+?/v2/\S+?/(manifests|blobs)/\S+?) not found`),
			rank: func(h *hit, f *facts) []cand {
				h.op = opPull
				if strings.EqualFold(h.m[2], "blobs") {
					return []cand{
						c("registry-fault", 0.62, "The registry resolved the image but answered 404 for one of its layers: a blob the manifest names is missing from the registry's storage (a garbage collection or replication gap on the registry side), not a problem of the client's name or credential."),
						c("manifest-unknown", 0.45, ""),
					}
				}
				if cs := mergeListRead(h, f); cs != nil {
					return cs // sig_manifestmerge.go
				}
				return []cand{
					c("manifest-unknown", 0.78, "The tag resolved, but the registry answered 404 for the manifest it points at (by digest): the image index names a per-platform manifest that is no longer in the registry, typically after a cleanup deleted untagged versions of a multi-arch image. Use another tag or digest, or re-publish the image."),
					c("registry-fault", 0.45, ""),
				}
			},
		},
		&signature{
			id:   "push-index-content-missing",
			keys: []string{"not all of them are available locally"},
			re:   lazyRe(`(?i)push a manifest list/index which references multiple platform specific manifests, but not all of them are available locally`),
			rank: func(h *hit, f *facts) []cand {
				h.op = opPush
				return []cand{
					c("client-bug", 0.62, "The docker CLI says the push was of a multi-platform image index whose per-platform manifests are not all in the local image store: with the containerd image store (Docker 24 and later), a pull or build of one platform keeps the whole index, and a push without --platform tries to send every platform. The registry and the credential are fine. Push the one platform you have (`docker push --platform linux/amd64 IMAGE`, Docker 27 and later), build or pull every platform the index names, or use the classic image store."),
				}
			},
		},
	)
}
