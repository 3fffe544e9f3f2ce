package diagnose

import (
	"fmt"
	"strings"

	"github.com/regdoctor/regdoctor/internal/reghost"
)

// A GitLab CI job pushes its images to the project's own registry: the
// runner hands every job CI_REGISTRY and CI_REGISTRY_IMAGE, and GitLab's
// docs build and push "$CI_REGISTRY_IMAGE:TAG"
// (docs.gitlab.com/user/packages/container_registry/build_and_push_images/).
// docker completes a name that has neither a registry host nor a namespace
// as docker.io/library/NAME (distribution/reference ParseNormalizedNamed),
// so "The push refers to repository [docker.io/library/NAME]" in a GitLab
// job with no Docker Hub login in sight is a reference that lost its
// $CI_REGISTRY_IMAGE prefix far more often than a push meant for Docker Hub
// (which would come with a Docker Hub login and still need ACCOUNT/NAME).
// A Docker Hub login in the job keeps the Docker Hub reading
// (push-outside-namespace); a login for another host is read as
// missing-registry-host before this (rankDenied's officialName branch).

// gitlabBareNamePush ranks a refused push to docker.io/library/NAME (NAME
// one path component) in a GitLab CI job with no Docker Hub login: the
// registry host is missing first, Docker Hub's library/ namespace second.
// unauth is true for a 401-style answer (then a missing login is the third
// reading), false for "denied" and insufficient_scope. nil when the shape
// does not apply.
func gitlabBareNamePush(h *hit, f *facts, state string, unauth bool) []cand {
	if f.platform != "gitlab-ci" || state != "none" || h.op != opPush {
		return nil
	}
	if strings.Contains(h.low, `" to "`) {
		// containers/image's `error pushing image "SRC" to "DEST"`: the
		// reference read from the line is the source, not the push target.
		return nil
	}
	name := bareHubName(h)
	if name == "" {
		return nil
	}
	why := fmt.Sprintf("This GitLab job pushed %s, a name with no registry host and no namespace, so it went to Docker Hub as docker.io/library/%s, and no Docker Hub login appears in the job: the reference lost its registry prefix. Tag and push $CI_REGISTRY_IMAGE/%s (the project's registry path) instead; if Docker Hub was the target, the name needs your namespace (ACCOUNT/%s) and a Docker Hub login.", name, name, name, name)
	cs := []cand{
		c("missing-registry-host", 0.8, why),
		c("push-outside-namespace", 0.7, ""),
		c("no-login", 0.4, ""),
	}
	if unauth {
		cs[2].w = 0.5
	}
	return cs
}

// bareHubName is NAME when the push went to Docker Hub's library/NAME: read
// from the request URL when the line has one (kaniko's push check names the
// reference as typed and the URL where it went), else from the reference
// (docker's "[docker.io/library/NAME]", or a NAME:TAG with no host and no
// namespace). "" otherwise, and "" for a reference that names Docker Hub's
// host itself ("docker.io/NAME", "index.docker.io/NAME": Docker Hub was
// meant); docker and BuildKit print the completed form
// docker.io/library/NAME, which nobody types.
func bareHubName(h *hit) string {
	if h.ref.Host != "" && !strings.Contains(strings.ToLower(h.ref.Raw), "library/") {
		return ""
	}
	one := func(n string) string {
		if n == "" || strings.Contains(n, "/") {
			return ""
		}
		return n
	}
	if h.url.Host != "" && h.url.Repo != "" {
		if reghost.Classify(h.url.Host) != reghost.DockerHub {
			return ""
		}
		n, ok := strings.CutPrefix(h.url.Repo, "library/")
		if !ok {
			return ""
		}
		return one(n)
	}
	if h.kind() != reghost.DockerHub {
		return ""
	}
	repo := h.repo()
	if n, ok := strings.CutPrefix(repo, "library/"); ok {
		return one(n)
	}
	if h.ref.Raw != "" && h.ref.Host == "" {
		return one(repo)
	}
	return ""
}
