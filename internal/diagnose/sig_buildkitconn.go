package diagnose

import "strings"

// A BuildKit client that cannot open its gRPC connection to the BuildKit
// daemon it builds with: buildctl against a remote buildkitd
// (--addr tcp://…, kube-pod://…), buildx's remote driver, Earthly with a
// remote buildkit. The client's first call lists the daemon's workers
// (moby/buildkit client/workers.go wraps its error "failed to list
// workers"; buildctl adds "listing workers for Build: "), and gRPC words a
// failed connection "Unavailable: connection error: desc = "transport:
// …"" (BuildKit's grpcerrors form; grpc-go's own is "rpc error: code =
// Unavailable desc = connection error: …"). The transport detail is the
// dial to the builder (connection refused, i/o timeout, no such host) or
// the TLS handshake with it (mTLS certificates, moby/buildkit#3638): the
// registry was never contacted, so a refused connection or an untrusted
// certificate here says nothing about the registry.

func init() { sigGroups = append(sigGroups, sigsBuildkitConn) }

func sigsBuildkitConn() {
	register(
		&signature{
			id:   "buildkit-builder-connection",
			keys: []string{"failed to list workers"},
			re:   lazyRe(`(?i)failed to list workers: (?:rpc error: code = )?Unavailable(?::| desc =) connection error: desc = "?transport: ([^"]*)`),
			rank: func(h *hit, f *facts) []cand {
				detail := strings.ToLower(h.m[1])
				if strings.Contains(detail, "handshake") || strings.Contains(detail, "x509") || strings.Contains(detail, "tls:") {
					return []cand{c("daemon-unreachable", 0.86, "The build client's TLS handshake with its BuildKit daemon failed before any build step: the builder's server certificate is not signed by the CA given to the client (buildctl --tlscacert, buildx remote driver cacert=), or a TLS-terminating proxy or ingress sits in front of buildkitd and presents its own certificate. Fix the certificates between client and builder; the registry was not contacted and its certificate is not involved.")}
				}
				return []cand{c("daemon-unreachable", 0.86, "The build client could not connect to its BuildKit daemon: nothing answered at the builder's address (buildkitd not running, wrong host or port, the remote builder or its pod gone, a firewall between them). Check the builder endpoint (buildctl --addr, BUILDKIT_HOST, the buildx remote driver's endpoint); the registry was not contacted.")}
			},
		},
	)
}
