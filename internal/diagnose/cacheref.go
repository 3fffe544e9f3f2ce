package diagnose

import (
	"fmt"
	"strings"

	"github.com/regdoctor/regdoctor/internal/reghost"
)

// Token refusals that the request itself explains:
//   - cacheOptionAsRef: BuildKit's cache export asked Docker Hub for a push
//     token on library/gha (or inline, local, registry, s3, azblob). A
//     --cache-to/--cache-from value without "type=" is parsed as a registry
//     cache reference (buildx: a bare value is "type=registry,ref=VALUE"), so
//     "gha" became docker.io/library/gha (docs.docker.com/build/cache/backends).
//   - publicOnlyTokenRefused: Microsoft Artifact Registry (mcr.microsoft.com,
//     token realm mcrprod.azurecr.io) serves only public images and hands out
//     anonymous pull tokens; a refused anonymous token there is the service's
//     answer, not a missing login (microsoft/containerregistry status notes).

// cacheBackendNames are BuildKit cache backend types (buildx build
// --cache-to type=NAME).
var cacheBackendNames = []string{"gha", "inline", "local", "registry", "s3", "azblob"}

func cacheOptionAsRef(h *hit, f *facts) []cand {
	if !strings.Contains(h.low, "error writing layer blob") && !strings.Contains(h.low, "exporting cache") {
		return nil
	}
	name := ""
	f.refs.each(func(r refSeen) {
		if r.Op != opPush || reghost.Normalize(r.Ref.Host) != "docker.io" {
			return
		}
		for _, b := range cacheBackendNames {
			if r.Ref.Repo == "library/"+b {
				name = b
			}
		}
	})
	if name == "" {
		return nil
	}
	h.op = opPush
	return []cand{
		c("missing-registry-host", 0.8, fmt.Sprintf("The cache export pushed to docker.io/library/%s: a --cache-to (or build-push-action cache-to) value written as %q without \"type=\" is read as a registry cache reference, and a name without a registry host goes to Docker Hub. Write it as type=%s (for example `cache-to: type=%s,mode=max`).", name, name, name, name)),
		c("no-login", 0.4, ""),
		c("push-outside-namespace", 0.35, ""),
	}
}

func publicOnlyTokenRefused(h *hit, status string) []cand {
	if !anonymousOnlyRegistry(h.host) {
		return nil
	}
	why := "Microsoft Artifact Registry serves only public images and issues anonymous pull tokens; its token service refusing one (" + orSome(status, "refused") + ") is an incident or throttling on the registry side, not a missing login. Retry later, or pull through a mirror."
	if status == "429" {
		return []cand{c("rate-limited", 0.8, why), c("registry-fault", 0.6, "")}
	}
	return []cand{c("registry-fault", 0.75, why), c("rate-limited", 0.5, "")}
}
