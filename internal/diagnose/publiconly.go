package diagnose

import "strings"

// Registries that serve only anonymous pulls have no credential a client
// could be missing: Microsoft Artifact Registry (mcr.microsoft.com, served
// from the mcrprod ACR; "MCR does not require authentication",
// github.com/microsoft/containerregistry). An authentication demand or a
// refused anonymous token from it is the registry's own failure (an
// incident), whatever wording the client gives it.

// anonymousOnlyRegistry tells whether host (any case) is such a registry:
// mcr.microsoft.com, a regional *.mcr.microsoft.com, or its token realm's
// host mcrprod.azurecr.io.
func anonymousOnlyRegistry(host string) bool {
	host = lower(host)
	return host == "mcr.microsoft.com" || strings.HasSuffix(host, ".mcr.microsoft.com") || host == "mcrprod.azurecr.io"
}

// publicOnlyHost tells whether the hit is about an anonymous-only registry:
// by its host, or, when no host was read, by such a host's path on its line.
func publicOnlyHost(h *hit) bool {
	if anonymousOnlyRegistry(h.host) {
		return true
	}
	return h.host == "" && (strings.Contains(h.low, "mcr.microsoft.com/") || strings.Contains(h.low, "mcrprod.azurecr.io/"))
}

// publicOnlyCand puts registry-fault first when an anonymous-only registry
// answered as if a credential were missing or wrong.
func publicOnlyCand(h *hit, cs []cand) (cand, bool) {
	if len(cs) == 0 || !publicOnlyHost(h) {
		return cand{}, false
	}
	top := strongest(cs)
	if !authCauses[top.cause] && top.cause != "login-wrong-host" {
		return cand{}, false
	}
	w := top.w + 0.04
	if w > 0.95 {
		w = 0.95
	}
	return c("registry-fault", w, "mcr.microsoft.com serves its images to anonymous clients only and never needs a login: an authentication demand or a refused anonymous token from it is a service incident on Microsoft's side (check the Azure status page and github.com/microsoft/containerregistry), not the job's credential. Retry later, or pull through a mirror you control."), true
}
