package diagnose

import "strings"

// TLS record integrity: Go's crypto/tls reports a record whose MAC does not
// verify as "local error: tls: bad record MAC" (this end received it) and
// relays the peer's alert as "remote error: tls: bad record MAC" (the other
// end received a damaged record from us). Either way the bytes changed in
// transit after the handshake: a network path that corrupts or rewrites
// traffic (a VM or WSL bridge, NIC offload, an MTU black hole, a VPN or an
// intercepting middlebox). The registry and the credential are not in
// question; another network passes (RFC 8446 §6.2, alert bad_record_mac).
//
// OpenSSL's SSL_R_WRONG_VERSION_NUMBER ("wrong version number") is the
// record layer finding no TLS record header in the first bytes the server
// sent: the port answered in plain HTTP (ssl/record/ssl3_record.c). Clients
// on OpenSSL print it in their own frames: Node ("write EPROTO
// …:error:1408F10B:SSL routines:ssl3_get_record:wrong version number",
// Renovate's docker datasource), curl ("error:0A00010B:SSL routines::wrong
// version number", OpenSSL 3), Python ("[SSL: WRONG_VERSION_NUMBER] wrong
// version number"). It is Go's "server gave HTTP response to HTTPS client"
// in OpenSSL's words (renovatebot/renovate#4753, #4536: an insecure registry
// on a port reached over https://).

func init() { sigGroups = append(sigGroups, sigsTLSRecord) }

func sigsTLSRecord() {
	register(&signature{
		id:   "tls-bad-record-mac",
		keys: []string{"tls: bad record mac"},
		re:   lazyRe(`(?i)(?:local|remote) error: tls: bad record MAC`),
		// dockerd's layer retries ("Download failed, retrying: local error:
		// tls: bad record MAC") and containerd's "failed to copy:" name no
		// registry word of their own.
		need: append([]string{"download failed", "failed to copy", "writing blob"}, registryContext...),
		veto: gitLike,
		rank: fixed(
			c("registry-unreachable", 0.72, "A TLS record from the registry arrived damaged (bad record MAC): the bytes changed on the network path after the handshake. That is the runner's network (a VM or WSL network bridge, NIC offload, MTU, a VPN or an intercepting proxy), not the registry or the credential; retry from another network or fix that path."),
			c("registry-fault", 0.35, ""),
		),
	})
	register(&signature{
		id: "openssl-wrong-version",
		// Issue trackers often cut the quote after "wrong version"
		// (renovatebot/renovate#4753), so OpenSSL 1.1's function name
		// carries the match; OpenSSL 3 drops the function name.
		keys: []string{"wrong version number", "get_record:wrong version"},
		re:   lazyRe(`(?i)(?:get_record:wrong version|SSL routines::wrong version number|\[SSL: WRONG_VERSION_NUMBER\])`),
		need: registryRequestWords,
		// Installers fetching the engine (get.docker.com) are not a
		// registry request.
		veto: append([]string{"get.docker.com", "download.docker.com"}, gitLike...),
		rank: func(h *hit, f *facts) []cand {
			if strings.Contains(h.low, "proxy") {
				// The same record error through a proxy URL written
				// https:// for a plain-HTTP proxy (sig_proxyconnect.go).
				return []cand{
					c("registry-unreachable", 0.8, "The TLS hello got a plain-HTTP answer on the way through the proxy: the proxy URL says https:// while the proxy speaks plain HTTP (write HTTPS_PROXY=http://proxy:port), so the registry was never reached."),
					c("http-https-mismatch", 0.45, ""),
				}
			}
			return []cand{
				c("http-https-mismatch", 0.86, "The client spoke HTTPS to a port that answers in plain HTTP (OpenSSL's \"wrong version number\": no TLS record came back): the registry is an insecure, plain-HTTP one. Configure this client to use http:// for it (Renovate: a hostRules entry with insecureRegistry for the exact host:port; curl or Python: an http:// URL), or serve the registry over TLS."),
				c("registry-unreachable", 0.4, ""),
			}
		},
	})
}
