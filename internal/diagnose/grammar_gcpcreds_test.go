package diagnose

import "testing"

// TestArtifactRegistryUnauthenticated: Artifact Registry's refusal of a
// request that carried no credential ("Unauthenticated request.
// Unauthenticated requests do not have permission
// "artifactregistry.repositories.PERM" on resource ...") names the registry
// by its permission even when quoted without docker's "denied: " prefix or a
// host (sig_authz.go gcr-needed-permissions). With a login or
// configure-docker for the same host in the log the credential still did not
// reach the request (another user or config directory, a helper that did not
// run): no-login, not the IAM role that a delivered credential lacks.
func TestArtifactRegistryUnauthenticated(t *testing.T) {
	checkFirstCause(t, map[string]string{
		`Unauthenticated request. Unauthenticated requests do not have permission "artifactregistry.repositories.uploadArtifacts" on resource "projects/orbit/locations/europe-west1/repositories/apps" (or it may not exist)`:                                                                                                                                                                                                                           "no-login",
		`error from registry: Unauthenticated request. Unauthenticated requests do not have permission "artifactregistry.repositories.downloadArtifacts" on resource "projects/orbit/locations/us/repositories/base" (or it may not exist)`:                                                                                                                                                                                                              "no-login",
		"$ gcloud auth configure-docker europe-west1-docker.pkg.dev --quiet\n$ docker push europe-west1-docker.pkg.dev/orbit/apps/api:1.4\nThe push refers to repository [europe-west1-docker.pkg.dev/orbit/apps/api]\ndenied: Unauthenticated request. Unauthenticated requests do not have permission \"artifactregistry.repositories.uploadArtifacts\" on resource \"projects/orbit/locations/europe-west1/repositories/apps\" (or it may not exist)": "no-login",
		// look-alikes: a delivered credential is refused by name (the
		// service account lacks the role); a login for the same host and a
		// permission refusal keeps the IAM answer; gcloud's own control-plane
		// refusal of a repository read stays an IAM answer
		`denied: Permission "artifactregistry.repositories.uploadArtifacts" denied on resource "projects/orbit/locations/europe-west1/repositories/apps" (or it may not exist)`:                                                                                                                                                                                                                   "cloud-iam-denied",
		"$ gcloud auth configure-docker europe-west1-docker.pkg.dev --quiet\n$ docker push europe-west1-docker.pkg.dev/orbit/apps/api:1.4\nThe push refers to repository [europe-west1-docker.pkg.dev/orbit/apps/api]\ndenied: Permission \"artifactregistry.repositories.uploadArtifacts\" denied on resource \"projects/orbit/locations/europe-west1/repositories/apps\" (or it may not exist)": "cloud-iam-denied",
		`ERROR: (gcloud.artifacts.repositories.describe) PERMISSION_DENIED: Permission 'artifactregistry.repositories.get' denied on resource '//artifactregistry.googleapis.com/projects/orbit/locations/europe-west1/repositories/apps' (or it may not exist).`:                                                                                                                                 "cloud-iam-denied",
		// Docker Desktop's Registry Access Management keeps its reading
		"Pull failed due to an unauthenticated request. Registry Access Management is enabled, which requires pulls to be authenticated. Please run `docker login`, or contact your administrators if this is unexpected.": "no-login",
	})
}
