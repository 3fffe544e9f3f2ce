package diagnose

import (
	"fmt"
	"strings"
)

// JFrog Artifactory's refusal to serve a Docker manifest: its Docker API
// answers a manifest request it will not serve with the error message "The
// client does not have permission for manifest", which docker prints as
// "unauthorized: The client does not have permission for manifest" (dockerd,
// kubelet events, docker-java's exception JSON). Artifactory appends the
// reason after a colon when the refusal is its own configuration's: "…:
// Upstream repository is not configured properly" is a remote (proxy)
// repository whose upstream Artifactory cannot use, which the JFrog admins
// fixed on their side with no change on the client (jfrog/charts#1834).
// Without a reason it is a refusal of the identity: an anonymous request
// (no login, or a pull secret that does not reach the node) or a user
// without the Read permission on the repository.

func init() { sigGroups = append(sigGroups, sigsArtifactoryManifest) }

func sigsArtifactoryManifest() {
	register(
		&signature{
			id:   "artifactory-manifest-permission",
			keys: []string{"does not have permission for manifest"},
			re:   lazyRe(`(?i)The client does not have permission for manifest(?:\s*:\s*([^"}\n]+))?`),
			rank: rankArtifactoryManifest,
		},
	)
}

// rankArtifactoryManifest ranks Artifactory's manifest refusal: a reason
// naming the upstream repository is the server's configuration
// (registry-fault); a bare refusal reads by the login before it (none: the
// request went anonymous; one for the host: the user lacks Read on the
// repository; one for another host: the credential was keyed elsewhere).
func rankArtifactoryManifest(h *hit, f *facts) []cand {
	h.hostFromRef()
	img := orSome(h.ref.Raw, orSome(h.repo(), "the image"))
	reason := strings.ToLower(strings.TrimSpace(h.m[1]))
	if strings.Contains(reason, "upstream repository") {
		return []cand{
			c("registry-fault", 0.78, fmt.Sprintf("Artifactory refused the manifest of %s because its remote repository's upstream is not configured properly: the repository's own configuration (upstream URL, credentials, or the upstream's content) is broken. Nothing in the job can fix it; the Artifactory administrators must repair the remote repository.", img)),
			c("insufficient-role", 0.4, "If other tags of the same repository pull fine and the admins see no fault, check the user's Read permission on the repository."),
		}
	}
	state, l := f.loginState(h.line(), h.host)
	readWhy := fmt.Sprintf("Artifactory refused to serve the manifest of %s to the logged-in user: the user (or access token) lacks the Read permission on that Docker repository (Artifactory permission targets). Grant Read, or log in as a user that has it.", img)
	switch state {
	case "none":
		return []cand{
			c("no-login", 0.66, fmt.Sprintf("Artifactory refused the manifest of %s and no login for %s ran before it: the request went anonymously. Log in to the Artifactory Docker registry (or give the pull secret / credential to the runtime that pulls) before the pull.", img, hostName(h.host))),
			c("insufficient-role", 0.55, readWhy),
		}
	case "other":
		return []cand{
			c("login-wrong-host", 0.66, fmt.Sprintf("A login ran for %s, not for %s: docker keys credentials by host, so the manifest request went without one.", l.Host, hostName(h.host)), loginEv(l)),
			c("insufficient-role", 0.5, readWhy),
		}
	}
	return []cand{
		c("insufficient-role", 0.72, readWhy),
		c("bad-credentials", 0.4, "Or the credential the login stored is not the one Artifactory maps to a user with access (an expired API key or token falls back to anonymous)."),
	}
}
