package diagnose

import (
	"fmt"
	"strings"
)

// Messages of the OCI artifact and deploy tools that wrap a registry client
// (helm and oras-go v2, the devcontainer CLI, Porter), where the tool's own
// wording, not the registry's answer, tells the cause:
//
//   - oras-go v2's auth client: `GET "https://HOST/v2/…": unable to retrieve
//     credentials`: the credential store the docker config names
//     (credsStore/credHelpers) failed or is gone (oras-go
//     registry/remote/auth: the Credential func's error, wrapped so). The
//     request never went out with a credential.
//   - oras-go v2's reference parser: `invalid reference: invalid registry
//     "https://HOST/"`: a URL where a registry host belongs. helm 3.18.0
//     (the oras-go v2 move) rejected the https:// that `helm registry login`
//     had accepted until 3.17 and accepted again from 3.18.1
//     (helm/helm#30873, #30883); elsewhere the argument is simply not a
//     host.
//   - the devcontainer CLI's generated image name `vsc-FOLDER-HASH[-features]`
//     being pushed: `devcontainer build --push` with an image-based
//     devcontainer.json pushed its own local name instead of --image-name
//     (devcontainers/cli#543, #612, #791; fixed by #812): to docker.io/library
//     when the name has no host, refused there.
//   - Porter's pre-publish check `Publish stopped because detection of REF
//     in the destination registry failed`: Porter before v1.0 looked for an
//     existing bundle anonymously (getporter/porter#2365), and a registry
//     answers 401 for a repository that does not exist yet.
//   - helm's dependency download `could not download oci://…/NAME/NAME`: the
//     Chart.yaml dependency repository already ends with the chart name and
//     helm appends it again, so the path names a repository nobody pushed
//     (helm.sh/docs/topics/registries, "Specifying dependencies").
//   - Crossplane's package manager `cannot unpack package: failed to fetch
//     package digest from remote: … https://DEFAULT-REGISTRY/…` refused
//     (401/403/404) by its default registry: a package reference without a
//     registry host resolves to index.docker.io before Crossplane v1.15 and
//     to xpkg.upbound.io since (crossplane v1.15.0 release notes), so a
//     package published elsewhere (GHCR, xpkg.crossplane.io) is looked for
//     where it never was.

func init() { sigGroups = append(sigGroups, sigsArtifactTools) }

func sigsArtifactTools() {
	register(
		&signature{
			id:   "oras-credentials-unretrievable",
			keys: []string{"unable to retrieve credentials"},
			re:   lazyRe(`(?i)"?https?://[^\s"]+/v2/[^\s"]*"?: unable to retrieve credentials`),
			rank: fixed(
				c("credential-store-error", 0.84, "The client could not read a credential for this registry: the credential store ~/.docker/config.json names (credsStore/credHelpers, e.g. desktop, osxkeychain, pass) failed or is no longer installed. Remove the stale entry (or reinstall the helper), then log in again; helm and oras read the same file."),
				c("token-expired", 0.4, ""),
			),
		},
		&signature{
			id:   "reference-registry-is-url",
			keys: []string{"invalid reference"},
			re:   lazyRe(`(?i)invalid reference: invalid registry "((?:https?|oci)://[^"]*)"`),
			rank: func(h *hit, f *facts) []cand {
				arg := h.m[1]
				if helmLoginBefore(f, h.line()) {
					return []cand{
						c("client-bug", 0.82, fmt.Sprintf("helm registry login was given %q, a URL: helm 3.18.0 (moving to oras-go v2) rejects the scheme that earlier releases accepted, and 3.18.1 strips it again. Upgrade helm, or log in with the bare host.", arg)),
						c("invalid-reference", 0.6, ""),
					}
				}
				return []cand{
					c("invalid-reference", 0.8, fmt.Sprintf("The registry was given as %q, a URL: a registry is named by its host (and port) alone; keep the scheme for `oci://` chart references only.", arg)),
					c("client-bug", 0.5, ""),
				}
			},
		},
		&signature{
			id:   "devcontainer-generated-name-push",
			keys: []string{"vsc-"},
			re:   lazyRe(`(?i)(?:error pushing|failed to push|pushing|push refers to repository \[)\s*(?:[\w.-]+(?::\d+)?/)?(?:library/)?(vsc-[a-z0-9][a-z0-9._-]*-[0-9a-f]{24,64}(?:-features|-uid)?)\b`),
			rank: func(h *hit, f *facts) []cand {
				h.op = opPush
				return []cand{
					c("client-bug", 0.88, fmt.Sprintf("The push is of %s, the devcontainer CLI's generated local image name, not the --image-name you gave: with an image-based devcontainer.json, older CLIs pushed their own name (to docker.io/library when it has no host), which the registry refuses. Upgrade @devcontainers/cli (devcontainers/cli#812), or build without --push and push the tagged image.", h.m[1])),
					c("push-outside-namespace", 0.45, ""),
				}
			},
		},
		&signature{
			// A deploy tool's own wrapper in front of a registry refusal,
			// where the wrapper tells the cause: Porter's pre-publish
			// check (1), helm's dependency download (2-4), Crossplane's
			// package fetch from its default registry (5).
			id:      "tool-wrapped-refusal",
			wrapper: true, // most of helm's "could not download" lines are the wrapped message's to read
			keys:    []string{"publish stopped because detection", "could not download oci://", "cannot unpack package"},
			re: lazyRe(`(?i)(?:Publish stopped because detection of (\S+) in the destination registry failed` +
				`|could not download (oci://\S+?/([^/\s:]+)/([^/\s:]+)):` +
				`|cannot unpack package: .*?\bhttps://(index\.docker\.io|registry-1\.docker\.io|xpkg\.upbound\.io)/\S+)`),
			rank: func(h *hit, f *facts) []cand {
				low := h.low
				switch {
				case h.m[1] != "":
					h.op = opPush
					if !strings.Contains(low, "unauthorized") && !strings.Contains(low, "401") {
						return nil
					}
					return []cand{
						c("client-bug", 0.86, fmt.Sprintf("Porter's check for an existing %s before publishing asked the registry anonymously (Porter before v1.0 did not use the docker login credential for it) and the registry answers 401 for a repository that does not exist yet. Upgrade Porter, or publish with --force.", h.m[1])),
						c("no-login", 0.6, ""),
					}
				case h.m[2] != "":
					h.op = opPull
					if !strings.EqualFold(h.m[3], h.m[4]) || strings.Contains(low, "400 bad request") {
						// A 400 is the registry refusing the name itself
						// (Docker Hub's two-level names): the reference
						// reading ranks it.
						return nil
					}
					return []cand{
						c("manifest-unknown", 0.87, fmt.Sprintf("helm downloaded %s: the chart name %q appears twice because the Chart.yaml dependency repository already ends with it and helm appends the name. Set the dependency's repository to the path without the chart name.", h.m[2], h.m[4])),
						c("no-login", 0.5, ""),
					}
				}
				h.op = opPull
				if !strings.Contains(low, "401") && !strings.Contains(low, "unauthorized") && !strings.Contains(low, "403") &&
					!strings.Contains(low, "denied") && !strings.Contains(low, "404") && !strings.Contains(low, "not found") {
					return nil
				}
				return []cand{
					c("missing-registry-host", 0.8, fmt.Sprintf("Crossplane fetched the package from %s, its default registry: a package reference without a registry host resolves to index.docker.io before Crossplane v1.15 and to xpkg.upbound.io since, and the package is not published there. Write the package's registry host in spec.package (e.g. ghcr.io/ORG/NAME:TAG).", h.m[5])),
					c("manifest-unknown", 0.6, ""),
					c("no-login", 0.5, ""),
				}
			},
		},
	)
}

// helmLoginBefore reports whether a `helm registry login` ran before line n.
func helmLoginBefore(f *facts, n int) bool {
	for _, l := range f.logins {
		if l.Line <= n && strings.HasPrefix(l.Source, "helm") {
			return true
		}
	}
	return false
}
