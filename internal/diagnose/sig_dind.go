package diagnose

import (
	"strings"
)

// Shapes from the eighth held-out batch, part a (GitLab CI jobs): clients
// other than the docker CLI that talk to a docker:dind service and print the
// failure in their own words. (The daemon's "Client sent an HTTP request to
// an HTTPS server." on dind's TLS port is read by sig_rarecauses.go's
// plain-http-to-tls-port.)

func init() { sigGroups = append(sigGroups, sigsH8a) }

func sigsH8a() {
	register(
		&signature{
			id: "node-daemon-refused",
			// Node's net error for a refused TCP connection, "connect
			// ECONNREFUSED HOST:PORT" (libuv's errno name), as dockerode and
			// testcontainers-node print it. Only the Docker Engine ports count
			// (2375 plain, 2376 TLS, IANA-registered for docker): a refused
			// database or web port is the test's own business.
			keys: []string{":2375", ":2376"},
			re:   lazyRe(`(?i)connect ECONNREFUSED \[?[0-9A-Za-z.:\-]*\]?:237[56]\b`),
			rank: fixed(c("daemon-unreachable", 0.86, "Nothing listens on the Docker Engine port the client dialled: the docker:dind service is not up, or listens on the other port (dind 19.03+ serves TLS on 2376 and nothing on 2375 unless DOCKER_TLS_CERTDIR is empty)."),
				c("registry-unreachable", 0.3, "")),
		},
	)
}

// isReadRequest reports whether the refused request is a read by its HTTP
// verb (docker's and Go's "Get https://…", "Head \"https://…\""), when the
// URL itself does not say what was read (a redacted or elided URL). The
// registry's /v2/ ping is a login's, not a read's.
func isReadRequest(h *hit) bool {
	if h.url.Object == "ping" || h.url.Object == "blobs/uploads" || strings.Contains(h.low, "/v2/:") || strings.Contains(h.low, "/v2/\":") || strings.Contains(h.low, `/v2/\":`) {
		return false
	}
	return containsAny(h.low, readVerbURL)
}

// engineAPIRe matches the docker CLI's wrapper for a failed request to its
// own daemon, "error during connect: VERB \"URL\": ERR" (docker/cli's
// client), when the URL is a Docker Engine API path: the API version prefix
// "/vN.NN/" (Engine API versions are 1.x; a registry's API is /v2/) or the
// unversioned "/_ping". A TLS error on such a line is the client's link to
// the daemon (dind's TLS port 2376), not the daemon's link to a registry,
// which the daemon reports as "Error response from daemon: …".
var engineAPIRe = lazyRe(`(?i)error during connect: (?:get|post|head|put|delete) "?https?://[^/\s"]+/(?:v1\.\d+/|_ping\b)`)

// engineAPIConnect reports whether the lowercase line is the docker CLI's
// failed request to the Docker Engine API.
func engineAPIConnect(low string) bool {
	return strings.Contains(low, "error during connect") && engineAPIRe.MatchString(low)
}
