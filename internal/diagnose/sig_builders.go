package diagnose

import (
	"fmt"
	"strings"
)

// Signatures for image builders' own wording of a registry failure: the
// Cloud Native Buildpacks lifecycle's exporter and Packer's docker
// post-processor ECR login.

func init() { sigGroups = append(sigGroups, sigsBuilders) }

// ecrLoginServerRe is a private ECR registry host (ACCOUNT.dkr.ecr.REGION.
// amazonaws.com[.cn], AWS docs "Amazon ECR private registry"), as the
// whole of a URL or login server with an optional scheme.
var ecrLoginServerRe = lazyRe(`^(?:https?://)?[^./\s]+\.dkr\.ecr(?:-fips)?\.[a-z0-9-]+\.amazonaws\.com(?:\.cn)?/?$`)

func sigsBuilders() {
	register(
		&signature{
			id: "cnb-run-image-no-layers",
			// The buildpacks lifecycle (buildpacks/lifecycle, exporter) reads
			// the run image from the registry when it exports to a registry;
			// imgutil's remote image for a base image it could not read is
			// an empty one, and the export then stops with "get run image
			// top layer SHA: image NAME has no layers". The buildpacks docs
			// (docs#298, "Document how to provide docker credentials to
			// lifecycle") answer it with credentials for the run image's and
			// the target's registries (CNB_REGISTRY_AUTH or a Docker
			// config.json the lifecycle can read).
			keys: []string{"has no layers"},
			re:   lazyRe(`get run image top layer SHA: image (\S+) has no layers`),
			rank: func(h *hit, f *facts) []cand {
				return []cand{
					c("no-login", 0.72, fmt.Sprintf("The lifecycle could not read the run image %s from its registry, so it exported onto an empty image: it had no credential for that registry (the lifecycle reads CNB_REGISTRY_AUTH or a Docker config.json, not the platform's login).", h.m[1])),
					c("manifest-unknown", 0.5, "The run image name (the builder's run-image or --run-image) may not exist."),
					c("login-other-job", 0.45, ""),
				}
			},
			tell: func(*hit, *facts) string {
				return "Check what the lifecycle's export step can read: a CNB_REGISTRY_AUTH value or a Docker config.json in its HOME naming the run image's registry and the target's. None means no-login; one written by another step or container means login-other-job; a readable one means the run image name does not exist (manifest-unknown)."
			},
		},
		&signature{
			id: "packer-ecr-url-parse",
			// Packer's docker post-processors log in to ECR themselves
			// (ecr_login = true, login_server): the plugin parses the login
			// server to pick the ECR API, and "failed to parse the ECR URL"
			// names the value it could not read (packer-plugin-docker,
			// builder/docker/ecr_login.go). A well-formed private ECR host
			// refused there is the plugin's defect (the 1.0.7 parser, bundled
			// with Packer 1.8.3, rejected login servers without a scheme:
			// packer-plugin-docker#110); anything else is a login_server that
			// is not an ECR registry.
			keys: []string{"failed to parse the ecr url"},
			re:   lazyRe(`(?i)failed to parse the ECR URL: (\S+)`),
			rank: func(h *hit, f *facts) []cand {
				u := strings.Trim(h.m[1], `"'`)
				if ecrLoginServerRe.MatchString(strings.ToLower(u)) {
					return []cand{
						c("client-bug", 0.8, fmt.Sprintf("%s is a well-formed ECR registry host, and the Packer docker plugin still could not parse it: a defect of that plugin version (its ECR Public support rewrote the login-server parsing). Pin the previous plugin or upgrade to a fixed one.", u)),
						c("invalid-reference", 0.4, ""),
					}
				}
				return []cand{
					c("invalid-reference", 0.7, fmt.Sprintf("The login server %s is not an ECR registry address: it must be ACCOUNT.dkr.ecr.REGION.amazonaws.com or public.ecr.aws/ALIAS.", u)),
					c("client-bug", 0.45, ""),
				}
			},
		},
	)
}
