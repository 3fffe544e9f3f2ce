package diagnose

import "strings"

// Red Hat's registries answer a request that carries no credential they
// accept with their own message after the code: "unauthorized: Please login
// to the Red Hat Registry using your Customer Portal credentials. Further
// instructions can be found here: https://access.redhat.com/RegistryAuthentication"
// (registry.redhat.io and registry.connect.redhat.com require a Customer
// Portal or registry service account login; access.redhat.com/RegistryAuthentication).
// Clients print it in their own frames: dockerd after the request
// (sig_registrymessage.go), containers/image's token request after "unable
// to retrieve auth token" (sig_authn.go), and in forms no other signature
// reads: containers/image's manifest read ("reading manifest TAG in
// HOST/NAME: unauthorized: Please login …", podman, buildah, skopeo, CRI-O),
// oc's image commands ("unable to read image REF: unauthorized: …"), an
// image stream import's condition wrapped by oc describe or an operator's
// status over several lines, or the message alone on a line. The phrase is
// the registry's own, so it is read whatever frame holds it; the host comes
// from the line or the reference before it.

// redHatLoginPhrase is the registry's own words, lower case.
const redHatLoginPhrase = "please login to the red hat registry"

func init() { sigGroups = append(sigGroups, sigsRedHatRegistry) }

func sigsRedHatRegistry() {
	register(
		&signature{
			id:      "redhat-registry-login-demand",
			generic: true, // a frame with its own grammar keeps its reading
			keys:    []string{redHatLoginPhrase},
			re:      lazyRe(`(?i)Please login to the Red Hat Registry`),
			rank:    rankRedHatLoginDemand,
			tell:    tellUnauthenticated,
		},
		&signature{
			// registry.access.redhat.com does not serve the repositories
			// whose terms must be accepted: it answers any client with
			// "unsupported: This repo requires terms acceptance and is only
			// available on registry.redhat.io" (docker's "Error response from
			// daemon: unsupported: …", an image stream import's "Internal
			// error occurred: unsupported: …"; access.redhat.com/RegistryAuthentication).
			id:   "redhat-terms-only-repo",
			keys: []string{"requires terms acceptance"},
			re:   lazyRe(`(?i)This repo requires terms acceptance and is only available on ([a-z0-9.-]*[a-z0-9])`),
			rank: func(h *hit, f *facts) []cand {
				host := lower(h.m[1])
				return []cand{
					c("manifest-unknown", 0.8, "registry.access.redhat.com does not serve this repository: it requires accepting Red Hat's terms and is published only on "+host+". Pull it from "+host+" (same repository path) after logging in with a Customer Portal account or a registry service account (access.redhat.com/terms-based-registry), or give the cluster's pull secret for "+host+" to the import."),
					c("no-login", 0.45, ""),
				}
			},
			tell: func(*hit, *facts) string {
				return "The answer names the registry that serves the repository: the reference's host is not it, so the pull cannot succeed there with any credential; the same path on the named registry needs a login."
			},
		},
	)
}

// rankRedHatLoginDemand ranks Red Hat's registry's login demand. A line the
// dockerd request frame holds is that signature's (nil here, one reading
// per line). registry.access.redhat.com needs no login, so a demand from it
// is its own fault (redHatOpenRegistryRefusal); from registry.redhat.io or
// registry.connect.redhat.com it is a request without their credential,
// ranked as any "unauthorized" answer (rankUnauthenticated: a login for
// another host, in another job, or none).
func rankRedHatLoginDemand(h *hit, f *facts) []cand {
	if dockerdRegistryMessageRe.MatchString(h.low) {
		return nil // sig_registrymessage.go reads it
	}
	if h.op == opLogin && !strings.Contains(strings.ReplaceAll(h.low, redHatLoginPhrase, ""), "login") && !strings.Contains(h.low, "logging in") {
		// "login" was only the registry's word ("Please login to …"),
		// not a login command's: the request was a read or a push.
		h.op = ""
	}
	if cs := redHatOpenRegistryRefusal(h); cs != nil {
		return cs
	}
	if strings.EqualFold(h.host, "registry.access.redhat.com") && !strings.Contains(h.low, "registry.redhat.io") && !strings.Contains(h.low, "registry.connect.redhat.com") {
		// The line names no host; the reference before it is on the open registry.
		return redHatOpenRegistryCands()
	}
	return rankUnauthenticated(h, f)
}
