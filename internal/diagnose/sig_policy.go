package diagnose

import (
	"fmt"
	"strings"

	"github.com/regdoctor/regdoctor/internal/reghost"
)

// Policy, name and rate-limit signatures: the repository or tag does not
// exist or may not be overwritten, the reference is malformed, the registry
// throttles. OCI distribution spec error codes NAME_UNKNOWN, MANIFEST_UNKNOWN,
// TOOMANYREQUESTS; docker/distribution reference grammar (reference.go).

// officialImages are Docker Hub library names that builds pull as base
// images; one of them reported missing by a private registry means an
// unqualified reference was sent to a configured default registry.
var officialImages = map[string]bool{
	"alpine": true, "ubuntu": true, "debian": true, "centos": true, "fedora": true, "busybox": true, "node": true,
	"python": true, "golang": true, "openjdk": true, "eclipse-temurin": true, "amazoncorretto": true, "tomcat": true,
	"nginx": true, "httpd": true, "redis": true, "postgres": true, "mysql": true, "mariadb": true, "mongo": true,
	"ruby": true, "php": true, "maven": true, "gradle": true, "docker": true, "registry": true, "rust": true,
	"rabbitmq": true, "elasticsearch": true, "jenkins": true, "hello-world": true, "scratch": true, "gcc": true,
}

var ecrNameRe = lazyRe(`The repository with name '([^']*)' does not exist in the registry with id '([^']*)'`)

func init() { sigGroups = append(sigGroups, sigsPolicy) }

func sigsPolicy() {
	register(
		&signature{
			id:   "ecr-name-unknown",
			keys: []string{"does not exist in the registry with id"},
			re:   ecrNameRe,
			rank: func(h *hit, f *facts) []cand {
				name := h.m[1]
				h.ref.Repo = name
				h.kindHint = reghost.ECR // only ECR words its missing repositories so
				first := strings.SplitN(name, "/", 2)[0]
				switch {
				case strings.Contains(name, ".dkr.ecr.") || strings.Contains(first, ".") || strings.Contains(first, "***"):
					return []cand{c("repo-not-found", 0.94, fmt.Sprintf("The repository name %q holds a registry host: the variable used for the repository holds a full URI, so the name nests a host and ECR (which does not create repositories on push) has no such repository.", name))}
				case !strings.Contains(name, "/") && officialImages[name]:
					return []cand{
						c("missing-registry-host", 0.78, fmt.Sprintf("%q is a Docker Hub official image name: the unqualified base-image reference was sent to the private ECR registry configured as default.", name)),
						c("repo-not-found", 0.6, ""),
					}
				}
				return []cand{c("repo-not-found", 0.92, fmt.Sprintf("ECR has no repository %q and does not create repositories on push.", name)),
					c("cloud-iam-denied", 0.3, "")}
			},
		},
		&signature{
			id: "name-unknown",
			// "unknown: The repository … does not exist" is ECR's answer as
			// BuildKit prints it with the error code "unknown" (and as users
			// quote it with the name elided).
			// Harbor words a repository or artifact it does not hold (its
			// proxy-cache projects included) with the code "unknown":
			// "unknown: repository PROJECT/NAME not found", "unknown:
			// artifact PROJECT/NAME@sha256:… not found".
			// Google Container Registry answers a path whose first part is
			// not an existing Google Cloud project with the code "unknown"
			// and "Project 'project:ID' not found or deleted." (or
			// 'projects/ID'), whichever client prints it (docker push and
			// pull, kaniko, the kubelet); the key holds the error code, so
			// Google's API errors about a project ("googleapi: Error 403:
			// Project … not found or deleted.") stay out.
			keys: []string{"name unknown", "name_unknown", "repository name not known", "project not found", "repository does not exist:", "unknown: the repository", "unknown: repository ", "unknown: artifact ", "unknown: project "},
			re:   lazyRe(`(?i)(?:name unknown|NAME_UNKNOWN|repository name not known to registry|project \S+ not found|Repository does not exist: (\S+)|\bunknown: The repository \S.{0,200}? does not exist\b|\bunknown: (?:repository|artifact) \S+ not found\b)`),
			veto: []string{"does not exist in the registry with id"},
			rank: func(h *hit, f *facts) []cand {
				if strings.Contains(h.low, "repository does not exist:") {
					// Old Docker Hub wording for a push to a namespace that
					// does not exist there.
					if h.ref.Host == "" || h.kind() == reghost.DockerHub {
						return []cand{
							c("missing-registry-host", 0.66, "The image reference has no registry host, so docker sent it to Docker Hub, where that namespace does not exist; the intended registry's host is missing from the tag."),
							c("push-outside-namespace", 0.6, ""),
							c("repo-not-found", 0.5, ""),
						}
					}
				}
				if signatureTagLookup(h) {
					// The image was written; the client looked for the
					// signature tag before uploading it and did not read
					// the registry's not-found as "absent" (Harbor's
					// "unknown: artifact … not found", containers/image#2203).
					return []cand{c("client-bug", 0.7, fmt.Sprintf("The image was written; the copy failed while storing its signature, when the client looked up the signature tag and did not take %s's not-found answer as 'no signature yet'. Upgrade skopeo/podman/buildah (containers/image), or copy without --sign-by/--sign-by-sigstore.", hostName(h.host))),
						c("registry-fault", 0.45, ""), c("manifest-unknown", 0.35, "")}
				}
				if cs := replicateModelUnknown(h); cs != nil {
					return cs // replicate.go
				}
				if strings.Contains(h.low, "unknown: artifact ") {
					return []cand{c("manifest-unknown", 0.78, fmt.Sprintf("%s does not hold that artifact (tag or digest) in the repository.", hostName(h.host))), c("repo-not-found", 0.45, ""), c("registry-fault", 0.35, "")}
				}
				if h.op == opPull || (h.op == "" && !garRepositoryNotFound(h) && strings.Contains(h.low, "unknown: repository ") && strings.Contains(h.low, " not found")) {
					return []cand{c("manifest-unknown", 0.72, "The registry does not know this repository (or hides it from this identity)."), c("repo-not-found", 0.55, ""), c("no-login", 0.4, "")}
				}
				if strings.Contains(h.low, "not found or deleted") {
					// Google Container Registry: the path's first part is
					// not the id of an existing Google Cloud project.
					return []cand{c("repo-not-found", 0.84, "Google Container Registry has no Google Cloud project by that id: the first part of the path after the host must be the id of an existing project that holds the registry (a project number, a display name or a variable that expanded to another value are the usual slips)."),
						c("push-outside-namespace", 0.45, "")}
				}
				return []cand{c("repo-not-found", 0.84, fmt.Sprintf("%s has no such repository and does not create it on push.", hostName(h.host))),
					c("missing-registry-host", 0.4, ""), c("insufficient-role", 0.35, "")}
			},
		},
		&signature{
			id: "manifest-invalid",
			// The distribution spec's MANIFEST_INVALID: the registry checked
			// the uploaded manifest and refused it (OCI distribution spec,
			// error codes). Artifactory also wraps a permission refusal of
			// the manifest PUT in it ("map[description:HTTP 403 Forbidden]"),
			// as it does for an overwrite of an existing tag by a user
			// without delete/overwrite permission. Its other answer to that
			// overwrite is the deploy refusal "Could not locate artifact
			// 'REPO:PATH'" (Artifactory's 404 for a redeploy without the
			// Delete/Overwrite permission, jfrog/jenkins-artifactory-plugin#333),
			// which the registry API wraps as the description of
			// MANIFEST_INVALID for the tag's manifest.json.
			keys: []string{"manifest_invalid", "manifest invalid"},
			re:   lazyRe(`(?i)(?:MANIFEST_INVALID|manifest invalid)`),
			need: []string{"manifest_invalid", "/manifests/", "push"},
			rank: func(h *hit, f *facts) []cand {
				h.op = opPush
				if strings.Contains(h.low, "403") || strings.Contains(h.low, "forbidden") {
					return []cand{c("tag-immutable-or-protected", 0.62, fmt.Sprintf("%s refused the manifest with a 403 inside MANIFEST_INVALID: Artifactory answers so when the tag already exists and the user may not overwrite it (overwriting needs the delete permission), or the repository forbids redeploying a tag.", hostName(h.host))),
						c("insufficient-role", 0.56, ""), c("client-bug", 0.35, "")}
				}
				if strings.Contains(h.low, "could not locate artifact") {
					return []cand{c("tag-immutable-or-protected", 0.6, fmt.Sprintf("%s refused to store the tag's manifest with Artifactory's deploy refusal 'Could not locate artifact' inside MANIFEST_INVALID: the tag already exists (a re-pushed tag, or a signature/attestation tag such as sha256-….att being rewritten) and the user may not overwrite it. Give the pushing user the Delete/Overwrite permission on the repository, or push a new tag.", hostName(h.host))),
						c("insufficient-role", 0.56, ""), c("client-bug", 0.35, "")}
				}
				return []cand{c("client-bug", 0.62, fmt.Sprintf("%s checked the manifest the client uploaded and refused it (MANIFEST_INVALID): a manifest or media type this registry does not accept, or one that names blobs it does not hold — most often a client release that changed what it writes; try the previous client version.", hostName(h.host))),
					c("registry-fault", 0.5, ""), c("tag-immutable-or-protected", 0.35, "")}
			},
			tell: tellDenied,
		},
		&signature{
			id:   "unknown-not-found",
			keys: []string{"unknown: not found"},
			re:   lazyRe(`(?i)^` + remarkLead + `(?:error: )?unknown: Not Found` + remarkTail + `\s*$`),
			rank: func(h *hit, f *facts) []cand {
				if h.op == opPull {
					return []cand{c("manifest-unknown", 0.65, "The registry answered 404 Not Found for the image."), c("repo-not-found", 0.5, "")}
				}
				return []cand{c("repo-not-found", 0.62, "The registry answered 404 Not Found to the push: the repository path is not one it serves (a missing repository key, project or organization)."),
					c("missing-registry-host", 0.4, "")}
			},
		},
		&signature{
			// helm install/upgrade wrap the OCI client's "REF: not found"
			// in their action's name: "Error: INSTALLATION FAILED: REF: not
			// found", "Error: UPGRADE FAILED: …" (helm v3 cmd/helm/install.go
			// and upgrade.go, errors.Wrap(err, "INSTALLATION FAILED")).
			// A reference may carry a tag and a digest at once
			// (distribution/reference grammar: name [":" tag] ["@"
			// digest]); ECS pulls a service's image as NAME:TAG@DIGEST,
			// the digest it resolved at deployment, so a tag moved or
			// expired since then fails as "failed to resolve ref
			// NAME:TAG@sha256:…: not found".
			id:       "manifest-unknown",
			keys:     []string{"manifest unknown", "manifest_unknown", "manifest for", "resolve reference", ": not found", "failed to resolve", "unable to locate any tags"},
			re:       lazyRe(`(?i)(?:manifest unknown|MANIFEST_UNKNOWN|manifest for (\S+) not found|failed to resolve reference "([^"]+)": (?:\S+: )?not found|Error: (?:\S+: )?not found: manifest unknown|(?:ERROR|failed to solve|Error)(?:: (?:INSTALLATION|UPGRADE) FAILED)?: ((?:[a-z0-9][\w.:-]*/)*[\w.-]+(?::[\w.-]+(?:@sha256:[\w.]+)?|@sha256:[\w.]+)): not found\s*$|failed to resolve (?:ref )?(?:\S+: )?((?:[a-z0-9][\w.:-]*/)*[\w.-]+(?::[\w.-]+(?:@sha256:[\w.]+)?|@sha256:[\w.]+)): not found\s*$|on source: ((?:[a-z0-9][\w.:-]*/)*[\w.-]+(?::[\w.-]+(?:@sha256:[\w.]+)?|@sha256:[\w.]+)): not found\s*$|Unable to locate any tags in provided repository)`),
			refGroup: 3,
			// "cache" keeps BuildKit's cache imports out ("ref:
			// buildcache: not found"); Apptainer's and SingularityCE's pull
			// wraps every registry error in "error fetching image to cache:"
			// (internal/pkg/client/oci: the image is fetched into the local
			// OCI blob cache before the SIF is built), so that phrase does
			// not count as a cache word (apptainerCacheOnly).
			veto: []string{"falling back", "importing", "failed to compute cache key", "cache importer"},
			rank: func(h *hit, f *facts) []cand {
				if strings.Contains(h.low, "cache") && !apptainerCacheOnly(h.low) {
					return nil // BuildKit's cache import or export, not the image
				}
				if h.m[4] != "" && h.host == "" { // oras: "failed to resolve TAG: REF: not found"
					h.ref, h.op = parseRef(h.m[4]), opPull
					h.host = reghost.Normalize(h.ref.hostOrHub())
				}
				if signatureAttachmentRead(h) {
					return nil // a signature attachment tag, not the image (sig_signaturetags.go)
				}
				if acceptRefused(h) {
					return []cand{c("client-bug", 0.76, fmt.Sprintf("%s has the manifest but would not serve it because the client's Accept header does not list its media type (an OCI artifact manifest): the client is too old for that artifact type. Upgrade it.", hostName(h.host))),
						c("manifest-unknown", 0.45, "")}
				}
				if len(h.m) > 5 && h.m[5] != "" && h.host == "" { // oras-go in helm: `failed to perform "FetchReference" on source: REF: not found`
					h.ref, h.op = parseRef(h.m[5]), opPull
					h.host = reghost.Normalize(h.ref.hostOrHub())
				}
				if h.m[1] != "" && h.host == "" {
					// dockerd names the pulled reference in its own
					// words, familiar form ("manifest for nginx:1.2 not
					// found", moby distribution/pull_v2.go and
					// daemon/containerd image_pull.go); quoted inside
					// a journald msg="…" line no reference pattern
					// (refs.go) reads it, so the pull had no registry.
					h.ref, h.op = parseRef(h.m[1]), opPull
					h.host = reghost.Normalize(h.ref.hostOrHub())
				}
				state, _ := f.loginState(h.line(), h.host)
				cs := []cand{c("manifest-unknown", 0.85, "The tag or digest does not exist in that repository (or is hidden from this identity).")}
				if state == "none" && h.kind() == reghost.GHCR {
					cs = append(cs, c("no-login", 0.35, ""))
				}
				return append(cs, c("empty-reference-variable", 0.3, ""))
			},
		},
		&signature{
			id:   "tag-immutable",
			keys: []string{"immutable", "cannot be overwritten", "protected tag", "tag invalid"},
			re:   lazyRe(`(?i)(?:cannot be overwritten because the (?:repository|tag) is immutable|tag invalid: The image tag|configured as Immutable|(?:image )?tag \S+ is immutable|protected tag)`),
			need: []string{"tag", "push", "manifest"},
			veto: []string{"remote:", "git", "field is immutable", "kubectl"},
			rank: fixed(c("tag-immutable-or-protected", 0.94, "The registry refuses to overwrite an existing tag (tag immutability or a protected tag rule).")),
		},
		&signature{
			id:   "rate-limited",
			keys: []string{"toomanyrequests", "too many requests", "rate limit", "hap429", "http 429", "status 429 trying to"},
			// docker 1.x v1 pull/push: "Error: Status 429 trying to pull
			// repository R: <html…Too Many Requests…>".
			// Home Assistant's Supervisor logs its own sentence for Docker
			// Hub's 429 instead of the registry's ("Your IP address has made
			// too many requests to Docker Hub which activated a rate limit",
			// home-assistant/supervisor, supervisor/exceptions.py
			// DockerHubRateLimitExceeded).
			// containers/image (podman, skopeo, buildah, Diun) turns a 429
			// into its own error, "too many requests to registry"
			// (docker/errors.go ErrTooManyRequests), without the status
			// or the registry's body (crazy-max/diun#168). It is the leaf of
			// the error chain, so it ends the message: the line, a quote or
			// bracket closing it, or a logger's key=value fields after it
			// (Diun); other tools' "too many requests to registry index /
			// mirror / API" go on with a noun.
			re: lazyRe(`(?i)(?:toomanyrequests|429 Too Many Requests|pull rate limit|HAP429|HTTP 429|Status 429 trying to (?:pull|push) repository|made too many requests to Docker Hub|too many requests to registry(?:\s*$|\\?["'\x60)\]}]|\s+[\w.]+=))`),
			// "toomanyrequests" and "pull rate limit" are the registry's own
			// words; a bare 429 needs a registry request on the line, or
			// containerd's wording for a status whose body parsed as a
			// registry error ("unexpected status code URL: STATUS - Server
			// message: CODE: MESSAGE", remotes/docker/fetcher.go), which a
			// kubelet event or a wrapper may quote without its URL (a Harbor
			// proxy cache passing on the upstream's 429: "unknown: too many
			// requests to upstream registry"), or containerd's tag lister
			// ("pulling from host HOST failed with status code: STATUS").
			need: []string{"toomanyrequests", "pull rate limit", "too many requests to registry", "/v2/", "docker", "registry-1", "login attempt", "token?", "manifests", "blobs", "trying to pull repository", "trying to push repository", "- server message:", "pulling from host "},
			// A package registry's own API limit ("Too many requests to
			// registry API") is not a container registry.
			veto: append([]string{"api rate limit", "secondary rate limit", "requests to registry api"}, gitLike...),
			rank: func(h *hit, f *facts) []cand {
				why := "The registry throttled the request (HTTP 429)."
				if strings.Contains(h.low, "pull rate limit") {
					why = "Docker Hub's pull rate limit was reached: anonymous pulls count per runner IP (shared on hosted runners); authenticated pulls count per account."
				}
				return []cand{c("rate-limited", 0.93, why), c("registry-fault", 0.3, "")}
			},
		},
		&signature{
			id: "blob-unknown",
			// distribution's BLOB_UNKNOWN ("blob unknown to registry"): the
			// registry does not have a blob it said it had ("Layer already
			// exists" just before) or that a manifest it stores names.
			// The code alone, in a registry's JSON error body quoted by a
			// client that prints bodies ("code":"BLOB_UNKNOWN","message":
			// "unknown blob sha256:…").
			keys: []string{"blob unknown to registry", "blob_unknown"},
			re:   lazyRe(`(?i)(?:blob unknown to registry|"code"\s*:\s*"(?:MANIFEST_)?BLOB_UNKNOWN")`),
			veto: gitLike,
			rank: func(h *hit, f *facts) []cand {
				if registryLogHEAD(h.low) {
					return nil // the registry's own log of a client's existence check (sig_engine.go)
				}
				if manifestWriteLine(h) {
					// The refusal answers the manifest upload: a registry
					// accepts a manifest only when it holds every blob the
					// manifest names (OCI distribution-spec, "Pushing
					// Manifests": MANIFEST_BLOB_UNKNOWN / BLOB_UNKNOWN), so
					// the client sent it before the layers were all up.
					return []cand{c("client-bug", 0.7, "The registry refused the manifest upload because the manifest names a blob it does not hold (BLOB_UNKNOWN on the manifest PUT; a registry accepts a manifest only after every blob it references is uploaded): the pushing client sent the manifest before all its layers were up (a defect of the tool, or a layer upload it retried badly). Retry with another client or version; docker push of the same image is the check."),
						c("registry-fault", 0.5, ""), c("manifest-unknown", 0.3, "")}
				}
				return []cand{c("registry-fault", 0.72, "The registry does not find a blob it reported as present (or that a manifest it stores references): its blob store and its database disagree, a registry-side fault (storage garbage collection, an interrupted upload, a corrupted index). Retrying the push, or repairing the registry's blob store, fixes it."),
					c("client-bug", 0.45, ""), c("manifest-unknown", 0.3, "")}
			},
		},
		&signature{
			id: "invalid-reference",
			// docker/distribution reference.go ("invalid reference format",
			// "repository name must be lowercase"), go-containerregistry
			// name ("could not parse reference: REF"), oras ("REF": invalid
			// reference: invalid repository "NAME"), regctl (invalid
			// reference "REF", repo must be lowercase). go-containerregistry
			// name's element check (pkg/name: "repository can only contain
			// the runes `abc…`: NAME", later "characters"; tags likewise;
			// the backquotes are lost when the message is quoted in
			// Markdown) is crane's, ko's and kaniko's.
			//
			// ORAS (helm's OCI client) also prints its error code
			// "invalid_reference: invalid repository" (oras-go errdef
			// ErrInvalidReference), and Helm v4's "registry login" refuses
			// a repository path with "invalid reference: invalid registry
			// \"HOST/PATH\"" (it takes a host only).
			keys: []string{"invalid reference format", "must be lowercase", "not a valid repository/tag", "invalid tag", "invalid reference", "could not parse reference",
				"can only contain the runes", "can only contain the characters", "invalid_reference"},
			re: lazyRe(`(?i)(?:invalid reference format|repository name must be lowercase|is not a valid repository/tag|invalid tag "[^"]*"|could not parse reference:? \S+|invalid[ _]reference: invalid (?:repository|tag|digest|registry)|invalid reference "[^"]*", (?:repo|tag|digest) |(?:repository|tag) can only contain the (?:runes|characters) ` + "`?abcdefghijklmnopqrstuvwxyz" + `)`),
			// kaniko's layer cache push warns with the same parser errors
			// ("error uploading layer to cache: getting tag for destination:
			// …") and goes on to push the image.
			veto: []string{"<buffer", "uploading layer to cache"},
			rank: rankInvalidReference,
			tell: tellInvalidReference,
		},
		&signature{
			id: "kaniko-push-check-transport",
			// kaniko's push-permission check, failing while it sets up the
			// transport (token request) rather than on the upload:
			// `checking push permission for "REF": creating push check
			// transport for HOST failed: GET TOKEN-URL: TAIL`. The tail is
			// the token service's answer; auth tails are ranked by their own
			// signatures, this one reads the reference and 4xx name errors.
			keys:     []string{"creating push check transport"},
			re:       lazyRe(`(?:checking push permission for "([^"]*)": )?creating push check transport for (\S+) failed: (?:GET|POST|HEAD) (\S+): (.*)$`),
			refGroup: 1,
			rank: func(h *hit, f *facts) []cand {
				raw, tail := h.m[1], lower(h.m[4])
				h.op = opPush
				if raw == "" {
					raw = h.ref.Raw
				}
				// A reference that starts with / (or a token scope
				// "repository:/name", %2F right after repository%3A) lost
				// its registry variable.
				if strings.HasPrefix(raw, "/") || strings.Contains(raw, "//") || strings.Contains(lower(h.m[3]), "repository%3a%2f") {
					h.ref.Repo = strings.TrimLeft(h.ref.Repo, "/") // shown as HOST/REPO; the message quotes the raw reference
					return []cand{
						c("empty-reference-variable", 0.88, fmt.Sprintf("The destination %q starts with /: the variable that should hold the registry host expanded to empty, so kaniko sent it to Docker Hub.", raw)),
						c("invalid-reference", 0.5, ""),
						c("missing-registry-host", 0.4, ""),
					}
				}
				switch {
				case strings.Contains(tail, "invalid repository name") || strings.Contains(tail, "400 bad request"):
					return []cand{c("invalid-reference", 0.75, fmt.Sprintf("The token service refused the repository name of %q.", orSome(raw, "the destination"))),
						c("empty-reference-variable", 0.5, ""), c("missing-registry-host", 0.4, "")}
				case strings.Contains(tail, "unauthorized") || strings.Contains(tail, "401") || strings.Contains(tail, "not authorized"):
					return rankUnauthenticated(h, f)
				case strings.Contains(tail, "denied") || strings.Contains(tail, "403"):
					return rankDenied(h, f)
				}
				return nil // transport and TLS tails have their own signatures
			},
			tell: func(h *hit, f *facts) string {
				if strings.HasPrefix(h.m[1], "/") || strings.Contains(lower(h.m[4]), "400 bad request") {
					return tellInvalidReference(h, f)
				}
				return tellUnauthenticated(h, f)
			},
		},
		&signature{
			id:   "ko-docker-repo-unset",
			keys: []string{"ko_docker_repo"},
			re:   lazyRe(`KO_DOCKER_REPO (?:environment variable is unset|is not set|must be set)`),
			rank: fixed(c("empty-reference-variable", 0.85, "ko builds the image reference from KO_DOCKER_REPO, which is empty in this job."),
				c("missing-registry-host", 0.4, "")),
		},
		&signature{
			id:   "short-name",
			keys: []string{"short-name"},
			re:   lazyRe(`(?i)short-name (?:resolution enforced|"[^"]*" did not resolve)`),
			rank: fixed(c("missing-registry-host", 0.88, "The image reference has no registry host and podman/buildah's short-name policy refuses to guess one in a non-interactive job."),
				c("invalid-reference", 0.35, "")),
		},
		&signature{
			id: "html-error-body",
			// docker 1.x printed the same case as "Error: Status 404 trying
			// to push repository NAME: \"<!DOCTYPE html>...".
			// Docker 1.9's "Error parsing HTTP response: invalid character
			// '<'…" names no status: the page's <title> does.
			keys: []string{"response body: invalid character '<'", "trying to push repository", "trying to pull repository", "http response: invalid character '<'"},
			re:   lazyRe(`(?:error parsing HTTP (\d{3}) response body: invalid character '<'|Status (\d{3}) trying to (?:push|pull) repository \S+?:? \\?"?\s*<|Error parsing HTTP response: invalid character '<'.*?<title>(\d{3}))`),
			veto: []string{"429"},
			rank: func(h *hit, f *facts) []cand {
				status := h.m[1] + h.m[2] + h.m[3]
				if strings.HasPrefix(status, "5") {
					return []cand{c("registry-fault", 0.75, "A proxy or load balancer answered with an HTML error page instead of the registry API."), c("registry-unreachable", 0.4, "")}
				}
				if status == "408" {
					// 408 Request Timeout (RFC 9110 §15.5.9) is a server
					// closing a connection it waited on too long; the
					// registry API answers errors in JSON (distribution
					// spec, "Error Codes"), so an HTML 408 page is the
					// front end's (HAProxy's or nginx's default page) in
					// front of the registry or mirror, whichever host the
					// request went to.
					return []cand{c("registry-fault", 0.72, "The proxy in front of the registry (or of the registry mirror the daemon uses) gave up on the request and answered with its HTML 408 Request Timeout page: the service is overloaded or its front end is misbehaving; retry later or use another mirror."),
						c("registry-unreachable", 0.45, "")}
				}
				if h.ref.Host != "" {
					// The reference names its registry host, so the request
					// went where it was meant to; a web page answered at that
					// host's registry API: the front end or proxy does not
					// route /v2/ to the registry (or the registry is off).
					cs := []cand{
						c("registry-fault", 0.62, fmt.Sprintf("%s answered the registry API with an HTML page (%s): the web server or proxy in front of it does not route the registry's paths to the registry service.", hostName(h.host), status)),
						c("registry-disabled", 0.5, ""),
						c("missing-registry-host", 0.4, ""),
					}
					return cs
				}
				if ws := webServerPage(h.low); ws != "" {
					return rankWebServerHTML(h, status, ws) // a named web server's own page (sig_webfront.go)
				}
				return []cand{
					c("missing-registry-host", 0.58, "An HTML page answered instead of a registry API: the request went to a host that is not the intended registry (an unqualified reference sent to a default registry, or a web front end)."),
					c("registry-fault", 0.5, ""),
					c("insufficient-role", 0.4, ""),
				}
			},
		},
	)
}

var (
	upperRe = lazyRe(`[A-Z]`)
	// invalidRefArg finds the reference a parser error quotes: docker's
	// `invalid argument "REF"`, `Error parsing reference: "REF" is not a
	// valid repository/tag` (older docker), go-containerregistry's `could not
	// parse reference: REF` and `… can only contain the runes `…`: NAME`,
	// oras's `"REF": invalid reference`.
	invalidRefArg = lazyRe(`(?:invalid argument|invalid tag|parsing reference:?|reference|name) "([^"]*)"|could not parse reference:? (\S+)|"([^"]+)": invalid reference|"([^"]+)" is not a valid repository/tag|can only contain the (?:runes|characters) ` + "`?[^`:\\s]*`?" + `: (\S+)`)
)

func tellInvalidReference(*hit, *facts) string {
	return "A reference with an empty part (leading /, //, trailing :, an empty -t) comes from a variable that expanded to empty (empty-reference-variable); upper-case letters or bad characters in a literal or in github.repository_owner make it invalid-reference."
}

func rankInvalidReference(h *hit, f *facts) []cand {
	if cs := helmRepoTagDefect(h, f); cs != nil { // helmrepo.go
		return cs
	}
	raw := h.ref.Raw
	if m := invalidRefArg.FindStringSubmatch(h.texts[0]); m != nil {
		raw = m[1] + m[2] + m[3] + m[4] + m[5]
	}
	if raw == "" {
		raw = unopenedQuotedRef(h.texts[0]) // refspace.go
	}
	if raw == "" {
		raw = parseRefArg(h.texts[0]) // mirrortools.go
	}
	if raw == "" {
		raw = syncerTaskRef(h.texts[0]) // mirrortools.go
	}
	bare := raw
	for _, p := range []string{"docker://", "oci://", "docker-daemon:", "containers-storage:"} {
		bare = strings.TrimPrefix(bare, p) // a transport prefix is not an empty part
	}
	// The parser says "must be lowercase" only after it found upper case, so
	// the reference was not empty (docker/distribution reference.go).
	if strings.Contains(h.low, "must be lowercase") || upperRe.MatchString(parseRef(bare).Repo) {
		return []cand{c("invalid-reference", 0.92, fmt.Sprintf("Repository names must be lowercase, but %q is not (often the GitHub owner name, ${{ github.repository_owner }}).", orSome(raw, "the reference")))}
	}
	if cs := spaceInReference(raw); cs != nil { // refspace.go
		return cs
	}
	if strings.Contains(h.low, `invalid registry "`) {
		reg := registryArgWithPath(h.texts[0])
		if reg == "" {
			return nil // a URL (sig_artifacttools.go reads it) or an empty host
		}
		// A registry argument (a login's) that holds a repository path:
		// Helm v4's "helm registry login" takes HOST[:PORT] only.
		return []cand{
			c("invalid-reference", 0.84, fmt.Sprintf("%q was given where a registry host is expected: a registry login takes HOST[:PORT] only (Helm v4's helm registry login refuses a path); log in to the host and keep the path for push and pull.", reg)),
			c("client-bug", 0.3, ""),
		}
	}
	if schemeInReference(bare) {
		return []cand{
			c("invalid-reference", 0.84, fmt.Sprintf("The reference %q was written as a URL: an image reference has no scheme (https://), it is HOST[:PORT]/PATH[:TAG]; a parser that met one takes \"https:\" for the registry and leaves a path starting with /.", raw)),
			c("empty-reference-variable", 0.45, ""),
		}
	}
	if cs := hubWebPageReference(bare, raw); cs != nil {
		return cs
	}
	empty := bare == "" || strings.HasPrefix(bare, "/") || strings.Contains(bare, "//") || strings.HasSuffix(bare, ":") ||
		strings.Contains(bare, "/:") || strings.HasPrefix(bare, ":") || strings.Contains(lower(bare), "null/") || strings.Contains(lower(bare), "registry.null")
	if !empty && emptyAffix(bare) {
		return []cand{
			c("empty-reference-variable", 0.86, fmt.Sprintf("The reference %q has a tag or path part that starts or ends with a separator (-, ., _): no one types that, it is a template whose variable part expanded to empty (docker/metadata-action's {{branch}}- prefix on a tag push, ${VERSION}- in a script).", raw)),
			c("invalid-reference", 0.55, ""),
		}
	}
	if empty {
		return []cand{
			c("empty-reference-variable", 0.88, fmt.Sprintf("The reference %q has an empty part: a variable used to build it expanded to empty.", raw)),
			c("invalid-reference", 0.5, ""),
		}
	}
	return []cand{
		c("invalid-reference", 0.82, fmt.Sprintf("The reference %q is not valid: [host[:port]/]path[:tag][@digest], lowercase path, tag of [A-Za-z0-9_.-].", orSome(raw, "given"))),
		c("empty-reference-variable", 0.5, ""),
	}
}

// registryArgWithPath returns X of an `invalid registry "X"` refusal when X is
// a host followed by a repository path (no URL scheme, which is another
// mistake), else "".
func registryArgWithPath(text string) string {
	_, rest, ok := strings.Cut(text, `invalid registry "`)
	if !ok {
		return ""
	}
	reg, _, ok := strings.Cut(rest, `"`)
	if !ok || strings.Contains(reg, "://") || strings.HasPrefix(reg, "/") {
		return ""
	}
	if host, path, ok := strings.Cut(strings.TrimRight(reg, "/"), "/"); ok && host != "" && path != "" {
		return reg
	}
	return ""
}
