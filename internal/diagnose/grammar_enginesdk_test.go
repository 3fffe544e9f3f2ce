package diagnose

import "testing"

// TestMessageGrammarEngineSDK holds the lines for the shapes found in the
// held-out batch 22j (programs on the Docker Engine API through an SDK:
// docker-py and the tools on it, Watchtower's Go client, dockerode,
// docker-java): the engine's answers those programs relay. One line per
// shape, the first finding's cause wanted ("" = no finding), with the
// look-alikes that must keep their reading.
func TestMessageGrammarEngineSDK(t *testing.T) {
	checkFirstCause(t, map[string]string{
		// an image ID passed as a name: repository sha256 on Docker Hub
		`Unable to update container "/orbit-api": Error response from daemon: pull access denied for sha256, repository does not exist or may require 'docker login': denied: requested access to the resource is denied. Proceeding to next.`:                                                                                                          "client-bug",
		`docker.errors.ImageNotFound: 404 Client Error for http+docker://localhost/v1.41/images/create?tag=4f0c9a7e2b1d8c6a5f3e0d9b8a7c6e5f4d3c2b1a0f9e8d7c6b5a4f3e2d1c0b9a&fromImage=sha256: Not Found ("pull access denied for sha256, repository does not exist or may require 'docker login': denied: requested access to the resource is denied")`: "client-bug",
		// guard: Watchtower's HEAD warning alone (it falls back to a pull) stays quiet
		`time="2024-03-02T04:00:12Z" level=warning msg="Reason: registry responded to head request with \"401 Unauthorized\", auth: \"Bearer realm=\\\"https://auth.docker.io/token\\\",service=\\\"registry.docker.io\\\",scope=\\\"repository:library/sha256:pull\\\",error=\\\"insufficient_scope\\\"\"" container=/orbit-api`: "",
		// guard: names that merely start with sha256, or a user's repository called sha256, keep their reading
		`Error response from daemon: pull access denied for sha256sum-tools, repository does not exist or may require 'docker login': denied: requested access to the resource is denied`: "manifest-unknown",
		`Error response from daemon: pull access denied for orbitdev/sha256, repository does not exist or may require 'docker login': denied: requested access to the resource is denied`: "manifest-unknown",

		// a refused read of a public official image: not a missing name
		`Error response from daemon: pull access denied for alpine, repository does not exist or may require 'docker login': denied: requested access to the resource is denied`: "registry-fault",
		`Error response from daemon: Get "https://registry-1.docker.io/v2/library/redis/manifests/7.2": unauthorized: authentication required`:                                   "registry-fault",
		// guard: a misspelt or unknown library name, scratch, and a user's repository keep their reading
		`Error response from daemon: pull access denied for alpinee, repository does not exist or may require 'docker login': denied: requested access to the resource is denied`:         "manifest-unknown",
		`Error response from daemon: pull access denied for scratch, repository does not exist or may require 'docker login': denied: requested access to the resource is denied`:         "manifest-unknown",
		`Error response from daemon: pull access denied for orbitdev/alpine, repository does not exist or may require 'docker login': denied: requested access to the resource is denied`: "manifest-unknown",

		// a plain-text error page where the registry API's JSON belongs
		`Error response from daemon: error parsing HTTP 404 response body: invalid character 'p' after top-level value: "404 page not found\n"`:                                                                                 "registry-fault",
		`"msg": "Error pulling image orbit/base:3.8 - 500 Server Error: Internal Server Error (\"error parsing HTTP 404 response body: invalid character 'p' after top-level value: \\\"404 page not found\\\\n\\\"\")"`:        "registry-fault",
		`Error response from daemon: error parsing HTTP 502 response body: invalid character 'B' looking for beginning of value: "Bad Gateway"`:                                                                                 "registry-fault",
		`Error response from daemon: error parsing HTTP 503 response body: invalid character 'u' looking for beginning of value: "upstream connect error or disconnect/reset before headers. reset reason: connection failure"`: "registry-fault",
		// guard: the HTML form keeps html-error-body's reading, a 403 text body is not read as a fault
		`Error response from daemon: error parsing HTTP 404 response body: invalid character '<' looking for beginning of value: "<html><body><h1>404 Not Found</h1></body></html>"`: "missing-registry-host",
		`Error response from daemon: error parsing HTTP 403 response body: invalid character 'F' looking for beginning of value: "Forbidden"`:                                        "",
		// guard: an application's own JSON parse error is not the daemon's registry client
		`json: cannot unmarshal: error parsing HTTP 404 response body from the weather API: invalid character 'p' after top-level value`: "",

		// a pull whose image config blob the registry cannot serve, bare and quoted by docker-py/Ansible
		`error pulling image configuration: unknown blob`:                                                    "registry-fault",
		`"msg": "Error pulling orbit - code: None message: error pulling image configuration: unknown blob"`: "registry-fault",
		`docker: error pulling image configuration: download failed after attempts=6: unknown blob.`:         "registry-fault",
		// guard: the same prefix with a network failure keeps its reading
		`error pulling image configuration: download failed after attempts=6: dial tcp 104.16.0.1:443: i/o timeout`: "registry-unreachable",
	})
}

// TestPlainTextBodyWording: plain-text-error-body names Go's NotFound text
// only when the 404 body is that text; another front end's plain 404 is
// named as a plain-text page, and still read as registry-fault.
func TestPlainTextBodyWording(t *testing.T) {
	checkFirstMessage(t, map[string]string{
		`Error response from daemon: error parsing HTTP 404 response body: invalid character 'p' after top-level value: "404 page not found\n"`:                                                 `plain-text 404 page (Go's "404 page not found") instead`,
		"$ docker pull images.orbit.test/orbit/api:2\n" + `Error response from daemon: error parsing HTTP 404 response body: invalid character 'N' looking for beginning of value: "Not Found"`: "answered the registry API with a plain-text 404 page instead",
	})
	checkFirstCause(t, map[string]string{
		"$ docker pull images.orbit.test/orbit/api:2\n" + `Error response from daemon: error parsing HTTP 404 response body: invalid character 'N' looking for beginning of value: "Not Found"`: "registry-fault",
	})
}
