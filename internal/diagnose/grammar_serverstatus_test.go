package diagnose

import "testing"

// TestMessageGrammarServerStatus: containerd reports a status whose body
// parsed as a registry error as "unexpected status code URL: STATUS - Server
// message: CODE: MESSAGE" (remotes/docker/fetcher.go); kubelet events and
// wrappers quote it with or without the URL. A 429 in that form is the
// registry (or a proxy cache passing on its upstream's limit) throttling.
func TestMessageGrammarServerStatus(t *testing.T) {
	checkFirstCause(t, map[string]string{
		// without the URL: a kubelet event (Harbor's proxy cache passing on its upstream's 429), a wrapper's error
		"  Warning  Failed  31s  kubelet  Failed to pull image \"cache.orbit.test/hub-proxy/orbit/ledger:1.4\": 429 Too Many Requests - Server message: unknown: too many requests to upstream registry":                                                                                                                  "rate-limited",
		"Error: pull cache.orbit.test/hub-proxy/orbit/ledger:1.4: 429 Too Many Requests - Server message: toomanyrequests: retry later":                                                                                                                                                                                   "rate-limited",
		"  Warning  Failed  kubelet  Failed to pull image \"cache.acme.test/hub/library/redis:7\": failed to copy: httpReadSeeker: failed open: unexpected status code https://cache.acme.test/v2/hub/library/redis/manifests/7: 429 Too Many Requests - Server message: unknown: too many requests to upstream registry": "rate-limited",
		// guard: another status in the same wording is not a rate limit
		"412 Precondition Failed - Server message: unknown: The image is not signed in Notary.": "",
		// guard: an application's own exception text with a 429 code
		"NetworkException: Too many requests (Status Code: 429) - Server message: slow down": "",
	})
}
