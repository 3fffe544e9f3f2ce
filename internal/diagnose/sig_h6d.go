package diagnose

import (
	"fmt"
	"regexp"
	"strings"
)

// Shapes from the sixth held-out batch (long-tail clients and registries):
// Gitea's package registry, an image index a registry does not take, and
// containers/image's signature upload.

func init() { sigGroups = append(sigGroups, sigsLongTail) }

func sigsLongTail() {
	register(
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
			re:   regexp.MustCompile(`(?i)(?:unauthorized: )?reqPackageAccess`),
			rank: func(h *hit, f *facts) []cand {
				return []cand{
					c("password-not-token", 0.72, fmt.Sprintf("%s's package registry refused the request at its package-access check: log in with a personal access token that has the package read/write scope (the account password is refused with 2FA and for organization packages).", hostName(h.host))),
					c("token-missing-scope", 0.55, ""),
					c("insufficient-role", 0.45, ""),
				}
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
