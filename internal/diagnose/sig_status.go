package diagnose

import (
	"fmt"
	"strings"

	"github.com/regdoctor/regdoctor/internal/reghost"
)

// Bare HTTP status signatures: a 401 or 403 without the registry's own error
// text, as BuildKit/containerd ("unexpected status: 403 Forbidden",
// "unexpected status from POST request to URL: 403 Forbidden"),
// go-containerregistry ("unexpected status code 401 Unauthorized"),
// containers/image ("403 (Forbidden)"), enroot ("[ERROR] URL URL returned
// error code: 401", its common::curl with curl's %{http_code}; later releases
// add the reason phrase) and docker-java print them. They are
// generic: they fire only when no specific signature matched the line, and
// only with a registry URL or a registry client's wording on the line.

func init() { sigGroups = append(sigGroups, sigsStatus) }

// distributionRoute is the path after /v2/ of a distribution API request
// containerd names in its status errors: empty (the /v2/ check) or
// NAME/manifests/REF, NAME/blobs/DIGEST, NAME/blobs/uploads/…,
// NAME/tags/list (OCI distribution-spec, "Endpoints").
const distributionRoute = `(?:[^\s:]+/(?:manifests|blobs|tags)/\S*)?`

func sigsStatus() {
	register(
		&signature{
			id:      "http-401",
			generic: true,
			keys:    []string{"401"},
			re:      lazyRe(`(?i)(?:unexpected status(?: code)?(?: from \w+ request to \S+)?:? 401|401 Unauthorized|401 \(Unauthorized\)|status(?: code)?:? 401|returned error code: 401\b|status=401\b|HTTP 401 response body|unauthorized \[http 401\])`),
			// go-containerregistry before 2019 (kaniko 0.x) worded it
			// "unsupported status code 401; body: Not Authorized".
			// containerd's tag lister words it "pulling from host HOST failed
			// with status code: STATUS" (no bracketed path).
			// Waypoint's entrypoint-layer upload (its kaniko builder) prints
			// the status of the upload start alone: "error setting up
			// entrypoint layer: Error starting blob upload: 401 Unauthorized"
			// (fmt.Errorf("error starting blob upload: %s", resp.Status));
			// a blob upload is a registry request whatever client words it.
			need: []string{"/v2/", "unexpected status", "token?", "jwt/auth", "blobs/uploads", "starting blob upload", "manifests/", "error parsing http 401", "[http 401]", "unsupported status code", "failed with status code [", "pulling from host "},
			veto: gitLike,
			rank: rankUnauthenticated,
			tell: tellUnauthenticated,
		},
		&signature{
			id:      "ecr-public-400",
			generic: true,
			keys:    []string{"400 bad request"},
			re:      lazyRe(`https://public\.ecr\.aws/\S+: 400 Bad Request`),
			// ECR Public answers an expired token with 400, not 401
			// (aws/containers-roadmap#2835, shared/domain/registries.md).
			rank: func(h *hit, f *facts) []cand {
				if state, l := f.loginState(h.line(), h.host); state == "same" && l.OK && strings.Contains(h.low, "head request") && h.line()-l.Line <= 30 {
					// A token minted a few lines earlier has not expired; a
					// HEAD carries no body to be malformed, so the request
					// line or headers are: the client's (helm 3.13.0/3.13.1,
					// helm/helm#12491).
					return []cand{c("client-bug", 0.66, fmt.Sprintf("The login for %s succeeded at line %d, just before: the token is fresh, so the 400 to this HEAD request points at the client's request (helm 3.13.0/3.13.1 sent HEAD requests ECR Public rejects, helm/helm#12491).", hostName(h.host), l.Line), loginEv(l)),
						c("token-expired", 0.5, ""), c("bad-credentials", 0.35, "")}
				}
				return []cand{c("token-expired", 0.7, "ECR Public answers an expired authorization token with 400 Bad Request instead of 401."),
					c("bad-credentials", 0.4, "")}
			},
			tell: tellBadCredential,
		},
		&signature{
			id:      "http-404",
			generic: true,
			keys:    []string{"404"},
			// BuildKit/containerd and go-containerregistry print a registry's
			// 404 without its body ("failed commit on ref …: unexpected
			// status: 404 Not Found", "unexpected status from POST request
			// to URL: 404 Not Found"); containerd 1.x's fetcher and pusher
			// put the URL between "code" and the status ("unexpected status
			// code https://HOST/v2/…: 404 Not Found", remotes/docker). The
			// URL is a distribution API route: the /v2/ check, or a
			// repository's manifests, blobs or tags (OCI distribution-spec,
			// "Endpoints"); another API's /v2/ path is not a registry's.
			re:   lazyRe(`(?i)unexpected status(?: code)?(?: from \w+ request to \S+| https?://[^/\s]+/v2/` + distributionRoute + `:)?:? 404\b`),
			need: []string{"/v2/", "unexpected status"},
			veto: gitLike,
			rank: func(h *hit, f *facts) []cand {
				if cs := rankNameGrammar404(h); cs != nil {
					return cs // a repository name outside the distribution grammar (reponame404.go)
				}
				if h.op == opPull || isManifestRead(h) {
					return []cand{c("manifest-unknown", 0.68, "The registry answered 404 Not Found for the image: no such tag, digest or repository."), c("repo-not-found", 0.5, ""), c("invalid-reference", 0.35, "")}
				}
				// nerdctl's FATA line repeats its tryLoginWithRegHost error
				// without a URL or the word login: a login a few lines up
				// with no request on the line is the same login.
				login := h.op == opLogin || (h.op == "" && !h.hasURL && h.ref.Repo == "" && f.loginNear(h.line()))
				if login && h.url.Repo == "" && !containsAny(h.low, []string{"blobs/", "manifests/", "push"}) {
					// A login only asks the registry's API root (/v2/) and its
					// token endpoint, neither of which names a repository: a
					// 404 there is not a missing repository but a request the
					// registry does not serve at that address.
					return []cand{c("client-bug", 0.62, fmt.Sprintf("The login to %s was answered 404 Not Found; a login names no repository, and a registry serves /v2/ at its root, so the client asked for something the registry does not serve (nerdctl 0.16.0 did so against ghcr.io, fixed in 0.16.1). Check the client version, and that the login names the registry host alone, without a path.", hostName(h.host))),
						c("invalid-reference", 0.45, ""), c("registry-fault", 0.4, "")}
				}
				if cs := rankIndexCommit404(h, f); cs != nil {
					return cs
				}
				return []cand{c("repo-not-found", 0.62, fmt.Sprintf("%s answered 404 Not Found to the push: the repository path is not one it serves (Artifactory and Nexus paths start with the repository key; a project or organization that does not exist).", hostName(h.host))),
					c("client-bug", 0.5, "Some registries answer 404 to an upload sequence they do not support (Artifactory and BuildKit's POST then PUT-with-body, docker/buildx#196)."),
					c("registry-disabled", 0.35, "")}
			},
			tell: tellDenied,
		},
		&signature{
			id:      "http-400",
			generic: true,
			keys:    []string{"400"},
			re:      lazyRe(`(?i)unexpected status(?: code)?(?: from \w+ request to \S+| https?://[^/\s]+/v2/` + distributionRoute + `:)?:? 400\b`),
			need:    []string{"/v2/", "unexpected status"},
			veto:    append([]string{"public.ecr.aws", "login attempt"}, gitLike...),
			rank: func(h *hit, f *facts) []cand {
				if cs := nonRepositoryScope400(h); cs != nil {
					return cs // a token request for a scope no pull or push asks for (sig_authheader.go)
				}
				if cs := rankAttestation400(h, f); cs != nil {
					return cs // a manifest commit refused after BuildKit exported attestations (sig_webfront.go)
				}
				if cs := rankManifestDigest400(h); cs != nil {
					return cs // a manifest PUT by digest refused after its layers (sig_manifestput.go)
				}
				if cs := rankECRManifestTag400(h); cs != nil {
					return cs // ECR refusing a manifest PUT by tag: an immutable tag (sig_manifestput.go)
				}
				if cs := rankCacheManifest400(h); cs != nil {
					return cs // a registry cache export's manifest refused (sig_cacheexport.go)
				}
				if cs := rankPlainHTTPRead400(h); cs != nil {
					return cs // a read over plain HTTP: a TLS port's answer (plainhttp400.go)
				}
				if strings.Contains(h.low, "mount=") && strings.Contains(h.low, "from=") {
					// The registry rejected a cross-repository mount request
					// (OCI distribution spec: a registry that cannot mount
					// answers with an upload session; a client must fall back).
					return []cand{c("client-bug", 0.72, fmt.Sprintf("The refused request is a cross-repository blob mount into %s whose source repository the registry does not accept (a path from another registry); the client should upload the blob instead. Upgrade the client, or copy without mounting.", orSome(h.repo(), "the repository"))),
						c("invalid-reference", 0.45, "")}
				}
				if cs := rankHubForeignScope400(h, f); cs != nil {
					return cs // Docker Hub refused a copy's mount source, not the target (hubmount.go)
				}
				if cs := rankUploadSession400(h); cs != nil {
					return cs // a PATCH or PUT of an open upload session (uploadsession.go)
				}
				if h.kind() == reghost.GAR && strings.HasSuffix(h.host, "-docker.pkg.dev") && strings.Count(h.repo(), "/") < 2 {
					return []cand{c("invalid-reference", 0.8, fmt.Sprintf("Artifact Registry image paths are HOST/PROJECT/REPOSITORY/IMAGE; %s has fewer parts, and the registry answers 400 (NAME_INVALID).", orSome(h.repo(), "this path"))),
						c("repo-not-found", 0.5, "")}
				}
				return []cand{c("invalid-reference", 0.55, "Registries answer 400 Bad Request to a request they cannot parse, most often a repository name they do not accept (NAME_INVALID: a path of the wrong depth for the registry, upper case, a missing image name)."),
					c("client-bug", 0.5, ""), c("repo-not-found", 0.42, "")}
			},
			tell: tellDenied,
		},
		&signature{
			id:      "http-403",
			generic: true,
			keys:    []string{"403"},
			re:      lazyRe(`(?i)(?:unexpected status(?: code)?(?: from \w+ request to \S+)?:? 403|403 Forbidden|403 \(Forbidden\)|status(?: code)?:? 403|returned error code: 403\b|status=403\b|forbidden \[http 403\])`),
			// helm 3.7-3.12 (oras-go v0.4): "pulling from host HOST failed
			// with status code [manifests TAG]: 403 Forbidden"; containerd's
			// tag lister (core/remotes/docker/lister.go) drops the path:
			// "pulling from host HOST failed with status code: 403 Forbidden".
			// containers/image before v5.x (skopeo inspect/sync listing
			// tags): "Invalid status code returned when fetching tags list
			// 403 (Forbidden)".
			need: []string{"/v2/", "unexpected status", "token?", "jwt/auth", "blobs/uploads", "starting blob upload", "manifests/", "[http 403]", "unsupported status code", "failed with status code [", "pulling from host ", "fetching tags list"},
			veto: gitLike,
			rank: rank403,
			tell: tellDenied,
		},
	)
}
