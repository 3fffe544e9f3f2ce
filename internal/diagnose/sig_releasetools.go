package diagnose

import (
	"fmt"
	"strings"

	"github.com/regdoctor/regdoctor/internal/reghost"
)

// Registry refusals as release pipelines (GoReleaser, JReleaser, release
// workflows pushing versioned and :latest tags) meet them, in wordings no
// other signature reads: GHCR's answer for an image path whose owner is no
// GitHub account, Artifact Registry's tag-immutability refusal, a 403 with
// an empty body (docker manifest push's blob mount, ECR's IAM denial),
// JReleaser's check of a registry credential that resolved to nothing, and
// docker manifest create/inspect's "no such manifest" for an image the
// registry does not hold.

func init() { sigGroups = append(sigGroups, sigsReleaseTools) }

func sigsReleaseTools() {
	register(
		&signature{
			id: "ghcr-owner-not-found",
			// GHCR resolves the first path segment of ghcr.io/OWNER/NAME to
			// a GitHub user or organization (its lower-cased login) and
			// answers a push to an owner it does not know with "denied:
			// not_found: owner not found" (BuildKit and go-containerregistry
			// quote it as "error from registry: not_found: owner not
			// found"). npm's "Permission not_found: owner not found" from
			// GitHub Packages' npm registry is not read: it has neither
			// prefix.
			keys: []string{"owner not found"},
			re:   lazyRe(`(?i)(?:denied|error from registry): not_found: owner not found`),
			rank: fixed(c("push-outside-namespace", 0.88, "GHCR knows no GitHub user or organization by the owner segment of the image path (ghcr.io/OWNER/…): the owner is misspelt, is a Docker Hub handle, or differs from the account's login (ghcr.io paths use the login in lower case: an organization LedgerOps is ledgerops, not ledger-ops). Use the repository owner's login in lower case (in Actions, ${{ github.repository_owner }} lower-cased).")),
		},
		&signature{
			id: "gar-tag-immutability",
			// Artifact Registry with tag immutability
			// (docker_config.immutable_tags) refuses to move an existing
			// tag: "cannot update tag TAG. The repository has enabled tag
			// immutability" (cloud.google.com/artifact-registry/docs/docker/
			// manage-images#immutable-tags).
			keys: []string{"enabled tag immutability"},
			re:   lazyRe(`(?i)(?:cannot update tag \S+\s+)?The repository has enabled tag immutability`),
			rank: fixed(c("tag-immutable-or-protected", 0.94, "The Artifact Registry repository has immutable tags: the tag already points at another image and the registry refuses to move it. Push a new tag (a version or the commit SHA), stop re-pushing moving tags such as latest to this repository, or turn immutable tags off for it.")),
		},
		&signature{
			id: "empty-403-body",
			// docker's distribution client quotes a 403 whose body is not
			// the registry API's JSON error as "error parsing HTTP 403
			// response body: unexpected end of JSON input: \"\"" (an empty
			// body), also inside docker manifest push's "failed to mount
			// blob SRC to TARGET: …" (docker/cli manifest push mounts the
			// source images' blobs into the target repository). Docker Hub
			// and GHCR answer a refused credential with a JSON error, so an
			// empty 403 is ECR's answer to an IAM-denied push call
			// (BatchCheckLayerAvailability, InitiateLayerUpload, PutImage
			// missing from the policy) or a front end's: on Docker Hub a
			// transient refusal that a retry gets through.
			keys: []string{"parsing http 403 response body"},
			re:   lazyRe(`(?i)(?:failed to mount blob \S+ to \S+ )?error parsing HTTP 403 response body: unexpected end of JSON input`),
			rank: func(h *hit, f *facts) []cand {
				iam := c("cloud-iam-denied", 0.45, "ECR answers a push call the identity's IAM policy does not allow with an empty 403: check that the policy grants ecr:BatchCheckLayerAvailability, InitiateLayerUpload, UploadLayerPart, CompleteLayerUpload and PutImage on the repository.")
				fault := c("registry-fault", 0.55, "The registry (or a front end before it) refused the request with a 403 and an empty body instead of the registry API's JSON error: a transient refusal (Docker Hub under load, a cross-repository blob mount of docker manifest push) that a retry usually gets through.")
				if h.kind() == reghost.ECR || h.kind() == reghost.ECRPublic {
					iam.w, fault.w = 0.7, 0.35
				}
				return []cand{fault, iam}
			},
		},
		&signature{
			id: "docker-manifest-no-such-manifest",
			// docker manifest create, annotate and inspect read each named
			// image's manifest from its registry (docker/cli
			// cli/registry/client/fetcher.go, iterateEndpoints): when every
			// endpoint answered manifest unknown, name unknown,
			// unauthorized or an unexpected HTTP status (continueOnError),
			// the command fails with "no such manifest: REF" (releases
			// before 19.03: "No such manifest: REF"), REF fully qualified
			// (docker.io/NAMESPACE/NAME:TAG). GoReleaser's docker_manifests
			// quotes it after "failed to create LIST: exit status 1: ". The
			// same words from other tools name a file or a Kubernetes kind,
			// never a registry host: the reference must begin with one. A
			// push of the same repository completing later makes it a
			// check that the job went on from.
			keys:     []string{"no such manifest: "},
			re:       lazyRe(`(?i)\bno such manifest: ((?:localhost|[a-z0-9-]+(?:\.[a-z0-9-]+)+)(?::\d+)?/[a-z0-9][a-z0-9._/-]*(?::\w[\w.-]{0,127})?(?:@sha256:[0-9a-f]{64})?)`),
			refGroup: 1,
			rank: func(h *hit, f *facts) []cand {
				h.op = opPull
				h.hostFromRef()
				if f.retried(h.line(), opPush, h.host, h.repo()) {
					// docker manifest inspect as an existence check (is
					// this tag published yet?) gets the same answer; a
					// push of the repository completing later in the log
					// shows the job went on to publish it.
					return nil
				}
				return []cand{
					c("manifest-unknown", 0.8, fmt.Sprintf("docker manifest reads every image it names from the registry, and %s has no manifest for %s: the per-platform image was not pushed under that tag before the list was made (in GoReleaser, no dockers image_templates entry produces the tag docker_manifests names), or the tag is misspelt. Push that image first, or list only the tags that were pushed.", hostName(h.host), h.m[1])),
					c("no-login", 0.35, fmt.Sprintf("docker's manifest client also ends this way when %s refused the read as unauthorized: a private repository read without a login for that registry.", hostName(h.host))),
				}
			},
		},
		&signature{
			id: "jreleaser-registry-credential-blank",
			// JReleaser validates each docker registry of a packager before
			// it runs (org.jreleaser.model.internal.validation):
			// "registry.NAME.password must not be blank. Configure a value
			// using the … DSL, or define [...] System properties, or define
			// [JRELEASER_…_PASSWORD, …] environment variables" (also for
			// username).
			keys: []string{"password must not be blank", "username must not be blank"},
			re:   lazyRe(`(?i)\bregistry\.(\S+)\.(password|username) must not be blank`),
			rank: func(h *hit, f *facts) []cand {
				return []cand{
					c("empty-credential", 0.8, fmt.Sprintf("JReleaser found no %s for the docker registry %q: none of the DSL value, the system properties or the JRELEASER_…_%s environment variables it lists was set in this job (a secret not passed to the step's env, or a misspelt variable name).", h.m[2], h.m[1], strings.ToUpper(h.m[2]))),
					c("client-bug", 0.4, "When another step logs in to the registry (docker/login-action), mark that registry externalLogin; JReleaser releases before the fix of this check still asked a password of the DEFAULT registry: upgrade."),
				}
			},
		},
	)
}
