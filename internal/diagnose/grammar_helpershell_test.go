package diagnose

import "testing"

// TestMessageGrammarHelperShell holds the ways a missing docker credential
// helper is reported when something other than the docker CLI runs it
// (sig_transport.go "credential-store"): a POSIX shell's "command not found"
// and Node's child_process "Command failed: docker-credential-NAME VERB"
// (Docker Desktop's UI, editor extensions), and Nomad's docker driver
// relaying a helper's failure ("docker-credential-NAME with input … failed
// with stderr: …"), with guards.
func TestMessageGrammarHelperShell(t *testing.T) {
	checkFirstCause(t, map[string]string{
		`sh: 1: docker-credential-pass: command not found`:                                                      "credential-store-error",
		`/usr/bin/bash: line 3: docker-credential-secretservice: command not found`:                             "credential-store-error",
		`Error: Command failed: docker-credential-osxkeychain get`:                                              "credential-store-error",
		`Command failed: docker-credential-wincred store /bin/sh: docker-credential-wincred: command not found`: "credential-store-error",
		// Nomad's docker driver runs the helper and relays its failure (current and older wording)
		`Driver Failure   failed to initialize task "ledger-api" for alloc "5c1d2e3f-0a9b-8c7d-6e5f-4a3b2c1d0e9f": Failed to find docker auth for repo "210987654321.dkr.ecr.eu-west-1.amazonaws.com/ledger-api": docker-credential-ecr-login with input "https://210987654321.dkr.ecr.eu-west-1.amazonaws.com/ledger-api" failed with stderr: 2024-03-02T10:11:12Z [ERROR] Error retrieving credentials: NoCredentialProviders: no valid providers in chain. Deprecated.`: "credential-store-error",
		`[ERROR] client.alloc_runner.task_runner: running driver failed: task=ledgerd error="Failed to find docker auth for repo \"europe-docker.pkg.dev/ledger-prod/apps/ledgerd\": docker-credential-gcr failed with stderr: docker-credential-gcr/helper: could not retrieve GCR's access token: credentials not found in native keychain"`:                                                                                                                             "credential-store-error",
		// guard: the same SDK error in a controller's own ECR call (no helper) is no credential at all
		"reconcile failed: list ECR images: NoCredentialProviders: no valid providers in chain. Deprecated.": "no-login",
		// guards: a helper that is only named, a shell missing another tool
		`Installing docker-credential-pass 0.8.2 from the release page`: "",
		`sh: 1: jq: command not found`:                                  "",
		`Command failed: git credential fill`:                           "",
	})
}
