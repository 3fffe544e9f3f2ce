package diagnose

// Signatures for Go's HTTP client failing inside the CONNECT to the HTTP(S)
// proxy it is configured with (net/http transport.go: errors wrapped as
// "proxyconnect tcp: ..."), other than the dial failures read by
// proxy-unreachable (sig_longtail.go).

func init() { sigGroups = append(sigGroups, sigsProxyConnect) }

func sigsProxyConnect() {
	register(
		&signature{
			id: "proxy-scheme-mismatch",
			// "proxyconnect tcp: tls: first record does not look like a TLS
			// handshake": HTTPS_PROXY names the proxy as https:// while the
			// proxy speaks plain HTTP, so the client's TLS hello gets an
			// HTTP answer (crypto/tls conn.go). Also the reverse and a proxy
			// that closes the CONNECT: "proxyconnect tcp: EOF".
			keys: []string{"proxyconnect tcp"},
			re:   lazyRe(`(?i)proxyconnect tcp: (?:tls: first record does not look like a TLS handshake|EOF\b|read: connection reset by peer|net/http: TLS handshake timeout)`),
			need: registryContext,
			veto: gitLike,
			rank: fixed(
				c("registry-unreachable", 0.86, "The client never reached the registry: the CONNECT through the configured HTTP(S) proxy failed. `tls: first record does not look like a TLS handshake` means the proxy URL says https:// while the proxy speaks plain HTTP (write HTTPS_PROXY=http://proxy:port); EOF or a reset means the proxy refused or dropped the tunnel (check NO_PROXY for the registry host and the proxy's allow-list)."),
				c("registry-fault", 0.3, "")),
		},
	)
}
