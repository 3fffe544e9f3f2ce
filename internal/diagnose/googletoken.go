package diagnose

import (
	"fmt"

	"github.com/regdoctor/regdoctor/internal/reghost"
)

// googleTokenForbidden ranks a 403 Forbidden from a Google registry's token
// endpoint (https://gcr.io/v2/token, https://REGION-docker.pkg.dev/v2/token),
// as BuildKit ("failed to fetch oauth token: unexpected status from GET
// request to https://gcr.io/v2/token?scope=…: 403 Forbidden") and docker's
// "token auth attempt for registry" print it. Google's token service checks
// the credential first and answers a missing or unusable one with 401
// (UNAUTHORIZED, "you may have invalid credentials"); a 403 is its answer
// to an identity it authenticated that lacks the IAM permission the scope
// asks for on that project (push: roles/artifactregistry.writer, or write on
// the gcr.io storage bucket; cloud.google.com/artifact-registry/docs/access-control,
// cloud.google.com/container-registry/docs/access-control). For a push the
// project in the path may also not be the one the identity was meant to
// write to (a reference taken from the wrong variable). nil for other
// registries, where a 403 at the token endpoint keeps the stale-credential
// reading.
func googleTokenForbidden(h *hit) []cand {
	if h.kind() != reghost.GAR {
		return nil
	}
	repo := orSome(h.repo(), "this repository")
	if h.op == opPush {
		return []cand{
			c("cloud-iam-denied", 0.66, fmt.Sprintf("%s's token service accepted the credential but refused the push scope for %s (403, where a bad or missing credential gets 401): the identity lacks IAM write on that project (roles/artifactregistry.writer, or write on the gcr.io storage bucket).", hostName(h.host), repo)),
			c("push-outside-namespace", 0.5, fmt.Sprintf("If the identity does have write on its own project, the path %s names another project: check where the reference comes from (a variable set by the build image or the environment).", repo)),
			c("token-expired", 0.42, ""),
		}
	}
	return []cand{
		c("cloud-iam-denied", 0.66, fmt.Sprintf("%s's token service accepted the credential but refused the scope for %s (403, where a bad or missing credential gets 401): the identity lacks IAM read on that project (roles/artifactregistry.reader).", hostName(h.host), repo)),
		c("token-expired", 0.45, ""),
		c("bad-credentials", 0.4, ""),
	}
}
