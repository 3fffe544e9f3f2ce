package diagnose

import (
	"fmt"
	"strings"
)

// rankManifestDigest400 reads a 400 Bad Request to a manifest PUT by digest
// (containerd's and BuildKit's `failed commit on ref "manifest-sha256:…":
// unexpected status from PUT request to https://HOST/v2/NAME/manifests/sha256:…:
// 400 Bad Request`). containerd pushes a manifest's layers and config before
// the manifest (remotes/handlers.go: children first), so the repository
// name was accepted for those uploads, and a PUT by digest carries no tag
// that could be malformed: the registry refused the manifest itself (a
// media type or manifest form it does not store, or its own defect). nil
// when the request is not a manifest PUT by digest.
func rankManifestDigest400(h *hit) []cand {
	if !strings.Contains(h.low, "/manifests/sha256:") || !containsAny(h.low, []string{"put request", `failed commit on ref "manifest-`}) {
		return nil
	}
	return []cand{
		c("registry-fault", 0.62, fmt.Sprintf("%s refused the manifest itself with 400 after taking its layers, and a PUT by digest has no tag that could be malformed: the registry does not accept this manifest (its media type or form, an OCI manifest or index on a registry that stores only Docker v2 schema 2) or has a defect. Check the registry's log and version; pushing with provenance: false or a single platform avoids the forms older registries refuse.", hostName(h.host))),
		c("client-bug", 0.5, ""),
		c("invalid-reference", 0.4, ""),
	}
}
