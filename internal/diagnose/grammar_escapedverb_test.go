package diagnose

import "testing"

// A Go HTTP client error logged through logrus' text formatter keeps the
// request verb but escapes the URL's quotes (msg="… Get \"https://…\": …"):
// a refused tag list or manifest read is a read whatever the quoting, so
// it is ranked as a pull; a write or the login ping keeps its answer.
func TestGrammarEscapedReadVerb(t *testing.T) {
	checkFirstCause(t, map[string]string{
		// argocd-image-updater's tag listing (registry client error in msg=).
		`time="2024-03-01T10:00:00Z" level=error msg="Could not get tags from registry: Get \"https://registry.orbit.test/v2/team/app/tags/list\": denied: access forbidden" alias=app application=orbit registry=registry.orbit.test`:     "no-login",
		`time="2024-03-01T10:00:00Z" level=error msg="Could not get tags from registry: Get \"https://harbor.orbit.test/v2/team/app/tags/list\": denied: requested access to the resource is denied" alias=app registry=harbor.orbit.test`: "no-login",
		// keel's poll trigger (error= field).
		`time="2024-03-01T10:00:00Z" level=error msg="trigger.poll.RepositoryWatcher.addJob: failed to get image digest" error="Head \"https://registry.orbit.test/v2/team/app/manifests/1.2.0\": denied: access forbidden" image="registry.orbit.test/team/app:1.2.0"`: "no-login",
		// Look-alikes: an upload is a write, the /v2/ ping is the login check.
		`time="2024-03-01T10:00:00Z" level=error msg="upload failed: Post \"https://registry.orbit.test/v2/team/app/blobs/uploads/\": denied: access forbidden"`: "insufficient-role",
		`time="2024-03-01T10:00:00Z" level=error msg="login failed: Get \"https://registry.orbit.test/v2/\": denied: access forbidden"`:                          "insufficient-role",
		// The credential's own refusal keeps its answer.
		`time="2024-03-01T10:00:00Z" level=error msg="Could not get tags from registry: Get \"https://registry.orbit.test/v2/team/app/tags/list\": unauthorized: HTTP Basic: Access denied" registry=registry.orbit.test`: "bad-credentials",
	})
}
