package diagnose

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

func init() { sigGroups = append(sigGroups, sigsUploadVerify) }

func sigsUploadVerify() {
	register(
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
