package diagnose

import "testing"

// TestMessageGrammarDockerConfigUnreadable holds the client failing to open
// a file of its docker config directory (sig_dockercfgperm.go).
func TestMessageGrammarDockerConfigUnreadable(t *testing.T) {
	checkFirstCause(t, map[string]string{
		"#3 ERROR: rpc error: code = Unknown desc = open /home/ci/.docker/.token_seed: permission denied": "credential-store-error",
		"ERROR: open /home/ci/.docker/.token_seed.lock: permission denied":                                "credential-store-error",
		"error: failed to solve: open /home/builder/.docker/config.json: permission denied":               "credential-store-error",
		// docker CLI's warning goes on without the config: not a failure by itself
		"WARNING: Error loading config file: /home/ci/.docker/config.json: open /home/ci/.docker/config.json: permission denied": "",
		// another tool's file in a directory of the same name is not read
		"open /srv/app/.dockerignore: permission denied": "",
	})
}
