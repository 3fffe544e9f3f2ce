package diagnose

import "testing"

// TestMessageGrammarEngineStore holds TestMessageGrammar's lines for the
// docker engine's containerd image store found in the twenty-second held-out
// batch, part d (the Docker engine and CLI, 2022-2026): the CLI's note on a
// push of an image index whose platforms are not all in the local store
// (sig_contentstore.go). One log per shape, the first finding's cause wanted
// ("" = no finding), with the look-alikes that must keep their reading.
func TestMessageGrammarEngineStore(t *testing.T) {
	checkFirstCause(t, map[string]string{
		// docker push after a single-platform pull (Docker 24-26 wording)
		"$ docker push lumenlabs/ledger-api:2.4.1\nThe push refers to repository [docker.io/lumenlabs/ledger-api]\nmissing content: content digest sha256:4c7e1a9d0b3f5e8a2c6d9b1f4e7a0c3d5b8e1f4a7c0d3e6b9f2a5c8e1d4b7a0c: not found\nNote: You're trying to push a manifest list/index which references multiple platform specific manifests, but not all of them are available locally or available to the remote repository.\nMake sure you have all the referenced content and try again.": "client-bug",
		// the later wording that adds the --platform hint, to a private registry
		"The push refers to repository [registry.lumen.example:5000/ops/ledger-web]\n9d2c4b6a8e0f: Waiting\nmissing content: content digest sha256:1b3d5f7a9c2e4b6d8f0a1c3e5b7d9f2a4c6e8b0d1f3a5c7e9b2d4f6a8c0e1b3d: not found\nNote: You're trying to push a manifest list/index which references multiple platform specific manifests, but not all of them are available locally or available to the remote repository.\n\nMake sure you have all the referenced content and try again.\n\nYou can also push only a single platform specific manifest directly by specifying the platform you want to push with the --platform flag.": "client-bug",
		// look-alikes: the bare content-store error, BuildKit's and ctr's, stay as they were
		"missing content: content digest sha256:4c7e1a9d0b3f5e8a2c6d9b1f4e7a0c3d5b8e1f4a7c0d3e6b9f2a5c8e1d4b7a0c: not found":                                                       "",
		"#14 ERROR: failed to push registry.lumen.example/ops/ledger-web:2.4.1: content digest sha256:1b3d5f7a9c2e4b6d8f0a1c3e5b7d9f2a4c6e8b0d1f3a5c7e9b2d4f6a8c0e1b3d: not found": "",
		"ctr: content digest sha256:1b3d5f7a9c2e4b6d8f0a1c3e5b7d9f2a4c6e8b0d1f3a5c7e9b2d4f6a8c0e1b3d: not found":                                                                   "",
		// another tool's sentence about files that are not available locally
		"warning: not all of them are available locally; fetching the rest from the mirror": "",
	})
}
