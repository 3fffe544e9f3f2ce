package diagnose

import (
	"fmt"
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
//   - Testcontainers says it found no container engine before any pull:
//     Java "Could not find a valid Docker environment" (DockerClientProviderStrategy),
//     Node "Could not find a working container runtime strategy", .NET
//     "Docker is either not running or misconfigured" (DockerUnavailableException).
//   - testcontainers-node runs the credential helper itself (its
//     credential-provider.ts) and throws when the helper fails: "An error
//     occurred getting a credential: CODE", "An error occurred listing
//     credentials" (a helper without `list`, docker-credential-gcr).
//   - Docker Desktop refuses an engine-API pull that carries no credential
//     when sign-in is enforced for an organisation or Registry Access
//     Management needs authenticated pulls: 407 "Please run 'docker login'"
//     (testcontainers-go: "Failed to pull image: Error response from daemon:
//     Please run 'docker login'"; Docker.DotNet: "status
//     code=ProxyAuthenticationRequired, response=Please run 'docker login'").

func init() { sigGroups = append(sigGroups, sigsSDKClients) }

func sigsSDKClients() {
	register(
		&signature{
			id:   "dockerpy-server-version",
			keys: []string{"fetching server api version"},
			re:   lazyRe(`(?i)Error while fetching server API version: (.*)`),
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
			re:   lazyRe(`(?i)(?:GET|HEAD|POST|PUT|PATCH) "?https?://([^/\s"]+)/v2/[^\s"]*"?: Proxy Auth(?:entication|orization) Required`),
			veto: gitLike,
			rank: func(h *hit, f *facts) []cand {
				return []cand{
					c("registry-unreachable", 0.82, fmt.Sprintf("The request to %s never reached the registry: an HTTP proxy on the way answered 407 (it wants proxy credentials). Give the daemon the proxy and its credentials (HTTPS_PROXY=http://user:pass@proxy:port in the daemon's or Docker Desktop's proxy settings, NO_PROXY for internal registries), or pull from a registry reachable without the proxy (an internal mirror; Testcontainers' hub.image.name.prefix / image name substitution).", hostName(h.m[1]))),
					c("registry-fault", 0.3, ""),
				}
			},
		},
		&signature{
			id:   "testcontainers-no-engine",
			keys: []string{"could not find a valid docker environment", "working container runtime strategy", "docker is either not running or misconfigured"},
			re:   lazyRe(`(?i)(?:Could not find a valid Docker environment|Could not find a working container runtime strategy|Docker is either not running or misconfigured)`),
			rank: fixed(c("daemon-unreachable", 0.86, "Testcontainers found no container engine to talk to, before any image was pulled: no Docker daemon on this runner, the docker:dind service missing or on another port (DOCKER_HOST=tcp://docker:2375 with DOCKER_TLS_CERTDIR=\"\", or 2376 with TLS), a socket the test user may not open, or a runtime whose socket is elsewhere (colima, Podman, rootless: set DOCKER_HOST, and TESTCONTAINERS_DOCKER_SOCKET_OVERRIDE for Ryuk). No registry was contacted.")),
		},
		&signature{
			id: "desktop-requires-login",
			// Registry Access Management words its refusal in full: "Pull
			// failed due to an unauthenticated request. Registry Access
			// Management is enabled, which requires pulls to be
			// authenticated. Please run `docker login`, …"
			keys: []string{"please run 'docker login'", "registry access management is enabled"},
			re:   lazyRe(`(?i)(?:(?:Error response from daemon: |response=)Please run 'docker login'|Registry Access Management is enabled, which requires pulls to be authenticated)`),
			rank: fixed(
				c("no-login", 0.8, "Docker Desktop refused the pull because it carried no credential: the organisation enforces sign-in or Registry Access Management requires authenticated pulls. The client here (a Docker SDK or Testcontainers) pulls through the engine API and sends X-Registry-Auth only from its own config lookup: sign in to Docker Desktop and docker login, and make sure the library finds that credential (credsStore/credHelpers, DOCKER_AUTH_CONFIG)."),
				c("client-bug", 0.5, "Docker Desktop 4.19.0 refused SDK pulls this way for signed-in members of an organisation that enforces sign-in (Docker.DotNet issue 631); a Desktop update or the CLI's pull works around it.")),
			tell: tellUnauthenticated,
		},
		&signature{
			id:   "testcontainers-node-credential",
			keys: []string{"error occurred getting a credential", "error occurred listing credentials"},
			re:   lazyRe(`(?i)An error occurred (?:getting a credential|listing credentials)`),
			rank: fixed(
				c("credential-store-error", 0.8, "Testcontainers (Node) ran the credential helper named in ~/.docker/config.json (credsStore/credHelpers) and the helper failed, so the pull stopped before any registry request. Run the helper by hand (echo HOST | docker-credential-NAME get), install or repair it, or remove the credsStore entry on a runner that needs no login."),
				c("client-bug", 0.55, "testcontainers-node 11.7.0 stopped on a helper's normal 'not found' answer instead of pulling anonymously (fixed in 11.7.1), and older releases failed on helpers without `list` (docker-credential-gcr): check the library version before the helper.")),
		},
	)
}
