package diagnose

import "strings"

// The docker daemon's wording of a registry refusal that carries the
// registry's own message, as vendor registries write it. dockerd prints the
// request it made and then the error the registry returned, code and message
// as the registry wrote them (moby/moby distribution/errors.go passes
// errcode.Error's "code: message" through): `Get
// "https://HOST/v2/NAME/manifests/REF": unauthorized: MESSAGE`, `Head
// "https://HOST/v2/NAME/manifests/REF": denied: MESSAGE`. Most registries use
// the distribution spec's stock messages, read by their own signatures
// ("authentication required", "requested access to the resource is denied");
// vendor registries write their own (registry.redhat.io "Please login to the
// Red Hat Registry using your Customer Portal credentials", nvcr.io a JSON
// error body with "Access Denied"). Those lines matched nothing and left the
// refusal unread. Generic: the signature reads a line only when no specific
// signature did, so a message with its own grammar keeps its own answer.

func init() { sigGroups = append(sigGroups, sigsRegistryMessage) }

func sigsRegistryMessage() {
	register(
		&signature{
			id:      "dockerd-registry-message",
			generic: true,
			// Keys shared with the bare forms (dockerd-bare-unauthorized,
			// bare-denied): no new prefilter word.
			keys: []string{": unauthorized", ": denied"},
			re:   dockerdRegistryMessageRe,
			veto: gitLike,
			rank: func(h *hit, f *facts) []cand {
				if registryMessageCode(h) == "denied" {
					return rankDenied(h, f) // as the bare "denied" after the request
				}
				return rankUnauthenticated(h, f) // as the bare "unauthorized" after the request
			},
			tell: func(h *hit, f *facts) string {
				if registryMessageCode(h) == "denied" {
					return tellDenied(h, f)
				}
				return tellUnauthenticated(h, f)
			},
		},
	)
}

// dockerdRegistryMessageRe is dockerd's request frame around a registry's
// own message: the request line names a repository object (manifests or
// blobs) under /v2/; the code is followed by a non-empty message. Docker
// before 20.10 leaves the URL unquoted.
var dockerdRegistryMessageRe = lazyRe(`(?i)(?:Head|Get) \\?"?https?://[^"\s]+/v2/[^"\s]+/(?:manifests|blobs)/[^"\s]+?\\?"?: (unauthorized|denied): \S`)

// registryMessageCode is the error code dockerd printed after the request
// ("unauthorized" or "denied", lower case), from the signature's match.
func registryMessageCode(h *hit) string {
	if len(h.m) > 1 {
		return strings.ToLower(h.m[1])
	}
	return ""
}
