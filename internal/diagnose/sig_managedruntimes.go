package diagnose

import (
	"fmt"
	"strings"
)

// Image pulls as managed runtimes report them when they pull the image a CI
// job built, in their own event grammar: Amazon ECS's stopped-task reason
// CannotPullContainer… with a bare AccessDenied and App Runner's access-role
// message, Azure Container Instances' InaccessibleImage, Google's serverless
// runtimes (App Engine, Cloud Run) on an image they cannot read or find,
// Cloud Run's refusal to deploy from Container Registry after its shutdown,
// AWS Lambda refusing an image index, the Cloud Functions service agent
// without access to its Artifact Registry repository, and flyctl's remote
// lookup of the image it is told to deploy.

func init() { sigGroups = append(sigGroups, sigsManagedRuntimes) }

func sigsManagedRuntimes() {
	register(
		&signature{
			id: "aws-runtime-pull-denied",
			// ECS stops a task whose image pull failed with the reason
			// "CannotPullContainerError: …" (Fargate, EC2) or
			// "CannotPullECRContainerError: …" (AWS Batch); a bare
			// "AccessDenied" there is the task execution role (which pulls
			// from ECR) without ecr:GetAuthorizationToken /
			// BatchGetImage / GetDownloadUrlForLayer, or a wrong role
			// (docs.aws.amazon.com/AmazonECS/latest/developerguide/
			// task_execution_IAM_role.html). The longer
			// "AccessDeniedException: User: … is not authorized to perform"
			// form is read by the IAM signatures. App Runner's deployment
			// log says "Failed to pull your application image. Be sure you
			// configure your service with a valid access role to your ECR
			// repository." when its ECR access role is missing, cannot be
			// assumed (trust for build.apprunner.amazonaws.com) or lacks
			// the pull actions (docs.aws.amazon.com/apprunner/latest/dg/
			// security_iam_service-with-iam.html#security_iam_service-with-iam-roles).
			keys: []string{"cannotpull", "valid access role to your ecr"},
			re:   lazyRe(`(?i)(?:CannotPull(?:ECR)?Container(?:Error)?:?\s+AccessDenied\b|(Failed to pull your application image\. Be sure you configure your service with a valid access role))`),
			rank: func(h *hit, f *facts) []cand {
				if h.m[1] != "" {
					return []cand{c("cloud-iam-denied", 0.78, "App Runner could not pull the image from ECR with the service's access role: give the service an access role that trusts build.apprunner.amazonaws.com and has the AWSAppRunnerServicePolicyForECRAccess permissions (ecr:GetAuthorizationToken, BatchGetImage, GetDownloadUrlForLayer, BatchCheckLayerAvailability, DescribeImages); a repository in another account also needs a repository policy allowing that role.")}
				}
				return []cand{c("cloud-iam-denied", 0.82, "The task's image pull from ECR was denied by IAM: the task execution role (not the task role) must allow ecr:GetAuthorizationToken, ecr:BatchCheckLayerAvailability, ecr:GetDownloadUrlForLayer and ecr:BatchGetImage (the managed AmazonECSTaskExecutionRolePolicy has them), and the task definition must name that role.")}
			},
		},
		&signature{
			id: "ecs-registry-auth-retrieval",
			// Before a Fargate task (platform 1.4+) starts, its agent fetches
			// the ECR authorization token with the task execution role and
			// reports a failure as the stopped reason
			// "ResourceInitializationError: unable to pull secrets or
			// registry auth: execution resource retrieval failed: unable to
			// retrieve ecr registry auth: service call has been retried N
			// time(s): ERR", ERR being the AWS SDK's error. An SDK
			// RequestError ("send request failed caused by: Post
			// https://api.ecr.REGION.amazonaws.com/…") or RequestCanceled
			// ("context deadline exceeded") means the task has no network
			// path to the ECR API: no public IP or NAT route, or no
			// com.amazonaws.REGION.ecr.api / ecr.dkr interface endpoints
			// and S3 gateway endpoint, or a security group without outbound
			// 443 (docs.aws.amazon.com/AmazonECS/latest/developerguide/
			// resource-initialization-error.html; aws-sdk-go
			// aws/request/request.go ErrCodeRequestError,
			// CanceledErrorCode). An AccessDeniedException there is read by
			// the IAM signatures; the same prefix with "unable to retrieve
			// secret(s) from asm|ssm" is an application secret, not the
			// registry.
			keys: []string{"retrieve ecr registry auth"},
			re:   lazyRe(`(?i)unable to retrieve ecr registry auth: (?:service call has been retried \d+ time\(s\): )?(RequestError|RequestCanceled)\b`),
			rank: func(h *hit, f *facts) []cand {
				return []cand{c("registry-unreachable", 0.8, "The ECS task could not reach the ECR API (api.ecr.REGION.amazonaws.com) to fetch the registry token before pulling the image: a task in a private subnet needs a NAT gateway or the ecr.api and ecr.dkr interface endpoints plus the S3 gateway endpoint, a task in a public subnet needs a public IP (assignPublicIp ENABLED), and the security groups and network ACLs must allow outbound HTTPS.")}
			},
		},
		&signature{
			id: "gcp-serverless-image-fetch",
			// Google's serverless runtimes deploying an image from Artifact
			// Registry (or gcr.io) word a failed image fetch three ways:
			// App Engine and Cloud Run quote the runtime's fetch with a
			// canonical status code, "generic::permission_denied: failed to
			// fetch manifest" (the deployer or the service agent lacks
			// roles/artifactregistry.reader) or "generic::not_found: failed
			// to fetch manifest"; gcloud run deploy says "Google Cloud Run
			// Service Agent SA must have permission to read the image, REF"
			// (an image in another project, or a repository policy without
			// the service agent) and "Image 'REF' not found." (no such image
			// or tag) (cloud.google.com/run/docs/troubleshooting,
			// cloud.google.com/run/docs/deploying#other-projects).
			keys: []string{"generic::permission_denied", "generic::not_found", "must have permission to read the image", "' not found."},
			re:   lazyRe(`(?i)(?:generic::(permission_denied|not_found): failed to fetch manifest|(Service Agent \S+ must have permission to read the image)|Image '([\w.-]+\.[\w.-]+(?::\d+)?/[^'\s]+)' not found\.)`),
			rank: func(h *hit, f *facts) []cand {
				switch {
				case strings.EqualFold(h.m[1], "not_found"):
					return []cand{c("manifest-unknown", 0.75, "The runtime found no image by that reference in the registry: the build pushed another tag or repository, or the image was deleted.")}
				case h.m[3] != "":
					return []cand{c("manifest-unknown", 0.76, fmt.Sprintf("The registry has no image %s: the build pushed another tag or repository (or the push failed or was skipped), or the tag was deleted; deploy the reference the build printed, ideally by digest.", h.m[3])),
						c("cloud-iam-denied", 0.45, "")}
				case h.m[2] != "":
					return []cand{c("cloud-iam-denied", 0.84, "The Cloud Run service agent of the deploying project cannot read the image: grant it roles/artifactregistry.reader on the image's repository (needed when the image lives in another project), and check the image URL.")}
				}
				return []cand{c("cloud-iam-denied", 0.8, "The runtime could not read the image's manifest from Artifact Registry: grant roles/artifactregistry.reader on the repository to the identity that deploys and to the service's runtime service agent.")}
			},
		},
		&signature{
			id: "aci-inaccessible-image",
			// Azure Container Instances refuses a container group whose
			// image it could not pull with the error code InaccessibleImage:
			// "The image 'REF' in container group 'G' is not accessible.
			// Please check the image and registry credential."
			// (learn.microsoft.com/azure/container-instances/
			// container-instances-troubleshooting). The group has no
			// imageRegistryCredentials (--registry-username/--registry-password,
			// or --acr-identity) for a private registry, or the reference
			// names no image there, or the credential is refused.
			keys: []string{"please check the image and registry credential"},
			re:   lazyRe(`(?i)The image '([^']+)' in container group '[^']*' is not accessible\. Please check the image and registry credential`),
			rank: func(h *hit, f *facts) []cand {
				return []cand{
					c("no-login", 0.6, fmt.Sprintf("Azure Container Instances could not pull %s: a container group pulling from a private registry needs imageRegistryCredentials for that registry's login server (az container create --registry-login-server/--registry-username/--registry-password, or --acr-identity with AcrPull); a login in the CI job does not reach it.", h.m[1])),
					c("manifest-unknown", 0.55, "Check that the image and tag exist in the registry under exactly that reference (ACI answers a missing image the same way)."),
					c("bad-credentials", 0.45, ""),
				}
			},
		},
		&signature{
			id: "gcr-shutdown-deploy",
			// Cloud Run's refusal to deploy an image from Container
			// Registry after its shutdown: "Container Registry is deprecated
			// and scheduled for shutdown. Please transition to Artifact
			// Registry to prevent deployment failures"
			// (cloud.google.com/artifact-registry/docs/transition/
			// transition-from-gcr). The same words as a notice (a line
			// saying WARNING) are not a failure.
			keys: []string{"deprecated and scheduled for shutdown"},
			re:   lazyRe(`(?i)Container Registry is deprecated and scheduled for shutdown`),
			veto: []string{"warning"},
			rank: fixed(
				c("registry-disabled", 0.8, "Container Registry is shut down for the image's project: the deployment is refused until the project's gcr.io repositories are migrated to Artifact Registry (`gcloud artifacts docker upgrade migrate --projects=PROJECT`) or the image is deployed from a LOCATION-docker.pkg.dev repository."),
				c("repo-not-found", 0.4, ""),
			),
		},
		&signature{
			id: "lambda-image-media-type",
			// AWS Lambda (CreateFunction / UpdateFunctionCode, and so
			// CloudFormation, SAM, CDK and the Serverless Framework through
			// it) refuses an image whose manifest it cannot run with
			// InvalidParameterValueException "The image manifest or layer
			// media type for the source image URI is not supported." Lambda
			// takes a single-platform image manifest (Docker v2 schema 2 or
			// OCI), not an image index: since buildx 0.10 (Docker Engine 23+
			// builds with buildx) a build adds a provenance attestation by
			// default, so even a one-platform push is an index
			// (docker/buildx#1533, docker/build-push-action#755,
			// serverless/serverless#12808, which added a provenance option to
			// the Framework's ecr.images). The push itself succeeded.
			keys: []string{"media type for the source image"},
			re:   lazyRe(`(?i)The image manifest or layer media type for the source image (\S+) is not supported`),
			rank: func(h *hit, f *facts) []cand {
				return []cand{c("client-bug", 0.74, fmt.Sprintf("Lambda cannot run %s as pushed: the build produced an image index (the default provenance attestation of buildx 0.10+ / Docker 23+, or several platforms) instead of one image manifest. Build the function image with --provenance=false (docker build/buildx, or provenance: false in docker/build-push-action; the tool's own option in SAM, CDK or the Serverless Framework) for the function's single architecture (--platform linux/amd64 or linux/arm64), push it again and redeploy.", strings.TrimRight(h.m[1], ".,;")))}
			},
		},
		&signature{
			id: "gcf-repository-metadata",
			// Cloud Functions (the v1 API behind gcloud functions deploy,
			// Terraform's google_cloudfunctions_function and firebase
			// deploy) reads the Artifact Registry repository it builds
			// into (gcf-artifacts, or --docker-repository) with its service
			// agent, service-PROJECT_NUMBER@gcf-admin-robot.iam.gserviceaccount.com;
			// without access it fails the deployment with "Unable to
			// retrieve the repository metadata for projects/P/locations/L/
			// repositories/R. Ensure that the Cloud Functions service
			// account has 'artifactregistry.repositories.list' and
			// 'artifactregistry.repositories.get' permissions"
			// (cloud.google.com/functions/docs/building#image_registry,
			// cloud.google.com/functions/docs/troubleshooting).
			keys: []string{"unable to retrieve the repository metadata"},
			re:   lazyRe(`(?i)Unable to retrieve the repository metadata for (projects/[\w.-]+/locations/[\w-]+/repositories/[\w.-]+)\.?\s+Ensure that the Cloud Functions service account`),
			rank: func(h *hit, f *facts) []cand {
				return []cand{c("cloud-iam-denied", 0.82, fmt.Sprintf("The Cloud Functions service agent of the project cannot read the Artifact Registry repository %s: grant service-PROJECT_NUMBER@gcf-admin-robot.iam.gserviceaccount.com roles/artifactregistry.reader on it (or on the project); a repository in another project needs the grant there.", strings.TrimRight(h.m[1], "."))),
					c("repo-not-found", 0.35, "If the function names its own repository (--docker-repository), check that it exists in that project and location.")}
			},
		},
		&signature{
			id: "flyctl-remote-image-auth",
			// flyctl deploy given an image (--image, [build] image) looks
			// it up in its registry before deploying ("Searching for image
			// 'X' remotely...") unless told --local-only; the registry's
			// 401 comes back as "failed to fetch an image or build from
			// source: Authentication required to access image \"REF\"".
			// flyctl 0.0.354 made that remote lookup the default without
			// the docker login's credentials (superfly/flyctl#1100); a
			// bare local name resolves to docker.io/library/NAME.
			keys: []string{"authentication required to access image"},
			re:   lazyRe(`(?i)Authentication required to access image "?([^"\s]+)`),
			rank: func(h *hit, f *facts) []cand {
				ref := strings.ToLower(h.m[1])
				bug := c("client-bug", 0.6, fmt.Sprintf("flyctl looked the image %s up in the registry (its remote lookup, the default since flyctl 0.0.354) without the credentials of the docker login: deploy an image that exists only locally with --local-only, or upgrade flyctl.", h.m[1]))
				if strings.HasPrefix(ref, "docker.io/library/") || !strings.Contains(ref, "/") {
					bug.w = 0.5
					return []cand{c("missing-registry-host", 0.6, fmt.Sprintf("The image name has no registry host or namespace, so flyctl looked it up as %s on Docker Hub: give the full reference of the registry it was pushed to (registry.fly.io/APP:TAG), or deploy the local image with --local-only.", h.m[1])), bug}
				}
				return []cand{bug, c("no-login", 0.5, "")}
			},
		},
	)
}
