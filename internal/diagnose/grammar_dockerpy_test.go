package diagnose

import "testing"

// TestMessageGrammarDockerPy holds the lines for Home Assistant Supervisor's
// "Can't install IMAGE: NNN Client Error" (sig_dockerpy.go).
func TestMessageGrammarDockerPy(t *testing.T) {
	checkFirstCause(t, map[string]string{
		"Can't install ghcr.io/orbit/ledger-aarch64:1.0.0: 404 Client Error": "manifest-unknown",
		"Can't install ghcr.io/orbit/ledger-aarch64:1.0.0: 404 Client Error for http+docker://localhost/v1.45/images/create?tag=1.0.0&fromImage=ghcr.io%2Forbit%2Fledger-aarch64: Not Found": "manifest-unknown",
		// a refusal of an anonymous pull reads like the daemon's bare
		// denied: GHCR answers a missing package as a private one
		"Can't install ghcr.io/orbit/ledger-aarch64:1.0.0: 403 Client Error": "manifest-unknown",
		"Can't install orbit/ledger-aarch64:1.0.0: 401 Client Error":         "no-login",
		// the engine's explanation in parentheses is read by its own signature
		"Can't install ghcr.io/orbit/ledger-aarch64:1.3.0: 500 Server Error for http+docker://localhost/v1.45/images/create?tag=1.3.0&fromImage=ghcr.io%2Forbit%2Fledger-aarch64&platform=linux%2Farm64: Internal Server Error (\"manifest unknown\")": "manifest-unknown",
		// aiodocker's DockerError repr (the Supervisor's pulls since 2025.11): the engine's message in single quotes
		"2026-01-11 16:16:34.932 ERROR (MainThread) [supervisor.docker.interface] Can't install ghcr.io/orbit/ledger-aarch64:1.2.16: DockerError(403, 'Head \"https://ghcr.io/v2/orbit/ledger-aarch64/manifests/1.2.16\": denied')": "manifest-unknown",
		"Can't install registry.orbit.test/orbit/ledger-amd64:2.0.1: DockerError(401, 'Head \"https://registry.orbit.test/v2/orbit/ledger-amd64/manifests/2.0.1\": unauthorized')":                                                  "no-login",
		// guard: other DockerError reprs and Python reprs that end in a refusal word
		"Can't start addon_orbit_ledger: DockerError(409, 'Conflict. The container name \"/addon_orbit_ledger\" is already in use')": "",
		"Backup failed: PermissionError(13, 'Permission denied')":                                                                    "",
		// the Supervisor's own sentence for Docker Hub's 429, in its log and
		// in Core's notification of a failed update
		"2026-01-10 08:12:44.120 INFO (MainThread) [supervisor.docker.interface] Your IP address has made too many requests to Docker Hub which activated a rate limit. For more details see https://www.home-assistant.io/more-info/dockerhub-rate-limit": "rate-limited",
		"Error updating Orbit Ledger: Update of Orbit Ledger failed: Your IP address has made too many requests to Docker Hub which activated a rate limit. For more details see https://www.home-assistant.io/more-info/dockerhub-rate-limit":             "rate-limited",
		// guard: prose about the limit and the Supervisor's blocked jobs are not a failed pull
		"Problem: Too many requests to Docker Hub. Solution: add caching":                                                 "",
		"Error updating Orbit Ledger: 'AddonManager.update' blocked from execution, supervisor needs to be updated first": "",
		// guard: other installers' wording
		"E: Can't install python3-ledger: 404 Client Error":                                            "",
		"Can't install ledger: 400 Client Error: Bad Request for url: https://pypi.org/simple/ledger/": "",
	})
}
