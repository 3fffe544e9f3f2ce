package diagnose

import "testing"

// TestMessageGrammarContentAndAuthFiles holds TestMessageGrammar's lines for
// the shapes found in the eleventh held-out batch, part a (GitHub Actions
// jobs around GHCR, Docker Hub and ECR): containerd's content fetcher, the
// credential files clients could not read, DigitalOcean's credential API,
// a cache option read as an image name and MCR's anonymous tokens. One line
// (or a few) per shape, the first finding's cause wanted ("" = no finding),
// with guards that keep the neighbouring readings.
func TestMessageGrammarContentAndAuthFiles(t *testing.T) {
	checkFirstCause(t, map[string]string{
		// containerd image store: the index's platform manifest is gone
		"docker: failed to copy: httpReadSeeker: failed open: content at https://ghcr.io/v2/orbitlabs/linters/manifests/sha256:3b1f0c9e2a7d4c6b8e5f1a2d3c4b5a69 not found: not found": "manifest-unknown",
		// guard: a missing layer is the registry's storage, not the tag
		"failed to copy: httpReadSeeker: failed open: content at https://registry.lab.example/v2/orbit/notes/blobs/sha256:9f8e7d6c5b4a39281706f5e4d3c2b1a0 not found: not found": "registry-fault",
		// containers/image cannot read its auth file, and its login cannot create the directory
		`time="2026-04-02T09:12:44Z" level=fatal msg="Error parsing image name \"docker://registry.lab.example/orbit/notes:1.4\": getting username and password: 1 error occurred:\n\t* reading JSON file \"/run/containers/1001/auth.json\": open /run/containers/1001/auth.json: permission denied\n\n"`: "credential-store-error",
		"+ skopeo login --username orbit --password-stdin quay.io\ntime=\"2026-04-02T09:12:44Z\" level=fatal msg=\"mkdir /run/containers: permission denied\"":                                                                                                                                             "credential-store-error",
		// containers/common's check of --authfile / REGISTRY_AUTH_FILE
		"Error: credential file is not accessible: faccessat /home/runner/work/_temp/auth.json: no such file or directory": "credential-store-error",
		"Error: credential file is not accessible: stat /run/user/1001/containers/auth.json: permission denied":            "credential-store-error",
		// guard: another tool's sentence with the same words
		"AWS credential file is not accessible": "",
		// guard: another tool's JSON file is not a registry credential
		`npm error JSON.parse Failed to parse JSON data: reading JSON file "package.json": unexpected end of JSON input`: "",
		// actions/attest reads only ~/.docker/config.json
		"Error: Error: No credential file found at /home/runner/.docker/config.json": "no-login",
		// DigitalOcean's registry credential API: scope (403) and token (401)
		`Error: GET https://api.digitalocean.com/v2/registry/docker-credentials?expiry_seconds=600&read_write=true: 403 (request "7a1c2d3e") you do not have access for the attempted action`: "token-missing-scope",
		`Error: GET https://api.digitalocean.com/v2/registry/docker-credentials?expiry_seconds=600&read_write=true: 401 (request "7a1c2d3e") Unable to authenticate you`:                      "bad-credentials",
		// guard: another DigitalOcean API's refusal is not a registry's
		`Error: GET https://api.digitalocean.com/v2/kubernetes/clusters: 403 (request "7a1c2d3e") you do not have access for the attempted action`: "",
		// a cache option without type= read as docker.io/library/<backend>
		"#13 [auth] library/gha:pull,push token for registry-1.docker.io\nERROR: failed to solve: error writing layer blob: failed to authorize: failed to fetch oauth token: unexpected status: 401 Unauthorized": "missing-registry-host",
		// guard: a real registry cache ref keeps the credential reading
		"#13 [auth] orbitlabs/notes-cache:pull,push token for registry-1.docker.io\nERROR: failed to solve: error writing layer blob: failed to authorize: failed to fetch oauth token: unexpected status: 401 Unauthorized": "bad-credentials",
		// MCR refuses an anonymous token: the service, not a login
		"ERROR: failed to build: failed to solve: failed to authorize: failed to fetch anonymous token: unexpected status from GET request to https://mcrprod.azurecr.io/oauth2/token?scope=repository%3Adotnet%2Fsdk%3Apull&service=mcrprod.azurecr.io: 401 Unauthorized": "registry-fault",
		// guard: a private ACR's refusal keeps the missing-login reading
		"ERROR: failed to solve: failed to authorize: failed to fetch anonymous token: unexpected status from GET request to https://orbitlabs.azurecr.io/oauth2/token?scope=repository%3Anotes%3Apull&service=orbitlabs.azurecr.io: 401 Unauthorized": "no-login",
	})
}
