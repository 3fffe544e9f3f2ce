package diagnose

import (
	"fmt"
	"strings"
)

// rankCacheManifest400 reads a 400 Bad Request to BuildKit's registry cache
// export. "error writing manifest blob" is the cache exporter's own wording
// (moby/buildkit remotecache: it commits the cache manifest, an image index
// of cache layers, by digest); an image push commits "manifest-sha256:…"
// instead. The layers of the cache went to the same repository before, so
// the name was accepted; what the registry refused is the cache manifest's
// form. ghcr.io refused cache manifest lists until GitHub fixed it
// (moby/buildkit#1865); registries that store only image manifests need
// image-manifest=true (docs.docker.com/build/cache/backends/registry/).
// Returns nil for any other 400.
func rankCacheManifest400(h *hit) []cand {
	if !strings.Contains(h.low, "error writing manifest blob") {
		return nil
	}
	return []cand{
		c("registry-fault", 0.66, fmt.Sprintf("%s refused the build cache's manifest with 400 while its layers were accepted: the registry does not take BuildKit's cache manifest list (an image index of cache layers), a registry limitation or defect rather than a malformed name (GHCR refused it until a server-side fix, moby/buildkit#1865). Export the cache with image-manifest=true,oci-mediatypes=true, use another cache backend (type=gha, type=inline), or make the export best-effort with ignore-error=true.", hostName(h.host))),
		c("client-bug", 0.48, ""),
		c("invalid-reference", 0.35, ""),
	}
}
