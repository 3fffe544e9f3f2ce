package diagnose

import (
	"fmt"
)

// Registry failures the OCI artifact and deploy tools word themselves,
// before any request or around the registry's answer: Helm's check of an
// OCI remote, the Dev Containers CLI's fetch of a Feature, Kubewarden's
// Wasm module fetch, and the docker
// CLI's argument count when the reference it was given expanded away.

func init() { sigGroups = append(sigGroups, sigsClientWording) }

func sigsClientWording() {
	register(
		&signature{
			id: "helm-oci-scheme-missing",
			// Helm 3.8+ `helm push CHART REMOTE` needs REMOTE as an OCI
			// reference with its scheme: "Error: scheme prefix missing from
			// remote (e.g. \"oci://\")" (helm pkg/pusher, oras remote
			// parsing). A repository alias (`helm repo add` name, the
			// chart-museum plugin's `helm push CHART REPO`) or a bare host is
			// refused before any request.
			keys: []string{"scheme prefix missing from remote"},
			re:   lazyRe(`(?i)scheme prefix missing from remote`),
			rank: fixed(
				c("invalid-reference", 0.8, "Helm's push target is not an OCI reference: `helm push CHART oci://REGISTRY/NAMESPACE` wants the oci:// scheme and the registry host, not a repository alias or a bare name (helm.sh/docs/topics/registries). Write the full oci:// remote."),
				c("empty-reference-variable", 0.4, ""),
			),
		},
		&signature{
			id: "devcontainer-feature-access",
			// The Dev Containers CLI (containers.dev, devcontainers/cli)
			// fetching a Feature or Template from an OCI registry: "ERR:
			// Feature 'REF' could not be processed. You may not have
			// permission to access this Feature, or may not be logged in."
			// It prints this for any failed manifest fetch; GHCR answers an
			// anonymous fetch of a private (or missing) package so.
			keys: []string{"may not have permission to access this feature"},
			re:   lazyRe(`(?i)Feature '([^']+)' could not be processed\. You may not have permission to access this Feature`),
			rank: func(h *hit, f *facts) []cand {
				h.ref = parseRef(h.m[1])
				h.hostFromRef()
				return []cand{
					c("manifest-unknown", 0.62, fmt.Sprintf("The Dev Containers CLI could not fetch the Feature %s: the package is private (the default for a newly published GHCR package) or the reference names a version or repository that does not exist. The Feature's publisher makes the package public; check the reference and version against the publisher's registry.", h.m[1])),
					c("no-login", 0.5, "If the Feature is private on purpose, log in to its registry before the build (docker login, or DEVCONTAINERS_OCI_AUTH)."),
				}
			},
		},
		&signature{
			id: "wasm-policy-fetch-decode",
			// Kubewarden's policy fetcher (policy-server, kwctl; the Rust
			// oci-distribution client) pulling a Wasm module from an OCI
			// registry: "could not download Wasm module: error decoding
			// response body: missing field `detail` …". The registry answered
			// with an error whose JSON the client could not parse (GCR's and
			// others' error bodies leave out `detail`), so the client hides
			// the registry's reason; it adds a misleading "host is not an
			// insecure source" hint (kubewarden/policy-server#59).
			keys: []string{"could not download wasm module: error decoding"},
			re:   lazyRe(`(?i)could not download Wasm module: error decoding response body`),
			rank: fixed(
				c("client-bug", 0.6, "The Wasm module fetcher could not parse the registry's error answer and shows no reason (older Kubewarden policy-fetcher releases expected a `detail` field the registry leaves out); the TLS hint after it is misleading. Upgrade kwctl/policy-server to see the registry's answer; meanwhile check the reference (a missing tag, a repository that does not exist) with crane or oras."),
				c("manifest-unknown", 0.52, "A reference without a tag, or a tag that does not exist, is the usual answer the client failed to parse."),
				c("no-login", 0.4, ""),
			),
		},
		&signature{
			id: "docker-cli-missing-reference",
			// The docker CLI (cobra's ExactArgs) when `docker push $IMAGE` or
			// `docker pull $IMAGE` got no word at all: "\"docker push\"
			// requires exactly 1 argument." (`docker tag SRC $DST`: "exactly
			// 2 arguments"). An unquoted variable that
			// expanded to nothing is split away by the shell, so the CLI sees
			// no reference.
			keys: []string{`push" requires exactly 1 argument`, `pull" requires exactly 1 argument`, `tag" requires exactly 2 arguments`},
			re:   lazyRe(`"docker (?:image )?(push|pull)" requires exactly 1 argument|"docker (?:image )?(tag)" requires exactly 2 arguments`),
			rank: func(h *hit, f *facts) []cand {
				cmd := h.m[1] + h.m[2]
				if cmd != "pull" {
					h.op = opPush
				}
				// No reference was given: the CLI's usage text that follows
				// ("docker push [OPTIONS] NAME[:TAG]") is no image.
				h.ref, h.host = imageRef{}, ""
				return []cand{
					c("empty-reference-variable", 0.72, fmt.Sprintf("docker %s got fewer image references than it needs: the variable that should hold one expanded to nothing and the shell dropped the empty word. Check the step that sets it (a version or tag computed earlier that came out empty), and quote it (\"$IMAGE\") so an empty value fails with a clear message.", cmd)),
					c("invalid-reference", 0.35, ""),
				}
			},
		},
	)
}
