package diagnose

import (
	"fmt"
	"net/netip"
	"strings"
)

// What is left of a client message when an issue tracker, a forum or a
// kubelet event column wraps it over several lines, and what a refused
// connection on the HTTPS default port says about a private registry.
//
//   - containerd (and the kubelet, nerdctl, ctr) end a pull of a missing tag
//     with `failed to resolve reference "REF": REF: not found`
//     (remotes/docker/resolver.go wraps errdefs.ErrNotFound with the
//     reference). Wrapped, the last line holds only `REF: not found`: a
//     reference with a registry host (a dot or a port in its first
//     component) and a tag or digest, alone before ": not found".
//   - A tool that embeds containerd's resolver wraps the same `REF: not
//     found` in its own error context, so the line ends in ": REF: not
//     found" (or "VERB REF: not found", or inside a quoted msg="…")
//     after an error word: oc-mirror v1 pinning an operator
//     catalog's images ("FATAL error pinning images in catalog CATALOG:
//     REF: not found", openshift/oc-mirror#126). The resolver's own
//     "failed to resolve reference" and BuildKit's and helm's wrappers are
//     read by the manifest-unknown signature (sig_policy.go), which knows
//     their look-alikes (cache imports, signature tags, Accept refusals);
//     a push's "not found" is a local image the client could not find.
//   - A registry named by a private IPv4 address without a port is dialled
//     on 443 (docker, containerd and go-containerregistry default to HTTPS
//     there: distribution's registry.go, docker's insecure-registries doc).
//     "connection refused" means the host answered but nothing listens on
//     443: a registry installed plain-HTTP (Harbor's http-only install,
//     registry:2 published on 80) that the client was never told is
//     insecure. A time-out or no route is a network problem and keeps the
//     registry-unreachable reading.

func init() { sigGroups = append(sigGroups, sigsWrapTail) }

func sigsWrapTail() {
	register(
		&signature{
			id:       "ref-not-found-tail",
			keys:     []string{": not found"},
			re:       lazyRe(`(?i)^\s*` + remarkLead + `((?:[a-z0-9][\w-]*(?:\.[\w-]+)+(?::\d+)?|[a-z0-9][\w-]*:\d+)/(?:[\w.-]+/)*[\w.-]+(?::[\w.-]+|@sha256:[0-9a-f]+)): not found` + remarkTail + `\s*$`),
			refGroup: 1,
			veto:     []string{"falling back", "cache"},
			rank: func(h *hit, f *facts) []cand {
				h.op = opPull
				h.hostFromRef()
				return []cand{c("manifest-unknown", 0.8, fmt.Sprintf("%s has no such tag or digest in that repository (or hides it from this identity): the line is the end of containerd's \"failed to resolve reference … not found\".", hostName(h.host))),
					c("empty-reference-variable", 0.3, "")}
			},
		},
		&signature{
			id:       "ref-not-found-wrapped",
			keys:     []string{": not found"},
			re:       lazyRe(`(?i)\b(?:error|failed|fatal|unable to)\b.*?[\s:]((?:[a-z0-9][\w-]*(?:\.[\w-]+)+(?::\d+)?|[a-z0-9][\w-]*:\d+)/(?:[\w.-]+/)*[\w.-]+(?::[\w.-]+|@sha256:[0-9a-f]+)): not found"?` + remarkTail + `\s*$`),
			refGroup: 1,
			veto:     []string{"falling back", "cache"},
			rank: func(h *hit, f *facts) []cand {
				if resolverWrapperOwnForm(h.low) || signatureAttachmentRead(h) {
					return nil
				}
				h.op = opPull
				h.hostFromRef()
				return []cand{c("manifest-unknown", 0.78, fmt.Sprintf("%s has no such tag or digest in that repository (or hides it from this identity): the line ends in containerd's resolver error \"REF: not found\" inside the tool's own context.", hostName(h.host))),
					c("empty-reference-variable", 0.3, "")}
			},
		},
	)
}

// resolverWrapperOwnForm reports whether a line ending in "REF: not found"
// is a wrapper that another signature reads (the resolver's "failed to
// resolve", BuildKit's "failed to solve", oras-go's "on source:", helm's
// action names) or a push, whose "not found" is the local image.
func resolverWrapperOwnForm(low string) bool {
	for _, w := range []string{"failed to resolve", "failed to solve", "on source:", "installation failed", "upgrade failed", "push"} {
		if strings.Contains(low, w) {
			return true
		}
	}
	return false
}

// refusedDefaultHTTPS reports the private IPv4 address of a registry that
// refused a connection on port 443 when the client's URL named no port
// (https://ADDR/…), or "" when the line says anything else.
func refusedDefaultHTTPS(h *hit) string {
	i := strings.Index(h.low, ":443: connect: connection refused")
	if i < 0 {
		i = strings.Index(h.low, ":443: getsockopt: connection refused")
	}
	if i < 0 {
		return ""
	}
	addr := h.low[strings.LastIndexByte(h.low[:i], ' ')+1 : i]
	ip, err := netip.ParseAddr(addr)
	if err != nil || !ip.Is4() || !ip.IsPrivate() || !strings.Contains(h.low, "https://"+addr+"/") {
		return ""
	}
	return addr
}

// refusedDefaultHTTPSCands ranks a refused 443 on a private registry
// address (refusedDefaultHTTPS): a plain-HTTP registry first.
func refusedDefaultHTTPSCands(addr string) []cand {
	return []cand{c("http-https-mismatch", 0.72, fmt.Sprintf("%s answered but refused the connection on port 443, the HTTPS port the client picks for a registry named without a port: a private registry installed plain-HTTP (Harbor's http install, a registry on port 80) is the usual reason. List it in the daemon's insecure-registries (daemon.json) so the client speaks HTTP to it, or give it TLS; if it listens on another port, name the port in the login and the image reference.", addr)),
		c("registry-unreachable", 0.66, ""), c("registry-fault", 0.3, "")}
}
