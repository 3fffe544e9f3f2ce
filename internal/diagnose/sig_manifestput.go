package diagnose

import (
	"fmt"
	"strings"

	"github.com/regdoctor/regdoctor/internal/reghost"
)

// rankManifestDigest400 reads a 400 Bad Request to a manifest PUT by digest
// (containerd's and BuildKit's `failed commit on ref "manifest-sha256:…":
// unexpected status from PUT request to https://HOST/v2/NAME/manifests/sha256:…:
// 400 Bad Request`). containerd pushes a manifest's layers and config before
// the manifest (remotes/handlers.go: children first), so the repository
// name was accepted for those uploads, and a PUT by digest carries no tag
// that could be malformed: the registry refused the manifest itself (a
// media type or manifest form it does not store, or its own defect). nil
// when the request is not a manifest PUT by digest.
func rankManifestDigest400(h *hit) []cand {
	if !strings.Contains(h.low, "/manifests/sha256:") || !containsAny(h.low, []string{"put request", `failed commit on ref "manifest-`}) {
		return nil
	}
	return []cand{
		c("registry-fault", 0.62, fmt.Sprintf("%s refused the manifest itself with 400 after taking its layers, and a PUT by digest has no tag that could be malformed: the registry does not accept this manifest (its media type or form, an OCI manifest or index on a registry that stores only Docker v2 schema 2) or has a defect. Check the registry's log and version; pushing with provenance: false or a single platform avoids the forms older registries refuse.", hostName(h.host))),
		c("client-bug", 0.5, ""),
		c("invalid-reference", 0.4, ""),
	}
}

// ecrManifestTagPutRe is a manifest PUT by tag, as containerd's pusher
// (BuildKit, buildx imagetools) prints its refusal: "unexpected status from
// PUT request to https://HOST/v2/REPO/manifests/TAG: 400 Bad Request".
var ecrManifestTagPutRe = lazyRe(`(?i)put request to https://[^/\s]+/v2/\S+/manifests/([^/\s:@]+):? 400\b`)

// rankECRManifestTag400 reads a bare 400 from ECR to a manifest PUT by tag.
// ECR refuses to move an existing tag of a repository with immutable tags
// with TAG_INVALID ("tag invalid: The image tag … cannot be overwritten
// because the repository is immutable", as docker and newer BuildKit print
// it), an error the distribution spec's error table answers with 400
// (distribution registry/api/errcode: TAG_INVALID, HTTP 400); a client that
// drops the body prints only the status. A PUT by tag carries a tag the
// client already parsed, and ECR answers a repository it does not know with
// 404 NAME_UNKNOWN, so the name is the weaker reading. A client that pushes
// a multi-platform image's child manifests under the same tag trips the rule
// on its own second PUT (buildx imagetools create before v0.22,
// docker/buildx#3024). nil for any other 400.
func rankECRManifestTag400(h *hit) []cand {
	if h.kind() != reghost.ECR {
		return nil
	}
	m := ecrManifestTagPutRe.FindStringSubmatch(h.low)
	if m == nil || strings.HasPrefix(m[1], "sha256") {
		return nil
	}
	return []cand{
		c("tag-immutable-or-protected", 0.64, fmt.Sprintf("ECR answered the manifest PUT for tag %q with 400 Bad Request: the answer ECR gives a tag it will not move (TAG_INVALID, a repository with immutable tags), whose text this client did not print. Push a new tag, or set the repository's tag mutability to MUTABLE. If the tag is new, the client itself may push it twice: buildx imagetools create before v0.22 pushed each platform's manifest under the tag before the index (docker/buildx#3024); upgrade it.", m[1])),
		c("client-bug", 0.52, ""),
		c("invalid-reference", 0.38, ""),
	}
}
