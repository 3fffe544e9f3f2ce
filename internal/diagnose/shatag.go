package diagnose

import (
	"fmt"
	"regexp"
)

// A commit-SHA tag on a Docker Hub official-image name: official images
// (docker.io/library/NAME) are tagged by version and variant, never by a
// 40-hex git commit. A "manifest for NAME:SHA not found" from Docker Hub is
// a CI-built image of the project whose reference lost its registry host
// (a task definition or compose file with IMAGE:${SHA} and no
// ACCOUNT.dkr.ecr.REGION.amazonaws.com/ in front), so the pull went to
// Docker Hub's NAME.

var commitSHATag = regexp.MustCompile(`^[0-9a-f]{40}$`)

// shaTagOfficialCand returns missing-registry-host when a manifest-unknown
// is about an official-image name with a commit-SHA tag and no host.
func shaTagOfficialCand(h *hit, cs []cand) (cand, bool) {
	if len(cs) == 0 || cs[0].cause != "manifest-unknown" {
		return cand{}, false
	}
	ref := h.ref
	if ref.Raw == "" && h.sig.id == "manifest-unknown" && len(h.m) > 1 && h.m[1] != "" {
		ref = parseRef(h.m[1]) // "manifest for REF not found"
	}
	if ref.Host != "" || !officialName(ref.Repo) || !commitSHATag.MatchString(ref.Tag) {
		return cand{}, false
	}
	return c("missing-registry-host", cs[0].w+0.03, fmt.Sprintf("%s has no registry host, so it was looked up on Docker Hub's official %q image, which carries no commit-SHA tags: this is the project's own CI-built image, and the reference lost its registry (an ECR/ACR/GAR host in front of the name).", ref.Raw, ref.Repo)), true
}
