package diagnose

import "testing"

// TestMessageGrammarPlainHTTPRead400 holds the lines of a read (HEAD, GET)
// sent over plain HTTP and answered 400 Bad Request without a message, as
// containerd prints it in CRI pulls, crictl, ctr and nerdctl: a TLS port's
// answer to plain HTTP (plainhttp400.go). Guards keep a 400 over HTTPS, a
// 400 to an upload and a 400 with the registry's own error on their readings.
func TestMessageGrammarPlainHTTPRead400(t *testing.T) {
	checkFirstCause(t, map[string]string{
		// a CRI pull through a mirror endpoint written http:// for a TLS port
		`E0412 09:14:51.220915    8731 log.go:32] "PullImage from image service failed" err="rpc error: code = Unknown desc = failed to pull and unpack image \"docker.io/orbit/notes:1.4\": failed to resolve reference \"docker.io/orbit/notes:1.4\": unexpected status from HEAD request to http://10.20.0.7:8443/v2/orbit/notes/manifests/1.4?ns=docker.io: 400 Bad Request" image="orbit/notes:1.4"`: "http-https-mismatch",
		// crictl's own failure line, and a kubelet event
		`FATA[0003] pulling image: failed to pull and unpack image "registry.lab.example:443/orbit/notes:1.4": failed to resolve reference "registry.lab.example:443/orbit/notes:1.4": unexpected status from HEAD request to http://registry.lab.example:443/v2/orbit/notes/manifests/1.4: 400 Bad Request`:                                                                                                                                       "http-https-mismatch",
		`Warning  Failed     9s (x2 over 31s)   kubelet            Failed to pull image "mirror.lab.example:5443/orbit/notes:1.4": failed to pull and unpack image "mirror.lab.example:5443/orbit/notes:1.4": failed to copy: httpReadSeeker: failed open: unexpected status from GET request to http://mirror.lab.example:5443/v2/orbit/notes/manifests/sha256:5d1e0a7c2b3f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a0b9c8d7e6f5a4b: 400 Bad Request`: "http-https-mismatch",
		// guard: the same 400 over HTTPS keeps the malformed-name reading
		`FATA[0003] pulling image: failed to pull and unpack image "registry.lab.example/orbit/notes:1.4": failed to resolve reference "registry.lab.example/orbit/notes:1.4": unexpected status from HEAD request to https://registry.lab.example/v2/orbit/notes/manifests/1.4: 400 Bad Request`: "invalid-reference",
		// guard: a manifest PUT by digest over plain HTTP keeps its reading
		`error: failed commit on ref "manifest-sha256:9f8e7d6c5b4a39281706f5e4d3c2b1a09f8e7d6c5b4a39281706f5e4d3c2b1a0": unexpected status from PUT request to http://registry.lab.example:5000/v2/orbit/notes/manifests/sha256:9f8e7d6c5b4a39281706f5e4d3c2b1a09f8e7d6c5b4a39281706f5e4d3c2b1a0: 400 Bad Request`: "registry-fault",
		// guard: nginx's own page named in the answer keeps its signature
		`Error response from daemon: Get "http://registry.lab.example:443/v2/": The plain HTTP request was sent to HTTPS port`: "http-https-mismatch",
		// guard: an application's plain-HTTP 400 is not a registry's
		`GET request to http://api.orbit.test/users/42: 400 Bad Request`: "",
	})
}
