package diagnose

import (
	"fmt"
)

// Shapes from the seventh held-out batch, part c (negatives first: the
// registry failures that sit in the same jobs as other tools' refusals):
// GitHub's integration-permission text as a registry's denied answer, a
// registry's malformed upload Range header, and GHCR's placeholder scope in
// a refused anonymous token request.

func init() { sigGroups = append(sigGroups, sigsH7c) }

func sigsH7c() {
	register(
		&signature{
			id: "github-integration-denied",
			// GitHub's package registries (ghcr.io, docker.pkg.github.com)
			// answering a workflow token with the REST API's permission text
			// as the registry error "denied: Resource not accessible by
			// integration". Without the "denied: " error code the same text
			// is GitHub's REST API (a release upload, a git push through the
			// API), which is not a registry answer.
			keys: []string{"denied: resource not accessible"},
			re:   lazyRe(`(?i)denied: Resource not accessible by integration`),
			// The REST API's own clients (octokit's HttpError, gh) name the
			// API; "Permission denied: …" is a tool's wording, not the
			// registry's error code.
			veto: []string{"httperror", "api.github.com", "octokit", "permission denied: resource"},
			rank: func(h *hit, f *facts) []cand {
				if len(f.perms) > 0 || f.prOrFork() {
					return rankGHCRWrite(h, f, true)
				}
				return []cand{
					c("gh-token-packages-permission", 0.66, "GitHub's package registry refused the workflow token with GitHub's integration-permission answer: the job's GITHUB_TOKEN most likely lacks packages: write."),
					c("registry-fault", 0.5, "GitHub Packages has given this answer to unchanged workflows during incidents; if the workflow worked before and the token's permissions did not change, rerun or check githubstatus.com."),
					c("ghcr-package-actions-access", 0.45, ""),
				}
			},
			tell: func(h *hit, f *facts) string {
				return tellGHCRWrite(h, f) + " A workflow that pushed with the same permissions before and fails now everywhere points at GitHub (registry-fault)."
			},
		},
		&signature{
			id: "upload-bad-range",
			// The registry client's blob upload reads the registry's Range
			// header ("0-N", the bytes it holds) after each chunk and stops
			// on one it cannot parse: "bad range format: 0--1" (distribution's
			// registry/client blob_writer.go). An empty upload reported as
			// the inverted range 0--1 is a registry (or a reverse proxy in
			// front of it) defect; Gitea 1.24.0 answered so.
			keys: []string{"bad range format: "},
			re:   lazyRe(`(?i)bad range format: \S*`),
			need: []string{"buildx", "buildkit", "failed to solve", "push", "/v2/", "blob", "upload", "docker", "containerd", "nerdctl"},
			rank: fixed(
				c("registry-fault", 0.78, "The registry's answer to a blob upload carried a Range header the client could not read (an inverted or empty range): a defect of the registry or of a proxy in front of it, not of the credential or the image. Upgrade the registry, or push through a path without the proxy."),
				c("client-bug", 0.4, ""),
				c("registry-unreachable", 0.3, "")),
		},
	)
}

// ghcrPlaceholderScope reads a refused anonymous token request that asks,
// beside the image's repository, for repository:user/image:pull: the
// placeholder scope GHCR's /v2/ challenge names (it is no repository). A
// client that carries the ping's scope into the token request and sends an
// empty credential with it is refused where an anonymous pull of a public
// package works; helm 3.13.0 and 3.13.1 did so (helm/helm#12424, fixed in
// 3.13.2). nil when the shape does not apply.
func ghcrPlaceholderScope(h *hit, anonymous bool) []cand {
	if !anonymous || !h.url.Realm || len(h.url.Scopes) < 2 {
		return nil
	}
	placeholder, other := false, ""
	for _, s := range h.url.Scopes {
		if s.Name == "user/image" {
			placeholder = true
		} else if other == "" {
			other = s.Name
		}
	}
	if !placeholder || other == "" {
		return nil
	}
	return []cand{
		c("client-bug", 0.72, fmt.Sprintf("The anonymous token request for %s also asks for repository:user/image:pull, the placeholder scope of GHCR's /v2/ challenge: the client carried the ping's scope over and sent an empty credential, which GHCR refuses while it gives public packages an anonymous token. helm 3.13.0 and 3.13.1 did this (helm/helm#12424): upgrade helm to 3.13.2 or later.", other)),
		c("no-login", 0.55, ""),
		c("manifest-unknown", 0.35, ""),
	}
}
