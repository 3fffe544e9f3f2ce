package diagnose

import "testing"

// TestMessageGrammarOCIClients holds TestMessageGrammar's lines for the
// shapes found in the ninth held-out batch, part d (registry clients' own
// trackers: containers/image, nerdctl, oras, SDK-built clients): one line
// (or a few) per shape, the first finding's cause wanted ("" = no finding),
// with guards that keep the neighbouring readings. Kept apart from the other
// tables so that parallel batches do not edit the same block.
func TestMessageGrammarOCIClients(t *testing.T) {
	checkFirstCause(t, map[string]string{
		// containers/image's own spelling "Requesting bear token", on a pull of a GHCR name nobody logged in for
		"Error: initializing source docker://ghcr.io/lumen-labs/notes-base-main:stable: Requesting bear token: invalid status code from registry 403 (Forbidden)": "manifest-unknown",
		// guard: the same refusal after a login to ghcr.io keeps the credential reading
		"$ podman login ghcr.io -u mira\nLogin Succeeded!\nError: initializing source docker://ghcr.io/lumen-labs/notes-base-main:stable: Requesting bear token: invalid status code from registry 403 (Forbidden)": "token-expired",
		// guard: a 404 from the token endpoint stays the registry's
		"Error: initializing source docker://registry.lab.example/ops/agent:2.0: Requesting bear token: invalid status code from registry 404 (Not Found)": "registry-fault",
		// oras-go (helm) reading a GHCR path that holds no package
		"$ helm pull oci://ghcr.io/lumen-labs/charts:2.4.0\n" + `Error: GET "https://ghcr.io/v2/lumen-labs/charts/tags/list": GET "https://ghcr.io/token?scope=repository%3Alumen-labs%2Fcharts%3Apull&service=ghcr.io": response status code 403: denied: requested access to the resource is denied`: "manifest-unknown",
		// guard: a copy's token request for its source name (no image read in the log) keeps no-login
		`✗  ERROR:  GET https://ghcr.io/token?scope=repository%3Alumen-labs%2Fcharts%3Apull&service=ghcr.io: DENIED: requested access to the resource is denied`: "no-login",
		// containers/image's "STATUS (Text)" server error while checking a blob at the destination
		`FATA[0036] trying to reuse blob sha256:0a1b2c at destination: failed to read from destination repository ledger-api: 500 (Internal Server Error)`: "registry-fault",
		// a login answered 404 names no repository
		`ERRO[0001] failed to call tryLoginWithRegHost            error="unexpected status code 404" i=0`: "client-bug",
		// guard: a push answered 404 keeps the repository reading
		`ERROR: failed to push registry.lab.example/ops/agent:2.0: unexpected status from POST request to https://registry.lab.example/v2/ops/agent/blobs/uploads/: 404 Not Found`: "repo-not-found",
		// ECR refusing to complete an upload for what the client sent
		`Response content: {"errors":[{"code":"BLOB_UPLOAD_INVALID","message":"None of the provided layer digests match the calculated layer digest"}]}`:                                                                                                                                                                                        "client-bug",
		`Cause: PUT "https://111122223333.dkr.ecr.us-east-2.amazonaws.com/v2/recipes/blobs/uploads/47552b?digest=sha256%3Ae3b0c4": response status code 400: blob upload invalid: The upload with id '47552b' in the repository with name 'recipes' in registry with id '111122223333' cannot be completed because it does not have any parts.`: "client-bug",
		// guard: a lost upload session stays the registry's
		`error pushing image: failed to push to destination harbor.lab.example/ops/agent:2.0: PATCH https://harbor.lab.example/v2/ops/agent/blobs/uploads/1f2e: BLOB_UPLOAD_UNKNOWN: blob upload unknown to registry`: "registry-fault",
		// oras refusing a reference whose digest expanded to empty
		`Error: "ghcr.io/lumen-labs/guest-agent@": no tag or digest specified`: "empty-reference-variable",
		// nerdctl build and buildctl without a BuildKit daemon
		"FATA[0000] no buildkit host is available, tried 2 candidates: failed to ping to host unix:///run/buildkit-default/buildkitd.sock: exit status 1":                                   "daemon-unreachable",
		`error: failed to list workers: Unavailable: connection error: desc = "transport: error while dialing: dial unix /run/buildkit/buildkitd.sock: connect: no such file or directory"`: "daemon-unreachable",
		// guard: a builder description naming the socket is not a failure
		"Endpoint:      unix:///run/buildkit/buildkitd.sock": "",
		// an HTML page (a WAF or proxy) answering containers/image's layer upload
		`Error: writing blob: uploading layer chunked: StatusCode: 403, <!DOCTYPE html>`:                                                        "registry-fault",
		`level=fatal msg="writing blob: uploading layer chunked: StatusCode: 400, \"<html><body><h1>400 Bad request</h1>\\nYour browser ...\""`: "registry-fault",
		// guard: the registry's own JSON answer in the same wording keeps the credential reading
		`Error: writing blob: uploading layer chunked: StatusCode: 401, Reason: Unauthorized, Details: {"errors":[{"code":"UNAUTHORIZED","message":"authentication required"}]}`: "no-login",
		// the token request cut off (EOF)
		`FATA[0030] failed to resolve reference "docker.io/lumenlabs/notes-api:1.4": failed to authorize: failed to fetch anonymous token: Get "https://auth.docker.io/token?scope=repository%3Alumenlabs%2Fnotes-api%3Apull&service=registry.docker.io": EOF`: "registry-fault",
		// guard: another service's EOF is not a registry's
		`Error: Get "https://api.github.com/repos/acme/widget/releases?per_page=1": EOF`: "",
		// containers/image after the manifest it read: GHCR's bare "denied"
		"Error: initializing source docker://ghcr.io/lumen-labs/notes-worker:1.9.2: reading manifest 1.9.2 in ghcr.io/lumen-labs/notes-worker: denied": "manifest-unknown",
		// guard: the bare "denied" of another tool's message stays quiet
		"Error: reading config file /etc/notes/app.yaml: denied": "",
		// a structured logger's quoted error after the registry's bare "unauthorized"
		`level=warning msg="Failed to send blob post" err="failed to send blob post, ref harbor.lab.example/mirror/agent:2.0: unauthorized"`: "no-login",
		// jib's refusal for an Artifact Registry path without its repository part
		"Build image failed, perhaps you should make sure your credentials for 'europe-west1-docker.pkg.dev/lumen-prod-2231/notes-api' are set up correctly.": "invalid-reference",
		// guard: a full PROJECT/REPOSITORY/IMAGE path keeps the login reading
		"Build image failed, perhaps you should make sure your credentials for 'europe-west1-docker.pkg.dev/lumen-prod-2231/apps/notes-api' are set up correctly.": "no-login",
		// Red Hat's unauthenticated registry asking for a login: its own fault
		"Error: creating build container: initializing source docker://registry.access.redhat.com/ubi9/go-toolset:latest: unable to retrieve auth token: invalid username/password: unauthorized: Please login to the Red Hat Registry using your Customer Portal credentials.": "registry-fault",
		// guard: registry.redhat.io does require the login
		"error creating build container: Error initializing source docker://registry.redhat.io/ubi9/ubi:latest: unable to retrieve auth token: invalid username/password: unauthorized: Please login to the Red Hat Registry using your Customer Portal credentials.": "no-login",
	})
}
