package diagnose

import (
	"fmt"
	"strings"

	"github.com/regdoctor/regdoctor/internal/reghost"
)

// Shapes from the sixth held-out batch (long-tail clients and registries):
// Gitea's package registry, an image index a registry does not take, and
// containers/image's signature upload.

func init() { sigGroups = append(sigGroups, sigsLongTail) }

func sigsLongTail() {
	register(
		&signature{
			id: "bearer-challenge-missing",
			// A client that implements only token (Bearer) auth, facing a
			// registry that challenges with Basic (ECR, Artifactory,
			// htpasswd registries): Apple's container CLI says "missing
			// Bearer challenge in WWW-Authenticate header".
			keys: []string{"bearer challenge"},
			re:   lazyRe(`(?i)missing Bearer challenge`),
			rank: func(h *hit, f *facts) []cand {
				return []cand{
					c("client-bug", 0.74, fmt.Sprintf("%s answered with a challenge that is not a Bearer one (ECR, Artifactory and htpasswd registries ask for Basic auth on some requests), and this client handles only Bearer token auth on that request: a defect of the client's auth path. Use another client (docker, skopeo, crane) or a release that handles Basic challenges.", hostName(h.host))),
					c("no-login", 0.45, ""),
					c("bad-credentials", 0.35, ""),
				}
			},
		},
		&signature{
			id: "harbor-project-not-found",
			// Harbor answers a request for a project it does not have with
			// 401 UNAUTHORIZED "project NAME not found" (go-containerregistry
			// prints "POST URL: UNAUTHORIZED: project NAME not found").
			keys: []string{"unauthorized: project "},
			re:   lazyRe(`(?i)unauthorized: project \S+ not found`),
			rank: func(h *hit, f *facts) []cand {
				if strings.Contains(h.low, "mount=") && strings.Contains(h.low, "from=") {
					return []cand{
						c("client-bug", 0.78, fmt.Sprintf("The refused request is a cross-repository blob mount into %s whose source (from=) is a repository path of the source registry, which %s does not have as a project; the client should upload the blob instead of giving up (go-containerregistry/crane 0.10 did). Upgrade the client, or copy without mounting.", orSome(h.repo(), "the repository"), hostName(h.host))),
						c("repo-not-found", 0.45, ""),
					}
				}
				return []cand{
					c("repo-not-found", 0.8, fmt.Sprintf("%s has no such project (Harbor answers a project it does not have with 401): create the project first, or fix the first path component.", hostName(h.host))),
					c("insufficient-role", 0.45, ""),
					c("no-login", 0.4, ""),
				}
			},
		},
		&signature{
			id: "dockerd-bare-unauthorized",
			// dockerd's answer when the registry's 401 carries no error
			// detail: `Head "https://HOST/v2/NAME/manifests/TAG": unauthorized`
			// (GHCR for a package that is not public). Also when a logfmt
			// logger (watchtower, controllers) quotes it inside error="…"
			// with escaped quotes and more key=value fields follow, and the
			// registry's doubled "unauthorized: Unauthorized".
			keys: []string{": unauthorized"},
			re:   lazyRe(`(?i)(?:Head|Get) \\?"?https?://[^"\s]+/v2/[^"\s]+"?: unauthorized(?:: unauthorized)?\.?(?:\s*$|\\?"(?:\s+[\w.-]+=|\s*$))`),
			rank: rankUnauthenticated,
			tell: tellUnauthenticated,
		},
		&signature{
			id: "proxy-unreachable",
			// Go's HTTP client through a configured proxy that does not
			// answer: "proxyconnect tcp: dial tcp ADDR: connect: …" (the
			// address may be a name or a placeholder in a quoted log).
			keys: []string{"proxyconnect tcp"},
			re:   lazyRe(`(?i)proxyconnect tcp: dial tcp(?: \S+:)? (?:connect: )?(?:connection refused|no route to host|network is unreachable|i/o timeout|operation timed out)|proxyconnect tcp: dial tcp: lookup \S+(?: on \S+)?: no such host`),
			need: registryContext,
			veto: gitLike,
			rank: func(h *hit, f *facts) []cand {
				if cs := desktopProxyRefused(h); cs != nil {
					return cs // Docker Desktop's own proxy (desktopproxy.go)
				}
				return []cand{c("registry-unreachable", 0.87, "The HTTP(S) proxy the client is configured with did not answer (proxyconnect): its address is wrong or not reachable from where the request runs — a rootless or containerized daemon has its own network namespace and does not see the host's 127.0.0.1."),
					c("registry-fault", 0.3, "")}
			},
		},
		&signature{
			id: "http-request-failed-404",
			// Apple's container CLI (its containerization library) words a
			// registry status as "HTTP request to URL failed with response:
			// STATUS"; 401 and 403 are read by the generic status
			// signatures, a 404 had no grammar.
			keys: []string{"failed with response: 404"},
			re:   lazyRe(`(?i)HTTP request to https?://\S+/v2/\S+ failed with response: 404`),
			rank: func(h *hit, f *facts) []cand {
				if h.url.Object == "manifests" && h.op != opPush {
					return []cand{c("manifest-unknown", 0.7, fmt.Sprintf("%s answered 404 Not Found for the manifest: no such tag or digest in that repository (or no such repository).", hostName(h.host))),
						c("repo-not-found", 0.5, ""), c("invalid-reference", 0.35, "")}
				}
				return []cand{c("repo-not-found", 0.62, fmt.Sprintf("%s answered 404 Not Found to the push: the repository path is not one it serves.", hostName(h.host))),
					c("manifest-unknown", 0.45, ""), c("registry-disabled", 0.35, "")}
			},
		},
		&signature{
			id: "gitea-package-access",
			// Gitea's container registry names the route check that refused
			// the request: "unauthorized: reqPackageAccess" to the client,
			// "401 Unauthorized … (…reqPackageAccess…)" in its own router log
			// (its packages/api.go middleware). Gitea takes a login with the
			// account password only without 2FA; otherwise, and for
			// organizations' packages, a personal access token with the
			// package scope (docs.gitea.com/usage/packages/container).
			keys: []string{"reqpackageaccess"},
			re:   lazyRe(`(?i)(?:unauthorized: )?reqPackageAccess`),
			rank: func(h *hit, f *facts) []cand {
				cs := []cand{
					c("password-not-token", 0.72, fmt.Sprintf("%s's package registry refused the request at its package-access check: log in with a personal access token that has the package read/write scope (the account password is refused with 2FA and for organization packages).", hostName(h.host))),
					c("token-missing-scope", 0.55, ""),
				}
				if state, _ := f.loginState(h.line(), h.host); state == "none" {
					// No login anywhere before the refusal: the check also
					// refuses a request that carries no credential at all
					// (a pusher that reads none from the docker config).
					cs = append(cs, c("no-login", 0.5, ""))
				}
				return append(cs, c("insufficient-role", 0.45, ""))
			},
			tell: func(*hit, *facts) string {
				return "An account password (or a token without the package scope) stops at Gitea's package-access check; a personal access token with write:package and membership of the owning organization pass it. A reverse proxy that drops the Authorization header fails it too."
			},
		},
	)
}

// rankIndexCommit404 reads containerd's (BuildKit's, nerdctl's) 404 on
// committing an image index (`failed commit on ref "index-sha256:…"`).
// containerd pushes an index's children (layers, config, the per-platform
// manifests) before the index itself (remotes/handlers.go PushContent:
// "parent always uploaded after child"), so the repository took them and
// exists; the registry
// does not accept the index (an OCI image index or Docker manifest list,
// from a multi-platform build, attestations or the containerd image
// store). nil when the shape does not apply.
func rankIndexCommit404(h *hit, f *facts) []cand {
	if !strings.Contains(h.low, `failed commit on ref "index-`) {
		return nil
	}
	took := "took the image's layers and platform manifests"
	if f.lastTransfer > 0 && f.lastTransfer < h.line() {
		took = fmt.Sprintf("took the image's layers (line %d) and platform manifests", f.lastTransfer)
	}
	return []cand{
		c("registry-fault", 0.7, fmt.Sprintf("%s %s but answered 404 to the image index: it does not accept multi-platform indexes (manifest lists) in that repository. Upgrade the registry, or push a single-platform image (one --platform value, provenance=false, docker without the containerd image store).", hostName(h.host), took)),
		c("repo-not-found", 0.45, ""),
		c("client-bug", 0.4, ""),
	}
}

// signatureTagLookup reports containers/image's lookup of the sigstore
// signature tag (`writing signatures: reading manifest sha256-….sig in
// REPO: …`) that failed after the image itself was written.
func signatureTagLookup(h *hit) bool {
	return strings.Contains(h.low, "writing signatures: reading manifest sha256-")
}

// rankDefaultRegistryElsewhere reads a refusal from a registry the log
// never named: the command gave the image without a registry host, and the
// client's default registry (Fedora/RHEL docker's --add-registry search
// list, podman's unqualified-search-registries) resolved it to another
// host than the one logged in to. nil when the log has no such
// unqualified reference of the same repository.
func rankDefaultRegistryElsewhere(h *hit, f *facts, l login) []cand {
	if h.ref.Host == "" || reghost.Normalize(h.ref.Host) == "docker.io" || h.ref.Repo == "" {
		return nil
	}
	var typed refSeen
	f.refs.each(func(r refSeen) {
		if r.Ref.Host == "" && r.Line < h.line() && strings.EqualFold(strings.TrimPrefix(r.Ref.Repo, "library/"), strings.TrimPrefix(h.ref.Repo, "library/")) {
			typed = r
		}
	})
	if typed.Line == 0 {
		return nil
	}
	return []cand{
		c("missing-registry-host", 0.86, fmt.Sprintf("Line %d names %s without a registry host, and the client resolved it to %s (its default registry list), not %s where the login ran (line %d): put the intended registry host in the reference.", typed.Line, typed.Ref.Raw, hostName(h.ref.Host), l.Host, l.Line), loginEv(l)),
		c("login-wrong-host", 0.6, ""),
		c("no-login", 0.4, ""),
	}
}

// ghcrStaleCredential reads GHCR's token endpoint refusing (403) a request
// that asks only to pull: with a credential GHCR cannot accept (an expired
// or revoked PAT stored by an earlier login) the token request fails, while
// an anonymous one gets a token for public packages. nil for push scopes
// (the GITHUB_TOKEN and package rankings apply).
func ghcrStaleCredential(h *hit) []cand {
	if !h.url.Realm || len(h.url.Scopes) == 0 || h.op == opPush {
		return nil
	}
	for _, s := range h.url.Scopes {
		for _, a := range s.Actions {
			if a != "pull" {
				return nil
			}
		}
	}
	return []cand{
		c("token-expired", 0.68, "GHCR refused the token request for a pull (403): a stored ghcr.io credential was sent and refused — most often an expired or revoked personal access token from an earlier login (public packages need none). Log in again with a current token, or log out."),
		c("bad-credentials", 0.5, ""),
		c("no-login", 0.38, ""),
	}
}

// acceptRefused reports a registry's MANIFEST_UNKNOWN that says it holds
// the manifest but not in a media type the request accepts (ACR: "OCI
// artifact found, but accept header does not support OCI artifacts").
func acceptRefused(h *hit) bool {
	return strings.Contains(h.low, "accept header does not support")
}

// ecrPublicStalePull reads ECR Public refusing (403) a pull: its public
// repositories need no login, and a 403 comes from an old ECR Public token
// (they last 12 hours) that docker or helm still sends from an earlier
// login (AWS ECR Public troubleshooting: log out of public.ecr.aws). nil
// for pushes.
func ecrPublicStalePull(h *hit) []cand {
	if h.op == opPush || strings.Contains(h.low, "blobs/uploads") {
		return nil
	}
	return []cand{
		c("token-expired", 0.72, "Amazon ECR Public answered 403 to a pull: public repositories need no login, so the client sent a stored ECR Public token that has expired (they last 12 hours). Log out of public.ecr.aws (docker logout / helm registry logout) or log in again."),
		c("bad-credentials", 0.45, ""),
		// The refused credential may come from a credential helper that
		// the config names for public.ecr.aws (credHelpers) and that
		// serves another registry's tokens.
		c("credential-store-error", 0.4, "If the Docker config names a credential helper for public.ecr.aws (credHelpers), that helper supplied the refused token: remove the entry or use a helper that serves ECR Public."),
		c("manifest-unknown", 0.35, ""),
	}
}

// helmPullHostRe is helm's (oras-go v0.4) pull failure: "pulling from host
// HOST failed with status code [manifests TAG]: STATUS" names the registry
// without a URL; containerd's tag lister (core/remotes/docker/lister.go)
// prints the same without the path: "... failed with status code: STATUS".
var helmPullHostRe = lazyRe(`pulling from host (\S+) failed with status code(?: \[(?:manifests|blobs) |: )`)

// helmPullHost sets the hit's registry and operation from helm's pull
// failure when the line has no URL.
func helmPullHost(h *hit) {
	if h.host != "" || !strings.Contains(h.low, "pulling from host ") {
		return
	}
	if m := helmPullHostRe.FindStringSubmatch(h.texts[0]); m != nil {
		h.host, h.op = reghost.Normalize(m[1]), opPull
	}
}
