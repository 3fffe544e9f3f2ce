package diagnose

import "testing"

// TestMessageGrammarEndpointFallback pins dockerd's endpoint fallback notice
// (endpointfallback.go): "Attempting next endpoint for pull|push after
// error: …" is a fallback when the log shows a next endpoint (a later
// "Trying to pull … from URL" line) or the error is a registry's error code
// (current dockerd falls back on those only from a mirror): no finding. A
// transport error with nothing after it was the last endpoint's, and the
// daemon logs nothing more: the notice is the failure and keeps its reading
// (a daemon-only journal). The daemon's and the client's lines for a pull
// or push that failed in the end keep their readings. One log per shape,
// the first finding's cause wanted ("" = no finding).
func TestMessageGrammarEndpointFallback(t *testing.T) {
	checkFirstCause(t, map[string]string{
		// a mirror without the tag, then the upstream: no failure yet
		"Mar 02 08:11:20 ci-host dockerd[812]: time=\"2026-03-02T08:11:20.101Z\" level=debug msg=\"Trying to pull redis from https://mirror.orbit.test/ v2\"\nMar 02 08:11:20 ci-host dockerd[812]: time=\"2026-03-02T08:11:20.388Z\" level=info msg=\"Attempting next endpoint for pull after error: manifest unknown: manifest unknown\"\nMar 02 08:11:20 ci-host dockerd[812]: time=\"2026-03-02T08:11:20.389Z\" level=debug msg=\"Trying to pull redis from https://registry-1.docker.io v2\"": "",
		// older dockerd logs the notice at error level: still a fallback
		"time=\"2026-03-02T08:12:02Z\" level=error msg=\"Attempting next endpoint for pull after error: unauthorized: authentication required\"": "",
		// a mirror that refused the connection, then the registry itself: no failure yet
		"Jun 11 04:20:31 ci-host dockerd[640]: time=\"2026-06-11T04:20:31.112Z\" level=info msg=\"Attempting next endpoint for pull after error: Get \\\"https://cache.orbit.test/v2/\\\": dial tcp 10.8.0.4:443: connect: connection refused\"\nJun 11 04:20:31 ci-host dockerd[640]: time=\"2026-06-11T04:20:31.113Z\" level=debug msg=\"Trying to pull orbit/web from https://registry-1.docker.io v2\"": "",
		// a mirror miss logged at info level only: a registry's error code
		// falls back only from a mirror
		"Jun 11 04:21:02 ci-host dockerd[640]: time=\"2026-06-11T04:21:02.500Z\" level=info msg=\"Attempting next endpoint for pull after error: toomanyrequests: quota exceeded on cache.orbit.test\"": "",
		// daemon-only journals: a transport error on the last endpoint is
		// the daemon's only record of the failure
		"time=\"2026-03-02T08:12:09Z\" level=error msg=\"Attempting next endpoint for push after error: Get https://registry.orbit.test:5000/v2/: http: server gave HTTP response to HTTPS client\"":                                                               "http-https-mismatch",
		"Jun 11 04:22:45 ci-host dockerd[640]: time=\"2026-06-11T04:22:45.019Z\" level=info msg=\"Attempting next endpoint for pull after error: Get \\\"https://registry.orbit.test/v2/\\\": dial tcp: lookup registry.orbit.test on 10.8.0.2:53: no such host\"": "registry-unreachable",
		"Jun 11 04:23:10 ci-host dockerd[640]: time=\"2026-06-11T04:23:10.771Z\" level=info msg=\"Attempting next endpoint for pull after error: Get \\\"https://registry.orbit.test/v2/\\\": x509: certificate signed by unknown authority\"":                     "tls-untrusted",
		// two notices (v2, then old daemons' v1 ping), nothing after: the last is the failure
		"level=error msg=\"Attempting next endpoint for push after error: Get https://10.8.0.9:5000/v2/: http: server gave HTTP response to HTTPS client\"\nlevel=error msg=\"Attempting next endpoint for push after error: Get https://10.8.0.9:5000/v1/_ping: http: server gave HTTP response to HTTPS client\"": "http-https-mismatch",
		// the daemon gave up: its own line keeps the reading
		"time=\"2026-03-02T08:13:40Z\" level=info msg=\"Attempting next endpoint for pull after error: manifest unknown: manifest unknown\"\ntime=\"2026-03-02T08:13:40Z\" level=error msg=\"Not continuing with pull after error: manifest unknown: manifest unknown\"": "manifest-unknown",
		// the client's final answer after the notice keeps its reading
		"$ docker push registry.orbit.test:5000/orbit/api:3\ntime=\"2026-03-02T08:14:01Z\" level=error msg=\"Attempting next endpoint for push after error: Get https://registry.orbit.test:5000/v2/: http: server gave HTTP response to HTTPS client\"\nGet https://registry.orbit.test:5000/v2/: http: server gave HTTP response to HTTPS client": "http-https-mismatch",
	})
}
