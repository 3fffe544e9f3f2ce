package diagnose

import (
	"fmt"
	"strings"
)

// The buildpacks lifecycle's analyzer reads the previous image of the target
// tag to reuse its layers, and a first build has none. The lifecycle wraps
// the registry's answer as "failed to get previous image: connect to repo
// store 'REF': [GET URL: ]CODE: message" (imgutil's remote.NewImage; before
// lifecycle 0.7 "failed to access previous image"). Releases before 0.8.0
// took only some registries' not-found answers for "no previous image":
// Harbor 2's "NOT_FOUND: artifact … not found" / "repository … not found"
// and GitHub Packages' "NAME_UNKNOWN: docker package … does not exist" failed
// the build instead (buildpacks/lifecycle#303 and #323, fixed in lifecycle
// 0.8.0 by a wider not-found check in imgutil; met through kpack in
// buildpacks-community/kpack#415). The lifecycle is the builder's or the
// platform's (pack, kpack, Tekton task), so the fix is a builder with a newer
// lifecycle. The line outranks the generic NAME_UNKNOWN reading (a push into
// a repository the registry does not create): this is the read of a tag a
// first build cannot have, and only those lifecycles fail on it. Harbor answers a push into a project that does not exist with
// "project … not found": that one is the registry's refusal.
func init() {
	register(&signature{
		id:   "cnb-previous-image-not-found",
		keys: []string{"previous image: connect to repo store"},
		re:   lazyRe(`(?i)failed to (?:get|access) previous image: connect to repo store ['"]([^'"]+)['"]: (?:(?:GET|HEAD) \S+: )?(NOT_FOUND|NAME_UNKNOWN|MANIFEST_UNKNOWN)\b:?\s*(.*)$`),
		rank: func(h *hit, f *facts) []cand {
			h.ref = parseRef(h.m[1])
			h.hostFromRef()
			detail := strings.ToLower(h.m[3])
			if strings.Contains(detail, "project") {
				return []cand{
					c("repo-not-found", 0.7, fmt.Sprintf("The registry has no project for %s (%s): Harbor does not create a project on push. Create the project, or push to an existing one.", h.m[1], strings.TrimSpace(h.m[3]))),
					c("client-bug", 0.45, ""),
				}
			}
			return []cand{
				c("client-bug", 0.9, fmt.Sprintf("The lifecycle's analyzer stopped because %s has no previous image yet (the registry answered %s). A first build has none, and lifecycle releases before 0.8.0 took this answer from Harbor 2 (NOT_FOUND) or GitHub Packages (NAME_UNKNOWN) for an error instead of \"no previous image\" (buildpacks/lifecycle#303, #323). Use a builder (or pack/kpack release) with lifecycle 0.8.0 or newer.", h.m[1], h.m[2])),
				c("repo-not-found", 0.42, ""),
				c("manifest-unknown", 0.3, ""),
			}
		},
	})
}
