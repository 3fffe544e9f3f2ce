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
