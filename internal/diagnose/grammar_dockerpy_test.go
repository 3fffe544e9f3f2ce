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
		// guard: other installers' wording
		"E: Can't install python3-ledger: 404 Client Error":                                            "",
		"Can't install ledger: 400 Client Error: Bad Request for url: https://pypi.org/simple/ledger/": "",
	})
}
