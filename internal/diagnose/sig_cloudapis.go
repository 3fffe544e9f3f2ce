package diagnose

import (
	"fmt"
	"regexp"
	"strings"
)

// Cloud control-plane answers on the way to a registry credential: AWS's
// refusal of the access key that asks ECR for a token, and Google's notice
// that the registry API is off for the project.

func init() { sigGroups = append(sigGroups, sigsCloudAPIs) }

func sigsCloudAPIs() {
	register(
		&signature{
			id: "ecr-token-key-unrecognized",
			// `aws ecr get-login-password` (and the SDKs behind
			// amazon-ecr-login, ecr-login helpers) calls ECR's
			// GetAuthorizationToken with the job's AWS key; AWS answers an
			// access key ID it does not know "An error occurred
			// (UnrecognizedClientException) when calling the
			// GetAuthorizationToken operation: The security token included
			// in the request is invalid." — a wrong, deleted or deactivated
			// key, or a temporary key sent without its session token
			// (docs.aws.amazon.com/AmazonECR/latest/APIReference/CommonErrors.html).
			keys: []string{"unrecognizedclientexception"},
			re:   regexp.MustCompile(`(?i)\(UnrecognizedClientException\) when calling the GetAuthorizationToken operation`),
			rank: func(h *hit, f *facts) []cand {
				h.op = opLogin
				return []cand{
					c("bad-credentials", 0.86, "AWS did not recognise the access key the job used to ask ECR for a registry token (GetAuthorizationToken): the key ID is wrong, deleted or deactivated, or a temporary key was sent without its session token. Check the AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY (and AWS_SESSION_TOKEN) secrets, or use role assumption."),
					c("token-expired", 0.4, ""),
					c("empty-credential", 0.3, ""),
				}
			},
		},
		&signature{
			id: "google-registry-api-disabled",
			// Google answers a registry request for a project whose API is
			// off: "Artifact Registry API has not been used in project N
			// before or it is disabled. Enable it by visiting …" (the same
			// wording for the Container Registry API). gcr.io hosted on
			// Artifact Registry needs the Artifact Registry API
			// (cloud.google.com/artifact-registry/docs/enable-service).
			keys: []string{"registry api has not been used"},
			re:   regexp.MustCompile(`(?i)((?:Artifact|Container) Registry) API has not been used in project (\S+?) before or it is disabled`),
			rank: func(h *hit, f *facts) []cand {
				api := h.m[1]
				return []cand{
					c("registry-disabled", 0.88, fmt.Sprintf("The %s API is disabled in project %s: the registry refuses every request for it. Enable it (`gcloud services enable %s.googleapis.com --project %s`), wait a few minutes, and check that the image path names the intended project.", api, strings.TrimRight(h.m[2], ".,"), strings.ToLower(strings.ReplaceAll(api, " ", "")), strings.TrimRight(h.m[2], ".,"))),
					c("repo-not-found", 0.35, ""),
				}
			},
		},
	)
}
