package diagnose

import (
	"fmt"
	"regexp"
	"strings"
)

// repoComponentRe is one path component of a repository name in the
// distribution grammar: lowercase letters and digits, separated by one
// period, one or two underscores, or one or more dashes, never at either
// end (OCI distribution-spec, "Pulling manifests": the <name> pattern
// [a-z0-9]+((\.|_|__|-+)[a-z0-9]+)*). Case is not tested here: a URL's
// case is sometimes the proxy's, not the client's.
var repoComponentRe = regexp.MustCompile(`^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$`)

// outsideNameGrammar returns the first component of the repository in the
// request URL that the distribution grammar does not allow ("" when every
// component is valid or no repository is known). A registry routes
// /v2/<name>/… only for names in that grammar, so a request for any other
// name has no route and is answered 404 (registry:2 with Go's plain
// "404 page not found"): hauler named a stored dotfile's repository
// "hauler/.env" (hauler-dev/hauler#540, #411).
func outsideNameGrammar(h *hit) string {
	repo := h.url.Repo
	if repo == "" {
		return ""
	}
	for _, part := range strings.Split(strings.ToLower(repo), "/") {
		if !repoComponentRe.MatchString(part) {
			return part
		}
	}
	return ""
}

// rankNameGrammar404 ranks a 404 to a request whose repository name is
// outside the distribution grammar (outsideNameGrammar): the name is
// invalid, not missing, so creating the repository cannot help. nil when
// the name is valid. causes.md's invalid-reference is a reference the
// client refuses before any request; a client (or a tool that builds the
// name) that does not check the grammar sends it, and the registry's 404 is
// the same malformed name found one step later: the fix is the name, so it
// keeps that id rather than repo-not-found.
func rankNameGrammar404(h *hit) []cand {
	part := outsideNameGrammar(h)
	if part == "" {
		return nil
	}
	return []cand{c("invalid-reference", 0.7, fmt.Sprintf("The request names the repository %q, whose component %q is not allowed by the distribution name grammar (lowercase letters and digits joined by '.', '_', '__' or dashes, never at either end): the registry has no route for such a name and answers 404. Rename it; when a tool built the name from a file or image name, that tool needs the fix.", h.url.Repo, part)),
		c("client-bug", 0.5, ""), c("repo-not-found", 0.35, "")}
}
