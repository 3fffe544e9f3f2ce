package diagnose

import (
	"strings"
	"testing"
)

// TestMessageGrammarSDKClients holds the lines for the shapes found in the
// sixteenth held-out batch, part b (programmatic clients and test harnesses:
// docker-py, docker-java, Testcontainers): one line per shape, the first
// finding's cause wanted ("" = no finding), with guards for look-alikes.
func TestMessageGrammarSDKClients(t *testing.T) {
	checkFirstCause(t, map[string]string{
		// docker-py's version probe when the client is made, by what failed
		"docker.errors.DockerException: Error while fetching server API version: ('Connection aborted.', FileNotFoundError(2, 'No such file or directory'))":                                                                                                                                                                         "daemon-unreachable",
		"E   docker.errors.DockerException: Error while fetching server API version: ('Connection aborted.', PermissionError(13, 'Permission denied'))":                                                                                                                                                                              "daemon-unreachable",
		"docker.errors.DockerException: Error while fetching server API version: HTTPConnectionPool(host='docker', port=2375): Max retries exceeded with url: /version (Caused by NameResolutionError(\"<urllib3.connection.HTTPConnection object at 0x7f3e>: Failed to resolve 'docker' ([Errno -2] Name or service not known)\"))": "daemon-unreachable",
		// the same probe's urllib3 error on its own (no API prefix on /version)
		"requests.exceptions.ConnectionError: HTTPConnectionPool(host='localhost', port=2375): Max retries exceeded with url: /version (Caused by NewConnectionError('<urllib3.connection.HTTPConnection object at 0x7f0c>: Failed to establish a new connection: [Errno 111] Connection refused'))": "daemon-unreachable",
		// guard: an application's own /version endpoint under test is not the Engine API's
		"requests.exceptions.ConnectionError: HTTPConnectionPool(host='localhost', port=8080): Max retries exceeded with url: /version (Caused by NewConnectionError('<urllib3.connection.HTTPConnection object at 0x7f0c>: Failed to establish a new connection: [Errno 111] Connection refused'))": "",
		// guard: a registry's /v2/ keeps its reading
		"HTTPSConnectionPool(host='widgetcr.azurecr.io', port=443): Max retries exceeded with url: /v2/ (Caused by NewConnectionError('<urllib3.connection.HTTPSConnection object at 0x7f3a>: Failed to establish a new connection: [Errno 110] Connection timed out'))": "registry-unreachable",
		// guard: other "error while fetching" wordings stay quiet
		"Error while fetching server list: 503 Service Unavailable": "",
		// an authenticating proxy's 407 on a registry request (docker-java relays the daemon's error)
		`com.github.dockerjava.api.exception.InternalServerErrorException: Status 500: {"message":"Get https://registry-1.docker.io/v2/: Proxy Authentication Required"}`: "registry-unreachable",
		"Login did not succeed, error: Error response from daemon: Get https://registry-1.docker.io/v2/: Proxy Authorization Required":                                    "registry-unreachable",
		`Error response from daemon: Head "https://registry.widget.example/v2/acme/api/manifests/1.4": Proxy Authentication Required`:                                     "registry-unreachable",
		// guard: git's and pip's proxies are not a registry's
		"fatal: unable to access 'https://git.widget.example/v2/acme.git/': Received HTTP code 407 from proxy after CONNECT":                                "",
		"ERROR: Could not install packages: ProxyError('Cannot connect to proxy.', OSError('Tunnel connection failed: 407 Proxy Authentication Required'))": "",
		// Testcontainers finds no engine, in each language's wording
		"ERROR DockerClientProviderStrategy: Could not find a valid Docker environment. Please check configuration. Attempted configurations were:":                                                           "daemon-unreachable",
		"java.lang.IllegalStateException: Could not find a valid Docker environment. Please see logs and check configuration":                                                                                 "daemon-unreachable",
		"Error: Could not find a working container runtime strategy":                                                                                                                                          "daemon-unreachable",
		"System.ArgumentException : Docker is either not running or misconfigured. Please ensure that Docker is running and that the endpoint is properly configured. (Parameter 'DockerEndpointAuthConfig')": "daemon-unreachable",
		// Docker Desktop's 407 for an engine-API pull without credentials
		"Docker.DotNet.DockerApiException : Docker API responded with status code=ProxyAuthenticationRequired, response=Please run 'docker login'":                                                                         "no-login",
		"2023/06/27 16:10:45 Failed to pull image: Error response from daemon: Please run 'docker login', will retry":                                                                                                      "no-login",
		"Pull failed due to an unauthenticated request. Registry Access Management is enabled, which requires pulls to be authenticated. Please run `docker login`, or contact your administrators if this is unexpected.": "no-login",
		// guard: GCR's own wording keeps its reading
		"denied: Unauthenticated request. Unauthenticated requests do not have permission \"artifactregistry.repositories.downloadArtifacts\" on resource \"projects/acme/locations/europe/repositories/widget\" (or it may not exist)": "no-login",
		// testcontainers-node's own credential-helper errors
		`2025-10-01T07:03:36.303Z testcontainers [ERROR] An error occurred getting a credential: 1`: "credential-store-error",
		"Error: An error occurred listing credentials":                                              "credential-store-error",
		// guard: its debug line for a registry without a credential stays quiet
		`testcontainers [DEBUG] No credential found for registry: "https://index.docker.io/v1/"`: "",
		// guard: a how-to sentence is not the daemon's answer
		"If the pull fails, please run 'docker login' first and try again.": "",
		// docker-py's APIError explanation closes with a parenthesis
		`docker.errors.APIError: 500 Server Error for http+docker://localhost/v1.43/images/create?tag=latest&fromImage=ghcr.io%2Facme%2Fwidget: Internal Server Error ("Head "https://ghcr.io/v2/acme/widget/manifests/latest": unauthorized")`: "no-login",
		// guard: a test's own assertion text with the word in parentheses
		"AssertionError: expected status (unauthorized)": "",
	})
}

// TestDesktopAdviceIsNoLogin: Docker Desktop's "Please run `docker login`"
// advice is not a login that ran, so no registry host is read from it.
func TestDesktopAdviceIsNoLogin(t *testing.T) {
	msg := "Pull failed due to an unauthenticated request. Registry Access Management is enabled, which requires pulls to be authenticated. Please run `docker login`, or contact your administrators if this is unexpected.\n"
	rep, err := Explain(strings.NewReader(msg), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Findings) == 0 || rep.Findings[0].Cause != "no-login" {
		t.Fatalf("want no-login first, got %+v", rep.Findings)
	}
	if r := rep.Findings[0].Registry; strings.ContainsAny(r, "`,") {
		t.Errorf("registry %q read from the advice's backquoted command", r)
	}
}
