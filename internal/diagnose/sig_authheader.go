package diagnose

import (
	"strings"
)

// Signatures for a registry's answer about the shape of the Authorization
// header or of the token request, not about the credential: the registry
// did not judge the credential, the client's request was malformed, and a
// registry's own authorization service that failed.

func init() { sigGroups = append(sigGroups, sigsAuthHeader) }

func sigsAuthHeader() {
	register(
		&signature{
			id: "quay-invalid-bearer-format",
			// Quay answers 401 {"error": "Invalid bearer token format"} when
			// the Authorization header says Bearer but its value is not a
			// token Quay can decode (quay/quay, auth/registry_jwt_auth.py):
			// the header is the client's. Registry clients built on older
			// libraries (genuinetools/reg in trivy before 0.5, keel before
			// keel-hq/keel#107) sent the docker config's basic credential,
			// or an empty one, as a Bearer value; `docker pull` of the same
			// image works. A refused credential is "unauthorized" instead.
			keys: []string{"invalid bearer token format"},
			re:   lazyRe(`(?i)Invalid bearer token format`),
			veto: gitLike,
			rank: func(h *hit, f *facts) []cand {
				who := "The registry (Quay)"
				if h.host != "" {
					who = h.host + " (Quay)"
				}
				return []cand{
					c("client-bug", 0.74, who+" refused the Authorization header itself: it says Bearer but carries no token Quay issued, so the client built the header wrongly (it sent a stored basic credential, or an empty one, as a bearer token). The credential was not checked; `docker pull` of the same image is the check, and upgrading the tool that failed is the fix."),
					c("no-login", 0.45, ""),
					c("bad-credentials", 0.4, ""),
				}
			},
			tell: func(*hit, *facts) string {
				return "Pull the same image with docker or skopeo: when that works, the failing tool builds the Authorization header wrongly (client-bug); when that fails too with 401 unauthorized, no credential or a wrong one reached the registry (no-login, bad-credentials)."
			},
		},
		&signature{
			id: "ghcr-authz-unavailable",
			// GHCR decides a token's access in an internal authorization
			// service; when the registry cannot reach it, the answer is a
			// DENIED whose message names it ("permission_denied: unable to
			// connect to authzd server: twirp error bad_route: Error from
			// intermediary with HTTP status code 404"): GitHub's side, not
			// the workflow's token, which was never judged.
			keys: []string{"authzd server"},
			re:   lazyRe(`(?i)unable to connect to authzd server`),
			veto: gitLike,
			rank: fixed(
				c("registry-fault", 0.82, "GHCR could not reach its own authorization service (\"unable to connect to authzd server\"), so it denied the request without judging the token: an incident on GitHub's side. Re-run the job, and check githubstatus.com for Packages; nothing in the workflow's permissions needs to change."),
				c("gh-token-packages-permission", 0.35, ""),
			),
			tell: func(*hit, *facts) string {
				return "Re-run the job: a GHCR incident passes on a later run and shows on githubstatus.com (registry-fault); a denial that repeats on every run with the ordinary \"permission_denied: write_package\" is the token's permissions (gh-token-packages-permission)."
			},
		},
	)
}

// nonRepositoryScope is the first scope of a token request (the hit's URL
// is a token realm) when none of its scopes is a repository scope, else "".
// A registry client asks for repository:NAME:ACTIONS to pull or push
// (distribution's token spec, docs/spec/auth/scope.md); a token service
// that does not know another resource type (registry:catalog:*, Docker
// Hub's "unknown resource type") refuses the request as malformed (400):
// the client asked for something no pull or push needs.
func nonRepositoryScope(h *hit) string {
	if !h.hasURL || !h.url.Realm || len(h.url.Scopes) == 0 {
		return ""
	}
	for _, s := range h.url.Scopes {
		if s.Type == "repository" {
			return ""
		}
	}
	s := h.url.Scopes[0]
	return s.Type + ":" + s.Name + ":" + strings.Join(s.Actions, ",")
}

// nonRepositoryScope400 ranks a 400 from a token service asked for a
// scope that is not a repository's (nonRepositoryScope): the client's
// request, not the image name or the credential.
func nonRepositoryScope400(h *hit) []cand {
	sc := nonRepositoryScope(h)
	if sc == "" {
		return nil
	}
	return []cand{
		c("client-bug", 0.72, "The token service refused the token request as malformed (400): it asks for the scope "+sc+", not for a repository (repository:NAME:pull,push), and this registry does not grant that resource type (Docker Hub answers \"unknown resource type\"). The client that asked is at fault (a credential check or catalog listing some tools make); upgrade it, or check the credential with docker login."),
		c("bad-credentials", 0.4, ""),
		c("invalid-reference", 0.35, ""),
	}
}

// manifestWriteLine reports whether the hit's line is the answer to a
// manifest upload: a PUT to /v2/NAME/manifests/REF, a client's "manifest
// upload"/"put manifest" wording, or the MANIFEST_BLOB_UNKNOWN code (the
// code a registry gives only to a manifest upload).
func manifestWriteLine(h *hit) bool {
	// MANIFEST_BLOB_UNKNOWN is answered only to a manifest upload; distribution's
	// client renders the code lowercased with spaces ("manifest blob unknown:
	// blob unknown to registry", registry/api/errcode ErrorCode.Error), as
	// docker manifest push and oras print it on a line of its own.
	if strings.Contains(h.low, "manifest_blob_unknown") || strings.Contains(h.low, "manifest blob unknown") || strings.Contains(h.low, "manifest upload") || strings.Contains(h.low, "put manifest") {
		return true
	}
	return h.hasURL && h.url.Object == "manifests" && strings.Contains(h.low, "put ")
}

// manifestGetLine reports whether the hit's line is the answer to a GET of
// a manifest and names no push: an image read (a scanner's or builder's
// go-containerregistry "GET https://HOST/v2/NAME/manifests/REF: …"). A
// HEAD is left out: a push checks the manifest's existence with one.
func manifestGetLine(h *hit) bool {
	return h.hasURL && h.url.Object == "manifests" && !strings.Contains(h.low, "push") &&
		containsAny(h.low, []string{"get request", "get http", "get \"http"})
}
