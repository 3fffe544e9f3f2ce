package diagnose

import "strings"

// A TLS failure counts as a registry's when its line holds registry context
// (registryContext: "push", "pull", "login", "image"...). Those words also
// occur inside host names that are not registries (Prometheus's
// pushgateway, push.example.com, login.microsoftonline.com): a fragment
// found only inside a host name is not context. "docker" stays context in
// a host name too (docker.io, docker.pkg.github.com, docker.corp: registry
// hosts).

// registryContextBeyondHosts reports whether low (a lowercase line) holds a
// registryContext fragment outside the host names on it.
func registryContextBeyondHosts(low string) bool {
	for _, frag := range registryContext {
		for from := 0; ; {
			i := strings.Index(low[from:], frag)
			if i < 0 {
				break
			}
			i += from
			if frag == "docker" || !isHostLabelText(frag) || !inHostName(low, i, i+len(frag)) {
				return true
			}
			from = i + 1
		}
	}
	return false
}

// inHostName reports whether low[i:j] lies inside a host name: a run of
// host name bytes ([a-z0-9.-]) around it that holds a dot between labels
// or is followed by ":PORT".
func inHostName(low string, i, j int) bool {
	l, r := i, j
	for l > 0 && isHostByte(low[l-1]) {
		l--
	}
	for r < len(low) && isHostByte(low[r]) {
		r++
	}
	w := strings.Trim(low[l:r], ".-")
	if strings.Contains(w, ".") {
		return true
	}
	return r+1 < len(low) && low[r] == ':' && '0' <= low[r+1] && low[r+1] <= '9'
}

// isHostLabelText reports whether s could be part of a host name (only
// host name bytes): "/v2/" and "failed to solve" cannot.
func isHostLabelText(s string) bool {
	for i := range len(s) {
		if !isHostByte(s[i]) {
			return false
		}
	}
	return true
}

func isHostByte(c byte) bool {
	return c == '.' || c == '-' || '0' <= c && c <= '9' || 'a' <= c && c <= 'z'
}

// tlsRegistryContext reports whether the TLS failure of hit h is a
// registry's: registry context outside host names on its line, or a
// registry line just before (the signatures' need rule).
func tlsRegistryContext(h *hit, f *facts) bool {
	if registryContextBeyondHosts(h.low) || strings.Contains(h.low, "download failed") {
		return true
	}
	return f.lastRegistry > 0 && h.line()-f.lastRegistry <= 5 && f.otherService < f.lastRegistry
}
