package diagnose

import "fmt"

// Answers a registry gives after checking what the client sent, and an
// HTTP/2 connection the registry's front end closed. The distribution spec's
// error codes DIGEST_INVALID ("provided digest did not match uploaded
// content") and SIZE_INVALID ("provided length did not match content
// length") come from the registry verifying a blob or manifest against the
// digest or length the client declared (OCI distribution-spec, "Error
// Codes"); docker prints them as "digest invalid: …" and "size invalid: …".
// Go's HTTP/2 transport reports a connection the server shut down as
// "http2: server sent GOAWAY and closed the connection; LastStreamID=N,
// ErrCode=…" or "http2: Transport received Server's graceful shutdown
// GOAWAY" (golang.org/x/net/http2, RFC 9113 §6.8).
// Go's HTTP/1 transport refuses to send a request whose body yields fewer
// bytes than its declared length: "http: ContentLength=N with Body length M"
// (net/http transfer.go). Against a registry that is a PUT or PATCH sent a
// second time with a body already read: the client resent it after the
// registry's 401 challenge on that request (a token without push for the
// repository: no credential, e.g. acorn-io/runtime#1035), or its own retry
// resent it (go-containerregistry#1183 in crane v0.7.0, carvel-dev/imgpkg#488).
// The client-bug reading names no version: Go's error carries none and the
// clients that hit it (crane, imgpkg, acorn, ko) print theirs only when the
// job runs their version command; it holds as the second reading (first
// after a login for the registry, when no 401 challenge explains the
// resend) because the resend itself is the client's, and another release
// of it passes.

func init() { sigGroups = append(sigGroups, sigsUploadVerify) }

func sigsUploadVerify() {
	register(
		&signature{
			id:   "resent-body-consumed",
			keys: []string{"with body length"},
			// Go's url.Error puts the request's URL before the text (`Put
			// "URL": http: …`): the URL must be a registry upload (a
			// manifest or a blob under /v2/NAME/), not any API with a
			// /v2/ in its path.
			re:   lazyRe(`(?i)/v2/[^"\s]+/(?:manifests|blobs)/[^"\s]*"?: http: ContentLength=\d+ with Body length \d+`),
			need: []string{"/v2/"},
			veto: gitLike,
			rank: func(h *hit, f *facts) []cand {
				h.assumeOp(opPush)
				bug := c("client-bug", 0.5, "The client resent a PUT whose body it had already read (its own retry of the request): a defect of that client release (crane v0.7.0, go-containerregistry#1183; imgpkg copy retries, carvel-dev/imgpkg#488); another release passes.")
				if state, _ := f.loginState(h.line(), h.host); state == "same" {
					bug.w = 0.6
					return []cand{bug, c("token-expired", 0.4, "A login for this registry ran: if the push was long, the registry may have challenged the PUT because the token expired, and the client resent it with an empty body."), c("no-login", 0.35, "")}
				}
				return []cand{
					c("no-login", 0.58, fmt.Sprintf("The registry challenged the upload to %s (401) and the client resent it with a body it had already read, so Go refused to send it: the token the client had did not allow the push, and no login for this registry appears in the log. Log in to exactly this registry host with the client that pushes (acorn login, crane auth login, docker login) before the push.", hostName(h.host))),
					bug,
				}
			},
		},
		&signature{
			id:   "upload-content-mismatch",
			keys: []string{"digest invalid", "digest_invalid", "size invalid", "size_invalid"},
			re:   lazyRe(`(?i)\b(?:digest|size)[ _]invalid\b`),
			need: append([]string{"provided digest", "provided length", "errors"}, registryContext...),
			veto: gitLike,
			rank: fixed(
				c("client-bug", 0.62, "The registry checked what the client sent and it does not match the digest or length the client declared (DIGEST_INVALID / SIZE_INVALID): the client computed them from other bytes than it sent (a retried request that resent a partial body, a manifest re-serialised after its digest was taken) or a proxy between them rewrote the body. Another client release, or bypassing the proxy, passes; the credential is fine."),
				c("registry-fault", 0.45, ""),
			),
		},
		&signature{
			id:   "http2-goaway",
			keys: []string{"sent goaway", "shutdown goaway"},
			re:   lazyRe(`(?i)http2: (?:server sent GOAWAY and closed the connection|Transport received Server's graceful shutdown GOAWAY)`),
			need: registryContext,
			// The Kubernetes API server rotates its clients' connections with
			// GOAWAY (--goaway-chance); its /api/v1/ and /apis/ URLs look like
			// a versioned registry path to the URL facts.
			veto: append([]string{"/api/v1/", "/apis/"}, gitLike...),
			rank: fixed(
				c("registry-fault", 0.62, "The registry's HTTP/2 front end (its load balancer or CDN, or the registry restarting) closed the connection with GOAWAY while the request was on it, and the client did not retry on a new connection. Server side and usually transient: re-run the job or add a retry around the push or pull."),
				c("registry-unreachable", 0.45, ""),
				c("client-bug", 0.35, ""),
			),
		},
	)
}
