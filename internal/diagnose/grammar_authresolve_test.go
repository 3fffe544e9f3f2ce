package diagnose

import "testing"

// TestMessageGrammarAuthResolve holds go-containerregistry's keychain
// failing before any request, as kaniko wraps it (sig_authresolve.go).
func TestMessageGrammarAuthResolve(t *testing.T) {
	checkFirstCause(t, map[string]string{
		`error checking push permissions -- make sure you entered the correct tag name, and that you are authenticated correctly, and try again: checking push permission for "us-docker.pkg.dev/acme/images/widget": resolving authorization for us-docker.pkg.dev failed: /kaniko/.docker/config.json: read /kaniko/.docker/config.json: is a directory`: "credential-store-error",
		`error building image: getting stage builder for stage 0: resolving authorization for registry.acme.test:5000 failed: error getting credentials - err: exec: "docker-credential-ecr-login": executable file not found in $PATH, out: ` + "``":                                                                                                      "credential-store-error",
		`resolving authorization for ghcr.io failed: open /workspace/.docker/config.json: permission denied`: "credential-store-error",
		// an application's own authorization wording names no registry host
		`resolving authorization for user jdoe failed: session expired`: "",
	})
}
