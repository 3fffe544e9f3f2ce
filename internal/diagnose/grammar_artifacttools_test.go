package diagnose

import "testing"

// TestMessageGrammarArtifactTools holds TestMessageGrammar's lines for the
// shapes found in the twelfth held-out batch, part b (OCI artifact and
// deploy tools: helm/oras-go v2, the devcontainer CLI, Porter, wasm OCI
// clients, in-cluster registries): one line (or a few) per shape, the first
// finding's cause wanted ("" = no finding), with guards that keep the
// neighbouring readings. Kept apart from the other tables so that parallel
// batches do not edit the same block.
func TestMessageGrammarArtifactTools(t *testing.T) {
	checkFirstCause(t, map[string]string{
		// dockerd could not parse a 405's plain-text body: the registry refuses writes (read-only mode)
		"The push refers to repository [10.0.4.7:5000/tools/api]\n" + `error parsing HTTP 405 response body: invalid character 'M' looking for beginning of value: "Method not allowed\n"`: "registry-fault",
		// go-containerregistry's older transport, kaniko's push check
		`error checking push permissions -- make sure you entered the correct tag name, and that you are authenticated correctly, and try again: checking push permission for "10.0.4.7:5000/tools/api:v3": POST http://10.0.4.7:5000/v2/tools/api/blobs/uploads/: unsupported status code 405; body: Method not allowed`: "registry-fault",
		// BuildKit's wording of the same refusal
		`ERROR: failed to push nexus.lab.example/docker-group/api:v3: unexpected status from POST request to https://nexus.lab.example/v2/docker-group/api/blobs/uploads/: 405 Method Not Allowed`: "registry-fault",
		// guard: curl's 405 from an API is no registry's
		`curl: (22) The requested URL returned error: 405 Method Not Allowed`: "",
		// a success status reported as an error by a strict client
		`Pushing ./build/ledger.wasm to eu.gcr.io/ledger-prod/ledger:1.4.0 ...Error: An unexpected error occured: code=204 No Content, message=''`: "client-bug",
		// guard: a debug line with a 204 is no error
		`level=DEBUG msg=Response id=3 status="204 No Content" url=https://ghcr.io/v2/ledger/charts/api/manifests/1.2.0`: "",
		// containerd's older resolver refusing a challenge without scope
		"Error: All attempts fail:\n#1: oras push failed: no scope specified for token auth challenge": "client-bug",
		// oras-go v2 (helm) could not read the stored credential
		`Error: INSTALLATION FAILED: GET "https://ghcr.io/v2/ledger/charts/api/tags/list": unable to retrieve credentials`: "credential-store-error",
		// guard: an AWS SDK's own "unable to retrieve credentials" names no registry URL
		`Error: unable to retrieve credentials from the EC2 instance metadata service`: "",
		// helm 3.18.0 refusing a URL in `helm registry login`
		"$ echo $TOKEN | helm registry login -u ci --password-stdin https://registry.lab.example\n" + `Error: invalid reference: invalid registry "https://registry.lab.example"`: "client-bug",
		// guard: without a helm login the same parse error is the argument's
		`Error: invalid reference: invalid registry "https://registry.lab.example/"`: "invalid-reference",
		// a wrapper handed the scheme "oci:" to helm registry login: the host looked up is "oci"
		`level=info msg="Error logging in to endpoint, trying next endpoint" error="Get \"https://oci/v2/\": dial tcp: lookup oci on 10.43.0.10:53: server misbehaving"`: "client-bug",
		// guard: a real host that does not resolve keeps the network reading
		`Error response from daemon: Get "https://registry.lab.example/v2/": dial tcp: lookup registry.lab.example on 10.43.0.10:53: server misbehaving`: "registry-unreachable",
		// the devcontainer CLI pushed its generated local name
		`ERROR: failed to solve: failed to push docker.io/library/vsc-ledger-7f3c0d9e1a2b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5-features:latest: push access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed`: "client-bug",
		// guard: a push of an ordinary name keeps the namespace reading
		`ERROR: failed to solve: failed to push docker.io/library/ledger:latest: push access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed`: "push-outside-namespace",
		// Porter's existence check before publishing, refused anonymously
		`Publish stopped because detection of ledger/bundle:v2 in the destination registry failed. To overwrite it, repeat the command with --force specified: error retrieving bundle metadata for ledger/bundle:v2: GET https://index.docker.io/v2/ledger/bundle/manifests/v2: UNAUTHORIZED: authentication required; [map[Action:pull Class: Name:ledger/bundle Type:repository]]`: "client-bug",
		// helm dependency repository ending with the chart name: the name twice
		`Error: could not download oci://ghcr.io/ledger/charts/postgres/postgres: failed to authorize: failed to fetch anonymous token: unexpected status from GET request to https://ghcr.io/token?scope=repository%3Aledger%2Fcharts%2Fpostgres%2Fpostgres%3Apull&service=ghcr.io: 403 Forbidden`: "manifest-unknown",
		// Crossplane's default registry (index.docker.io before v1.15) has no such package: the host was left out
		`Warning  UnpackPackage  12s (x4 over 40s)  packages/provider.pkg.crossplane.io  cannot unpack package: failed to fetch package digest from remote: failed to fetch package descriptor with a GET request after a previous HEAD request failure: HEAD https://index.docker.io/v2/ledgerorg/provider-ledger/manifests/v0.2.0: unexpected status code 401 Unauthorized (HEAD responses have no body, use GET for details): GET https://index.docker.io/v2/ledgerorg/provider-ledger/manifests/v0.2.0: UNAUTHORIZED: authentication required; [map[Action:pull Class: Name:ledgerorg/provider-ledger Type:repository]]`: "missing-registry-host",
		// guard: a package on another registry refused keeps the ordinary reading
		`cannot unpack package: failed to fetch package digest from remote: GET https://ghcr.io/v2/ledgerorg/provider-ledger/manifests/v0.2.0: UNAUTHORIZED: authentication required`: "no-login",
	})
}
