package diagnose

import "testing"

// TestMessageGrammarNodeAuthFile holds the lines of the JavaScript actions
// around podman and buildah that cannot open the containers auth file
// through Node's fs module ("CODE: description, syscall 'PATH'",
// sig_authfiles.go), with look-alikes that must stay quiet: Node errors on
// other files and a shell's own message about the auth file.
func TestMessageGrammarNodeAuthFile(t *testing.T) {
	checkFirstCause(t, map[string]string{
		// podman-login after a successful login, root on a self-hosted runner and a rootless user
		`Error: Error: ENOENT: no such file or directory, open '/tmp/podman-run-0/containers/auth.json'`: "credential-store-error",
		`Error: ENOENT: no such file or directory, open '/tmp/podman-run-1001/containers/auth.json'`:     "credential-store-error",
		`##[error]ENOENT: no such file or directory, open '/home/builder/.config/orbit/ci-auth.json'`:    "credential-store-error",
		// the file belongs to another user, or a read-only mount
		`Error: EACCES: permission denied, open '/run/containers/0/auth.json'`:      "credential-store-error",
		`Error: EROFS: read-only file system, open '/etc/orbit/registry/auth.json'`: "credential-store-error",
		// look-alikes: Node errors on files that hold no registry login
		`Error: ENOENT: no such file or directory, open '/home/runner/work/orbit/orbit/package.json'`:       "",
		`Error: ENOENT: no such file or directory, open '/home/runner/work/orbit/orbit/.github/oauth.yaml'`: "",
		// a success line naming the auth file
		`Exporting REGISTRY_AUTH_FILE=/tmp/podman-run-1001/containers/auth.json`: "",
	})
}
