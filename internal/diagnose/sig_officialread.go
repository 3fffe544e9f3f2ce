package diagnose

import (
	"fmt"

	"github.com/regdoctor/regdoctor/internal/reghost"
)

// rankOfficialNamespaceRead reads an anonymous read refused with 401 /
// "authentication required" by Docker Hub for a repository in library/, the
// namespace of Docker's official images. Every repository there is public
// (https://docs.docker.com/docker-hub/repos/manage/trusted-content/official-images/)
// and no account can create one, so no login would have let the read
// through: the name is not an official image. Docker Hub answers a
// repository that does not exist with the same 401 it gives a private one
// (distribution spec: a registry may answer 401 rather than reveal that a
// repository is absent). Typically a locally built image that was never
// pushed, a word of the command taken as the image name, or a reference
// that lost its namespace or registry host. nil when the read is not to
// Docker Hub's library/ namespace.
func rankOfficialNamespaceRead(h *hit) []cand {
	if h.kind() != reghost.DockerHub {
		return nil
	}
	repo := h.url.Repo
	if repo == "" {
		repo = h.ref.Repo
	}
	if !officialName(repo) {
		return nil
	}
	return []cand{
		c("manifest-unknown", 0.74, fmt.Sprintf("The read of %s on Docker Hub was refused with 401, but library/ holds only Docker's official images, all public: a login would not change the answer. That name is not an official image — it does not exist on Docker Hub (a local build never pushed, a mistyped or misplaced word taken as the image), or the reference lost its namespace or registry host.", repo)),
		c("missing-registry-host", 0.5, ""),
		c("no-login", 0.45, ""),
	}
}
