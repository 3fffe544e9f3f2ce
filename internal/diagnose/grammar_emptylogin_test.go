package diagnose

import "testing"

// A login that complained it got no username or password, followed by a
// request the registry refused as anonymous (emptylogin.go): the refusal is
// the empty credential's consequence, so empty-credential leads. Look-alikes:
// the refusal alone, a complaint printed after the refusal, a fork pull
// request (fork-pr-readonly), an empty password from a failed credential
// command (its own cause), and a refusal that is not about credentials.
func TestMessageGrammarEmptyLogin(t *testing.T) {
	checkFirstCause(t, map[string]string{
		// docker CLI, no terminal to prompt for the missing username
		"Error: Cannot perform an interactive login from a non TTY device\n" +
			`Error response from daemon: Head "https://ghcr.io/v2/orbit-org/orbit-api/manifests/1.4.0": unauthorized`: "empty-credential",
		// docker CLI, --password-stdin without -u, then a push
		"Must provide --username with --password-stdin\nThe push refers to repository [registry.orbit.test/orbit/api]\n" +
			"5f1a2b3c4d5e: Preparing\nunauthorized: authentication required": "empty-credential",
		// docker/login-action with empty inputs, a later script push
		"Error: Username and password required\nThe push refers to repository [registry.orbit.test/orbit/api]\n" +
			"5f1a2b3c4d5e: Preparing\nunauthorized: authentication required": "empty-credential",
		// nerdctl login without a username, then a pull
		"nerdctl login registry.orbit.test\n" +
			"Enter Username: time=\"2026-01-20T09:30:00Z\" level=fatal msg=\"stdin is not a terminal (Hint: use `nerdctl login --username=USERNAME --password-stdin`)\"\n" +
			"nerdctl pull registry.orbit.test/orbit/api:1.4.0\n" +
			`time="2026-01-20T09:30:02Z" level=fatal msg="failed to resolve reference \"registry.orbit.test/orbit/api:1.4.0\": pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed"`: "empty-credential",
		// guard: the refusal alone stays no-login
		`Error response from daemon: Head "https://ghcr.io/v2/orbit-org/orbit-api/manifests/1.4.0": unauthorized`: "no-login",
		// guard: a complaint after the refusal does not explain it
		`Error response from daemon: Head "https://ghcr.io/v2/orbit-org/orbit-api/manifests/1.4.0": unauthorized` +
			"\nError: Cannot perform an interactive login from a non TTY device": "no-login",
		// guard: a fork pull request gets no secrets
		"  Secret source: None\nError: Cannot perform an interactive login from a non TTY device\n" +
			`Error response from daemon: Head "https://ghcr.io/v2/orbit-org/orbit-api/manifests/1.4.0": unauthorized`: "fork-pr-readonly",
		// guard: the password came from an AWS CLI call that could not reach its endpoint
		"Connect timeout on endpoint URL: \"https://api.ecr.eu-west-1.amazonaws.com/\"\n" +
			"Error: Cannot perform an interactive login from a non TTY device\n" +
			"The push refers to repository [123456789012.dkr.ecr.eu-west-1.amazonaws.com/orbit/api]\nno basic auth credentials": "registry-unreachable",
		// guard: a missing tag is not a credential problem
		"Error: Cannot perform an interactive login from a non TTY device\n" +
			"Error response from daemon: manifest for ghcr.io/orbit-org/orbit-api:1.4.0 not found: manifest unknown": "manifest-unknown",
	})
}
