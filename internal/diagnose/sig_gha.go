package diagnose

import (
	"fmt"
	"strings"

	"github.com/regdoctor/regdoctor/internal/reghost"
)

// Signatures for shapes found in GitHub Actions jobs (the sixth held-out
// batch, heldout6c): buildx refusing to push without a tag, the
// distribution spec's NAME_INVALID, and actions/attest's push-to-registry
// finding no credential.

func init() {
	sigGroups = append(sigGroups, sigsGHA)
	// docker/login-action's own lines before it calls the AWS API for an
	// ECR token ("AWS ECR detected with REGION region", "AWS Public ECR
	// detected with us-east-1 region", src/aws.ts): read so that the AWS
	// error printed next ("Error: The security token included in the
	// request is invalid.") is known to be the registry login's.
	factKeys = append(factKeys, "ecr detected")
}

// kLoginActionECR marks docker/login-action's "… ECR detected with REGION
// region" line: facts.observe takes it as a registry line (lastRegistry).
var kLoginActionECR = lowKey("ecr detected")

// nameInvalidRe is the registry's NAME_INVALID error (OCI distribution spec,
// error codes: "invalid repository name") as clients print it: the code
// ("NAME_INVALID"), or docker/BuildKit's message "name invalid" at the end
// of the line or before the detail ("name invalid: invalid repository
// name"). "name" starts a word, so "username invalid" does not match; the
// signature's veto rules out other tools' names (a bucket, a file).
var nameInvalidRe = lazyRe(`(?i)(?:\bNAME_INVALID\b|\bname invalid(?:: [^\n]*)?\s*$)`)

// namespaceHosts are registries whose repository paths always begin with the
// owner's namespace: a single-component repository on them is outside any
// identity's namespace.
var namespaceHosts = map[reghost.Kind]bool{reghost.GHCR: true, reghost.Quay: true, reghost.GitLab: true}

func sigsGHA() {
	register(
		&signature{
			id: "tag-needed",
			// buildx (docker/buildx build.go): push or registry output
			// requested with no image name: "tag is needed when pushing to
			// registry". causes.md files an empty tag list under
			// invalid-reference (lint's GHA014 reports the workflow shape
			// under the same id). In GitHub Actions the tags input was empty:
			// docker/metadata-action generated no tag for this event and ref
			// (its rules matched none), or the variable holding the tags
			// expanded to nothing.
			keys: []string{"tag is needed"},
			re:   lazyRe(`(?i)tag is needed when pushing to registry`),
			rank: func(h *hit, f *facts) []cand {
				h.op = opPush
				return []cand{
					c("invalid-reference", 0.86, "buildx was asked to push but got an empty tag list, so it has no reference to push to (causes.md files an empty tag list under invalid-reference, as lint's GHA014 does): docker/metadata-action generates no tag when none of its tag rules matches the event and ref (type=ref,event=tag on a branch push, type=semver without a version tag)."),
					c("empty-reference-variable", 0.6, "When the tags come from a variable or step output of your own rather than from metadata-action, that value expanded to nothing."),
				}
			},
			tell: func(h *hit, f *facts) string {
				return "Look at the metadata step's output (its \"Docker tags\" / \"tags\" group): an empty list means no tag rule matched this event; add a rule for it (type=ref,event=branch, type=sha) or push only on the events the rules cover."
			},
		},
		&signature{
			id:   "name-invalid",
			keys: []string{"name invalid", "name_invalid"},
			re:   nameInvalidRe,
			veto: []string{"username", "user name", "container name", "bucket", "file name", "filename", "hostname"},
			rank: rankNameInvalid,
		},
		&signature{
			id: "ecr-not-authorized",
			// ECR (and ECR Public) refuse a credential they did not issue
			// with "denied: Not Authorized" (docker: `Error response from
			// daemon: Get https://public.ecr.aws/v2/: denied: Not
			// Authorized`): ECR Public needs a token from `aws ecr-public
			// get-login-password --region us-east-1`, private ECR one from
			// `aws ecr get-login-password` for that account and region.
			keys: []string{"denied: not authorized"},
			re:   lazyRe(`(?i)denied: Not Authorized\b`),
			need: []string{"/v2/", "ecr", "login", "push", "pull"},
			rank: func(h *hit, f *facts) []cand {
				if h.op == "" && h.hasURL && h.url.Object == "ping" {
					h.op = opLogin
				}
				if h.op == opLogin || h.op == "" {
					return []cand{
						c("bad-credentials", 0.7, fmt.Sprintf("%s refused the credential the login sent: ECR accepts only a token it issued for that registry (aws ecr-public get-login-password --region us-east-1 for public.ecr.aws, aws ecr get-login-password for ACCOUNT.dkr.ecr.REGION.amazonaws.com) with the user AWS, not the AWS access keys themselves.", hostName(h.host))),
						c("login-wrong-host", 0.5, ""),
						c("client-bug", 0.42, ""),
					}
				}
				return []cand{
					c("no-login", 0.6, fmt.Sprintf("%s refused the request's credential: no ECR token for this registry reached the client (a login for another registry, account or region, or none).", hostName(h.host))),
					c("bad-credentials", 0.5, ""),
					c("cloud-iam-denied", 0.45, ""),
				}
			},
			tell: tellBadCredential,
		},
		&signature{
			id: "oras-tag-not-found",
			// oras-go v2 (helm 3.18+, oras): `failed to perform "Tag" on
			// destination: DIGEST: not found`: the blobs and the manifest
			// went up, then tagging the manifest by its digest got 404 —
			// helm after v3.18.6 against ghcr.io (helm/helm#31223); the
			// registry does not serve back the manifest the client just
			// pushed in the form the client asks for it.
			keys: []string{"on destination:"},
			re:   lazyRe(`failed to perform "Tag" on destination: \S+: not found`),
			rank: func(h *hit, f *facts) []cand {
				h.op = opPush
				return []cand{
					c("client-bug", 0.62, "The chart's blobs and manifest were pushed, then tagging the manifest by its digest got 404 Not Found: helm releases after v3.18.6 do this against ghcr.io (helm/helm#31223); pin helm v3.18.6 for the push or use a release with the fix."),
					c("registry-fault", 0.45, ""),
					c("manifest-unknown", 0.3, ""),
				}
			},
		},
		&signature{
			id: "attest-no-credentials",
			// actions/attest (push-to-registry: true) reads the Docker
			// config's static "auths" entries for the subject's registry and
			// runs no credential helper: "Error: No credentials found for
			// registry HOST" (actions/attest-build-provenance#80).
			keys: []string{"no credentials found"},
			re:   lazyRe(`(?i)No credentials found for registry (\S+)`),
			rank: func(h *hit, f *facts) []cand {
				host := strings.TrimRight(h.m[1], ".,:;'\"")
				h.op, h.host = opPush, reghost.Normalize(host)
				if f.credHelper {
					return []cand{
						c("client-bug", 0.72, fmt.Sprintf("The Docker config names a credential helper for %s (credHelpers/credsStore), but this client reads only static \"auths\" entries and runs no helper, so it finds no credential; log in with a static entry (docker/login-action with the access token) before it.", host)),
						c("credential-store-error", 0.45, ""),
						c("no-login", 0.4, ""),
					}
				}
				return []cand{
					c("no-login", 0.8, fmt.Sprintf("No credential for %s is in the Docker config this client reads (its static \"auths\"): no login for that host ran before the step, or it ran with another DOCKER_CONFIG.", host)),
					c("login-wrong-host", 0.45, ""),
				}
			},
		},
		&signature{
			id: "attest-oci-status",
			// @sigstore/oci (sigstore-js packages/oci; actions/attest with
			// push-to-registry: true) checks every registry answer against
			// the one status it expects and throws "Error fetching URL -
			// expected E, received S" (src/error.ts ensureStatus), printed
			// under "OCIError: Error uploading artifact to container
			// registry". Its requests (src/registry.ts, src/image.ts): the
			// token realm (200), HEAD /v2/NAME/manifests/DIGEST to check that
			// the subject image exists (200), blob HEAD/POST/PUT (200, 202,
			// 201), manifest PUT (201).
			keys: []string{"error fetching http"},
			re:   lazyRe(`(?i)Error fetching (https?://\S+) - expected (\d{3}), received (\d{3})`),
			rank: rankAttestOCIStatus,
			tell: func(h *hit, f *facts) string {
				if h.m[3] == "404" {
					return "Compare the attest step's subject-name and subject-digest with the push step's image name and digest output, and check that the push step pushed on this event (push: true, not load only)."
				}
				return tellDenied(h, f)
			},
		},
	)
}

// rankAttestOCIStatus ranks a status @sigstore/oci did not expect while
// attaching an attestation to its subject image: a write into the subject's
// repository. 404 to the subject manifest means the digest is not there;
// 401 and 403 read as any registry refusal of that request; nil for a status
// that names no cause (the bare 400 of a registry that takes no OCI artifact).
func rankAttestOCIStatus(h *hit, f *facts) []cand {
	if !h.hasURL || (h.url.Repo == "" && !h.url.Realm) {
		return nil // the URL is neither a repository's endpoint nor a token realm: another web API's answer
	}
	h.assumeOp(opPush)
	switch got := h.m[3]; {
	case got == "404" && h.url.Object == "manifests":
		return []cand{
			c("manifest-unknown", 0.8, fmt.Sprintf("The attestation's subject digest is not in %s (404 to the subject manifest, which the client checks before uploading): the image was not pushed in this run (push off for this event, or load only), or the subject-name names another repository than the one the digest was pushed to.", orSome(h.repo(), "the subject's repository"))),
			c("empty-reference-variable", 0.35, ""),
		}
	case got == "401":
		return rankUnauthenticated(h, f)
	case got == "403":
		return rank403(h, f)
	case got == "429":
		return []cand{c("rate-limited", 0.9, fmt.Sprintf("%s answered 429 Too Many Requests to the attestation upload.", hostName(h.host)))}
	case got[0] == '5':
		return []cand{c("registry-fault", 0.8, fmt.Sprintf("%s answered %s (a server error) to the attestation upload; the client setup is not at fault.", hostName(h.host), got))}
	}
	return nil
}

// rankNameInvalid ranks the registry's NAME_INVALID: the repository name in
// the request is not one the registry accepts.
func rankNameInvalid(h *hit, f *facts) []cand {
	repo := h.repo()
	kind := h.kind()
	if repo != "" && !strings.Contains(repo, "/") && namespaceHosts[kind] {
		return []cand{
			c("push-outside-namespace", 0.78, fmt.Sprintf("%s repository paths begin with the owner (OWNER/NAME); %q has no owner part, so the registry refuses the name. On GHCR use ghcr.io/${{ github.repository_owner }}/NAME (lowercase).", hostName(h.host), repo)),
			c("invalid-reference", 0.6, ""),
		}
	}
	why := "The registry refused the repository name (NAME_INVALID): a path it does not accept — missing the owner or project part, too deep for it, or with characters it does not allow."
	if repo != "" {
		why = fmt.Sprintf("The registry refused the repository name %q (NAME_INVALID): a path it does not accept — missing the owner or project part, too deep for it, or with characters it does not allow.", repo)
	}
	return []cand{
		c("invalid-reference", 0.72, why),
		c("push-outside-namespace", 0.5, ""),
		c("empty-reference-variable", 0.35, ""),
	}
}

// rankQuayCIPush ranks Quay's push refusal ("access to the requested
// resource is not authorized") in a CI job's log that shows no login for
// quay.io. CI pushes to Quay run as a robot account whose login sits in
// another step, a secret-mounted config or the push action's own flags;
// Quay gives this one answer to a robot without write permission on the
// repository and to a push into an organization's repository that does not
// exist yet (robots cannot create one). nil outside that case: a local push
// keeps the namespace reading first.
func rankQuayCIPush(h *hit, f *facts, state string) []cand {
	if state != "none" || f.platform == "" || h.kind() != reghost.Quay || h.op == opPull {
		return nil
	}
	return []cand{
		c("insufficient-role", 0.62, "Quay refused the push from a CI job: CI pushes to Quay run as a robot account, and Quay answers this to a robot that has no write permission on this repository (granted per repository or through a team)."),
		c("repo-not-found", 0.58, "Quay does not create a repository in an organization on a robot's push: it answers the same way when the repository does not exist yet."),
		c("no-login", 0.52, ""),
		c("push-outside-namespace", 0.5, ""),
	}
}
