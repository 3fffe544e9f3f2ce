package diagnose

import (
	"fmt"
	"strings"
)

// rankHarborAnonymousPull reads Harbor's "unauthorized to access
// repository: NAME, action: pull" on a pull when no login for any host ran
// before it. Harbor words the refusal the same way for an identity whose
// project role lacks pull and for a request with no credential at all: its
// v2 auth middleware checks the request's security context, which is
// anonymous without a credential, and answers 401 with this message and a
// token-service challenge (goharbor/harbor src/server/middleware/v2auth,
// reqChecker.check). With no login in the log the anonymous reading comes
// first: a kubelet pulling without imagePullSecrets (a `docker login` on
// the node or the workstation is not the kubelet's), a containerd or k3s
// node without registry credentials, docker pull before any login. Harbor
// answers the same for a repository missing from a private project, and a
// pull secret keyed by another host string sends no credential either.
// nil for other actions, other operations, or when a login ran.
func rankHarborAnonymousPull(h *hit, state string) []cand {
	if state != "none" || h.op != opPull || !strings.EqualFold(h.m[2], "pull") {
		return nil
	}
	return []cand{
		c("no-login", 0.7, fmt.Sprintf("Harbor refused to let this request pull %s, and no login ran before the pull: Harbor answers this way to a pull without a credential when the project is private. A Kubernetes pod needs a docker-registry secret for the host in imagePullSecrets (or on its service account); a node's containerd or k3s needs credentials in its registry configuration.", strings.TrimSpace(h.m[1]))),
		c("insufficient-role", 0.55, ""),
		c("login-wrong-host", 0.42, ""),
	}
}
