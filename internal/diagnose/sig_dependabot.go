package diagnose

import (
	"fmt"
	"strings"

	"github.com/regdoctor/regdoctor/internal/reghost"
)

// Dependabot's refusal by a private registry (fix17): dependabot-core raises
// PrivateSourceAuthenticationFailure, which the updater logs as "Handled
// error whilst updating DEP: private_source_authentication_failure
// {:source=>"HOST"}" and the job's summary and the UI word as "Dependabot
// couldn't authenticate with HOST" (docs.github.com/en/code-security/
// dependabot/troubleshooting-dependabot/troubleshooting-dependabot-errors,
// "Dependabot can't authenticate"). Dependabot runs outside the workflow's
// jobs: it reads registry credentials only from the `registries:` block of
// .github/dependabot.yml (type docker-registry), never from a workflow's
// docker login. Only a container registry host counts: the same error
// covers npm, Maven and NuGet sources.
var dependabotAuthRe = lazyRe(`(?i)(?:private_source_authentication_failure \{:source=>"([^"\s]+)"\}|Dependabot (?:couldn't|could not|can't|cannot|couldn’t|can’t) authenticate with ([^\s]+?)\.?(?:\s|$))`)

func init() { sigGroups = append(sigGroups, sigsDependabot) }

func sigsDependabot() {
	register(&signature{
		id: "dependabot-private-source-auth",
		// New prefilter keywords, all rare outside Dependabot's own lines.
		keys: []string{"private_source_authentication_failure {", "dependabot couldn", "dependabot could not", "dependabot can"},
		re:   dependabotAuthRe,
		rank: func(h *hit, f *facts) []cand {
			host := h.m[1]
			if host == "" {
				host = h.m[2]
			}
			if !containerRegistryHost(host) && !f.dependabotRegistry(host) {
				return nil // another ecosystem's source (npm, Maven, NuGet, a git server)
			}
			// The source host is the registry the failure is about, not an
			// image or URL of the lines before (the updater's own image).
			h.host, h.ref, h.url, h.hasURL, h.op = reghost.Normalize(host), imageRef{}, urlFacts{}, false, ""
			return []cand{
				c("no-login", 0.72, fmt.Sprintf("Dependabot could not authenticate with %s: Dependabot reads registry credentials only from the `registries:` block of .github/dependabot.yml (type: docker-registry, with the updates entry naming it) and from Dependabot secrets, not from a workflow's docker login. Declare the registry there with a username and a Dependabot secret.", hostName(reghost.Normalize(host)))),
				c("bad-credentials", 0.5, ""),
			}
		},
	})
}

// What the log says of the ecosystem when the host's labels do not: the
// updater image of the docker ecosystem (github/dependabot-action pulls
// ghcr.io/dependabot/dependabot-updater-docker, -docker-compose for
// compose files), a dependabot.yml `package-ecosystem: docker` or a
// registry of `type: docker-registry` (the job's credentials list it as
// docker_registry), or the proxy's registry API request to the host
// ("proxy | … GET https://HOST:443/v2/…").
var (
	dependabotDockerKeys = []string{"dependabot-updater-docker", "docker_registry", "type: docker-registry", "package-ecosystem: docker", `package-ecosystem: "docker`}
	kDependabotDocker    = lowKeys(dependabotDockerKeys)
	mDependabotDocker    = maskOf(kDependabotDocker)
)

// New prefilter keywords (rare outside Dependabot's job logs and config).
func init() { factKeys = append(factKeys, dependabotDockerKeys...) }

// observeDependabotDocker records the first line that names Dependabot's
// docker ecosystem or a docker_registry credential.
func (f *facts) observeDependabotDocker(n int) {
	if f.dependabotDocker == 0 && f.hasAnyIn(kDependabotDocker, &mDependabotDocker) {
		f.dependabotDocker = n
	}
}

// dependabotRegistry reports whether the log says Dependabot's source host
// is a container registry (see above).
func (f *facts) dependabotRegistry(host string) bool {
	if f.dependabotDocker > 0 {
		return true
	}
	h := strings.TrimSuffix(reghost.Normalize(host), ":443")
	seen := false
	f.urls.eachNewest(func(u urlSeen) bool {
		seen = strings.TrimSuffix(u.URL.Host, ":443") == h && u.URL.Object != ""
		return !seen
	})
	return seen
}

// otherEcosystemHosts are fragments of package registries' hosts that are
// not container registries.
var otherEcosystemHosts = []string{"npm", "maven", "nuget", "pypi", "rubygems", "packagist", "crates", "hex.pm", "gradle", "pub.dev"}

// containerRegistryHost reports whether host (a name, maybe with a scheme)
// is a container registry: a kind reghost knows by its host, or a name whose
// labels say so (docker.*, registry.*, *-docker.*, cr.*).
func containerRegistryHost(host string) bool {
	h := reghost.Normalize(host)
	switch reghost.Classify(h) {
	case reghost.GHCR, reghost.DockerHub, reghost.ECR, reghost.ECRPublic, reghost.GAR, reghost.ACR, reghost.Quay, reghost.GitLab:
		return true
	}
	if containsAny(h, otherEcosystemHosts) {
		return false // registry.npmjs.org, a Nexus or Artifactory npm/maven host
	}
	for _, label := range strings.Split(h, ".") {
		switch {
		case label == "docker", label == "registry", label == "cr", strings.HasSuffix(label, "-docker"), strings.HasPrefix(label, "docker-"):
			return true
		}
	}
	return false
}
