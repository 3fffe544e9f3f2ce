package diagnose

import "testing"

// TestMessageGrammarManagedRuntimes holds image pulls as managed runtimes
// report them (sig_managedruntimes.go): ECS's CannotPullContainer with a
// bare AccessDenied, App Runner's access role, App Engine / Cloud Run's
// "generic::CODE: failed to fetch manifest", the Cloud Run service agent's
// read permission and "Image 'REF' not found.", Cloud Run's refusal to
// deploy from Container Registry, Lambda refusing an image index, the Cloud
// Functions service agent without access to its repository,
// flyctl's remote image lookup, and ECS's secret fetches that name
// "registry auth" without being the registry.
func TestMessageGrammarManagedRuntimes(t *testing.T) {
	checkFirstCause(t, map[string]string{
		// ECS / Batch stopped-task reasons
		"CannotPullContainerError: AccessDenied":             "cloud-iam-denied",
		"stoppedReason: CannotPullContainer AccessDenied":    "cloud-iam-denied",
		"CannotPullECRContainerError: AccessDenied (status)": "cloud-iam-denied",
		// Google serverless runtimes fetching the image
		"reason: generic::permission_denied: failed to fetch manifest: generic::permission_denied": "cloud-iam-denied",
		"reason: generic::not_found: failed to fetch manifest":                                     "manifest-unknown",
		// an unrelated Google status on the same runtime is not an image fetch
		"reason: generic::permission_denied: caller does not have permission to act as service account": "",
		// gcloud run deploy: the service agent cannot read the image, or there is no such image
		"ERROR: (gcloud.run.deploy) Google Cloud Run Service Agent service-345678901234@serverless-robot-prod.iam.gserviceaccount.com must have permission to read the image, europe-west1-docker.pkg.dev/ledger-shared/apps/ledger-web:1.8.0.": "cloud-iam-denied",
		"ERROR: (gcloud.run.deploy) Revision 'ledgerd-00017-xoq' is not ready and cannot serve traffic. Image 'gcr.io/ledger-prod/ledgerd:latest' not found.":                                                                                   "manifest-unknown",
		"Failed. Details: Image 'us-docker.pkg.dev/ledger-prod/apps/ledgerd:9a1c3e7' not found.":                                                                                                                                                "manifest-unknown",
		// a local name some other tool could not find is not a registry's image
		"Error: image 'ledgerd' not found.": "",
		// App Runner's access role
		"[AppRunner] Failed to pull your application image. Be sure you configure your service with a valid access role to your ECR repository.": "cloud-iam-denied",
		// Azure Container Instances
		"ERROR: (InaccessibleImage) The image 'ledgeracr.azurecr.io/ledgerd:3.2.0' in container group 'ledger' is not accessible. Please check the image and registry credential.": "no-login",
		// Cloud Run refusing a gcr.io image after the shutdown; the same words as a notice are not a failure
		"ERROR: (gcloud.run.deploy) Container Registry is deprecated and scheduled for shutdown. Please transition to Artifact Registry to prevent deployment failures": "registry-disabled",
		"WARNING: Container Registry is deprecated and scheduled for shutdown.":                                                                                         "",
		// AWS Lambda refusing an image index (provenance attestation, several platforms) through the API, CloudFormation or a deploy tool
		"An error occurred (InvalidParameterValueException) when calling the UpdateFunctionCode operation: The image manifest or layer media type for the source image 210987654321.dkr.ecr.eu-west-1.amazonaws.com/ledgerd@sha256:4b1e0f7c2d9a8e6b5c3f1a0d9e8c7b6a5f4e3d2c1b0a9f8e7d6c5b4a3f2e1d0c is not supported.":                                                      "client-bug",
		`CREATE_FAILED | AWS::Lambda::Function | LedgerFn | Resource handler returned message: "The image manifest or layer media type for the source image 210987654321.dkr.ecr.us-east-2.amazonaws.com/ledger-fns:ledger-api is not supported. (Service: Lambda, Status Code: 400, Request ID: 5c2d9a8e-6b5c-4f1a-9d8e-7c6b5a4f3e2d)" (HandlerErrorCode: InvalidRequest)`: "client-bug",
		// Lambda's other image refusals are not read as an index: a source image that does not exist, ECS's attestation pull
		"An error occurred (InvalidParameterValueException) when calling the CreateFunction operation: Source image 210987654321.dkr.ecr.eu-west-1.amazonaws.com/ledgerd:7 does not exist. Provide a valid source image.":          "",
		`CannotPullContainerError: failed to pull and unpack image "210987654321.dkr.ecr.eu-west-1.amazonaws.com/ledgerd:7": failed to unpack image on snapshotter overlayfs: unsupported media type application/vnd.in-toto+json`: "",
		// the Cloud Functions service agent without read access to its Artifact Registry repository (gcloud, Terraform)
		"ERROR: (gcloud.functions.deploy) OperationError: code=7, message=Unable to retrieve the repository metadata for projects/ledger-prod/locations/us-central1/repositories/ledger-fns. Ensure that the Cloud Functions service account has 'artifactregistry.repositories.list' and 'artifactregistry.repositories.get' permissions.":                                                              "cloud-iam-denied",
		"Error: googleapi: Error 403: Unable to retrieve the repository metadata for projects/ledger-prod/locations/europe-west1/repositories/gcf-artifacts. Ensure that the Cloud Functions service account has 'artifactregistry.repositories.list' and 'artifactregistry.repositories.get' permissions. You can add the permissions by granting the role 'roles/artifactregistry.reader'., forbidden": "cloud-iam-denied",
		// another tool failing to read some repository's metadata is not the Cloud Functions agent
		"ERROR: unable to retrieve the repository metadata: context deadline exceeded":                                   "",
		"warning: unable to retrieve the repository metadata for ledger/ledgerd from the mirror, using the cached index": "",
		// flyctl's remote image lookup
		`Error: failed to fetch an image or build from source: Authentication required to access image "docker.io/ledgerops/ledgerd:3.2.0"`: "client-bug",
		`Error failed to fetch an image or build from source: Authentication required to access image "docker.io/library/ledgerd:latest"`:   "missing-registry-host",
		// the ECS agent's "failed to resolve ref": a library/ name does not exist, a private name needs credentials
		`CannotPullContainerError: failed to resolve ref "docker.io/library/ledger_worker:latest": pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed`: "manifest-unknown",
		`CannotPullContainerError: failed to resolve ref "docker.io/ledgerops/ledgerd:3.2.0": pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed`:      "no-login",
		// ECS pulls NAME:TAG@DIGEST pinned at deployment: the digest is gone from the repository
		"CannotPullContainerError: pull image manifest has been retried 1 time(s): failed to resolve ref 210987654321.dkr.ecr.eu-west-1.amazonaws.com/ledgerd:release-7@sha256:4b1e0f7c2d9a8e6b5c3f1a0d9e8c7b6a5f4e3d2c1b0a9f8e7d6c5b4a3f2e1d0c: not found":                                 "manifest-unknown",
		`CannotPullContainerError: failed to resolve ref "docker.io/ledgerops/ledgerd:3.2.0@sha256:4b1e0f7c2d9a8e6b5c3f1a0d9e8c7b6a5f4e3d2c1b0a9f8e7d6c5b4a3f2e1d0c": docker.io/ledgerops/ledgerd:3.2.0@sha256:4b1e0f7c2d9a8e6b5c3f1a0d9e8c7b6a5f4e3d2c1b0a9f8e7d6c5b4a3f2e1d0c: not found`: "manifest-unknown",
		// the same pinned reference unreachable is the network, not a missing manifest
		`CannotPullContainerError: pull image manifest has been retried 5 time(s): failed to resolve ref 210987654321.dkr.ecr.eu-west-1.amazonaws.com/ledgerd:release-7@sha256:4b1e0f7c2d9a8e6b5c3f1a0d9e8c7b6a5f4e3d2c1b0a9f8e7d6c5b4a3f2e1d0c: failed to do request: Head "https://210987654321.dkr.ecr.eu-west-1.amazonaws.com/v2/ledgerd/manifests/sha256:4b1e0f7c2d9a8e6b5c3f1a0d9e8c7b6a5f4e3d2c1b0a9f8e7d6c5b4a3f2e1d0c": dial tcp 10.0.7.21:443: i/o timeout`: "registry-unreachable",
		// a git ref that is not found is not an image reference
		"error: failed to resolve ref refs/heads/release-7: not found": "",
		// ECS's ECR token fetch before the pull: no network path to the ECR API, or IAM
		"ResourceInitializationError: unable to pull secrets or registry auth: execution resource retrieval failed: unable to retrieve ecr registry auth: service call has been retried 3 time(s): RequestError: send request failed caused by: Post \"https://api.ecr.eu-west-1.amazonaws.com/\": dial tcp 10.0.4.12:443: i/o timeout":                                                                                                                  "registry-unreachable",
		"ResourceInitializationError: unable to pull secrets or registry auth: execution resource retrieval failed: unable to retrieve ecr registry auth: service call has been retried 5 time(s): RequestError: send request failed caused by: Post https://api.ecr....":                                                                                                                                                                                "registry-unreachable",
		"ResourceInitializationError: unable to pull secrets or registry auth: execution resource retrieval failed: unable to retrieve ecr registry auth: service call has been retried 1 time(s): RequestCanceled: request context canceled caused by: context deadline exceeded. Please check your task network configuration.":                                                                                                                        "registry-unreachable",
		"ResourceInitializationError: unable to pull secrets or registry auth: execution resource retrieval failed: unable to retrieve ecr registry auth: service call has been retried 3 time(s): AccessDeniedException: User: arn:aws:sts::210987654321:assumed-role/ledgerTaskExecutionRole/4f1d is not authorized to perform: ecr:GetAuthorizationToken on resource: * because no identity-based policy allows the ecr:GetAuthorizationToken action": "cloud-iam-denied",
		// ECS secrets fetch: not the registry
		"ResourceInitializationError: unable to pull secrets or registry auth: execution resource retrieval failed: unable to retrieve secret from asm: service call has been retried 5 time(s): failed to fetch secret arn:aws:secretsmanager:eu-west-1:210987654321:secret:ledger-db-AbCdEf from secrets manager: RequestCanceled: request context canceled caused by: context deadline exceeded. Please check your task network configuration.": "",
		"ResourceInitializationError: unable to pull secrets or registry auth: execution resource retrieval failed: unable to retrieve secrets from ssm: service call has been retried 1 time(s): AccessDeniedException: User: arn:aws:sts::210987654321:assumed-role/ledgerTaskExecutionRole/4f1d is not authorized to perform: ssm:GetParameters on resource: arn:aws:ssm:eu-west-1:210987654321:parameter/ledger/db":                            "",
		"ResourceInitializationError: unable to pull secrets or registry auth: execution resource retrieval failed: unable to retrieve secrets from ssm: service call has been retried 1 time(s): RequestError: send request failed caused by: Post \"https://ssm.eu-west-1.amazonaws.com/\": dial tcp 10.0.4.12:443: i/o timeout":                                                                                                                 "",
	})
}
