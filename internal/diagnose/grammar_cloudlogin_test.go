package diagnose

import "testing"

// TestMessageGrammarCloudLogin holds TestMessageGrammar's lines for the shapes found
// in the eighth held-out batch, part c (GitHub Actions): one line (or a few)
// per shape, the first finding's cause wanted ("" = no finding), with guards
// that keep the neighbouring readings. Kept apart from the other tables so
// that parallel batches do not edit the same block.
func TestMessageGrammarCloudLogin(t *testing.T) {
	checkFirstCause(t, map[string]string{
		// Docker Hub's 2025 wording for an account that must use an access token
		`Error response from daemon: Get "https://registry-1.docker.io/v2/": unauthorized: your account must log in with a Personal Access Token (PAT) - learn more at docs.docker.com/go/access-tokens`: "password-not-token",
		// GCR/Artifact Registry: the _json_key password is JSON but no service-account key
		`Error response from daemon: Get "https://gcr.io/v2/": unknown: Missing "client_email" in json key.`: "bad-credentials",
		// ... and to a key that is not JSON as given (base64, extra quotes)
		`Error response from daemon: Get "https://us-docker.pkg.dev/v2/": unknown: Unable to parse json key.`: "bad-credentials",
		// ECR Public's API called in a region it is not served from
		"Error: getaddrinfo ENOTFOUND api.ecr-public.ap-southeast-2.amazonaws.com":                                                                                        "login-wrong-host",
		`Could not connect to the endpoint URL: "https://api.ecr-public.eu-west-2.amazonaws.com/"`:                                                                        "login-wrong-host",
		"An error occurred (UnsupportedCommandException) when calling the GetAuthorizationToken operation: GetAuthorizationToken command is only supported in us-east-1.": "login-wrong-host",
		// guard: the right region, unreachable, stays a network failure
		"Error: getaddrinfo ENOTFOUND api.ecr-public.us-east-1.amazonaws.com": "registry-unreachable",
		// a pushed pr-N tag (metadata-action's pull_request tag) makes the run a pull request
		"#15 ERROR: failed to push ghcr.io/lumen-labs/ledger:pr-214: denied: installation not allowed to Write organization package": "fork-pr-readonly",
		// guard: a release tag keeps the token reading
		"#15 ERROR: failed to push ghcr.io/lumen-labs/ledger:v2.1.4: denied: installation not allowed to Write organization package": "gh-token-packages-permission",
		// guard: "pr-" followed by a word is no pull request tag
		"#15 ERROR: failed to push ghcr.io/lumen-labs/ledger:pr-preview: denied: installation not allowed to Write organization package": "gh-token-packages-permission",
		// containerd's streamed request that the registry asked to be replayed
		`#12 ERROR: failed commit on ref "manifest-sha256:9b1d2c3e4f5a6b7c8d9e0f1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e": cannot reuse body, request must be retried`: "registry-fault",
		// a Python bytes repr of docker's output keeps docker's reading
		`b'Get "https://ghcr.io/v2/lumen-labs/ledger/manifests/latest": unauthorized\n'`: "no-login",
		// guard: a repr of another tool's text stays quiet
		`b'{"detail": "Token required because branch is protected"}\n'`: "",
		// the GitHub-hosted runner's own Docker Hub credential refused while it builds an action's image
		"Build container for action use: '/home/runner/work/_actions/lumen-labs/lint-action/v2/Dockerfile'.\n  #3 ERROR: failed to authorize: failed to fetch oauth token: unexpected status from GET request to https://auth.docker.io/token?scope=repository%3Alibrary%2Falpine%3Apull&service=registry.docker.io: 401 Unauthorized": "registry-fault",
		// ... and while setup-buildx-action boots its builder
		"  /usr/bin/docker buildx inspect --bootstrap --builder builder-0b1c2d3e-4f50-4617-8293-a4b5c6d7e8f9\n  #1 ERROR: Error response from daemon: Head \"https://registry-1.docker.io/v2/moby/buildkit/manifests/buildx-stable-1\": unauthorized: incorrect username or password": "registry-fault",
		// guard: the workflow's own Docker Hub login makes it the workflow's credential
		"Run docker/login-action@v3\nLogging into Docker Hub...\nLogin Succeeded!\nBuild container for action use: '/home/runner/work/_actions/lumen-labs/lint-action/v2/Dockerfile'.\n  #3 ERROR: failed to authorize: failed to fetch oauth token: unexpected status from GET request to https://auth.docker.io/token?scope=repository%3Alibrary%2Falpine%3Apull&service=registry.docker.io: 401 Unauthorized": "bad-credentials",
		// guard: no GitHub Actions in sight keeps the ordinary reading
		`#3 ERROR: failed to authorize: failed to fetch oauth token: unexpected status from GET request to https://auth.docker.io/token?scope=repository%3Alibrary%2Falpine%3Apull&service=registry.docker.io: 401 Unauthorized`: "bad-credentials",
		// guard: a push is the workflow's credential
		"Error: The process '/usr/bin/docker' failed with exit code 1\n#9 ERROR: failed to authorize: failed to fetch oauth token: unexpected status from GET request to https://auth.docker.io/token?scope=repository%3Alumenlabs%2Fledger%3Apull%2Cpush&service=registry.docker.io: 401 Unauthorized": "bad-credentials",
	})
}
