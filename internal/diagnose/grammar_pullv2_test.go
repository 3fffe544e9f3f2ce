package diagnose

import "testing"

// TestMessageGrammarPullV2 holds the lines of dockerd's own v2 pull errors
// (sig_pullv2.go), with guards.
func TestMessageGrammarPullV2(t *testing.T) {
	checkFirstCause(t, map[string]string{
		// Docker 1.13.0's puller with a manifest it should have taken
		"Error response from daemon: target is unknown":                             "client-bug",
		"Step 1/7 : FROM registry.lab.example/base/openjdk:8-54\ntarget is unknown": "client-bug",
		// guard: make's unknown target is no registry
		"Makefile:41: *** target is unknown: edge.  Stop.": "",
	})
}
