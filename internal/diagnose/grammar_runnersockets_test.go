package diagnose

import "testing"

// TestMessageGrammarRunnerSockets holds TestMessageGrammar's lines for the
// shapes found in the fifteenth held-out batch, part b (self-hosted and
// alternative runners): one line per shape, the first finding's cause wanted
// ("" = no finding), with guards for the look-alikes.
func TestMessageGrammarRunnerSockets(t *testing.T) {
	checkFirstCause(t, map[string]string{
		// Go's net error for a docker socket outside /var/run (ARC dind sidecar, rootless docker)
		"dial unix /run/docker/docker.sock: connect: permission denied":            "daemon-unreachable",
		"dial unix /run/user/1001/docker.sock: connect: no such file or directory": "daemon-unreachable",
		// guard: another daemon's socket (containerd, buildkitd's own grammar is elsewhere) or a socket named in a path
		"dial unix /run/containerd/containerd.sock: connect: permission denied":   "",
		"cp: cannot stat '/home/jdoe/docker.sock.bak': No such file or directory": "",
	})
}
