package diagnose

import "testing"

// TestMessageGrammarHelperShell holds the ways a missing docker credential
// helper is reported when something other than the docker CLI runs it
// (sig_transport.go "credential-store"): a POSIX shell's "command not found"
// and Node's child_process "Command failed: docker-credential-NAME VERB"
// (Docker Desktop's UI, editor extensions), with guards.
func TestMessageGrammarHelperShell(t *testing.T) {
	checkFirstCause(t, map[string]string{
		`sh: 1: docker-credential-pass: command not found`:                                                      "credential-store-error",
		`/usr/bin/bash: line 3: docker-credential-secretservice: command not found`:                             "credential-store-error",
		`Error: Command failed: docker-credential-osxkeychain get`:                                              "credential-store-error",
		`Command failed: docker-credential-wincred store /bin/sh: docker-credential-wincred: command not found`: "credential-store-error",
		// guards: a helper that is only named, a shell missing another tool
		`Installing docker-credential-pass 0.8.2 from the release page`: "",
		`sh: 1: jq: command not found`:                                  "",
		`Command failed: git credential fill`:                           "",
	})
}
