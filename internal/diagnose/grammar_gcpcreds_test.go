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

// TestGcloudHelperImpersonation: gcloud's docker credential helper relays
// google-auth's "Unable to acquire impersonated credentials" with the IAM
// Credentials API's answer. A 403 PERMISSION_DENIED there means the identity
// the job runs as may not mint tokens for the service account it
// impersonates (iam.serviceAccounts.getAccessToken: roles/iam.workloadIdentityUser
// or roles/iam.serviceAccountTokenCreator missing): an IAM binding, not an
// expired token and not a broken helper (sig_transport.go rankGcloudHelper).
func TestGcloudHelperImpersonation(t *testing.T) {
	checkFirstCause(t, map[string]string{
		`ERROR: (gcloud.auth.docker-helper) There was a problem refreshing your current auth tokens: ('Unable to acquire impersonated credentials', '{\n  "error": {\n    "code": 403,\n    "message": "Permission \'iam.serviceAccounts.getAccessToken\' denied on resource (or it may not exist).",\n    "status": "PERMISSION_DENIED"\n  }\n}\n')`:                                                                                                                                                                                                                                                                                                                                                              "cloud-iam-denied",
		"error getting credentials - err: exit status 1, out: `ERROR: (gcloud.auth.docker-helper) There was a problem refreshing your current auth tokens: ('Unable to acquire impersonated credentials: No access token or invalid expiration in response.', '{\\n  \"error\": {\\n    \"code\": 403,\\n    \"message\": \"The caller does not have permission\",\\n    \"status\": \"PERMISSION_DENIED\"\\n  }\\n}\\n')`":                                                                                                                                                                                                                                                                                        "cloud-iam-denied",
		"$ docker push gcr.io/orbit-ci/api:2.0\nERROR: (gcloud.auth.docker-helper) There was a problem refreshing your current auth tokens: ('Unable to acquire impersonated credentials: No access token or invalid expiration in response.', '{\\n  \"error\": {\\n    \"code\": 403,\\n    \"message\": \"The caller does not have permission\",\\n    \"status\": \"PERMISSION_DENIED\"\\n  }\\n}\\n')\nThe push refers to repository [gcr.io/orbit-ci/api]\nunauthorized: You don't have the needed permissions to perform this operation, and you may have invalid credentials. To authenticate your request, follow the steps in: https://cloud.google.com/container-registry/docs/advanced-authentication": "cloud-iam-denied",
		// look-alikes: the source credential itself refused (401
		// UNAUTHENTICATED) or a plain failed refresh stays token-expired;
		// the helper with no account stays credential-store-error; the same
		// refusal in another gcloud command is not a registry failure
		`ERROR: (gcloud.auth.docker-helper) There was a problem refreshing your current auth tokens: ('Unable to acquire impersonated credentials', '{\n  "error": {\n    "code": 401,\n    "message": "Request had invalid authentication credentials.",\n    "status": "UNAUTHENTICATED"\n  }\n}\n')`:                                      "token-expired",
		"ERROR: (gcloud.auth.docker-helper) There was a problem refreshing your current auth tokens: Reauthentication failed.":                                                                                                                                                                                                               "token-expired",
		"ERROR: (gcloud.auth.docker-helper) You do not currently have an active account selected.":                                                                                                                                                                                                                                           "credential-store-error",
		`ERROR: (gcloud.builds.submit) There was a problem refreshing your current auth tokens: ('Unable to acquire impersonated credentials: No access token or invalid expiration in response.', '{\n  "error": {\n    "code": 403,\n    "message": "The caller does not have permission",\n    "status": "PERMISSION_DENIED"\n  }\n}\n')`: "",
	})
}
