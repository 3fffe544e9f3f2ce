package diagnose

import (
	"fmt"
	"strings"
)

// Cloud control-plane answers on the way to a registry credential: Google's
// notice that the registry API is off for the project. (AWS's refusal of the
// access key that asks ECR for a token is cloud-login-credentials, sig_authn.go.)

func init() { sigGroups = append(sigGroups, sigsCloudAPIs) }

func sigsCloudAPIs() {
	register(
		&signature{
			id: "google-registry-api-disabled",
			// Google answers a registry request for a project whose API is
			// off: "Artifact Registry API has not been used in project N
			// before or it is disabled. Enable it by visiting …" (the same
			// wording for the Container Registry API). gcr.io hosted on
			// Artifact Registry needs the Artifact Registry API
			// (cloud.google.com/artifact-registry/docs/enable-service).
			keys: []string{"registry api has not been used"},
			re:   lazyRe(`(?i)((?:Artifact|Container) Registry) API has not been used in project (\S+?) before or it is disabled`),
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
