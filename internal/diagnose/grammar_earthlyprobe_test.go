package diagnose

import (
	"strings"
	"testing"
)

// TestMessageGrammarEarthlyProbe pins Earthly's frontend probe warning
// (earthlyprobe.go): the docker daemon message inside the warning Earthly
// goes on from is the probe's output and stays quiet; Earthly's own later
// error that names the daemon, and a daemon message with no probe around
// it, stay daemon-unreachable; a warning never closed ("but will try
// anyway" missing: the log was cut inside it) does not hide the line.
func TestMessageGrammarEarthlyProbe(t *testing.T) {
	probe := []string{
		"Using tcp://10.9.0.5:8372 as buildkit daemon",
		"auto frontend initialization failed due to failed to autodetect a supported frontend: 2 errors occurred:",
		"\t* docker-shell frontend failed to initalize: command failed: docker info: exit status 1: Client:",
		" Context:    ci",
		"Server:",
		"ERROR: Cannot connect to the Docker daemon at tcp://docker:2375. Is the docker daemon running?",
		"errors pretty printing info: exit status 1",
		"\t* podman-shell frontend failed to initalize: command failed: podman info --format={{.Host.Security.Rootless}}: exit status 125: Error: cannot re-exec process",
		"",
		"; but will try anyway",
		"           bootstrap | Bootstrapping successful.",
	}
	closed := strings.Join(probe, "\n")
	checkFirstCause(t, map[string]string{
		// the probe Earthly went on from, then another failure (not the registry's)
		closed: "",
		closed + "\nError: build target: build main: failed to solve: process \"/bin/sh -c make test\" did not complete successfully: exit code: 2": "",
		// Earthly needed the daemon after all: its own error after the warning
		closed + "\nError: bootstrap new buildkitd client: maybe start buildkitd: could not start buildkit: docker run: Cannot connect to the Docker daemon at tcp://docker:2375. Is the docker daemon running?": "daemon-unreachable",
		// no probe warning: the daemon message is the failure
		"ERROR: Cannot connect to the Docker daemon at tcp://docker:2375. Is the docker daemon running?": "daemon-unreachable",
		// the warning cut before its end: the line is not known to be the probe's
		strings.Join(probe[:6], "\n"): "daemon-unreachable",
	})
}
