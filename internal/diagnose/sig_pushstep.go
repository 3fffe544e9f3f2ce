package diagnose

import (
	"fmt"
	"strings"
)

// BuildKit's tty progress marks a failed step with "ERROR" before the step
// name: " => ERROR [app] pushing build-app with docker   1.2s" (docker
// compose build --push, buildx bake; the bracket names the compose service
// or bake target). The push step of the docker driver is "pushing REF with
// docker" (sig_pushrefs.go reads its plain-progress header). Compose and
// bake often print no registry message after it in the tty view, so the
// step line is all the log says about the push.
//
// A REF with neither registry host nor namespace resolves to
// docker.io/library/REF (distribution/reference ParseNormalizedNamed), the
// official-images namespace no CI identity can push to. Compose names an
// image that a service does not name "PROJECT-SERVICE" (compose-spec
// build.md, "image": when absent, the implementation names the built image
// from the project and service), which is such a REF
// (docker/compose#10813). Any other REF says nothing by itself: the
// registry's answer, if printed, is read by the other signatures.
func init() { sigGroups = append(sigGroups, sigsPushStep) }

func sigsPushStep() {
	register(&signature{
		id:      "buildkit-push-step-error",
		generic: true,
		// "with docker" is already a reference key (sig_pushrefs.go): no new
		// prefilter keyword.
		keys:     []string{"with docker"},
		re:       lazyRe(`\bERROR (?:\[[^\]\s]*\] )?pushing (\S+) with docker(?:\s|$)`),
		refGroup: 1,
		rank:     rankPushStepError,
	})
}

// rankPushStepError ranks a failed BuildKit push step whose reference lies in
// Docker Hub's library/ namespace; nil for any other reference.
func rankPushStepError(h *hit, f *facts) []cand {
	if h.ref.Raw == "" || h.ref.Host != "" || strings.Contains(h.ref.Repo, "/") {
		return nil
	}
	return []cand{
		c("push-outside-namespace", 0.62, fmt.Sprintf("The push step of %s failed, and %s has no registry host and no namespace, so it resolves to docker.io/library/%s, Docker Hub's official-images namespace, which no CI identity can push to. Compose names an image a service does not name PROJECT-SERVICE: give the service (or bake target) an image name under a namespace you own, with the intended registry host.", h.ref.Raw, h.ref.Raw, h.ref.Repo)),
		c("missing-registry-host", 0.5, ""),
	}
}
