package diagnose

import (
	"fmt"
	"regexp"
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
var dependabotAuthRe = regexp.MustCompile(`(?i)(?:private_source_authentication_failure \{:source=>"([^"\s]+)"\}|Dependabot (?:couldn't|could not|can't|cannot|couldn’t|can’t) authenticate with ([^\s]+?)\.?(?:\s|$))`)

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
			if !containerRegistryHost(host) {
				return nil // another ecosystem's source (npm, Maven, NuGet, a git server)
			}
			return []cand{
				c("no-login", 0.72, fmt.Sprintf("Dependabot could not authenticate with %s: Dependabot reads registry credentials only from the `registries:` block of .github/dependabot.yml (type: docker-registry, with the updates entry naming it) and from Dependabot secrets, not from a workflow's docker login. Declare the registry there with a username and a Dependabot secret.", hostName(reghost.Normalize(host)))),
				c("bad-credentials", 0.5, ""),
			}
		},
	})
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
