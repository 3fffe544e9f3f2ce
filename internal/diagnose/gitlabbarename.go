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
	if !bareDest(h.low) {
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

// bareDest reports whether a line of buildah's (or podman's) push error
// `pushing image "SRC" to "DEST": …` ("error pushing image …" before
// buildah 1.27) names a bare DEST, a name with no registry host and no
// namespace. SRC is the local image; DEST is where the push went: the
// second argument of `buildah push SRC DEST`, or SRC itself when the
// command has one argument, with "docker://" put before it when it names no
// transport (buildah cmd/buildah/push.go pushCmd); the docker transport
// completes a bare name to docker.io/library/NAME (containers/image
// docker/reference ParseNormalizedNamed). So `buildah push NAME:TAG` fails
// with `pushing image "NAME:TAG" to "docker://NAME:TAG"`, a bare name, and
// `buildah push NAME:TAG docker://HOST/NS/NAME:TAG` names its registry;
// a DEST of another transport names none. A line without that wording is
// true.
func bareDest(low string) bool {
	i := strings.Index(low, `" to "`)
	if i < 0 {
		return true
	}
	dest, _, _ := strings.Cut(low[i+len(`" to "`):], `"`)
	dest, ok := strings.CutPrefix(dest, "docker://")
	if !ok {
		return false // another transport (oci:, dir:, containers-storage:): no registry
	}
	name, _, _ := strings.Cut(dest, "@")
	if j := strings.LastIndexByte(name, ':'); j >= 0 && !strings.Contains(name[j:], "/") {
		name = name[:j] // the tag
	}
	return name != "" && !strings.ContainsAny(name, "/:")
}

// pushedBareDest reports whether the line is buildah's (or podman's)
// `pushing image "SRC" to "DEST"` with a bare DEST (bareDest): the name
// the client completed to Docker Hub's library/NAME, although the line
// prints it as typed.
func pushedBareDest(low string) bool {
	return strings.Contains(low, `" to "`) && bareDest(low)
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
