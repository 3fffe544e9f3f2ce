package diagnose

import (
	"fmt"
	"strings"
)

// containerd's push refusal quoted without the registry's text after it:
// "failed to push REF: push access denied" (containerd remotes/docker
// pusher: "push access denied, repository does not exist or may require
// authorization: server message: …"; BuildKit prefixes "failed to push
// REF: "). When the server message follows, insufficient-scope and the
// denied signatures read it; this generic signature reads the bare form
// that issue threads and summaries quote.
//
// A REF without a registry host and without a namespace ("widget:latest")
// resolves to docker.io/library/widget (distribution/reference
// ParseNormalizedNamed), the official-images namespace no CI identity can
// write: usually a local-only alias left in a build-push tag list, or a tag
// that lost its registry host.
func init() {
	register(&signature{
		id:       "push-access-denied-bare",
		generic:  true,
		keys:     []string{"push access denied"},
		re:       lazyRe(`failed to push (\S+): push access denied`),
		refGroup: 1,
		rank:     rankPushAccessDenied,
		tell:     tellDenied,
	})
}

// rankPushAccessDenied ranks containerd's bare "push access denied": a
// reference without host and namespace is Docker Hub's library/ namespace
// (push-outside-namespace, or the intended registry host missing); any other
// reference is read like the registry's own denial (rankDenied).
func rankPushAccessDenied(h *hit, f *facts) []cand {
	if h.ref.Raw != "" && h.ref.Host == "" && !strings.Contains(h.ref.Repo, "/") {
		state, _ := f.loginState(h.line(), h.host)
		if cs := gitlabBareNamePush(h, f, state, false); cs != nil {
			return cs // a bare name pushed from a GitLab job (gitlabbarename.go)
		}
		return []cand{
			c("push-outside-namespace", 0.7, fmt.Sprintf("%s has no registry host and no namespace, so it resolves to docker.io/library/%s, Docker Hub's official-images namespace, which no CI identity can push to: give the tag the intended registry and namespace, or keep a local-only alias out of the pushed tags.", h.ref.Raw, h.ref.Repo)),
			c("missing-registry-host", 0.62, ""),
			c("no-login", 0.4, ""),
		}
	}
	return rankDenied(h, f)
}
