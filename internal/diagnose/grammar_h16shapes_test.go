package diagnose

import "testing"

// TestMessageGrammarGHCRReadWithoutCredential holds GHCR's refusals of a read
// sent without a credential (sig_ghcrread.go): containerd's "failed to fetch
// anonymous token:" wrapped before its URL, and read_package answering a
// read with no login before it.
func TestMessageGrammarGHCRReadWithoutCredential(t *testing.T) {
	checkFirstCause(t, map[string]string{
		// wrapped after "anonymous token:": the URL and the 403 on the next lines
		"ERROR: failed to solve: failed to fetch anonymous token: \nunexpected status from GET request to \nhttps://ghcr.io/token?scope=repository%3Aexample-org%2Fbase-image%3Apull&service=ghcr.io: 403 Forbidden": "manifest-unknown",
		// the same URL and 403 without the cut before it: a stored credential refused (ghcrStaleCredential)
		"Error: GET \"https://ghcr.io/token?scope=repository%3Aexample-org%2Fbase-image%3Apull&service=ghcr.io\": response status code 403: denied: denied": "token-expired",
		// read_package on a tag list with no login: private or missing package
		"Error: GET \"https://ghcr.io/v2/example-org/charts/ledger/tags/list\": response status code 403: denied: permission_denied: read_package": "manifest-unknown",
		// read_package after a login for ghcr.io is not an anonymous read
		"Login Succeeded\nError: GET \"https://ghcr.io/v2/example-org/charts/ledger/tags/list\": response status code 403: denied: permission_denied: read_package": "gh-token-packages-permission",
	})
}

// TestMessageGrammarDockerConfigUnreadable holds the client failing to open
// a file of its docker config directory (sig_dockercfgperm.go).
func TestMessageGrammarDockerConfigUnreadable(t *testing.T) {
	checkFirstCause(t, map[string]string{
		"#3 ERROR: rpc error: code = Unknown desc = open /home/ci/.docker/.token_seed: permission denied": "credential-store-error",
		"ERROR: open /home/ci/.docker/.token_seed.lock: permission denied":                                "credential-store-error",
		"error: failed to solve: open /home/builder/.docker/config.json: permission denied":               "credential-store-error",
		// docker CLI's warning goes on without the config: not a failure by itself
		"WARNING: Error loading config file: /home/ci/.docker/config.json: open /home/ci/.docker/config.json: permission denied": "",
		// another tool's file in a directory of the same name is not read
		"open /srv/app/.dockerignore: permission denied": "",
	})
}

// TestLayerExistsIsNotTransfer holds that docker push's "Layer already
// exists" (a HEAD needing only pull access) is no proof of an authorised
// upload (sig_layerexists.go): a refusal after it is not a token that
// expired mid-transfer, while one after "Pushed" still is.
func TestLayerExistsIsNotTransfer(t *testing.T) {
	checkFirstCause(t, map[string]string{
		"The push refers to repository [docker.io/example-org/ledger]\n3b2ed178cc9f: Preparing\n3b2ed178cc9f: Layer already exists\nunauthorized: authentication required": "no-login",
		"The push refers to repository [docker.io/example-org/ledger]\n3b2ed178cc9f: Preparing\n3b2ed178cc9f: Pushed\nunauthorized: authentication required":               "token-expired",
	})
}
