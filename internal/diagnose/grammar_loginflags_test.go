package diagnose

import "testing"

// TestMessageGrammarLoginFlags: a login given a flag its client release does
// not have (sig_loginflags.go).
func TestMessageGrammarLoginFlags(t *testing.T) {
	checkFirstCause(t, map[string]string{
		// a docker CLI older than 17.07 under a login wrapper
		"Logging into Docker Hub...\nError: unknown flag: --password-stdin":                                                                                    "client-bug",
		"$ echo \"$REGISTRY_PASSWORD\" | docker login -u ci --password-stdin registry.example.org\nunknown flag: --password-stdin\nSee 'docker login --help'.": "client-bug",
		// guard: the flag named in a warning about --password is no failure
		"WARNING! Using --password via the CLI is insecure. Use --password-stdin.\nLogin Succeeded": "",
	})
}
