package diagnose

import "testing"

// TestMessageGrammarAuthHeader holds the lines for the shapes found in the
// tenth held-out batch, part b (searched by error text): answers about the
// request's form rather than the credential (Quay's "Invalid bearer token
// format", a token request for a non-repository scope), GHCR's own
// authorization service failing, BLOB_UNKNOWN on a manifest upload, a
// request wrapped before its cause, and docker 1.x's reference wordings;
// with guards for look-alikes. Kept apart from the other tables so that
// parallel batches do not edit the same block.
func TestMessageGrammarAuthHeader(t *testing.T) {
	checkFirstCause(t, map[string]string{
		// Quay refuses the Authorization header's form, in two clients' wordings
		`FATAL error in image scan: failed to create the registry client: Get https://quay.io/v2/: http: non-successful response (status=401 body="{\"error\": \"Invalid bearer token format\"}")`: "client-bug",
		`registry failed ping request, error: Get https://quay.io/v2/: http: non-successful response (status=401 body="{\"error\": \"Invalid bearer token format\"}")`:                             "client-bug",
		// guard: the Kubernetes API server's own bearer-token error
		`E0722 11:41:09.420668       1 authentication.go:53] Unable to authenticate the request due to an error: [invalid bearer token, oidc: verify token: oidc: token is expired]`: "",
		// guard: a 401 with the registry's ordinary error keeps the ordinary reading
		`failed to create the registry client: Get https://quay.io/v2/: http: non-successful response (status=401 body="{\"errors\":[{\"code\":\"UNAUTHORIZED\",\"message\":\"authentication required\"}]}")`: "no-login",
		// a token request for the catalog, refused as malformed
		`GET https://auth.docker.io/token?scope=registry%3Acatalog%3A%2A&service=registry.docker.io: unexpected status code 400 Bad Request: {"details":"unknown resource type"}`: "client-bug",
		// guard: a 400 for a repository scope stays a name the registry does not accept
		`GET https://auth.docker.io/token?scope=repository%3Alabteam%2Ftools%2Findexer%3Apull%2Cpush&service=registry.docker.io: unexpected status code 400 Bad Request`: "invalid-reference",
		// GHCR's authorization service unreachable, wrapped in a DENIED
		`PUT https://ghcr.io/v2/labteam/indexer/blobs/upload/03f8?digest=sha256%3A9f77: DENIED: permission_denied: unable to connect to authzd server: twirp error bad_route: Error from intermediary with HTTP status code 404 "Not Found"`: "registry-fault",
		// guard: the ordinary write_package refusal keeps its reading
		`ERROR: failed to push ghcr.io/labteam/indexer:2.3.1: denied: permission_denied: write_package`: "ghcr-package-actions-access",
		// BLOB_UNKNOWN on the manifest upload: the client sent the manifest too early
		`error: manifest upload https://registry.lab.example/v2/indexer/manifests/2.3.1 returned 400: {"errors":[{"code":"BLOB_UNKNOWN","message":"unknown blob sha256:7a8b","detail":{}}]}`:                      "client-bug",
		`WARN[0003] Retrying operation after 1s due to PUT https://registry.lab.example/v2/tools/indexer/manifests/2.3.1: multiple errors returned: MANIFEST_BLOB_UNKNOWN: blob unknown to registry; sha256:4699`: "client-bug",
		// containerd's request wrapped after its URL: the cause on the next line
		"failed to do request: Head \"https://registry.lab.example/v2/indexer/manifests/2.3.1\": \ntls: failed to verify certificate: x509: certificate signed by unknown authority": "tls-untrusted",
		// guard: the same wrap after a request to another service (Go's checksum database)
		"failed to do request: Get \"https://sum.golang.org/lookup/example.com/lib@v1.0.0\": \ntls: failed to verify certificate: x509: certificate signed by unknown authority": "",
		// a manifest GET refused with UNAUTHORIZED's message: a read without a credential
		"FATAL unable to initialize the docker scanner: failed to initialize source: GET https://nexus.lab.example/v2/indexer/manifests/2.3.1: unauthorized: access to the requested resource is not authorized": "no-login",
		// guard: the same message to a manifest PUT keeps the push reading
		"error pushing image: PUT https://quay.io/v2/labteam/indexer/manifests/2.3.1: unauthorized: access to the requested resource is not authorized": "push-outside-namespace",
		// docker 1.x's and distribution's older reference-parser wordings
		`docker push https://123456789012.dkr.ecr.us-east-1.amazonaws.com/indexer:17` + "\n" + `Invalid repository name (ex: "registry.domain.tld/myrepos")`: "invalid-reference",
		`unable to parse repository info: repository name component must match "[a-z0-9](?:-*[a-z0-9])*(?:[._][a-z0-9](?:-*[a-z0-9])*)*"`:                    "invalid-reference",
		"Error parsing reference: repository name must have at least one component":                                                                          "empty-reference-variable",
		// guard: git's own repository-name complaint
		"fatal: Invalid repository name (ex: \"acme/widget\")": "",
		// guard: after "Layer already exists" the registry lost a blob it said it had
		"a62778643d56: Layer already exists\nerror from registry: blob unknown to registry - sha256:ddf74a63f7d8": "registry-fault",
	})
}
