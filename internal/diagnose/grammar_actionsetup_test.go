package diagnose

import "testing"

// TestMessageGrammarActionSetup holds the runner's own lines for a Docker
// container action's image (actions/runner ContainerActionHandler: "Docker
// build failed with exit code N", "Docker pull failed with exit code N"):
// they name the platform even when an excerpt lost the `_actions` path and
// the "Build container for action use" header. That build or pull runs at
// job set-up, before any step could log in.
func TestMessageGrammarActionSetup(t *testing.T) {
	checkFirstCause(t, map[string]string{
		// Docker Hub's token endpoint refusing the runner's pull of a public base image: the job has no credential of its own
		"#3 ERROR: failed to authorize: failed to fetch oauth token: unexpected status from GET request to https://auth.docker.io/token?scope=repository%3Alibrary%2Fnode%3Apull&service=registry.docker.io: 401 Unauthorized\nError: Docker build failed with exit code 1": "registry-fault",
		`Error response from daemon: Head "https://registry-1.docker.io/v2/example/lint-action/manifests/v3": unauthorized: incorrect username or password` + "\nWarning: Docker pull failed with exit code 1, back off 2.4 seconds before retry.":                          "registry-fault",
		// the same refusal with nothing of the runner's keeps the credential reading
		"#3 ERROR: failed to authorize: failed to fetch oauth token: unexpected status from GET request to https://auth.docker.io/token?scope=repository%3Alibrary%2Fnode%3Apull&service=registry.docker.io: 401 Unauthorized": "bad-credentials",
		// the runner's line alone is no registry failure
		"Error: Docker build failed with exit code 1": "",
	})
}
