package diagnose

import "testing"

// TestMessageGrammarLoginUsage holds TestMessageGrammar's lines for a login
// command that stopped on a usage error (loginusage.go), Travis CI's
// "[secure]" mask inside a pushed repository (refmatch.go), and Container
// Registry's "Permission denied for" pull refusal (gcrpermdenied.go): one
// log per shape, the first finding's cause wanted.
func TestMessageGrammarLoginUsage(t *testing.T) {
	checkFirstCause(t, map[string]string{
		// a removed flag: the login never ran, the push went out anonymously
		"$ docker login -e=\"$HUB_EMAIL\" -u=\"$HUB_USER\" -p=\"$HUB_PASS\"\nunknown shorthand flag: 'e' in -e=[secure]\nSee 'docker login --help'.\n$ docker push $IMAGE\nThe push refers to a repository [docker.io/[secure]/tool]\n3f2a1b0c9d8e: Preparing\ndenied: requested access to the resource is denied": "no-login",
		"+ docker login --email ci@example.org -u builder -p secret\nunknown flag: --email\nSee 'docker login --help'.\n+ docker push builder/tool:2\nThe push refers to repository [docker.io/builder/tool]\ndenied: requested access to the resource is denied":                                                  "no-login",
		// podman's usage error before a push to Quay
		"$ podman login -e ci@example.org -u builder -p \"$PASS\" quay.io\nError: unknown shorthand flag: 'e' in -e\nSee 'podman login --help'\n$ podman push quay.io/builder/tool:1\nGetting image source signatures\nError: writing blob: initiating layer upload to /v2/builder/tool/blobs/uploads/ in quay.io: unauthorized: access to the requested resource is not authorized": "no-login",
		// the same refusal after a login that ran keeps the namespace reading
		"$ docker login -u=\"$HUB_USER\" -p=\"$HUB_PASS\"\nLogin Succeeded\n$ docker push $IMAGE\nThe push refers to a repository [docker.io/[secure]/tool]\ndenied: requested access to the resource is denied": "push-outside-namespace",
		// the usage hint alone is not a login: a later real login for another host still reads as login-wrong-host
		"See 'docker login --help'.\n$ docker login ghcr.io -u builder --password-stdin\nLogin Succeeded\n$ docker push registry.example.org/team/tool:1\nThe push refers to repository [registry.example.org/team/tool]\ndenied: requested access to the resource is denied": "login-wrong-host",
		// gcr.io's refusal of a manifest it will not show: the image is gone (or unreadable)
		"Step #0: Pulling image: gcr.io/old-builders/make-tools:2021\nStep #0: Error response from daemon: pull access denied for gcr.io/old-builders/make-tools, repository does not exist or may require 'docker login': denied: Permission denied for \"2021\" from request \"/v2/old-builders/make-tools/manifests/2021\".": "manifest-unknown",
		`Failed to pull image "us.gcr.io/team-proj/api:v3": rpc error: code = Unknown desc = Error response from daemon: pull access denied for us.gcr.io/team-proj/api, repository does not exist or may require 'docker login': denied: Permission denied for "v3" from request "/v2/team-proj/api/manifests/v3".`:            "manifest-unknown",
		// a plain pull refusal from another registry keeps the credential reading
		"Error response from daemon: pull access denied for registry.example.org/team/api, repository does not exist or may require 'docker login': denied: requested access to the resource is denied": "no-login",
	})
}
