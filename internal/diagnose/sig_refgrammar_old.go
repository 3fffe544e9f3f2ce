package diagnose

import (
	"strings"
)

// Reference-parser messages of docker 1.x and docker/distribution's name
// validation, older wordings of "invalid reference format" that CI logs of
// that era still show: the client refused the name before any request.
//   - "Invalid repository name (ex: \"registry.domain.tld/myrepos\")":
//     docker's registry package (1.6-1.9) for a name it cannot split into
//     registry and repository (a scheme written in the name, "https://HOST/…").
//   - "repository name component must match \"[a-z0-9]…\"": docker/distribution
//     (registry/api/v2 names; reference grammar) for a path component with
//     upper case or other characters the grammar does not allow.
//   - "repository name must have at least one component": docker/distribution
//     reference's ErrNameEmpty, a name that is empty.

func init() { sigGroups = append(sigGroups, sigsRefGrammarOld) }

func sigsRefGrammarOld() {
	register(
		&signature{
			id:   "reference-grammar-old",
			keys: []string{"invalid repository name (ex:", "repository name component must match", "repository name must have at least one component"},
			re:   lazyRe(`(?i)(?:Invalid repository name \(ex: |repository name component must match |repository name must have at least one component)`),
			veto: gitLike,
			rank: func(h *hit, f *facts) []cand {
				if strings.Contains(h.low, "at least one component") {
					return []cand{
						c("empty-reference-variable", 0.7, "The image name is empty (docker's reference parser: no repository component): the variable that should hold it expanded to nothing."),
						c("invalid-reference", 0.6, ""),
					}
				}
				why := "The client refused the image name before any request: it is not a valid repository name (lower-case letters, digits and separators only; no scheme such as https:// in front of the registry host)."
				if strings.Contains(h.low, "(ex: ") {
					why = "The client could not split the name into a registry host and a repository: the name is not REGISTRY/REPOSITORY (a scheme such as https:// written in front of the host, or characters the grammar does not allow)."
				}
				return []cand{c("invalid-reference", 0.84, why), c("empty-reference-variable", 0.4, "")}
			},
		},
	)
}
