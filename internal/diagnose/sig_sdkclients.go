package diagnose

import (
	"fmt"
	"regexp"
	"strings"
)

// Docker SDKs used by test harnesses and CI scripts (docker-py under
// testcontainers-python, pytest fixtures, docker-compose v1 and the SAM CLI;
// docker-java under Testcontainers for Java and the Maven/Gradle plugins)
// wrap the daemon's or the proxy's answer in their own layer:
//
//   - docker-py asks the daemon for its version when a client is made
//     (APIClient._retrieve_server_version, GET /version without an API
//     prefix) and wraps any failure as "docker.errors.DockerException: Error
//     while fetching server API version: ERR", where ERR is urllib3's or the
//     socket's error ("('Connection aborted.', FileNotFoundError(2, 'No such
//     file or directory'))" for a missing socket, PermissionError for one the
//     user may not open, urllib3's HTTPConnectionPool(…) for DOCKER_HOST).
//     docker-py's api/client.py; no registry is contacted at that point.
//   - an HTTP proxy that wants credentials answers a registry request with
//     407, which Go's net/http surfaces as the status text "Proxy
//     Authentication Required" after the request ("Get
//     https://registry-1.docker.io/v2/: Proxy Authentication Required",
//     relayed by docker-java as Status 500 {"message": …}); Windows proxies
//     word it "Proxy Authorization Required". RFC 9110 §15.5.8: the proxy,
//     not the registry, answered.

func init() { sigGroups = append(sigGroups, sigsSDKClients) }

func sigsSDKClients() {
	register(
		&signature{
			id:   "dockerpy-server-version",
			keys: []string{"fetching server api version"},
			re:   regexp.MustCompile(`(?i)Error while fetching server API version: (.*)`),
			rank: func(h *hit, f *facts) []cand {
				low := strings.ToLower(h.m[1])
				why := "The Python Docker client (docker-py, used by testcontainers-python, pytest fixtures and docker-compose v1) could not reach the Docker daemon when it asked for its version: the daemon or the dind service is not running where DOCKER_HOST (or the default socket) points. No registry was contacted."
				switch {
				case strings.Contains(low, "filenotfounderror") || strings.Contains(low, "no such file or directory"):
					why = "The Python Docker client (docker-py, used by testcontainers-python and pytest fixtures) found no Docker socket: /var/run/docker.sock (or the DOCKER_HOST socket) does not exist on this runner. Start the daemon, run the job where one is available (a docker:dind service with DOCKER_HOST=tcp://docker:2375), or point DOCKER_HOST at the socket the runtime really uses (Docker Desktop's 'Allow the default Docker socket', colima's or a rootless socket). No registry was contacted."
				case strings.Contains(low, "permissionerror") || strings.Contains(low, "permission denied"):
					why = "The Python Docker client may not open the Docker socket: the user running the tests is not in the docker group (or the rootless socket belongs to another user). No registry was contacted."
				case strings.Contains(low, "failed to resolve") || strings.Contains(low, "name or service not known") || strings.Contains(low, "nodename nor servname"):
					why = "The Python Docker client could not resolve the daemon's host named in DOCKER_HOST: on GitLab CI the docker:dind service is missing from this job (its alias `docker` only resolves when the service runs). No registry was contacted."
				case strings.Contains(low, "connection refused") || strings.Contains(low, "connectionrefusederror"):
					why = "The Python Docker client reached the daemon's host but nothing listened on the port: the dind service is not up yet, or listens on the other port (2376 with TLS unless DOCKER_TLS_CERTDIR is empty). No registry was contacted."
				}
				return []cand{c("daemon-unreachable", 0.86, why)}
			},
		},
		&signature{
			id:   "registry-proxy-407",
			keys: []string{"proxy authentication required", "proxy authorization required"},
			re:   regexp.MustCompile(`(?i)(?:GET|HEAD|POST|PUT|PATCH) "?https?://([^/\s"]+)/v2/[^\s"]*"?: Proxy Auth(?:entication|orization) Required`),
			veto: gitLike,
			rank: func(h *hit, f *facts) []cand {
				return []cand{
					c("registry-unreachable", 0.82, fmt.Sprintf("The request to %s never reached the registry: an HTTP proxy on the way answered 407 (it wants proxy credentials). Give the daemon the proxy and its credentials (HTTPS_PROXY=http://user:pass@proxy:port in the daemon's or Docker Desktop's proxy settings, NO_PROXY for internal registries), or pull from a registry reachable without the proxy (an internal mirror; Testcontainers' hub.image.name.prefix / image name substitution).", hostName(h.m[1]))),
					c("registry-fault", 0.3, ""),
				}
			},
		},
	)
}
