package diagnose

import (
	"fmt"
	"strings"
)

// Registry answers whose status, not their error code, tells the cause:
//
//   - 405 Method Not Allowed on a push: the registry (or the endpoint the
//     client reached) does not accept writes. distribution answers 405 to
//     every write while `storage.maintenance.readonly` is on (its garbage
//     collection runs so), and a pull-through cache or a repository
//     manager's group/remote repository refuses uploads the same way
//     (distribution/distribution docs/configuration.md, "readonly").
//     dockerd prints the plain-text body it could not parse as JSON
//     (`error parsing HTTP 405 response body: invalid character 'M' …
//     "Method not allowed`), go-containerregistry's older transport
//     `unsupported status code 405; body: Method not allowed`, BuildKit
//     `unexpected status from POST request to URL: 405 Method Not Allowed`.
//   - a success status reported as an error (`unexpected error occured:
//     code=204 No Content`): the client accepts only 200 where the
//     distribution spec allows 201, 202 or 204 for the same request
//     (distribution-spec spec.md, "Pushing blobs": 202 Accepted, 201
//     Created; GCR answers some requests 204): a defect of that client.
//   - `no scope specified for token auth challenge`: containerd's docker
//     resolver (remotes/docker, used by oras 0.x, opm 1.8–1.9, wasme)
//     refused a Bearer challenge without a scope parameter, which
//     registries may omit (Oracle's OCIR, token proxies); later resolvers
//     request a token without one. A client defect, fixed by upgrading.

func init() { sigGroups = append(sigGroups, sigsOddStatus) }

func sigsOddStatus() {
	register(
		&signature{
			id:   "write-method-not-allowed",
			keys: []string{"method not allowed", "status code 405"},
			// Each form is tied to a registry request (dockerd's parse error
			// is its registry client's; the others name a /v2/ URL), so
			// that curl's or an API's 405 stays out.
			re:   lazyRe(`(?i)(?:error parsing HTTP 405 response body|/v2/\S*:? (?:unsupported|unexpected) status code:? 405\b|/v2/\S*"?: response status code 405\b|unexpected status from \w+ request to \S+/v2/\S*: 405 Method Not Allowed)`),
			veto: gitLike,
			rank: func(h *hit, f *facts) []cand {
				where := "the registry"
				if h.host != "" {
					where = h.host
				}
				return []cand{
					c("registry-fault", 0.8, fmt.Sprintf("%s answered 405 Method Not Allowed to a write: it does not accept pushes at this endpoint. A registry in read-only mode (distribution's storage.maintenance.readonly, set while garbage collection runs) or a pull-through cache / group or remote repository answers so; make the registry writable again or push to a hosted (writable) repository.", where)),
					c("insufficient-role", 0.4, ""),
				}
			},
		},
		&signature{
			id: "client-refused-valid-answer",
			// A success status reported as an error, and a Bearer
			// challenge refused for want of a scope: the client is too
			// strict for an answer the specs allow.
			keys: []string{"204 no content", "202 accepted", "no scope specified"},
			re:   lazyRe(`(?i)(?:\b(?:unexpected|error)\b.{0,80}?\b(?:code[=:]\s*|status(?: code)?:?\s*)(20[24])\s+(?:No Content|Accepted)\b|no scope specified for token auth challenge)`),
			need: registryContext,
			veto: gitLike,
			rank: func(h *hit, f *facts) []cand {
				if h.m[1] == "" {
					return []cand{c("client-bug", 0.84, "The client's resolver refused the registry's Bearer challenge because it names no scope: containerd's older docker resolver (embedded in oras 0.x, opm 1.8–1.9, wasme) required one, which registries may omit. Upgrade the client (or push with docker/oras 1.x)."),
						c("registry-fault", 0.4, "")}
				}
				return []cand{c("client-bug", 0.82, fmt.Sprintf("The client reported the registry's %s as an error: %s is a success answer the distribution spec allows for this request (202 Accepted starts an upload, 201 Created and 204 No Content complete writes), so the client's check is too strict. Upgrade the client, or push with another one.", h.m[1], h.m[1])),
					c("registry-fault", 0.4, "")}
			},
		},
	)
}

// schemeHostCands reads a registry host that is a URL scheme word: a tool
// built the login or push from `oci://HOST/…` (or https://) split at ':' and
// handed on "oci:", so the client looked up the host "oci" (Go's resolver:
// `lookup oci on RESOLVER: …`; the request `https://oci/v2/`). It is the
// wrapper's parsing, not the network: nil when the host is a real name.
func schemeHostCands(h *hit) []cand {
	low := h.low
	word := ""
	for _, w := range []string{"oci", "https", "http"} {
		if strings.Contains(low, "lookup "+w+" on ") || strings.Contains(low, "lookup "+w+":") || strings.Contains(low, "://"+w+"/v2/") {
			word = w
			break
		}
	}
	if word == "" {
		return nil
	}
	// The buildpacks lifecycle quotes the image name it was given ("connect
	// to repo store 'REF'", imgutil's remote.NewImage): when that name
	// itself is a URL, the scheme reached the reference parser from the
	// image parameter (a Git or web URL passed where an image reference
	// goes, buildpacks/tekton-integration#18), not from a wrapper's split.
	if strings.Contains(low, "repo store '"+word+"://") || strings.Contains(low, "repo store \""+word+"://") {
		return []cand{
			c("invalid-reference", 0.8, fmt.Sprintf("The image name the lifecycle was given is a URL (%s://…): an image reference has no scheme, so the parser took %q for the registry host. Pass registry/repository:tag as the image (the Tekton task's APP_IMAGE, pack's image argument), not the source repository's URL.", word, word)),
			c("client-bug", 0.4, ""),
			c("registry-unreachable", 0.3, ""),
		}
	}
	return []cand{
		c("client-bug", 0.86, fmt.Sprintf("The client looked up the host %q: a tool built the registry host from an %s:// URL split at ':' and passed the scheme as the host (helm registry login wants the bare host, helm push the oci:// URL). Fix or upgrade the wrapper (semantic-release plugin, CI template) that builds the command, or pass the bare registry host.", word, word)),
		c("invalid-reference", 0.55, ""),
		c("registry-unreachable", 0.35, ""),
	}
}
