package diagnose

import (
	"fmt"
	"strings"
)

// Answers that come from what stands in front of a self-hosted registry (a
// reverse proxy, an ingress, the servlet container of a repository manager,
// a retired registry endpoint) instead of the registry API, and the facts
// that tell a refusal of the registry from one of its front end.
//
// A registry answers its API with JSON errors (OCI distribution spec,
// "Error Codes"); an HTML page, a web server's status page or the v1 API's
// refusal comes from something else at that host.

func init() { sigGroups = append(sigGroups, sigsWebFront) }

var (
	// kPushProgress: docker's per-layer upload progress ("ID: Pushing [==>]
	// 12MB/30MB") and completion ("ID: Pushed"): the registry took the
	// upload's first requests.
	kPushProgress = lowKeys([]string{"pushing [", ": pushed"})
	mPushProgress = maskOf(kPushProgress)
	// kAttestation: BuildKit's export of an attestation manifest (buildx
	// 0.10+ adds a provenance attestation to a pushed image by default).
	kAttestation = lowKey("exporting attestation manifest")
	// kAPIStatusGot: the Harbor API client of terraform-provider-harbor
	// ("[ERROR] unexpected status code got: 401 expected: 200"), whose next
	// line is the Harbor REST API's JSON body, not a registry's.
	kAPIStatusGot = lowKey("unexpected status code got: ")
)

// observeWebFront records the lines the front-end readings compare with.
func (f *facts) observeWebFront(n int) {
	if f.hasAnyIn(kPushProgress, &mPushProgress) {
		f.pushProgress = n
	}
	if f.has(kAttestation) {
		f.attestLine = n
	}
	if f.has(kAPIStatusGot) {
		f.apiStatusLine = n
	}
}

// uploadedBefore reports whether a layer of a push was uploading or
// uploaded in the 40 lines before line n.
func (f *facts) uploadedBefore(n int) bool {
	return f.pushProgress > 0 && f.pushProgress < n && n-f.pushProgress <= 40
}

// harborAPIAnswer reports a JSON error body printed on the line after a
// Harbor API client's status line (terraform-provider-harbor): the Harbor
// REST API refused a management call, no image was pushed or pulled.
func harborAPIAnswer(h *hit, f *facts) bool {
	return f.apiStatusLine > 0 && (f.apiStatusLine == h.line() || f.apiStatusLine == h.line()-1)
}

// webServerPage names the web server whose own status page a line quotes
// (nginx's "<center>nginx</center>", Apache's "<address>Apache/2.4 …
// Server at HOST Port N</address>", Tomcat's "Apache Tomcat", openresty,
// Tengine, IIS); "" when it names none. A CDN's refusal page (Akamai's
// "Access Denied … Reference #") names no server and is not read here.
func webServerPage(low string) string {
	for _, s := range []struct{ frag, name string }{
		{"<center>nginx", "nginx"}, {"<center>openresty", "openresty"}, {"<center>tengine", "Tengine"},
		{"powered by tengine", "Tengine"}, {"apache tomcat", "Apache Tomcat"}, {"<address>apache", "Apache httpd"},
		{"microsoft-iis", "IIS"}, {"<center>cloudflare", "Cloudflare"},
	} {
		if strings.Contains(low, s.frag) {
			return s.name
		}
	}
	return ""
}

// rankWebServerHTML reads an HTML status page of a named web server
// answering a registry request whose host the line does not name.
func rankWebServerHTML(h *hit, status, server string) []cand {
	return []cand{
		c("registry-fault", 0.66, fmt.Sprintf("The registry request was answered by %s's own %s page, not by the registry API (which answers with JSON errors): the reverse proxy in front of the registry does not pass this request to it (a location that refuses the method or path, a body size limit, an upstream that is down). Fix the proxy's configuration for /v2/; the credential and the image name are not what failed.", server, status)),
		c("missing-registry-host", 0.45, ""),
		c("registry-unreachable", 0.35, ""),
	}
}

// rankAttestation400 reads a 400 on committing an image's manifest after
// BuildKit exported an attestation manifest: buildx 0.10 and later attach
// provenance attestations by default, which turns the pushed manifest into
// an OCI image index with an "unknown/unknown" attestation entry
// (docs.docker.com/build/attestations/); registries that do not accept
// those answer 400. nil when the shape does not apply.
func rankAttestation400(h *hit, f *facts) []cand {
	if f.attestLine == 0 || f.attestLine > h.line() || !containsAny(h.low, []string{`failed commit on ref "manifest-`, `failed commit on ref "index-`}) {
		return nil
	}
	return []cand{
		c("client-bug", 0.68, fmt.Sprintf("BuildKit exported an attestation manifest (line %d) and the registry refused the manifest commit with 400: buildx 0.10+ adds a provenance attestation by default, which makes the pushed image an OCI index this registry does not accept. Push with provenance: false (BUILDX_NO_DEFAULT_ATTESTATIONS=1), or pin buildx below 0.10.", f.attestLine)),
		c("registry-fault", 0.5, ""),
		c("invalid-reference", 0.4, ""),
	}
}

// rankPushAfterUpload reads Harbor's refusal of the push action after
// layers of the same push were uploading: an identity without push is
// refused at the first upload request (POST …/blobs/uploads/), before any
// byte moves, so an upload that moved bytes was authorised. What is
// refused afterwards is a follow-up request a reverse proxy rewrote (the
// upload Location sent back as http:// or to the proxy's inner host when
// X-Forwarded-Proto or Host are not passed: Harbor's external_url
// behind a TLS-terminating proxy). nil when no upload moved.
func rankPushAfterUpload(h *hit, f *facts) []cand {
	if h.m[2] != "push" || !f.uploadedBefore(h.line()) {
		return nil
	}
	if cs := rankRefusedAfterBigUpload(h, f); cs != nil {
		return cs
	}
	return []cand{
		c("registry-fault", 0.7, fmt.Sprintf("Layers of this push were uploading (line %d) before Harbor refused the push action, so the credential and its push role were accepted for the upload's first requests: the refused request is a follow-up that the reverse proxy or load balancer in front of Harbor rewrote (an upload URL returned as http:// or with the inner host). Pass Host and X-Forwarded-Proto through the proxy (proxy_set_header X-Forwarded-Proto $scheme; proxy_redirect http:// $scheme://) and set Harbor's external_url to the public https address.", f.pushProgress)),
		c("insufficient-role", 0.5, ""),
		c("token-expired", 0.4, ""),
	}
}

func sigsWebFront() {
	register(
		&signature{
			id: "unknown-html-body",
			// docker and containerd print a registry answer they cannot read
			// as JSON under the catch-all code: "unknown: <html>" with the
			// page on the following lines (an nginx or ingress status page).
			keys: []string{"unknown: <html", "unknown: <!doctype html"},
			re:   lazyRe(`(?i)\bunknown: <(?:html|!doctype html)`),
			veto: []string{"429", "too many requests"},
			rank: fixed(
				c("registry-fault", 0.62, "The registry request was answered with an HTML page (printed under the catch-all code \"unknown\"), not with the registry API's JSON error: a reverse proxy, ingress or portal in front of the registry answered it (a location that refuses the method, a misrouted /v2/ path, an upstream that is down). Check the front end's routing of /v2/ to the registry; the credential is not what failed."),
				c("registry-unreachable", 0.42, ""),
				c("missing-registry-host", 0.35, ""),
			),
			tell: func(*hit, *facts) string {
				return "Look at the page's title and server line below the error: a web server's 4xx/5xx page at the registry's host is its front end's configuration (registry-fault); a page of another site means the request went to a host that is not the registry (missing-registry-host)."
			},
		},
		&signature{
			id: "login-html-answer",
			// docker (before 17.07) prints a login answered with a web page
			// as "Error response from daemon: Login: <!doctype html>…": the
			// daemon's /v2/ (and /v1/users/) check met an application
			// server's page (a Tomcat 404 when a repository manager's
			// docker access method is not routed).
			keys: []string{"login: <html", "login: <!doctype html"},
			re:   lazyRe(`(?i)\bLogin: <(?:html|!doctype html)`),
			rank: fixed(
				c("registry-fault", 0.6, "The login's registry check was answered with a web page instead of the registry API: the host serves a web application at /v2/ (a repository manager whose docker access method — port, subdomain or repository path — is not routed by the proxy or route in front of it). Route /v2/ to the docker repository, or log in to the host the docker repository is served on."),
				c("login-wrong-host", 0.48, "If the host is the web front end of a product whose registry has its own host or port (registry.HOST, HOST:5050, a repository's connector port), the login named the wrong host."),
				c("registry-unreachable", 0.3, ""),
			),
		},
		&signature{
			id: "docker1-server-error-status",
			// docker 1.x: "Error pushing to registry: Server error: 413
			// trying to push NAME blob - sha256:…". 413 is a body size limit
			// of the proxy in front of the registry (nginx's default
			// client_max_body_size is 1m); 5xx is the server side. The
			// blob existence check of the same client words it "Server
			// error: %d trying head request for NAME - DIGEST" (docker 1.6-1.9
			// registry/session_v2.go, HeadV2ImageBlob).
			keys: []string{"server error: 413", "server error: 50"},
			re:   lazyRe(`(?i)Server error: (413|50\d) trying (?:to (?:push|pull|fetch)|head request for) \S+`),
			rank: func(h *hit, f *facts) []cand {
				if h.m[1] == "413" {
					return []cand{
						c("registry-fault", 0.74, "The layer upload was refused as too large (HTTP 413) by the proxy in front of the registry: nginx's default client_max_body_size is 1 MB. Set client_max_body_size 0 (and chunked transfer) on the registry's proxy location."),
						c("registry-unreachable", 0.35, ""),
					}
				}
				return []cand{
					c("registry-fault", 0.72, fmt.Sprintf("The registry (or its proxy) failed with %s while serving the request: a server-side fault, not the client's setup.", h.m[1])),
					c("registry-unreachable", 0.4, ""),
				}
			},
		},
		&signature{
			id: "registry-v1-only",
			// A registry endpoint that serves only the retired Docker
			// Registry v1 API (JFrog's old Bintray docker registry:
			// "unauthorized: Repository '/jfrog/registry' does not support
			// Docker API version v2"): today's clients speak only v2.
			keys: []string{"does not support docker api version v2"},
			re:   lazyRe(`(?i)does not support Docker API version v2`),
			rank: fixed(
				c("registry-fault", 0.62, "The registry endpoint the reference names serves only the retired Docker v1 API, which current clients no longer speak: pull from (or push to) the registry's v2 endpoint (the vendor's current registry host)."),
				c("missing-registry-host", 0.42, ""),
				c("manifest-unknown", 0.35, ""),
			),
		},
		&signature{
			id: "artifactory-upload-unauthorized",
			// Artifactory's docker repositories refuse a blob upload by an
			// identity without the Deploy/Cache permission on the repository
			// with "User is unauthorized to upload to REPO/PATH/_uploads"
			// (docker-java relays it as "error from registry: …"). The
			// anonymous user gets it too when no credential reached the
			// client. Permissions: jfrog.com/help, "Permission Details".
			keys: []string{"is unauthorized to upload to"},
			re:   lazyRe(`(?i)User is unauthorized to upload to (\S+?)/_uploads`),
			rank: func(h *hit, f *facts) []cand {
				return []cand{
					c("insufficient-role", 0.62, fmt.Sprintf("Artifactory refused the layer upload to %s: the identity the client sent has no Deploy/Cache permission on that repository (a permission target that covers the repository, including the docker repository key in the path). Grant it, or push with a user or token that has it.", h.m[1])),
					c("no-login", 0.5, "If the client sent no credential (no docker login for this host in the job, a plugin that does not pass its configured credential to the daemon), Artifactory treats the request as its anonymous user, which gets the same refusal."),
					c("login-other-job", 0.35, ""),
				}
			},
		},
		&signature{
			id: "ping-no-registry-api",
			// containers/image (podman, buildah, skopeo) checks HOST/v2/
			// before it authenticates: "pinging container registry HOST:
			// invalid status code from registry 404 (Not Found)". A registry
			// answers /v2/ with 200 or 401 (distribution spec, "API Version
			// Check"); 404 or 5xx there is no registry API at that address
			// (a web UI's port, a path the proxy does not route, a content
			// app of a repository manager), as docker's "login attempt to
			// …/v2/ failed with status: 404" is.
			keys: []string{"pinging container registry"},
			re:   lazyRe(`(?i)pinging container registry (\S+?): invalid status code from registry (404|5\d\d)`),
			rank: func(h *hit, f *facts) []cand {
				return []cand{
					c("registry-fault", 0.62, fmt.Sprintf("%s answered the registry API check (/v2/) with %s: no registry API is served at that address (the web UI's host or port instead of the registry's, a path the reverse proxy does not route to the registry, a registry service that is down). Use the registry's own host:port, or route /v2/ to it.", h.m[1], h.m[2])),
					c("login-wrong-host", 0.45, ""),
					c("registry-unreachable", 0.38, ""),
				}
			},
		},
		&signature{
			id: "registry-csrf-refused",
			// Harbor's CSRF middleware answers a state-changing request that
			// carries its UI session but no valid X-Harbor-CSRF-Token with
			// {"errors":[{"code":"FORBIDDEN","message":"CSRF token invalid"}]}.
			// A registry client authenticates with basic or bearer
			// credentials and never needs the token: one that does get it
			// replayed a session cookie (a client defect; tart 0.30's push).
			keys: []string{"csrf token invalid"},
			re:   lazyRe(`(?i)\\?"code\\?"\s*:\s*\\?"FORBIDDEN\\?"\s*,\s*\\?"message\\?"\s*:\s*\\?"CSRF token invalid`),
			rank: fixed(
				c("client-bug", 0.66, "Harbor refused the registry request with its CSRF check, which applies to requests that carry a Harbor UI session cookie: the client sent a cookie instead of (or with) its registry credentials. That is a defect of the client version (tart 0.30 pushes hit it); use a version that speaks the registry API without cookies."),
				c("registry-fault", 0.48, ""),
				c("bad-credentials", 0.3, ""),
			),
		},
	)
}
