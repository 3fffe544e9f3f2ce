package diagnose

import "testing"

// TestMessageGrammarUploadInit404 holds the lines for containers/image's
// 404 on opening a layer upload (a POST to /v2/NAME/blobs/uploads/ answered
// without a registry JSON error), with guards that keep the neighbouring
// readings: the registry's own JSON refusal at the same step, and other
// tools' "StatusCode: 404".
func TestMessageGrammarUploadInit404(t *testing.T) {
	checkFirstCause(t, map[string]string{
		// podman/buildah to a Forgejo host with no owner segment in the image path
		`Error: writing blob: initiating layer upload to /v2/lantern/blobs/uploads/ in git.lab.example: StatusCode: 404, "Not found.\n"`: "repo-not-found",
		// skopeo's fatal line, a registry on a port, an organization that does not exist
		`time="2026-02-03T08:09:10Z" level=fatal msg="copying system image from manifest list: writing blob: initiating layer upload to /v2/ops-team/relay/blobs/uploads/ in registry.lab.example:5443: StatusCode: 404, \"<html><body>404 page not found</body></html>\""`: "repo-not-found",
		// guard: the registry's JSON name-unknown at the same step keeps its reading
		`Error: writing blob: initiating layer upload to /v2/payments/blobs/uploads/ in 123456789012.dkr.ecr.eu-west-1.amazonaws.com: name unknown: The repository with name 'payments' does not exist in the registry with id '123456789012'`: "repo-not-found",
		// guard: the registry's denial at the same step keeps the credential reading
		`Error: writing blob: initiating layer upload to /v2/lantern/notes/blobs/uploads/ in registry.lab.example: denied: requested access to the resource is denied`: "insufficient-role",
		// guard: another tool's StatusCode: 404 is not a registry push
		`Error: GET https://api.lab.example/v1/projects/lantern: StatusCode: 404, "Not found.\n"`: "",
	})
}
