package diagnose

import (
	"strings"

	"github.com/regdoctor/regdoctor/internal/reghost"
)

// Artifact Registry's answer to a push whose path lacks a part: the
// distribution error NAME_INVALID with the message "Missing image name.
// Pushes should be of the form docker push HOST-NAME/PROJECT-ID/REPOSITORY/IMAGE"
// (the repository format is LOCATION-docker.pkg.dev/PROJECT/REPOSITORY/IMAGE,
// https://cloud.google.com/artifact-registry/docs/docker/pushing-and-pulling).
// The name-invalid signature (sig_gha.go) reads the whole message; a thread
// or a wrapped log often quotes only its second sentence, on a line of its
// own — the 'Build and Deploy to Cloud Run' starter's
// REGION-docker.pkg.dev/PROJECT/SERVICE:TAG had no repository segment. The
// sentence is Artifact Registry's alone, so it names the registry kind; it is
// read only alone on its line (a script comment "# Pushes should be of the
// form …" or an English sentence around it stays out).

var arPathFormRe = lazyRe(`(?i)^\s*` + remarkLead + `(?:>\s*)?(?:error:?\s*)?(Pushes should be of the form docker push HOST-NAME/PROJECT-ID/REPOSITORY/IMAGE)(?::TAG)?\.?` + remarkTail + `\s*$`)

func init() { sigGroups = append(sigGroups, sigsARPathForm) }

func sigsARPathForm() {
	register(&signature{
		id:   "gar-path-form",
		keys: []string{"pushes should be of the form"},
		re:   arPathFormRe,
		rank: func(h *hit, f *facts) []cand {
			h.assumeOp(opPush)
			if arPlaceholder(h.ref) {
				// The sentence's own "docker push HOST-NAME/…" is not the
				// reference pushed: take the latest real one before it.
				h.ref, h.host = imageRef{}, ""
				n := h.line()
				f.refs.each(func(r refSeen) {
					if r.Line < n && n-r.Line <= 400 && !arPlaceholder(r.Ref) {
						h.ref = r.Ref
					}
				})
				switch {
				case h.ref.Host != "":
					h.host = reghost.Normalize(h.ref.Host)
				case h.ref.Repo != "":
					h.host = "docker.io"
				}
			}
			if h.host == "" {
				h.kindHint = reghost.GAR
			}
			return []cand{
				c("invalid-reference", 0.76, "Artifact Registry refused the push path: it takes LOCATION-docker.pkg.dev/PROJECT-ID/REPOSITORY/IMAGE, and the reference pushed lacks a part — most often the repository (REGION-docker.pkg.dev/PROJECT/IMAGE:TAG, as older Cloud Run starter workflows wrote it) or the image name after the repository."),
				c("repo-not-found", 0.45, ""),
				c("empty-reference-variable", 0.35, ""),
			}
		},
		tell: func(h *hit, f *facts) string {
			return "Count the path parts after the host: PROJECT/REPOSITORY/IMAGE are all required. A missing part is a malformed reference (invalid-reference), often a variable that expanded to nothing (empty-reference-variable); with all three present and `name unknown: Repository \"X\" not found`, create the repository (repo-not-found)."
		},
	})
}

// arPlaceholder reports whether r is the form's own placeholder path
// (HOST-NAME/PROJECT-ID/REPOSITORY/IMAGE), not a reference the log pushed.
func arPlaceholder(r imageRef) bool {
	return strings.Contains(strings.ToLower(r.Host+"/"+r.Repo), "project-id/repository/image")
}
