package diagnose

import (
	"fmt"
	"strings"
)

// Go's net package on Windows reports a failed connect with the Winsock
// error text after "connectex:" (the ConnectEx call) instead of the Unix
// wording the registry-unreachable grammar reads ("connect: connection
// refused", "i/o timeout"): WSAETIMEDOUT "A connection attempt failed
// because the connected party did not properly respond after a period of
// time…", WSAECONNREFUSED "No connection could be made because the target
// machine actively refused it.", WSAENETUNREACH / WSAEHOSTUNREACH "A socket
// operation was attempted to an unreachable network/host."
// (learn.microsoft.com/windows/win32/winsock/windows-sockets-error-codes-2).
// Docker Desktop, Windows runners and Windows clients print them.

func init() { sigGroups = append(sigGroups, sigsWinsock) }

func sigsWinsock() {
	register(
		&signature{
			id:   "winsock-connect-failed",
			keys: []string{"connectex:"},
			re:   lazyRe(`(?i)connectex: (?:A connection attempt failed because the connected party did not properly respond|No connection could be made because the target machine actively refused it|A socket operation was attempted to an unreachable (?:network|host))`),
			need: append([]string{"lookup ***", "dial tcp ***"}, registryContext...),
			// The Docker Engine's own endpoint (npipe, tcp://localhost:2375)
			// refusing is the daemon, not a registry.
			veto: append([]string{"docker_engine", ":2375", ":2376", "docker daemon", "error during connect"}, gitLike...),
			rank: func(h *hit, f *facts) []cand {
				where := hostName(h.host)
				if helperRelaysNetError(h) {
					return []cand{c("registry-unreachable", 0.94, helperNetWhy(h))}
				}
				return []cand{
					c("registry-unreachable", 0.85, fmt.Sprintf("The connection to %s could not be made (Windows: the remote host did not answer, refused, or is on an unreachable network): DNS, routing, firewall, proxy, or the registry host is down.", where)),
					c("registry-fault", 0.35, ""),
				}
			},
		},
	)
}

// helperRelaysNetError reports whether the line is a credential helper's
// failure that relays its own network error: the helper ran (docker prints
// its output after "error storing/getting credentials - err: exit status 1,
// out:") and could not connect to the service it asked (Docker Desktop's
// helper signs in to Docker Hub's API when it stores a Docker Hub login; the
// ECR and GCR helpers call their cloud's token API). The credential-store
// signature names credential-store-error on the same line; naming it here
// too would count as corroboration, so the network reading comes alone.
func helperRelaysNetError(h *hit) bool {
	return strings.Contains(h.low, "error storing credentials") || strings.Contains(h.low, "error getting credentials")
}

func helperNetWhy(h *hit) string {
	return fmt.Sprintf("The credential helper ran, but its own request to %s could not connect: a network, firewall or proxy problem (DNS, a refused or timed-out connection), not the credential store. Check the proxy settings of the host (Docker Desktop's Resources > Proxies) and that the service is reachable.", hostName(h.host))
}
