package diagnose

import (
	"strings"
	"testing"
)

// TestMessageGrammarNotationCredentialsStore holds the lines of notation's
// credentials-store failures (notaryproject/notation cmd/notation/login.go,
// pkg/auth): before 1.0 "could not get the credentials store: …" with
// "credentials store config was not set up" when no credential helper is
// configured, from 1.0 "failed to get credentials store: …" and the login's
// "the credential could not be saved because a credentials store is
// required". The look-alikes are the warnings notation and docker print
// when a login goes on without a helper: they must stay quiet.
func TestMessageGrammarNotationCredentialsStore(t *testing.T) {
	checkFirstCause(t, map[string]string{
		"Error: could not get the credentials store: failed to load config file, error: credentials store config was not set up":                                                                   "credential-store-error",
		"Error: could not get the credentials store: error getting credentials - err: exit status 1, out: `pass store is uninitialized`":                                                           "credential-store-error",
		"Error: failed to get credentials store: failed to load docker config: open /home/ci/.docker/config.json: permission denied":                                                               "credential-store-error",
		"Error: failed to log in to registry.orbit.test: the credential could not be saved because a credentials store is required to securely store the password. See https://notaryproject.dev/": "credential-store-error",
		"                the credential could not be saved because a credentials store is required to securely store the password.":                                                                "credential-store-error",
		// look-alikes: the login went on (notation and docker warnings)
		"Warning: The credentials store is not set up. It is recommended to configure the credentials store to securely store your credentials.": "",
		"Warning: Configuring credential helper to securely store credentials is recommended.":                                                   "",
		"https://docs.docker.com/engine/reference/commandline/login/#credentials-store":                                                          "",
		"Configure a credential helper to remove this warning. See":                                                                              "",
	})
	// the why names notation's missing credentials store only for its own
	// two sentences; another store failure keeps the helper's why
	whys := map[string]string{
		"Error: could not get the credentials store: failed to load config file, error: credentials store config was not set up":                "notation keeps registry logins only in a credentials store",
		"Error: failed to log in to registry.orbit.test: the credential could not be saved because a credentials store is required to securely": "notation keeps registry logins only in a credentials store",
		"Error: could not get the credentials store: error getting credentials - err: exit status 1, out: `pass store is uninitialized`":        "pass init",
	}
	for line, want := range whys {
		rep, err := Explain(strings.NewReader(line+"\n"), Options{})
		if err != nil {
			t.Fatal(err)
		}
		if len(rep.Findings) == 0 || !strings.Contains(rep.Findings[0].Message, want) {
			t.Errorf("%s\n  want a why holding %q, got %+v", line, want, rep.Findings)
		}
	}
}
