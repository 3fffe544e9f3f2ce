package diagnose

import "testing"

// TestMessageGrammarEngine holds TestMessageGrammar's lines for the shapes found
// in the seventh held-out batch, part a: one line (or a few) per shape, the
// first finding's cause wanted ("" = no finding), with guards that keep the
// neighbouring readings. Kept apart from the other tables so that parallel
// batches do not edit the same block.
func TestMessageGrammarEngine(t *testing.T) {
	checkFirstCause(t, map[string]string{
		// the Docker Engine's containerd-store wording of a registry error code
		"error from registry: unknown\nunknown":                                                           "registry-fault",
		"The push refers to repository [registry.paas.example/web/app]\nerror from registry: unsupported": "registry-fault",
		"error from registry: toomanyrequests: retry later":                                               "rate-limited",
		// guard: a message a specific signature knows is read by it
		"error from registry: requested access to the resource is denied": "push-outside-namespace",
		// GHCR's refusal of a token from another installation
		"denied: permission_denied: The requested installation does not exist": "push-outside-namespace",
		// Container Registry after its shutdown
		"Container Registry is deprecated and shutting down, please use the auto migration tool to migrate to Artifact Registry (gcloud artifacts docker upgrade migrate --projects='p-1')": "registry-disabled",
		// guard: a registry's own log of a HEAD existence check is not a failure
		`level=error msg="response completed with error" err.code="blob unknown" err.message="blob unknown to registry" http.request.method=HEAD http.response.status=404`: "",
		// a login check answered 404: no registry API at that address
		"Error response from daemon: login attempt to https://nexus.lab.example/v2/ failed with status: 404 Not Found": "registry-fault",
		// guard: 401 at the login check stays a refused credential
		"Error response from daemon: login attempt to https://nexus.lab.example:8443/v2/ failed with status: 401 Unauthorized": "bad-credentials",
		// guard: a client's blob unknown keeps the registry-fault reading
		"error pushing image: blob unknown to registry: sha256:7c4f2b8d": "registry-fault",
	})
}
