package diagnose

import "testing"

// TestMessageGrammarScannersAndVerifiers holds TestMessageGrammar's lines for
// registry clients that are not the build's own client: vulnerability
// scanners pulling their databases and the scanned images, and signature
// verifiers looking up signature attachments. One line (or a few) per shape,
// the first finding's cause wanted ("" = no finding), with guards that keep
// the neighbouring readings.
func TestMessageGrammarScannersAndVerifiers(t *testing.T) {
	checkFirstCause(t, map[string]string{
		// containerd's fetcher: the manifest resolved, a layer blob it names is missing
		"failed to copy: httpReadSeeker: failed open: could not fetch content descriptor sha256:0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0 (application/vnd.oci.image.layer.v1.tar+gzip) from remote: not found": "registry-fault",
		// the same words for a per-platform manifest of an index: that manifest is gone
		"ERROR: failed to copy: httpReadSeeker: failed open: could not fetch content descriptor sha256:9a8b7c6d5e4f30211203f4e5d6c7b8a99a8b7c6d5e4f30211203f4e5d6c7b8a9 (application/vnd.oci.image.manifest.v1+json) from remote: not found": "manifest-unknown",
		// a verifier's lookup of a cosign signature tag: the image resolved, no signature
		"Error: fetching signatures: GET https://registry.lab.example/v2/orbit/notes/manifests/sha256-4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c.sig: MANIFEST_UNKNOWN: manifest unknown":                                                             "",
		"time=\"2026-04-02T09:12:44Z\" level=debug msg=\"Fetching sigstore attachment manifest failed, assuming it does not exist: reading manifest sha256-4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c.sig in quay.io/orbit/notes: manifest unknown\"": "",
		// guard: the image's own tag missing stays manifest-unknown
		"Error: GET https://registry.lab.example/v2/orbit/notes/manifests/1.4.2: MANIFEST_UNKNOWN: manifest unknown": "manifest-unknown",
		// guard: a copy that failed writing its own signature is not a verifier's lookup: still read
		"Error: writing signatures: reading manifest sha256-4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c.sig in registry.lab.example/orbit/notes: manifest unknown": "manifest-unknown",
		// an anonymous read of Docker Hub's library/ refused with 401: not an official image, a login would not help
		"Error: GET https://index.docker.io/v2/library/orbit-notes/manifests/1.4: UNAUTHORIZED: authentication required; [map[Action:pull Class: Name:library/orbit-notes Type:repository]]": "manifest-unknown",
		// guard: the same refusal for a user namespace keeps the missing login first
		"Error: GET https://index.docker.io/v2/orbitlabs/notes/manifests/1.4: UNAUTHORIZED: authentication required; [map[Action:pull Class: Name:orbitlabs/notes Type:repository]]": "no-login",
	})
}
