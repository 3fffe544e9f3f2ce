package diagnose

import "testing"

// TestMessageGrammarOtherCI holds TestMessageGrammar's lines for the shapes
// found in the fifth held-out batch (other CI platforms and local clients):
// one line (or a few) per shape, the first finding's cause wanted ("" = no
// finding). Kept apart from TestMessageGrammar's table so that batches
// collected in parallel add their lines without touching the same block.
func TestMessageGrammarOtherCI(t *testing.T) {
	checkFirstCause(t, map[string]string{
		// an empty path segment in the pushed repository: a variable expanded to empty
		"The push refers to repository [ghcr.io//billing-api]\ndenied: denied": "empty-reference-variable",
		// a valid reference keeps the ordinary reading
		"The push refers to repository [ghcr.io/acme/billing-api]\ndenied: denied": "token-expired",
		// the token endpoint answering 404 is the registry's, not a refused credential
		`Error: writing blob: Requesting bearer token: invalid status code from registry 404 (Not Found)`:                                                                                                              "registry-fault",
		`failed to authorize: failed to fetch oauth token: unexpected status from GET request to https://registry.lab.example/jwt/auth?scope=repository%3Aops%2Ftool%3Apull&service=container_registry: 404 Not Found`: "registry-fault",
		// a 400 to a login's token request (no repository scope) is the client's request shape
		"$ nerdctl login registry.vendor.example -u ci-bot --password-stdin\nFATA[0000] failed to call rh.Authorizer.Authorize: failed to fetch oauth token: unexpected status: 400 Bad Request": "client-bug",
		// the token realm redirected to a web sign-in page (go-containerregistry's wording)
		`error checking push permissions -- make sure you entered the correct tag name, and that you are authenticated correctly, and try again: checking push permission for "registry.code.example/ops/tool:1": GET https://code.example/users/sign_in: unexpected status code 200 OK: <!DOCTYPE html>`: "registry-fault",
		// a login whose token realm names another address than the registry
		`FATA[0021] authenticating creds for "registry.lab.example:8443": Get "https://registry.lab.example/service/token?account=builder&service=harbor-registry": dial tcp 10.20.0.7:443: connect: operation timed out`: "registry-fault",
		// the same realm as the registry: the registry itself is unreachable
		`FATA[0021] authenticating creds for "registry.lab.example": Get "https://registry.lab.example/service/token?account=builder&service=harbor-registry": dial tcp 10.20.0.7:443: connect: operation timed out`: "registry-unreachable",
		// go-containerregistry's old wording (kaniko 0.x)
		"ERRO[0012] Failed to push to destination registry.lab.example/team/api:1.0\nERRO[0012] unsupported status code 401; body: Not Authorized": "no-login",
		// docker's token request without account= carried no credential
		`Post https://registry.lab.example/v2/team/api/blobs/uploads/: token auth attempt for registry: https://registry.lab.example/v2/token?scope=repository%3Ateam%2Fapi%3Apush%2Cpull&service=registry.lab.example request failed with status: 403 Forbidden`: "no-login",
		// a token request refused as malformed on a push: a repository name the registry does not accept (Quay without nested names)
		`Error: trying to reuse blob sha256:5f70bf18a086 at destination: Requesting bearer token: invalid status code from registry 400 (Bad Request)`: "invalid-reference",
		// Harbor's "unknown: repository|artifact … not found"
		`Error response from daemon: unknown: repository hub-cache/redis not found`:                   "manifest-unknown",
		`Error response from daemon: unknown: artifact hub-cache/redis@sha256:77dce64de0d7 not found`: "manifest-unknown",
		// Harbor relaying its upstream's 401 (proxy cache)
		"$ docker pull harbor.lab.example/hub-cache/postgres:16\nError response from daemon: unauthorized: http status code: 401, body:": "manifest-unknown",
		// helm-push (ChartMuseum) answers are a chart repository's
		`Error: 401: could not properly parse response JSON: {"errors":[{"code":"UNAUTHORIZED","message":"UnAuthorized"}]}`: "",
	})
}
