package diagnose

import (
	"strings"
)

// Shapes from the seventh held-out batch, part a (the shared corpus' mix,
// 2023-2026 clients): the Docker Engine's "error from registry:" wording of
// the containerd image store, GHCR's refusal of a token from another
// installation, and Google Container Registry's shutdown notice.

func init() { sigGroups = append(sigGroups, sigsH7a) }

func sigsH7a() {
	register(
		&signature{
			id: "daemon-registry-error",
			// The Docker Engine with the containerd image store (the default
			// of new installs since Docker 29, and Docker Desktop's) relays a
			// registry's error as "error from registry: MESSAGE"
			// (moby daemon/containerd/registry_errors.go translateRegistryError:
			// the distribution error's message, or its code's default
			// message, "- DETAIL" appended). The message is often only the
			// error code's word: "denied", "unauthorized", "unknown",
			// "unsupported". Generic: a line that goes on with a message a
			// specific signature knows ("requested access to the resource is
			// denied", "toomanyrequests: …") is read by that signature.
			generic: true,
			keys:    []string{"error from registry: "},
			re:      lazyRe(`(?i)error from registry: ?(.*)`),
			rank:    rankDaemonRegistryError,
		},
		&signature{
			id: "ghcr-installation-missing",
			// GHCR's refusal of a workflow token whose GitHub App
			// installation has no access to the package owner's namespace:
			// "denied: permission_denied: The requested installation does not
			// exist". The token is a repository's (a fork's, or another
			// organization's) and the image path names an owner it does not
			// belong to.
			keys: []string{"requested installation does not exist"},
			re:   lazyRe(`(?i)(?:denied: )?(?:permission_denied: )?The requested installation does not exist`),
			rank: rankGHCRNoInstallation,
			tell: func(*hit, *facts) string {
				return "A push from a fork, or an image name that hard-codes another owner, reaches GHCR with a token whose installation is not on that owner; a pull request from a fork fails the same way with a read-only token. The package's Manage Actions access only matters once the owner is right."
			},
		},
		&signature{
			id: "gcr-shutdown",
			// Container Registry's refusal after its shutdown: "Container
			// Registry is deprecated and shutting down, please use the auto
			// migration tool to migrate to Artifact Registry (gcloud artifacts
			// docker upgrade migrate --projects='P')". Effective March 18,
			// 2025, writing images to Container Registry is unavailable;
			// gcr.io repositories hosted on Artifact Registry keep working
			// (cloud.google.com/artifact-registry/docs/transition/setup-gcr-repo).
			keys: []string{"container registry is deprecated and shutting down"},
			re:   lazyRe(`(?i)Container Registry is deprecated and shutting down`),
			rank: fixed(
				c("registry-disabled", 0.86, "Google Container Registry is shut down for this project (writes refused since March 18, 2025): migrate it with `gcloud artifacts docker upgrade migrate --projects=PROJECT` (gcr.io repositories hosted on Artifact Registry), or push to a LOCATION-docker.pkg.dev repository."),
				c("repo-not-found", 0.4, ""),
			),
		},
	)
}

// rankDaemonRegistryError reads the message the Docker Engine relays after
// "error from registry:" by the registry error code it names
// (distribution spec error codes; moby translateRegistryError).
func rankDaemonRegistryError(h *hit, f *facts) []cand {
	msg := strings.TrimSpace(strings.ToLower(h.m[1]))
	word := msg
	if i := strings.IndexAny(word, " -:"); i > 0 {
		word = word[:i]
	}
	switch {
	case word == "unknown" || strings.HasPrefix(msg, "internal server error") || word == "unavailable" || strings.HasPrefix(msg, "service unavailable"):
		// UNKNOWN is the registry's catch-all code ("unknown error"): it
		// took the request and the credential and failed internally.
		return []cand{
			c("registry-fault", 0.72, "The registry answered with its catch-all error code (UNKNOWN, or unavailable): it accepted the request and the credential and failed internally. Retry; if it persists, the registry's own logs (storage, database, proxy in front) say why."),
			c("client-bug", 0.3, ""),
		}
	case word == "unsupported":
		// UNSUPPORTED: the registry does not implement what was sent, in a
		// push usually the manifest type (an OCI image index, attestations).
		return []cand{
			c("registry-fault", 0.66, "The registry answered UNSUPPORTED: it does not accept what was pushed, usually the manifest type (an OCI image index or attestation manifests from a multi-platform or provenance-enabled build). Push a single-platform image with provenance=false, or a registry that supports OCI indexes."),
			c("client-bug", 0.35, ""),
		}
	case word == "toomanyrequests" || strings.HasPrefix(msg, "too many requests"):
		return []cand{c("rate-limited", 0.86, "The registry refused the request for its rate limit (TOOMANYREQUESTS).")}
	case word == "unauthorized" || strings.HasPrefix(msg, "authentication required"):
		return rankUnauthenticated(h, f)
	case word == "denied" || strings.HasPrefix(msg, "access forbidden") || word == "forbidden" || strings.HasPrefix(msg, "permission denied"):
		return rankDenied(h, f)
	}
	return []cand{
		c("registry-fault", 0.45, "The registry refused the request with an error the daemon relays as is (error from registry): read the registry's message for the reason."),
	}
}

// rankGHCRNoInstallation ranks GHCR's "The requested installation does not
// exist": the workflow token's installation is not on the image's owner.
func rankGHCRNoInstallation(h *hit, f *facts) []cand {
	h.host = orSome(h.host, "ghcr.io")
	if f.prOrFork() {
		return []cand{
			c("fork-pr-readonly", 0.72, "The run comes from a fork (or Dependabot): its token belongs to the fork's installation, which GHCR does not find on the upstream owner of the package."),
			c("push-outside-namespace", 0.55, ""),
			c("ghcr-package-actions-access", 0.4, ""),
		}
	}
	return []cand{
		c("push-outside-namespace", 0.68, "GHCR finds no installation of this workflow's token on the owner the image path names: the token belongs to another repository's owner (a fork pushing to the upstream organization's name, or an image name hard-coded to another owner). Push to ghcr.io/<this repository's owner>/…, or run the publishing job only in the owning repository."),
		c("ghcr-package-actions-access", 0.5, ""),
		// A workflow token without packages: write meets the same answer
		// for a package it would create (the job's permissions block).
		c("gh-token-packages-permission", 0.45, ""),
		c("fork-pr-readonly", 0.42, ""),
	}
}

// registryLogHEAD reports whether low (a lowercased line) is a distribution
// registry's own access log of a HEAD request it answered with an error
// (`level=error msg="response completed with error" err.code="blob unknown"
// … http.request.method=HEAD … http.response.status=404`): clients check
// whether a blob exists with HEAD before uploading it, so the server logs
// one such "error" for every new layer of a successful push.
func registryLogHEAD(low string) bool {
	return strings.Contains(low, `msg="response completed with error"`) && strings.Contains(low, "http.request.method=head")
}
