package diagnose

import (
	"fmt"
	"strings"
)

// containerd's fetcher when a descriptor has no URL it could name:
// "failed to copy: httpReadSeeker: failed open: could not fetch content
// descriptor sha256:<hex> (<media type>) from remote: not found"
// (containerd core/remotes/docker/fetcher.go: every host answered 404 for
// the digest). The reference resolved to a manifest first, so the registry
// knows the image; the media type says what it then could not serve: a
// per-platform manifest of an index (gone after a cleanup of untagged
// versions: manifest-unknown, as for "content at URL not found" in
// sig_contentstore.go) or a layer/config blob the stored manifest names
// (missing from the registry's storage or its mirror: registry-fault).

func init() { sigGroups = append(sigGroups, sigsFetchDescriptor) }

func sigsFetchDescriptor() {
	register(
		&signature{
			id:   "content-descriptor-not-found",
			keys: []string{"could not fetch content descriptor"},
			re:   lazyRe(`(?i)could not fetch content descriptor (sha256:[0-9a-f]+) \(([^)]*)\) from remote: not found`),
			rank: func(h *hit, f *facts) []cand {
				h.op = opPull
				mt := strings.ToLower(h.m[2])
				if strings.Contains(mt, "manifest") || strings.Contains(mt, "image.index") {
					return []cand{
						c("manifest-unknown", 0.78, fmt.Sprintf("The reference resolved, but the registry answered 404 for the manifest it points at (%s, by digest): the image index names a per-platform manifest that is no longer in the registry, typically after a cleanup deleted untagged versions. Use another tag or digest, or re-publish the image.", h.m[2])),
						c("registry-fault", 0.45, ""),
					}
				}
				return []cand{
					c("registry-fault", 0.64, fmt.Sprintf("The registry resolved the reference but answered 404 for content its manifest names (%s, %s): the blob is missing from the registry's (or its mirror's) storage, a fault on the registry side rather than the client's name or credential. Retry later or pull from another source until the publisher fixes the artifact.", h.m[1], h.m[2])),
					c("manifest-unknown", 0.45, ""),
				}
			},
		},
	)
}
