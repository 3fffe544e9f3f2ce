package diagnose

import (
	"fmt"

	"github.com/regdoctor/regdoctor/internal/reghost"
)

// Registry answers users paste as the whole error, in wordings no other
// signature reads: dockerd's bare "Error response from daemon: unexpected
// EOF" (the registry or its CDN closed the connection mid-answer), Container
// Registry's "Caller does not have permission or the resource may not exist
// 'read'" (gcr.io's refusal, which it gives alike for a missing repository
// and for a caller without access), and docker's older, status-less "Error
// parsing HTTP response: unexpected end of JSON input" (an empty error body,
// the shape of ECR's IAM refusal), and its newer form with a 404 or 5xx
// status (a server that does not implement the request, a failing front end).

func init() { sigGroups = append(sigGroups, sigsTerseAnswers) }

func sigsTerseAnswers() {
	register(
		&signature{
			id: "daemon-unexpected-eof",
			// dockerd wraps the error of a pull (or push) in "Error
			// response from daemon: …"; when the whole message is Go's
			// io.ErrUnexpectedEOF, the registry or a CDN in front of it
			// closed the connection before its answer was complete.
			// Docker Hub did so for many projects at once (Feb 2020,
			// forums.docker.com "docker pull causes error response from
			// daemon: unexpected EOF"). The line must end there: an EOF
			// while extracting a layer ("failed to register layer: …
			// unexpected EOF") is the local disk's, and other tools'
			// EOFs (Go's module proxy) have no daemon prefix.
			keys: []string{"from daemon: unexpected eof"},
			re:   lazyRe(`(?i)Error response from daemon: unexpected EOF\s*$`),
			rank: fixed(
				c("registry-fault", 0.6, "The registry (or the CDN that serves its layers) closed the connection before its answer was complete: dockerd reports only \"unexpected EOF\". When it comes and goes and hits other projects at the same time, it is the registry's side: retry the pull (a retry loop around docker pull), or pull through a mirror."),
				c("registry-unreachable", 0.45, "If it happens on every run from this network only, a proxy or firewall between the runner and the registry cuts long transfers: check the proxy's limits, or pull through a registry mirror inside the network."),
			),
		},
		&signature{
			id: "unknown-code-unauthorized",
			// A registry that answers 401 with the bare status text under
			// the registry API's catch-all code prints, in docker's
			// "CODE: MESSAGE" form, as the whole message "unknown:
			// Unauthorized" (distribution spec, "Error Codes": UNKNOWN).
			// Oracle Cloud Infrastructure Registry answers so for an auth
			// token it refuses, such as one given with a username not in
			// its TENANCY/USER form (docs.oracle.com, "Pushing Images Using
			// the Docker CLI"). The line must end there:
			// Harbor's "unauthorized to access repository …" and the
			// login check's "Get …/v2/: unknown: Unauthorized" keep their
			// readings.
			keys: []string{"unknown: unauthorized"},
			re:   lazyRe(`(?i)(?:^|[\s:])unknown: "?Unauthorized"?\.?\s*$`),
			veto: append([]string{"/v2/:", "/v2/\":"}, gitLike...),
			rank: rankUnknownUnauthorized,
			tell: tellUnauthenticated,
		},
		&signature{
			id: "gcr-caller-denied",
			// Container Registry (gcr.io, pkg.dev's gcr.io repositories)
			// answers a request it will not serve with "denied: Caller does
			// not have permission or the resource may not exist 'read'"
			// ('write' for a push), followed by "To configure permissions,
			// follow instructions at: https://cloud.google.com/container-
			// registry/docs/access-control". It answers alike for a
			// repository that does not exist (Container Registry was shut
			// down in 2025 and its public images moved) and for one the
			// caller may not read.
			keys: []string{"caller does not have permission or the resource may not exist"},
			re:   lazyRe(`(?i)Caller does not have permission or the resource may not exist '?(read|write)\b`),
			rank: rankGCRCallerDenied,
		},
		&signature{
			id: "empty-error-body",
			// docker before 1.11 quoted a registry answer whose body is not
			// the registry API's JSON error without its status: "Error
			// parsing HTTP response: unexpected end of JSON input: \"\"".
			// An empty body is what ECR sends when the IAM policy lacks an
			// action of the push (moby/moby#19010: BatchCheckLayerAvailability
			// missing); newer clients print it as "error parsing HTTP 403
			// response body: …" (empty-403-body, sig_releasetools.go).
			keys: []string{"parsing http response: unexpected end of json"},
			re:   lazyRe(`(?i)Error parsing HTTP response: unexpected end of JSON input`),
			rank: func(h *hit, f *facts) []cand {
				iam := c("cloud-iam-denied", 0.6, "The registry answered with an empty error body, which docker cannot parse: ECR does so when the identity's IAM policy lacks an action the push needs. Check that the policy grants ecr:GetAuthorizationToken, BatchCheckLayerAvailability, InitiateLayerUpload, UploadLayerPart, CompleteLayerUpload and PutImage on the repository.")
				fault := c("registry-fault", 0.45, "A registry or proxy that answers errors without the registry API's JSON body (a front end's refusal, an overloaded registry) also gives this: retry, and look at the registry's own logs.")
				if k := h.kind(); k != "" && k != reghost.ECR && k != reghost.ECRPublic {
					iam.w, fault.w = 0.45, 0.55
				}
				return []cand{iam, fault}
			},
		},
		&signature{
			id: "empty-error-body-404-5xx",
			// docker's distribution client quotes an error answer whose
			// body is empty as "error parsing HTTP 404 response body:
			// unexpected end of JSON input: \"\"" (registry/client/
			// errors.go, parseHTTPErrorResponse, over Go's encoding/json).
			// The registry API answers a missing manifest, blob or
			// repository with a JSON error (distribution spec, "Error
			// Codes": MANIFEST_UNKNOWN, NAME_UNKNOWN, BLOB_UNKNOWN), so an
			// empty 404 comes from a server that does not implement that
			// request: Nixery answered docker's fetch of a manifest by its
			// digest so (tazjin/nixery#112), as do proxies that misroute
			// /v2/. An empty 5xx is a front end's or a failing registry's.
			// 403 keeps empty-403-body's reading (sig_releasetools.go) and
			// 401 the status reading; a body that is plain text or HTML is
			// plain-text-error-body's or html-error-body's.
			keys: []string{"response body: unexpected end of json input"},
			re:   lazyRe(`(?i)error parsing HTTP (404|5\d\d) response body: unexpected end of JSON input`),
			rank: func(h *hit, f *facts) []cand {
				if h.m[1] != "404" {
					return []cand{
						c("registry-fault", 0.74, fmt.Sprintf("%s answered with HTTP %s and an empty body instead of the registry API's JSON error: the registry, or the proxy or load balancer in front of it, failed. Retry later or check that service; the credential and the image are not at fault.", hostName(h.host), h.m[1])),
						c("registry-unreachable", 0.4, ""),
					}
				}
				return []cand{
					c("registry-fault", 0.62, fmt.Sprintf("%s answered with 404 and an empty body where the registry API sends a JSON error (MANIFEST_UNKNOWN, NAME_UNKNOWN): the server at that address does not implement this request, e.g. a registry that cannot serve a manifest by digest, or a proxy that misroutes /v2/. Check the registry or proxy; a plain `docker pull` of another image from it tells whether the service is at fault.", hostName(h.host))),
					c("manifest-unknown", 0.42, "If the registry is known to answer so for names it lacks, the tag or repository may simply not exist: check the name and tag."),
					c("registry-unreachable", 0.3, ""),
				}
			},
		},
	)
}

// rankGCRCallerDenied ranks Container Registry's "Caller does not have
// permission or the resource may not exist": for a read without any login
// for the host, a repository that is gone (deleted, moved to Artifact
// Registry, a public image withdrawn) leads; a read with a credential is the
// identity's IAM; a write without a login is no-login.
func rankGCRCallerDenied(h *hit, f *facts) []cand {
	h.hostFromRef()
	state, l := f.loginState(h.line(), h.host)
	img := orSome(h.ref.Raw, orSome(h.repo(), "the image"))
	iamWhy := "The identity that pulls or pushes (a service account, a gcloud login) lacks the role on this repository: grant roles/artifactregistry.reader (pull) or .writer (push) on the repository, or on the gcr.io bucket Storage Object Viewer/Admin for a legacy Container Registry project."
	if state == "other" {
		return []cand{
			c("login-wrong-host", 0.7, fmt.Sprintf("A login ran for %s, not for %s: docker keys credentials by host, so this request went without one.", l.Host, hostName(h.host)), loginEv(l)),
			c("cloud-iam-denied", 0.5, iamWhy),
			c("manifest-unknown", 0.45, ""),
		}
	}
	if h.m[1] == "write" || h.op == opPush {
		if state == "none" {
			return []cand{
				c("no-login", 0.72, fmt.Sprintf("Container Registry refused the push of %s and no login for %s ran before it: configure docker's credential for it (gcloud auth configure-docker, or docker login with an access token).", img, hostName(h.host))),
				c("cloud-iam-denied", 0.55, iamWhy),
			}
		}
		return []cand{
			c("cloud-iam-denied", 0.78, iamWhy),
			c("repo-not-found", 0.45, "The gcr.io project (or its Artifact Registry repository) may not exist: Container Registry no longer creates repositories on push."),
		}
	}
	if state == "none" {
		return []cand{
			c("manifest-unknown", 0.66, fmt.Sprintf("Container Registry refused to read %s without a credential; it answers so for a repository that does not exist (deleted, moved to Artifact Registry or withdrawn from gcr.io) as for a private one, and public images that vanished from gcr.io are the common case in CI. Check that the image still exists at this path, or use its new location.", img)),
			c("no-login", 0.55, "If the image is private, configure docker's credential for the host (gcloud auth configure-docker HOST) before the pull."),
			c("cloud-iam-denied", 0.4, iamWhy),
		}
	}
	return []cand{
		c("cloud-iam-denied", 0.72, iamWhy),
		c("manifest-unknown", 0.55, fmt.Sprintf("Or %s no longer exists at this path (Container Registry answers a missing repository the same way).", img)),
	}
}

// rankUnknownUnauthorized ranks a registry's terse 401, "unknown:
// Unauthorized". Unlike "authentication required" it does not say whether a
// credential was sent, so with no login before it in the log a refused
// credential (a wrong or revoked token, a username in a form the registry
// does not take, such as OCIR's TENANCY/USER) ranks next to a missing login.
// With a login before it, it reads as any refused credential
// (rankUnauthenticated).
func rankUnknownUnauthorized(h *hit, f *facts) []cand {
	if state, _ := f.loginState(h.line(), h.host); state != "none" {
		return rankUnauthenticated(h, f)
	}
	return []cand{
		c("no-login", 0.66, "The registry refused the request with a bare 401 \"Unauthorized\" and no login ran before it in this log: log in to the registry in the same job before the push or pull."),
		c("bad-credentials", 0.6, "If a login ran (outside this excerpt, or in a wrapper), the registry refused its credential: a wrong or revoked token, or a username in a form the registry does not accept (OCIR wants TENANCY/USER, or TENANCY/oracleidentitycloudservice/USER for a federated user)."),
		c("login-other-job", 0.4, ""),
	}
}
