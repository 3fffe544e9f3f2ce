package diagnose

import "testing"

// TestMessageGrammarEndpointFallback pins dockerd's endpoint fallback notice
// (endpointfallback.go): "Attempting next endpoint for pull|push after
// error: …" is logged when the daemon goes on with the next endpoint (a
// registry mirror that misses, then the upstream), so alone it gives no
// finding; the daemon's and the client's lines for a pull or push that
// failed in the end keep their readings. One log per shape, the first
// finding's cause wanted ("" = no finding).
func TestMessageGrammarEndpointFallback(t *testing.T) {
	checkFirstCause(t, map[string]string{
		// a mirror without the tag, then the upstream: no failure yet
		"Mar 02 08:11:20 ci-host dockerd[812]: time=\"2026-03-02T08:11:20.101Z\" level=debug msg=\"Trying to pull redis from https://mirror.orbit.test/ v2\"\nMar 02 08:11:20 ci-host dockerd[812]: time=\"2026-03-02T08:11:20.388Z\" level=info msg=\"Attempting next endpoint for pull after error: manifest unknown: manifest unknown\"\nMar 02 08:11:20 ci-host dockerd[812]: time=\"2026-03-02T08:11:20.389Z\" level=debug msg=\"Trying to pull redis from https://registry-1.docker.io v2\"": "",
		// older dockerd logs the notice at error level: still a fallback
		"time=\"2026-03-02T08:12:02Z\" level=error msg=\"Attempting next endpoint for pull after error: unauthorized: authentication required\"": "",
		// the push form of the notice
		"time=\"2026-03-02T08:12:09Z\" level=error msg=\"Attempting next endpoint for push after error: Get https://registry.orbit.test:5000/v2/: http: server gave HTTP response to HTTPS client\"": "",
		// the daemon gave up: its own line keeps the reading
		"time=\"2026-03-02T08:13:40Z\" level=info msg=\"Attempting next endpoint for pull after error: manifest unknown: manifest unknown\"\ntime=\"2026-03-02T08:13:40Z\" level=error msg=\"Not continuing with pull after error: manifest unknown: manifest unknown\"": "manifest-unknown",
		// the client's final answer after the notice keeps its reading
		"$ docker push registry.orbit.test:5000/orbit/api:3\ntime=\"2026-03-02T08:14:01Z\" level=error msg=\"Attempting next endpoint for push after error: Get https://registry.orbit.test:5000/v2/: http: server gave HTTP response to HTTPS client\"\nGet https://registry.orbit.test:5000/v2/: http: server gave HTTP response to HTTPS client": "http-https-mismatch",
	})
}
