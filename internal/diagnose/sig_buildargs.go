package diagnose

import (
	"fmt"
)

// A Dockerfile stage whose base image is a build argument ("ARG BUILD_FROM"
// then "FROM $BUILD_FROM") gets its reference from --build-arg or from the
// ARG's default. When neither gives one, the variable expands to the empty
// string and BuildKit's Dockerfile frontend stops before any registry
// request with "base name (${NAME}) should not be blank"
// (moby/buildkit frontend/dockerfile/dockerfile2llb/convert.go); since
// Dockerfile 1.7 its check InvalidDefaultArgInFrom warns about the same
// stage first ("Default value for ARG $NAME results in empty or invalid
// base image name", docs.docker.com/reference/build-checks/invalid-default-arg-in-from/).
// Add-on builders that pass the base image per architecture (Home
// Assistant's build.yaml "build_from", multi-arch image factories) meet it
// when the caller stops passing the argument.

func init() { sigGroups = append(sigGroups, sigsBuildArgs) }

func sigsBuildArgs() {
	register(
		&signature{
			id:   "from-arg-blank",
			keys: []string{"should not be blank"},
			re:   lazyRe(`base name \(([^)\s]*)\) should not be blank`),
			rank: func(h *hit, f *facts) []cand {
				h.op = opBuild
				return []cand{c("empty-reference-variable", 0.88, fmt.Sprintf("The Dockerfile's FROM takes its base image from %s, which expanded to empty: no --build-arg gave it a value and the ARG has no default, so BuildKit had no image reference to pull. Pass the base image as a build argument (the builder that used to pass it may have changed), or give the ARG a default.", orSome(h.m[1], "a build argument"))),
					c("invalid-reference", 0.3, "")}
			},
		},
	)
}
