package diagnose

import (
	"fmt"
	"strings"

	"github.com/regdoctor/regdoctor/internal/reghost"
)

// rankGCRPermissionDeniedFor ranks Container Registry's pull refusal
// `denied: Permission denied for "TAG" from request "/v2/PROJECT/IMAGE/manifests/TAG"`
// (docker wraps it in "pull access denied for …, repository does not exist
// or may require 'docker login'"). gcr.io gives this answer for an image it
// will not show this caller: an image or project that was deleted or moved
// (Container Registry images migrated to Artifact Registry, a project shut
// down, a builder image that only exists in another project) as well as an
// existing one the caller's identity may not read. In the threads that quote
// it the image was gone far more often than the caller unauthenticated
// (Cloud Build and GKE send their service account's credential anyway), so
// the missing image leads and IAM follows; no-login stays a candidate for a
// docker client with no gcloud helper. nil when the hit is not that answer,
// not a pull from a Google registry, or a login for another host explains it
// better (rankDenied's login-wrong-host).
func rankGCRPermissionDeniedFor(h *hit, state string) []cand {
	if h.op != opPull || h.kind() != reghost.GAR || state == "other" {
		return nil
	}
	if !strings.Contains(h.low, `permission denied for "`) || !strings.Contains(h.low, "/manifests/") {
		return nil
	}
	img := orSome(h.ref.Raw, orSome(h.repo(), "the image"))
	return []cand{
		c("manifest-unknown", 0.72, fmt.Sprintf("Container Registry refused the manifest of %s with \"Permission denied for\": it answers so for an image or project that was deleted or moved (to Artifact Registry, or one that exists only in another project) as for one the caller may not read. Check that the image still exists at this path.", img)),
		c("cloud-iam-denied", 0.6, "If the image is there, the identity that pulls (the Cloud Build or node service account) lacks read access on it: grant roles/artifactregistry.reader (or Storage Object Viewer on the gcr.io bucket)."),
		c("no-login", 0.5, "A docker client without gcloud's credential helper pulls anonymously, which only works for public images."),
	}
}
