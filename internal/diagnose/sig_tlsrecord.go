package diagnose

// TLS record integrity: Go's crypto/tls reports a record whose MAC does not
// verify as "local error: tls: bad record MAC" (this end received it) and
// relays the peer's alert as "remote error: tls: bad record MAC" (the other
// end received a damaged record from us). Either way the bytes changed in
// transit after the handshake: a network path that corrupts or rewrites
// traffic (a VM or WSL bridge, NIC offload, an MTU black hole, a VPN or an
// intercepting middlebox). The registry and the credential are not in
// question; another network passes (RFC 8446 §6.2, alert bad_record_mac).

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
}
