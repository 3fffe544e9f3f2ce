package diagnose

import "strings"

// Signature attachments looked up by tag. cosign (before OCI referrers)
// stores an image's signature, attestation and SBOM as separate manifests
// tagged after the image digest: "sha256-<hex>.sig", ".att", ".sbom"
// (sigstore/cosign pkg/oci/remote: SignatureTag, AttestationTag, SBOMTag);
// containers/image looks up the same ".sig" tag for sigstore policy checks
// ("Fetching sigstore attachment manifest failed, assuming it does not
// exist"). A verifier that asks for that tag and gets MANIFEST_UNKNOWN has
// resolved the image already: what is missing is a signature (the image was
// not signed, or its signature lives in the referrers API or a transparency
// log only), not an image the job tried to pull. That is a signing or
// policy matter, not a container-registry failure of the image.

var sigAttachTagRe = lazyRe(`sha256-[0-9a-f]{4}[0-9a-f.]*\.(?:sig|att|sbom)\b`)

// signatureAttachmentRead reports whether the hit's line is a verifier
// asking the registry for a signature, attestation or SBOM attachment tag.
// A copy that failed while writing its own signatures is not one
// (signatureTagLookup in sig_longtail.go reads that as a client defect).
func signatureAttachmentRead(h *hit) bool {
	if !strings.Contains(h.low, "sha256-") || signatureTagLookup(h) {
		return false
	}
	return sigAttachTagRe.MatchString(h.low)
}
