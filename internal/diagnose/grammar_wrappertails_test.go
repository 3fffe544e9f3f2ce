package diagnose

import "testing"

// TestMessageGrammarWrapperTails holds the shapes of the sixteenth held-out
// batch, part d (2023-2026 wrapper forms found by their error text): Go's
// HTTP client timeout quoted by its tail only, the daemon's bare "unknown
// blob" under an indented Jenkins clock, and containers/image's token
// refusal of an anonymous GHCR read. One line (or a few) per shape, the first
// finding's cause wanted ("" = no finding), with look-alikes.
func TestMessageGrammarWrapperTails(t *testing.T) {
	checkFirstCause(t, map[string]string{
		// net/http's client timeout, its tail only or the "reading body" form
		`docker: Error response from daemon: Get "https://registry.lab.example/v2/": ... Client.Timeout exceeded`:                                                                           "registry-unreachable",
		`error pulling image configuration: Get "https://registry.lab.example/v2/tools/indexer/blobs/sha256:9e1f": net/http: request canceled (Client.Timeout exceeded while reading body)`: "registry-unreachable",
		// guard: another service's timeout in the same wording (GitHub's API)
		`Error: Get "https://api.github.com/repos/lab-team/indexer/releases/latest": net/http: request canceled (Client.Timeout exceeded while awaiting headers)`: "",
		// guard: the Go module proxy's download of a module named after docker
		`go: github.com/docker/docker@v24.0.7+incompatible: Get "https://proxy.golang.org/github.com/docker/docker/@v/v24.0.7+incompatible.zip": net/http: request canceled (Client.Timeout exceeded while reading body)`: "",
		// the daemon's bare "unknown blob" under Jenkins Timestamper's clock, indented when pasted
		"  09:14:02  3c9a7e51b20f: Pushed\n  09:15:40  unknown blob": "registry-fault",
		"    unknown blob": "registry-fault",
		// guard: the phrase inside another sentence after a clock
		"09:15:40  level=info msg=\"skipping unknown blob type in cache index\"": "",
		// containers/image's 401 from GHCR's token endpoint with no login: GHCR refuses an anonymous read so
		"Error: initializing source docker://ghcr.io/lab-team/indexer:1.4: unable to retrieve auth token: invalid username/password: unauthorized": "manifest-unknown",
		// guard: after a login to ghcr.io the credential itself was refused
		"podman login ghcr.io -u labbot --password-stdin\nLogin Succeeded!\nError: initializing source docker://ghcr.io/lab-team/indexer:1.4: unable to retrieve auth token: invalid username/password: unauthorized": "bad-credentials",
		// guard: Docker Hub issues anonymous tokens, so there the words keep their reading
		"Error: initializing source docker://docker.io/labteam/indexer:1.4: unable to retrieve auth token: invalid username/password: unauthorized": "bad-credentials",
	})
}
