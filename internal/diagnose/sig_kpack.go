package diagnose

import (
	"fmt"
	"strings"
)

// kpack (buildpacks-community/kpack, Cloud Foundry for Kubernetes, Tanzu Build
// Service) checks, before it builds, that the Build's service-account secrets
// can write the tag; its build-init "prepare" step prints the refusal as
// "prepare:main.go:N: invalid credentials to build to TAG"
// (kpack cmd/build-init; the tag as written in the Image/Build spec).
// kpack-cli words the same check for the credentials of the machine running
// `kp` as "invalid credentials, ensure registry credentials for 'HOST' are
// available locally" (kpack-cli pkg/registry/errors.go). Later kpack words
// the refusal with the registry's code instead: `Error verifying write access
// to "TAG": CODE[: message]` (pkg/registry: the go-containerregistry
// transport.Error code, such as UNAUTHORIZED or DENIED, after the tag).
//
// The tag alone tells most of the cause: a tag that starts with "/" (or holds
// "//", or ends with ":") was assembled from a variable that rendered empty
// (cf-for-k8s' app_registry repository prefix); a tag without a registry host
// is a Docker Hub repository, usually a namespace the credential does not own;
// a full tag means no credential for that registry reached the build.
//
// kpack's admission webhook validates the tag before any build: a value that
// go-containerregistry's name.NewTag (weak validation) cannot parse is
// refused as knative's field error "invalid value: TAG: spec.tag" (a Build's
// list: "invalid value: TAG: spec.tags[N]"; kpack pkg/apis/validate Tag and
// Tags). Met with a registry "hostname" of https://index.docker.io/v1/ that
// cf-for-k8s pasted in front of the repository (cloudfoundry/cf-for-k8s#71).

func init() { sigGroups = append(sigGroups, sigsKpack) }

func sigsKpack() {
	register(
		&signature{
			id:   "kpack-invalid-credentials",
			keys: []string{"invalid credentials to build to", "ensure registry credentials for"},
			re:   lazyRe(`(?i)invalid credentials(?: to build to "?([^"\s]*)|, ensure registry credentials for '([^']*)' are available locally)`),
			veto: gitLike,
			rank: rankKpackCredentials,
		},
		&signature{
			id:       "kpack-verify-write-access",
			keys:     []string{"error verifying write access to"},
			re:       lazyRe(`(?i)Error verifying write access to "([^"]*)": (UNAUTHORIZED|DENIED|FORBIDDEN)\b`),
			refGroup: 1,
			veto:     gitLike,
			rank:     rankKpackWriteAccess,
		},
		&signature{
			id:   "kpack-webhook-invalid-tag",
			keys: []string{": spec.tag"},
			re:   lazyRe(`(?i)invalid value: "?([^"\s]*)"?: spec\.tags?(?:\[\d+\])?(?:[^\w.]|$)`),
			veto: gitLike,
			rank: rankKpackInvalidTag,
		},
	)
}

// rankKpackInvalidTag reads the tag kpack's webhook could not parse.
func rankKpackInvalidTag(h *hit, f *facts) []cand {
	tag := h.m[1]
	scheme := strings.Index(tag, "://")
	if scheme < 0 && (tag == "" || strings.HasPrefix(tag, "/") || strings.Contains(tag, "//") || strings.HasSuffix(tag, ":")) {
		return []cand{
			c("empty-reference-variable", 0.82, fmt.Sprintf("kpack's webhook refused the tag %q: a part of it is empty, so the value that should fill it (an install value such as the app registry's repository prefix, or a variable) rendered to nothing.", tag)),
			c("invalid-reference", 0.5, ""),
		}
	}
	why := fmt.Sprintf("kpack's webhook refused the tag %q before any build: it is not an image reference (registry/repository:tag, lowercase repository, no scheme or path like https://…/v1/). Fix the value the tag is built from.", tag)
	if scheme > 0 {
		why = fmt.Sprintf("kpack's webhook refused the tag %q: it starts with a URL (%s), so the registry value it is built from was given as a URL (such as https://index.docker.io/v1/) rather than a host. Give the bare registry host (docker.io, index.docker.io, registry.example.com).", tag, tag[:scheme+3])
	}
	return []cand{
		c("invalid-reference", 0.82, why),
		c("empty-reference-variable", 0.35, ""),
	}
}

func rankKpackCredentials(h *hit, f *facts) []cand {
	if len(h.m) > 2 && h.m[2] != "" {
		host := h.m[2]
		return []cand{
			c("no-login", 0.8, fmt.Sprintf("kpack-cli found no credential for %s in the local docker config (the machine running kp): log in to that registry there, or give kp the credential it relocates with.", host)),
			c("credential-store-error", 0.45, ""),
			c("bad-credentials", 0.4, ""),
		}
	}
	tag := ""
	if len(h.m) > 1 {
		tag = h.m[1]
	}
	switch {
	case tag == "" || strings.HasPrefix(tag, "/") || strings.Contains(tag, "//") || strings.HasSuffix(tag, ":"):
		return []cand{
			c("empty-reference-variable", 0.84, fmt.Sprintf("kpack was asked to build to %q: the registry or repository part of the tag is empty, so the value that should fill it (an install value such as the app registry's repository prefix, or a variable) rendered to nothing.", tag)),
			c("invalid-reference", 0.45, ""),
			c("no-login", 0.3, ""),
		}
	case !tagHasHost(tag):
		return []cand{
			c("push-outside-namespace", 0.74, fmt.Sprintf("The tag %q has no registry host, so kpack checks write access to Docker Hub's repository %s, a namespace the service account's credential does not own: name the repository under your own Docker Hub user or organisation, or put the intended registry host in front.", tag, tag)),
			c("missing-registry-host", 0.62, ""),
			c("no-login", 0.4, ""),
		}
	}
	return []cand{
		c("no-login", 0.72, fmt.Sprintf("kpack found no credential among the Build's service-account secrets that can write %s: add a registry secret for that host (kpack.io/docker annotation or a dockerconfigjson secret) to the service account the Image names.", tag)),
		c("bad-credentials", 0.52, ""),
		c("insufficient-role", 0.48, ""),
	}
}

// tagHasHost reports whether an image tag's first path component is a
// registry host (holds a dot or a port, or is localhost), the rule docker's
// reference parser uses to tell a host from a Docker Hub namespace
// (distribution/reference normalize.go splitDockerDomain).
func tagHasHost(tag string) bool {
	i := strings.IndexByte(tag, '/')
	if i < 0 {
		return false
	}
	first := tag[:i]
	return strings.ContainsAny(first, ".:") || first == "localhost"
}

// rankKpackWriteAccess ranks kpack's write-access check refusal by the code
// the registry answered and the tag kpack was asked to build to.
func rankKpackWriteAccess(h *hit, f *facts) []cand {
	tag, code := h.m[1], strings.ToUpper(h.m[2])
	if code != "UNAUTHORIZED" {
		return []cand{
			c("insufficient-role", 0.66, fmt.Sprintf("The registry refused (%s) kpack's check that the Image's service-account credential may write %s: the credential is accepted but has no push right there.", code, tag)),
			c("push-outside-namespace", 0.5, ""),
			c("token-missing-scope", 0.4, ""),
		}
	}
	if !tagHasHost(tag) {
		return []cand{
			c("push-outside-namespace", 0.66, fmt.Sprintf("The tag %q has no registry host, so kpack checks write access to Docker Hub's repository %s, a namespace the service account's credential does not own or has no secret for.", tag, tag)),
			c("no-login", 0.55, ""),
			c("missing-registry-host", 0.45, ""),
		}
	}
	return []cand{
		c("no-login", 0.7, fmt.Sprintf("kpack's write-access check for %s went out without a credential the registry accepts: the Image's service account has no secret for that host, or kpack did not read it (a kubernetes.io/dockerconfigjson secret whose registry key differs from the tag's host; a kubernetes.io/basic-auth secret with the kpack.io/docker annotation is read as is).", tag)),
		c("client-bug", 0.5, ""),
		c("bad-credentials", 0.45, ""),
	}
}
