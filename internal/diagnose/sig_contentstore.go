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
	)
}
