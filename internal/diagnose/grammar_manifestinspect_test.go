package diagnose

import "testing"

// TestMessageGrammarManifestInspectScopes pins Docker Hub's "access token has
// insufficient scopes" on a manifest read by the docker CLI's own registry
// client (docker manifest inspect), which asked for pull and push on reads
// until docker/cli#4511 (docker/cli#4345, moby/moby#45726; shipped in 24.0.6):
// the CLI's Go HTTP form `Get "URL": ERR` without the daemon's wrapper is
// client-bug whatever the login, and the look-alikes keep their answers (the
// daemon's pull, a push's token request, another registry, a buildx push).
// One log per shape, the first finding's cause wanted.
func TestMessageGrammarManifestInspectScopes(t *testing.T) {
	checkFirstCause(t, map[string]string{
		// no login in the job, a repository of the account
		"$ docker manifest inspect orbit/agent:1.4.0\nGet \"https://registry-1.docker.io/v2/orbit/agent/manifests/1.4.0\": unauthorized: access token has insufficient scopes": "client-bug",
		// a read-only access token logged in first
		"$ echo \"$HUB_RO_TOKEN\" | docker login -u orbitci --password-stdin\nLogin Succeeded\n$ docker manifest inspect library/debian:bookworm\nGet \"https://registry-1.docker.io/v2/library/debian/manifests/bookworm\": unauthorized: access token has insufficient scopes": "client-bug",
		// a script printing the CLI's stderr as a Python bytes literal
		"manifest check output:\nb'Get \"https://registry-1.docker.io/v2/orbit/worker/manifests/2.0\": unauthorized: access token has insufficient scopes\\n'": "client-bug",
		// guard: the daemon's pull asks for pull only
		"$ docker pull orbit/agent:1.4.0\nError response from daemon: Head \"https://registry-1.docker.io/v2/orbit/agent/manifests/1.4.0\": unauthorized: access token has insufficient scopes": "no-login",
		// guard: a push's token request on library/
		"The push refers to repository [docker.io/library/agent]\nGet \"https://auth.docker.io/token?scope=repository%3Alibrary%2Fagent%3Apush%2Cpull&service=registry.docker.io\": unauthorized: access token has insufficient scopes": "push-outside-namespace",
		// guard: a BuildKit push with a read-only token
		"#12 exporting to image\n#12 pushing layers\nERROR: failed to push orbit/agent:1.4.0: unauthorized: access token has insufficient scopes": "token-missing-scope",
	})
}
