package diagnose

import "testing"

// TestMessageGrammarRustCreds pins the Rust docker_credential crate's lookup
// failures (sig_rustcreds.go) in Pants' wrapper and bare: no entry for the
// host on a pull (the client stops before asking the registry) and on a push,
// no config at all, and a config or helper that fails. The look-alikes keep
// their own answer or stay quiet: a tool that logs the lookup and goes on
// anonymously, an unrelated "No config file found", and the AWS SDK's own
// credential chain.
func TestMessageGrammarRustCreds(t *testing.T) {
	checkFirstCause(t, map[string]string{
		// Pants docker environment pulls (pantsbuild/pants#20306's wrapper)
		"native_engine.IntrinsicError: Failed to pull Docker image `public.ecr.aws/orbit/runner:2`: Failed to retrieve credentials for server `public.ecr.aws`: User has no credential configured":                                    "client-bug",
		"native_engine.IntrinsicError: Failed to pull Docker image `registry.orbit.test/tools/py:3.11`: Failed to retrieve credentials for server `registry.orbit.test`: User has no credential configured":                           "client-bug",
		"native_engine.IntrinsicError: Failed to pull Docker image `registry.orbit.test/tools/py:3.11`: Failed to retrieve credentials for server `registry.orbit.test`: No config file found":                                        "no-login",
		"native_engine.IntrinsicError: Failed to pull Docker image `registry.orbit.test/tools/py:3.11`: Failed to retrieve credentials for server `registry.orbit.test`: Unable to read config":                                       "credential-store-error",
		"native_engine.IntrinsicError: Failed to pull Docker image `registry.orbit.test/tools/py:3.11`: Failed to retrieve credentials for server `registry.orbit.test`: Credential helper `gcloud` returned non-zero response code:": "credential-store-error",
		"native_engine.IntrinsicError: Failed to pull Docker image `registry.orbit.test/tools/py:3.11`: Failed to retrieve credentials for server `registry.orbit.test`: Unable to communicate with credential helper":                "credential-store-error",
		// the crate's sentences in another Rust tool's wrapper (older crate: no helper name);
		// a pull there names no client with a known defect
		"Error: failed to pull registry.orbit.test/orbit/base:3: User has no credential configured":                  "no-login",
		"Error: could not push orbit/app:1.0 to registry.orbit.test: User has no credential configured":              "no-login",
		"Error: credential lookup for registry.orbit.test failed: Credential helper returned non-zero response code": "credential-store-error",
		"Error: credential lookup for registry.orbit.test failed: Credential helper response malformed":              "credential-store-error",
		// look-alikes: a lookup logged on the way to an anonymous pull; an
		// unrelated config message; the AWS SDK's credential chain
		"WARN credential lookup for registry.orbit.test: User has no credential configured, pulling anonymously": "",
		"No config file found, using defaults": "",
		"Error: failed to retrieve credentials: failed to refresh cached credentials, no EC2 IMDS role found": "",
		// other tools' credential helpers and config readers
		"warning: credential helper 'store' returned non-zero response code; unable to read config ~/.git-credentials": "",
		"error: credential helper `cargo:token` returned non-zero response code for `orbit` registry index":            "",
		"gh: unable to communicate with credential helper (keyring locked)":                                            "",
		"npm WARN config: unable to read config /home/ci/.npmrc; credential helper disabled":                           "",
	})
}
