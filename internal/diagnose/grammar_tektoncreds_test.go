package diagnose

import "testing"

// TestMessageGrammarTektonCredCopy holds Tekton's credential-copy warning
// (sig_clientconfig.go, docker-config-dir's veto): the step entrypoint could
// not copy the initialised docker credentials into the step's HOME and goes
// on (tektoncd/pipeline docs/auth.md, "unsuccessful cred copy" Warning). The
// warning alone is no failure, in either release's wording; a registry
// refusal after it still gets its answer, and the same Go error from a
// client's own login keeps credential-store-error.
func TestMessageGrammarTektonCredCopy(t *testing.T) {
	checkFirstCause(t, map[string]string{
		// newer wording ("warning:" prefix), a non-root step with HOME=/
		`2025/03/14 09:12:40 warning: unsuccessful cred copy: ".docker" from "/tekton/creds" to "/": unable to create destination directory: mkdir /.docker: permission denied`: "",
		// older wording, a shared /tekton/home written by a step of another UID
		`[digest-export] 2024/11/02 17:40:05 unsuccessful cred copy: ".docker" from "/tekton/creds" to "/tekton/home": unable to open destination: open /tekton/home/.docker/config.json: permission denied`: "",
		// a read-only HOME mount
		`warning: unsuccessful cred copy: ".docker" from "/tekton/creds" to "/home/build": unable to open destination: open /home/build/.docker/config.json: read-only file system`: "",
		// the warning, then kaniko's push check refused without a credential
		"2025/03/14 09:12:40 warning: unsuccessful cred copy: \".docker\" from \"/tekton/creds\" to \"/\": unable to create destination directory: mkdir /.docker: permission denied\n" +
			`error checking push permissions -- make sure you entered the correct tag name, and that you are authenticated correctly, and try again: checking push permission for "registry.orbit.test/orbit/web:2.4.1": POST https://registry.orbit.test/v2/orbit/web/blobs/uploads/: UNAUTHORIZED: authentication required; [map[Action:pull Class: Name:orbit/web Type:repository] map[Action:push Class: Name:orbit/web Type:repository]]`: "no-login",
		// look-alikes that keep their answer: the client's own login writing its config
		`Error saving credentials: mkdir /.docker: permission denied`: "credential-store-error",
		`Error: mkdir /home/runner/.docker: permission denied`:        "credential-store-error",
	})
}
