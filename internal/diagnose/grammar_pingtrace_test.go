package diagnose

import "testing"

// TestMessageGrammarPingTrace holds debug traces of the registry API's /v2/
// check: the 401 challenge that opens every token exchange is not a refusal
// (pingtrace.go), while a 401 to any other request in the same traces, and
// the client's own error lines, keep their answers.
func TestMessageGrammarPingTrace(t *testing.T) {
	checkFirstCause(t, map[string]string{
		// containers/image --debug: the check's answer alone
		`time="2026-03-02T10:20:00Z" level=debug msg="Ping https://quay.orbit.test/v2/ status 401"`: "",
		"DEBU[0000] GET https://registry.orbit.test/v2/\nDEBU[0000] Ping https://registry.orbit.test/v2/ status 401\nDEBU[0000] GET https://registry.orbit.test/v2/token?account=orbit&scope=repository%3Aorbit%2Fapp%3Apull&service=registry.orbit.test": "",
		// go-containerregistry --verbose: the dumped answer to GET /v2/
		"2026/03/02 10:15:01 <-- 401 https://index.docker.io/v2/ (41.2ms)\n2026/03/02 10:15:01 HTTP/1.1 401 Unauthorized\nContent-Type: application/json\nWww-Authenticate: Bearer realm=\"https://auth.docker.io/token\",service=\"registry.docker.io\"\n\n{\"errors\":[{\"code\":\"UNAUTHORIZED\",\"message\":\"authentication required\",\"detail\":null}]}": "",
		"2026/03/02 10:15:01 <-- 401 https://ghcr.io/v2 (12ms)\n2026/03/02 10:15:01 HTTP/1.1 401 Unauthorized\n{\"errors\":[{\"code\":\"UNAUTHORIZED\",\"message\":\"authentication required\"}]}":                                                                                                                                                              "",
		// guard: the registry's client error after such a trace keeps its answer
		"DEBU[0000] Ping https://quay.orbit.test/v2/ status 401\nFATA[0001] initializing source docker://quay.orbit.test/orbit/app:1.0: reading manifest 1.0 in quay.orbit.test/orbit/app: unauthorized: access to the requested resource is not authorized": "no-login",
		// guard: the check that got no HTTP answer is not a challenge
		`DEBU[0000] Ping https://registry.orbit.test:5000/v2/ err Get "https://registry.orbit.test:5000/v2/": dial tcp 10.0.0.5:5000: connect: connection refused`: "registry-unreachable",
		// guard: a dumped 401 to a manifest request is a refusal, not the check
		"2026/03/02 10:15:01 <-- 401 https://registry.orbit.test/v2/orbit/app/manifests/1.0 (20ms)\n2026/03/02 10:15:01 HTTP/1.1 401 Unauthorized\n{\"errors\":[{\"code\":\"UNAUTHORIZED\",\"message\":\"authentication required\"}]}": "no-login",
		// guard: the next response header ends the check's dump
		"2026/03/02 10:15:01 <-- 401 https://registry.orbit.test/v2/ (9ms)\n2026/03/02 10:15:01 HTTP/1.1 401 Unauthorized\n2026/03/02 10:15:02 <-- 401 https://registry.orbit.test/v2/orbit/app/blobs/uploads/ (30ms)\n2026/03/02 10:15:02 HTTP/1.1 401 Unauthorized\n{\"errors\":[{\"code\":\"UNAUTHORIZED\",\"message\":\"authentication required\"}]}": "no-login",
		// guard: the client's error line right after the dump keeps its answer
		"2026/03/02 10:15:01 <-- 401 https://registry.orbit.test/v2/ (9ms)\n2026/03/02 10:15:01 HTTP/1.1 401 Unauthorized\n2026/03/02 10:15:01 --> GET https://registry.orbit.test/v2/orbit/app/tags/list\nError: reading tags for registry.orbit.test/orbit/app: GET https://registry.orbit.test/v2/orbit/app/tags/list: UNAUTHORIZED: authentication required; [map[Action:pull Class: Name:orbit/app Type:repository]]": "no-login",
		// guard: the registry's JSON body printed on its own keeps its reading
		`{"errors":[{"code":"UNAUTHORIZED","message":"authentication required","detail":null}]}`: "no-login",
	})
}
