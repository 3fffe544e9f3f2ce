package diagnose

import "testing"

// TestMessageGrammarWrapTail holds what is left of a wrapped containerd
// "failed to resolve reference" message and a refused HTTPS default port on
// a private registry address (sig_wraptail.go), with guards.
func TestMessageGrammarWrapTail(t *testing.T) {
	checkFirstCause(t, map[string]string{
		// containerd's message wrapped by a tracker: the reference alone before ": not found"
		"failed to resolve\nreference \"registry.acme.example/shop/cart:2.4.1\":\nregistry.acme.example/shop/cart:2.4.1: not found": "manifest-unknown",
		"  harbor.acme.example:8443/team/api@sha256:0123abcd: not found":                                                            "manifest-unknown",
		// a tool's own error context around the resolver's "REF: not found" (oc-mirror v1 catalog pinning and the like)
		"FATAL error pinning images in catalog registry.orbit.test/orbit/operator-index:v4.8: registry.orbit.test/orbit/proxy-init:2.0.4: not found": "manifest-unknown",
		"error: unable to retrieve source image quay.orbit.test:8443/orbit/agent@sha256:0123abcd: not found":                                         "manifest-unknown",
		"level=fatal msg=\"copy failed: mirror.orbit.test/tools/base:1.2: not found\"":                                                               "manifest-unknown",
		// guards: a push's local image, a host-less name, an error with no reference, prose
		"FATA[0000] failed to push registry.orbit.test/orbit/app:1.0: not found": "",
		"error pinning images in catalog: orbit/proxy-init:2.0.4: not found":     "",
		"error: exec: \"skopeo\": executable file not found":                     "",
		"the tag registry.orbit.test/orbit/app:1.0: not found in the changelog":  "",
		// a private registry named without a port refuses 443: plain-HTTP registry
		"Error response from daemon: Get \"https://192.168.7.20/v2/\": dial tcp 192.168.7.20:443: connect: connection refused": "http-https-mismatch",
		// guards: a shell's "not found", a host-less name, a public address, a time-out, an explicit port
		"sh: 1: cart: not found":     "",
		"shop/cart:2.4.1: not found": "",
		"Error response from daemon: Get \"https://registry.acme.example/v2/\": dial tcp 203.0.113.9:443: connect: connection refused": "registry-unreachable",
		"Error response from daemon: Get \"https://192.168.7.20/v2/\": dial tcp 192.168.7.20:443: i/o timeout":                         "registry-unreachable",
		"Error response from daemon: Get \"https://192.168.7.20:443/v2/\": dial tcp 192.168.7.20:443: connect: connection refused":     "registry-unreachable",
	})
}

// TestMessageGrammarWrappedSchemeMismatch holds Go's net/http "http: server
// gave HTTP response to HTTPS client" hard-wrapped by the CLI or terminal
// that printed a long pull error, at each word after "http: server gave"
// (sig_transport.go http-https-mismatch), with guards: prose without the
// "http: " prefix, other errors that end a line the same way, and the
// unwrapped forms.
func TestMessageGrammarWrappedSchemeMismatch(t *testing.T) {
	checkFirstCause(t, map[string]string{
		"  backend ErrImagePull: rpc error: code = Unknown desc = failed to pull and unpack image \"127.0.0.1:31000/orbit/api:dev\": failed to do request: Head\n\"https://127.0.0.1:31000/v2/orbit/api/manifests/dev\": http: server gave HTTP\nresponse to HTTPS client;":                                                                                          "http-https-mismatch",
		"Failed to pull image \"10.20.0.5:5000/orbit/web:1.2\": rpc error: code = Unknown desc = failed to pull and unpack image \"10.20.0.5:5000/orbit/web:1.2\": failed to resolve reference \"10.20.0.5:5000/orbit/web:1.2\": failed to do request: Head \"https://10.20.0.5:5000/v2/orbit/web/manifests/1.2\": http: server gave\nHTTP response to HTTPS client": "http-https-mismatch",
		"FATA[0000] pulling image: rpc error: code = Unknown desc = failed to pull and unpack image \"registry.orbit.test:5000/tools/busybox:latest\": failed to do request: Head https://registry.orbit.test:5000/v2/tools/busybox/manifests/latest: http: server gave HTTP response to\n  HTTPS client":                                                            "http-https-mismatch",
		"error: Get \"https://registry.orbit.test:5000/v2/\": http: server gave HTTP response\nto HTTPS client":                     "http-https-mismatch",
		"Error response from daemon: Get \"https://registry.orbit.test:5000/v2/\": http: server gave HTTP response to HTTPS client": "http-https-mismatch",
		// guards
		"note: the server gave HTTP\nresponse codes we did not expect":                                                       "",
		"Error response from daemon: Get \"https://registry.orbit.test/v2/\": x509: certificate signed by unknown authority": "tls-untrusted",
		"http: server gave HTTP response code 200 for /healthz":                                                              "",
	})
}
