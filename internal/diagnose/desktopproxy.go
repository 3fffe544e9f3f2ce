package diagnose

import "strings"

// desktopProxyRefused reads a proxyconnect failure whose proxy is Docker
// Desktop's own: the engine in Desktop's VM sends registry traffic through
// Desktop's built-in HTTP proxy, http.docker.internal:3128 (192.168.65.1:3128
// on Desktop's default VM network), which relays to the host's proxy or
// straight out. A refusal there is Desktop's proxy component, not a proxy
// the user runs: Desktop 4.8 shipped a regression that made the engine use
// it while it was not serving (docker/for-win, docker/for-mac reports, fixed
// in the next release); restarting or upgrading Desktop, not the host's
// proxy settings, is the fix. Other dial failures (a timeout, no route) to
// the same address keep the network reading.
func desktopProxyRefused(h *hit) []cand {
	if !desktopProxyRefusal(h.low) {
		return nil
	}
	return []cand{
		c("client-bug", 0.7, "The engine's registry traffic went to Docker Desktop's built-in HTTP proxy (http.docker.internal:3128 / 192.168.65.1:3128 inside Desktop's VM), which refused the connection: Desktop's own proxy component was not serving (Docker Desktop 4.8 shipped this as a regression). Restart or upgrade Docker Desktop and check its Resources > Proxies setting; the host's proxy is not involved."),
		c("registry-unreachable", 0.6, ""),
	}
}

// desktopProxyRefusal reports whether low (a lowercase line) is a refused
// connection to Docker Desktop's built-in proxy (desktopProxyRefused).
func desktopProxyRefusal(low string) bool {
	return strings.Contains(low, "connection refused") &&
		containsAny(low, []string{"dial tcp 192.168.65.1:3128:", "dial tcp http.docker.internal:3128:", "http.docker.internal:3128: connect"})
}
