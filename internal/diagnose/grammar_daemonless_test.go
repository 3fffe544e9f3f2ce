package diagnose

import "testing"

// TestMessageGrammarDaemonless holds TestMessageGrammar's lines for the
// shapes found in the eighteenth held-out batch, part h (the daemonless
// clients' own phrasings: containers/image, buildah, podman): one line per
// shape, the first finding's cause wanted ("" = no finding), with guards.
// Kept apart from the other tables so that parallel batches do not edit the
// same block.
func TestMessageGrammarDaemonless(t *testing.T) {
	checkFirstCause(t, map[string]string{
		// containers/image quoting an HTML page with Go's %q when it starts with a line break
		`Error: writing blob: uploading layer chunked: StatusCode: 502, "\r\n<html>\r\n  <head>\r\n    <title>502 Bad Gateway</title>..."`: "registry-fault",
		// guard: the registry's own JSON answer after the status keeps the credential reading
		`Error: writing blob: uploading layer chunked: StatusCode: 401, "\r\n{\"errors\":[{\"code\":\"UNAUTHORIZED\",\"message\":\"authentication required\"}]}"`: "no-login",
		// podman/buildah building the attestation entry of a manifest list as a platform
		`Error: [unknown/unknown]: creating build container: copying system image from manifest list: writing blob: adding layer with blob "sha256:5f0a1c": processing tar file(archive/tar: invalid tar header): exit status 1`: "client-bug",
		// guard: a real platform's build error is not the attestation reading
		`Error: [linux/arm64]: building at STEP "RUN make": while running runtime: exit status 2`: "",
	})
}
