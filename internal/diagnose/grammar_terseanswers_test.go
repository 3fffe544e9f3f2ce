package diagnose

import "testing"

// TestMessageGrammarTerseAnswers pins registry answers users paste as the
// whole error (sig_terseanswers.go, and the read-side readings of the
// insufficient-scope signatures in sig_authz.go): dockerd's bare unexpected
// EOF, Container Registry's "Caller does not have permission or the
// resource may not exist", docker's status-less empty-body parse error, a
// BuildKit pull refused in Docker Hub's library/ namespace, a read refused
// for its token's scopes with no login; and, as guards, the same words from
// other steps (an EOF while extracting a layer, the Go module proxy's EOF, a
// push's token request). One log per shape, the first finding's cause
// wanted ("" = no finding).
func TestMessageGrammarTerseAnswers(t *testing.T) {
	checkFirstCause(t, map[string]string{
		// dockerd's whole message is io.ErrUnexpectedEOF
		"+ docker pull quay.io/orbit/builder:7\nError response from daemon: unexpected EOF": "registry-fault",
		// guard: the layer was downloaded; extracting it hit the disk
		"9c3f0e1a2b4d: Extracting  12.5GB/12.5GB\nfailed to register layer: Error processing tar file(exit status 1): unexpected EOF": "",
		// guard: Go's module proxy inside a RUN step
		"#14 41.2 go: example.org/lib@v1.4.0: read \"https:/proxy.golang.org/@v/v1.4.0.zip\": unexpected EOF": "",
		// gcr.io's refusal of a read without any login: the image is gone or private
		"Error response from daemon: Head \"https://gcr.io/v2/orbit-public/runner/manifests/3.1\": denied: Caller does not have permission or the resource may not exist 'read'. To configure permissions, follow instructions at: https://cloud.google.com/container-registry/docs/access-control": "manifest-unknown",
		// the same refusal after a login for the host: the identity's IAM
		"$ docker login -u oauth2accesstoken --password-stdin https://gcr.io\nLogin Succeeded\n$ docker pull gcr.io/orbit-internal/api:9\nError response from daemon: Head \"https://gcr.io/v2/orbit-internal/api/manifests/9\": denied: Caller does not have permission or the resource may not exist 'read'.": "cloud-iam-denied",
		// a push refused so with no login before it
		"$ docker push gcr.io/orbit-internal/api:9\nThe push refers to repository [gcr.io/orbit-internal/api]\ndenied: Caller does not have permission or the resource may not exist 'write'.": "no-login",
		// docker < 1.11 printed an empty error body without its status
		"$ docker push 123456789012.dkr.ecr.us-west-2.amazonaws.com/orbit/api:4\nError parsing HTTP response: unexpected end of JSON input: \"\"": "cloud-iam-denied",
		// newer docker quotes the status: an empty 404 where the registry
		// API's JSON error belongs is a server that does not implement the
		// request (a manifest fetched by digest, a misrouted /v2/)
		"$ docker pull images.orbit.test/shell/git\nUsing default tag: latest\nError response from daemon: error parsing HTTP 404 response body: unexpected end of JSON input: \"\"": "registry-fault",
		// the same empty body with a 5xx: the front end or the registry failed
		"$ docker push registry.orbit.test/tools/lint:3\nThe push refers to repository [registry.orbit.test/tools/lint]\n5f70bf18a086: Pushing  1.024kB\nerror parsing HTTP 502 response body: unexpected end of JSON input: \"\"": "registry-fault",
		// guard: an empty 403 keeps its own reading (ECR's IAM refusal)
		"$ docker push 123456789012.dkr.ecr.us-west-2.amazonaws.com/orbit/api:4\nerror parsing HTTP 403 response body: unexpected end of JSON input: \"\"": "cloud-iam-denied",
		// guard: an empty 401 is still a refused credential
		"$ docker pull registry.orbit.test/private/api:2\nError response from daemon: error parsing HTTP 401 response body: unexpected end of JSON input: \"\"": "no-login",
		// a registry's 401 under the catch-all code, no login before it:
		// no login leads, a refused credential next
		"$ docker push iad.ocir.io/orbitns/api:3\nThe push refers to repository [iad.ocir.io/orbitns/api]\n5f70bf18a086: Preparing\nunknown: Unauthorized": "no-login",
		// the same answer after a login for another host
		"$ docker login registry.orbit.test -u ci --password-stdin\nLogin Succeeded\n$ docker push iad.ocir.io/orbitns/api:3\nThe push refers to repository [iad.ocir.io/orbitns/api]\nunknown: Unauthorized.": "login-wrong-host",
		// guard: the login check's answer keeps its reading (bad credential)
		"$ docker login iad.ocir.io -u orbitns/ci --password-stdin\nError response from daemon: Get \"https://iad.ocir.io/v2/\": unknown: Unauthorized": "bad-credentials",
		// guard: the words inside a longer message are another signature's
		"$ docker push registry.orbit.test/api:3\nunknown: unauthorized to access repository: api, action: push: unauthorized to access repository: api, action: push": "insufficient-role",
		// guard: an application's own log line
		"time=\"2024-05-02T10:00:01Z\" level=warning msg=\"request rejected\" reason=\"unknown: Unauthorized\" path=/api/v1/users": "",
		// guard: a JSON parse error of another tool's HTTP answer
		"npm ERR! Unexpected end of JSON input while parsing near '...\"dependencies\":{\"orb'": "",
		// guard: a registry's JSON 404 stays a missing tag
		"$ docker pull registry.orbit.test/tools/lint:9\nError response from daemon: manifest for registry.orbit.test/tools/lint:9 not found: manifest unknown: manifest unknown": "manifest-unknown",
		// BuildKit refused a library/ name: a stage the Dockerfile never defines
		" => ERROR [internal] load metadata for docker.io/library/assets:latest\nERROR: failed to solve: assets: failed to resolve source metadata for docker.io/library/assets:latest: pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed": "manifest-unknown",
		// a read refused for its token's scopes, no login in the job: the
		// docker CLI's manifest client asked Docker Hub for push on a read
		// (docker/cli#4345), so the CLI version leads (grammar_manifestinspect_test.go)
		"Run docker manifest inspect orbit/cli:2.4\nGet \"https://registry-1.docker.io/v2/orbit/cli/manifests/2.4\": unauthorized: access token has insufficient scopes": "client-bug",
		// the same refusal from another registry's token service: no login
		"Run docker manifest inspect registry.orbit.test/cli:2.4\nGet \"https://registry.orbit.test/v2/cli/manifests/2.4\": unauthorized: access token has insufficient scopes": "no-login",
		// a push's token request asks for push: not a read
		"The push refers to repository [docker.io/library/notes]\nGet \"https://auth.docker.io/token?scope=repository%3Alibrary%2Fnotes%3Apush%2Cpull&service=registry.docker.io\": unauthorized: access token has insufficient scopes": "push-outside-namespace",
	})
}
