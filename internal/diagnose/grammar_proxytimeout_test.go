package diagnose

import "testing"

// TestMessageGrammarProxyTimeout holds a front end's HTML 408 Request
// Timeout page read as the registry's answer (sig_policy.go html-error-body):
// the proxy in front of the registry or mirror gave up, with guards.
func TestMessageGrammarProxyTimeout(t *testing.T) {
	checkFirstCause(t, map[string]string{
		// dockerd pulling through a registry mirror, and a push to a named host
		`error parsing HTTP 408 response body: invalid character '<' looking for beginning of value: "<html><body><h1>408 Request Time-out</h1>\nYour browser didn't send a complete request in time.\n</body></html>\n"`: "registry-fault",
		"$ docker push registry.orbit.test/team/api:1.4\n" + `error parsing HTTP 408 response body: invalid character '<' looking for beginning of value: "<html><head><title>408 Request Time-out</title></head><body>"`: "registry-fault",
		// docker 1.x wording of the same page
		`Error: Status 408 trying to pull repository orbit/api: "<html><body><h1>408 Request Time-out</h1>`: "registry-fault",
		// guards: other HTML statuses keep their answers; a 408 outside a registry client says nothing
		`error parsing HTTP 404 response body: invalid character '<' looking for beginning of value: "<!DOCTYPE html><html><head><title>Page not found</title>"`: "missing-registry-host",
		`error parsing HTTP 502 response body: invalid character '<' looking for beginning of value: "<html>\r\n<head><title>502 Bad Gateway</title></head>"`:    "registry-fault",
		"curl: (22) The requested URL returned error: 408": "",
	})
}
