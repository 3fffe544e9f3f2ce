package diagnose

import (
	"regexp"
	"strings"
)

// Shapes from the eighth held-out batch, part a (GitLab CI jobs): clients
// other than the docker CLI that talk to a docker:dind service and print the
// failure in their own words.

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
			re:   regexp.MustCompile(`(?i)connect ECONNREFUSED \[?[0-9A-Za-z.:\-]*\]?:237[56]\b`),
			rank: fixed(c("daemon-unreachable", 0.86, "Nothing listens on the Docker Engine port the client dialled: the docker:dind service is not up, or listens on the other port (dind 19.03+ serves TLS on 2376 and nothing on 2375 unless DOCKER_TLS_CERTDIR is empty)."),
				c("registry-unreachable", 0.3, "")),
		},
		&signature{
			id: "http-to-https-port",
			// Go's net/http server answers a plain-HTTP request on a TLS port
			// with the body "Client sent an HTTP request to an HTTPS server."
			// (net/http server.go). The Docker daemon is such a server: on
			// dind's TLS port 2376 it answers so, and dockerode prefixes the
			// Engine API's status, "(HTTP code 400) bad parameter - …". A
			// registry behind a Go server says the same to a client told to
			// use http:// for it.
			keys: []string{"http request to an https server"},
			re:   regexp.MustCompile(`(?i)Client sent an HTTP request to an HTTPS server`),
			need: []string{"(http code", ":2376", ":2375", "docker", "/v2/", "registry", "push", "pull"},
			rank: func(h *hit, f *facts) []cand {
				if containsAny(h.low, []string{"(http code", ":2376", ":2375", "docker_host", "tcp://docker"}) {
					return []cand{
						c("daemon-unreachable", 0.84, "The Docker daemon itself answered that the client spoke plain HTTP to its TLS port: the client's DOCKER_HOST/TLS settings do not match the docker:dind service (port 2376 needs DOCKER_TLS_VERIFY and the client certificates from DOCKER_CERT_PATH; port 2375 needs DOCKER_TLS_CERTDIR set empty on the service)."),
						c("http-https-mismatch", 0.45, ""),
					}
				}
				return []cand{
					c("http-https-mismatch", 0.8, "The registry serves HTTPS on this port and the client sent plain HTTP: drop the insecure/http setting for this registry (or point it at the registry's HTTP port)."),
					c("daemon-unreachable", 0.35, ""),
				}
			},
			tell: func(h *hit, f *facts) string {
				return "An Engine API status before the text (dockerode's \"(HTTP code 400)\") or a Docker Engine port (2375/2376) means the daemon answered: daemon-unreachable; a registry URL means the registry did: http-https-mismatch."
			},
		},
	)
}

// isReadRequest reports whether the refused request is a read by its HTTP
// verb (docker's and Go's "Get https://…", "Head \"https://…\""), when the
// URL itself does not say what was read (a redacted or elided URL). The
// registry's /v2/ ping is a login's, not a read's.
func isReadRequest(h *hit) bool {
	if h.url.Object == "ping" || h.url.Object == "blobs/uploads" || strings.Contains(h.low, "/v2/:") || strings.Contains(h.low, "/v2/\":") {
		return false
	}
	return containsAny(h.low, []string{"get http", "head http", "get \"http", "head \"http"})
}
