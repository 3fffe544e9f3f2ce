package diagnose

import "strings"

// replicateModelUnknown reads Replicate's registry (r8.im) answer to a push of
// a model it will not show this credential: NAME_UNKNOWN with "The model
// https://replicate.com/OWNER/NAME does not exist". Replicate's maintainers
// (replicate/cog#1844, which makes cog explain it; #1519, #1221) name the
// usual reason: Docker sent an r8.im credential of another account or user
// (cog login run without sudo and sudo cog push, or a stale login of an
// earlier account in the credential store), not a model that was never
// created on replicate.com (which is the second reading). Nil for any other
// name-unknown answer.
func replicateModelUnknown(h *hit) []cand {
	if !strings.Contains(h.low, "the model https://replicate.com/") {
		return nil
	}
	h.assumeOp(opPush)
	if h.host == "" {
		h.host = "r8.im"
	}
	return []cand{
		c("bad-credentials", 0.76, "Replicate answers NAME_UNKNOWN ('The model … does not exist') when the r8.im credential Docker sent belongs to another account or user: run cog login and cog push as the same user (both with or both without sudo), or remove the stale r8.im entry from the credential store and log in again."),
		c("repo-not-found", 0.7, "If the credential is right, create the model on replicate.com before pushing: r8.im does not create models on push."),
		c("no-login", 0.45, ""),
	}
}
