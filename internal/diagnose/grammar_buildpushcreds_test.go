package diagnose

import "testing"

// TestMessageGrammarBuildPushCreds holds the empty-input message of the
// mr-smithers-excellent/docker-build-push action: its login step throws
// "Must supply Docker registry credentials to push image!" when the username
// or password input is empty and the registry is not ECR (src/docker.ts,
// login()). Like docker/login-action's "Username and password required", the
// secrets the inputs name expanded to empty (empty-credential), or the run got
// no secrets at all (fork-pr-readonly). Look-alikes: the same words inside a
// build's own output stay with what failed, and an action's other failures
// keep their own answer.
func TestMessageGrammarBuildPushCreds(t *testing.T) {
	checkFirstCause(t, map[string]string{
		// the action's error as the step prints it
		"Run mr-smithers-excellent/docker-build-push@v6\n  with:\n    image: orbit/api\n    registry: registry.orbit.test\n" +
			"Error: Must supply Docker registry credentials to push image!": "empty-credential",
		// older releases set the step failed with the bare message
		"Building Docker image orbit/api with tags 1.4.0...\nMust supply Docker registry credentials to push image!": "empty-credential",
		// a fork pull request gets no secrets
		"  Secret source: None\nError: Must supply Docker registry credentials to push image!": "fork-pr-readonly",
		// guard: the action's own build failure is not a credential problem
		"Building Docker image orbit/api with tags 1.4.0...\n" +
			"ERROR: failed to solve: process \"/bin/sh -c make orbit-assets\" did not complete successfully: exit code: 2": "",
		// guard: a push the registry refused keeps its answer
		"The push refers to repository [ghcr.io/orbit-org/api]\n5f1a2b3c4d5e: Preparing\n" +
			"denied: installation not allowed to Create organization package": "gh-token-packages-permission",
	})
}
