package diagnose

import (
	"net/url"
	"strings"

	"github.com/regdoctor/regdoctor/internal/reghost"
)

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
	found := false
	eachContextBeyondHosts(low, func(string, int) bool {
		found = true
		return false
	})
	return found
}

// eachContextBeyondHosts calls fn with each occurrence of a registryContext
// fragment in low (a lowercase line) that lies outside the host names on it
// ("docker" always counts), and its byte offset, in registryContext order,
// until fn returns false.
func eachContextBeyondHosts(low string, fn func(frag string, i int) bool) {
	for _, frag := range registryContext {
		for from := 0; ; {
			i := strings.Index(low[from:], frag)
			if i < 0 {
				break
			}
			i += from
			from = i + 1
			if frag != "docker" && isHostLabelText(frag) && inHostName(low, i, i+len(frag)) {
				continue
			}
			if !fn(frag, i) {
				return
			}
		}
	}
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

// identityTokenURL reports whether the TLS failure of hit h is at an
// identity provider's OAuth token endpoint rather than a registry's token
// realm: the line's token URL (parseURL's Realm: a path ending in /token,
// /oauth2/token...) carries no service= (docker's token request names the
// registry as service: distribution's token auth spec, "Requesting a
// Token"), is not at a registry's own realm path (/v2/token, /v2/auth,
// /service/token, /jwt/auth) or a known registry host, and no reference or
// login in the log names its host (login.microsoftonline.com/…/token,
// oauth2.googleapis.com/token are Entra ID's and Google's OAuth endpoints,
// which cloud CLIs and SDKs call for their own APIs).
func identityTokenURL(h *hit, f *facts) bool {
	if !h.url.Realm || strings.Contains(h.low, "service=") || registryContextBeyondHosts(h.low) {
		return false
	}
	for _, raw := range findURLs(h.low, 4) {
		uf, ok := parseURL(raw)
		if !ok || !uf.Realm {
			continue
		}
		u, _ := url.Parse(strings.TrimRight(raw, ".:;")) // parseURL parsed the same text: no error, a host
		p := u.Path
		if strings.HasSuffix(p, "/v2/token") || strings.HasSuffix(p, "/v2/auth") || strings.HasSuffix(p, "/service/token") || strings.HasSuffix(p, "/jwt/auth") {
			return false
		}
		if reghost.Classify(uf.Host) != reghost.Distribution || f.refHostSeen(u.Host) {
			return false
		}
		for _, l := range f.logins {
			if sameRegistry(l.Host, uf.Host) {
				return false
			}
		}
		return true
	}
	return false
}

// appWordContext reports whether the only registry context of hit h's line
// is the word "push" or "pull" in an application's own message ("failed to
// push metrics", "notification push failed"): not followed by something a
// registry client names (a reference, a host, "image"), with no registry
// URL or reference on the line (a lone word such as "metrics" read after
// "failed to push" is none) and no registry line just before it. A
// registry client's push or pull names what it moves (docker's "failed to
// push REF", containerd's "pull image REF"); the TLS and network rules stay
// quiet for the application's own words.
func appWordContext(h *hit, f *facts) bool {
	if h.hasURL || strings.ContainsAny(h.ref.Raw, "/:.@") || (f.lastRegistry > 0 && f.lastRegistry < h.line() && h.line()-f.lastRegistry <= 5) {
		return false
	}
	found, other := false, false
	eachContextBeyondHosts(h.low, func(frag string, i int) bool {
		if frag != "push" && frag != "pull" || clientMoveWord(h.low[i+len(frag):]) {
			other = true
			return false
		}
		found = true
		return true
	})
	return found && !other
}

// clientMoveWord reports whether rest (the text after "push" or "pull")
// goes on as a registry client's: a reference or host after the word
// (optionally after "ing"/"ed"/"s", "image", "to" or "from"), a colon
// right after the word, or the word inside a longer one (kept as before:
// only the verb followed by an application's object or word is dropped).
func clientMoveWord(rest string) bool {
	for _, sfx := range []string{"ing", "ed", "es", "s"} {
		if strings.HasPrefix(rest, sfx) {
			rest = rest[len(sfx):]
			break
		}
	}
	if rest != "" && isHostByte(rest[0]) || strings.HasPrefix(rest, "_") || strings.HasPrefix(rest, ":") {
		return true // inside a longer word or name, or "failed to push: …" (a client's, what it moved unnamed): not an application's object
	}
	rest = strings.TrimLeft(rest, " \t")
	for _, w := range []string{"image ", "to ", "from ", "of "} {
		rest = strings.TrimPrefix(rest, w)
	}
	end := strings.IndexAny(rest, " \t\"'")
	if end < 0 {
		end = len(rest)
	}
	tok := strings.TrimRight(rest[:end], ":,;.")
	if tok == "" || strings.HasPrefix(tok, "http") || nonASCIIAt(tok) == 0 {
		return false
	}
	return strings.ContainsAny(tok, "/:.") && isHostByte(tok[0])
}
