package diagnose

// Signatures for a registry answer that is the status text of the reverse
// proxy in front of the registry rather than the registry's own error.

func init() { sigGroups = append(sigGroups, sigsProxyStatus) }

func sigsProxyStatus() {
	register(
		&signature{
			id: "registry-proxy-client-closed",
			// 499 "Client Closed Request" is nginx's own status for a
			// request whose client connection closed before the upstream
			// answered (nginx logs it; Gitea and others relay it). A
			// registry client that reads no JSON error body reports the
			// status text under the catch-all code: "unknown: Client Closed
			// Request" (buildkit, containerd's remotes). It comes after a
			// long upload through a proxy whose read, send or body timeouts
			// are shorter than the upload: the registry side, not the
			// credential.
			keys: []string{"client closed request"},
			re:   lazyRe(`(?i)\bunknown: Client Closed Request`),
			veto: gitLike,
			rank: fixed(
				c("registry-fault", 0.74, "The answer is the status text of the reverse proxy in front of the registry (nginx's 499 Client Closed Request): the connection between the proxy and the registry was cut during the request, typically a long layer upload that outlasted the proxy's timeouts. Raise the proxy's timeouts and body size limit (proxy_read_timeout, proxy_send_timeout, client_max_body_size), or push smaller layers; the credential was accepted."),
				c("registry-unreachable", 0.45, ""),
			),
			tell: func(*hit, *facts) string {
				return proxyClosedTell
			},
		},
		&signature{
			id: "registry-proxy-499-status",
			// The same 499 as a number, in the status grammar of clients
			// that print the HTTP status line rather than an error body:
			// containerd's remotes ("unexpected status from PUT request to
			// URL: 499 …"), go-containerregistry ("unexpected status code
			// 499"), oras-go ("response status code 499").
			// The text after the number is whatever the proxy sent: nginx
			// ends the connection without a status line of its own, and a
			// Go proxy (Traefik, a Go ingress) relaying it writes net/http's
			// fallback reason "status code 499" for a code it has no text
			// for (net/http server.go, writeStatusLine).
			keys: []string{"unexpected status", "response status code 499"},
			re:   lazyRe(`(?i)(?:unexpected status(?: code)?(?: from \w+ request to \S+)?:? |response status code )499\b`),
			need: registryContext,
			veto: gitLike,
			rank: fixed(
				c("registry-fault", 0.74, "The registry request ended with status 499, nginx's Client Closed Request, relayed by the proxy in front of the registry: the connection between the proxy and the registry (or its storage) was cut during the request, typically a long layer upload that outlasted the proxy's timeouts. Raise the proxy's timeouts and body size limit (proxy_read_timeout, proxy_send_timeout, client_max_body_size) and read the registry's log for the upload; the credential was accepted."),
				c("registry-unreachable", 0.45, ""),
			),
			tell: func(*hit, *facts) string { return proxyClosedTell },
		},
	)
}

// proxyClosedTell tells a proxy's cut upload from a network path that
// never reaches the registry.
const proxyClosedTell = "Look at how long the failing upload ran before the error: one that ran for minutes and stopped at the proxy's timeout is the proxy's configuration (registry-fault); one that failed at once on every request is a network path that cannot reach the registry (registry-unreachable)."
