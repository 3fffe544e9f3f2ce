package diagnose

import "testing"

// TestMessageGrammarServerPolicy holds the lines for registry-side policy
// and routing refusals found in the ninth held-out batch, part c (Harbor's
// quota, Nexus's disabled redeploy, a servlet answering a registry request,
// a wrapped IAM denial, oras-go's upper-case DENIED, Sigstore and Docker
// Hub's web API as other services), with guards for the neighbouring
// readings. Kept apart from the other tables so that parallel batches do not
// edit the same block.
func TestMessageGrammarServerPolicy(t *testing.T) {
	checkFirstCause(t, map[string]string{
		// Harbor's quota, whole and wrapped
		"#9 ERROR: failed to push harbor.orbit.example/ci/notes:7: denied: adding 2 of count resource, which when updated to current usage of 500 will exceed the configured upper limit of 500.": "registry-fault",
		"denied: adding 48.2 MiB of storage resource, which when updated to current usage of 20.0 GiB\nwill exceed the configured upper limit of 20.0 GiB.":                                       "registry-fault",
		// Nexus's disabled redeploy, in a registry client's error body
		`{"errors":[{"code":"BLOB_UPLOAD_INVALID","message":"blob upload invalid","detail":"Repository does not allow updating assets: docker-hosted"}]}`: "tag-immutable-or-protected",
		// guard: Maven's deploy to Nexus gets the same words
		"[ERROR] Failed to deploy artifacts: Could not transfer artifact org.orbit:notes:jar:1.0 from/to releases (https://nexus.orbit.example/repository/maven-releases/): status code: 400, reason phrase: Repository does not allow updating assets: maven-releases (400)": "",
		// a servlet's answer to a registry request
		"ERROR: failed to solve: unexpected status: 400 HTTP method POST is not supported by this URL": "registry-fault",
		// guard: the same words outside a registry request
		"curl: HTTP 405: HTTP method GET is not supported by this URL": "",
		// AWS's IAM denial wrapped after "is not authorized"
		"denied: User: arn:aws:sts::444444444444:assumed-role/deployer/ci is not authorized\n  to perform: ecr:InitiateLayerUpload on resource: arn:aws:ecr:us-east-1:333333333333:repository/notes": "cloud-iam-denied",
		// guard: the unbroken sentence keeps its reading
		"denied: User: arn:aws:iam::333333333333:user/ci is not authorized to perform: ecr:BatchGetImage on resource: arn:aws:ecr:us-east-1:333333333333:repository/notes": "cloud-iam-denied",
		// oras-go's upper-case error code from GHCR's token endpoint
		`Error: GET "https://ghcr.io/token?scope=repository%3Aorbit%2Fnotes%3Apull&service=ghcr.io": DENIED: denied`: "token-expired",
		// guard: docker's lower-case form keeps its reading
		`Error response from daemon: Head "https://ghcr.io/v2/orbit/notes/manifests/1.2": denied: denied`: "token-expired",
		// Sigstore's 5xx body after the request line is not a registry's
		"getting key from Fulcio: retrieving cert:\n  POST https://fulcio.sigstore.dev/api/v1/signingCert returned 504 Gateway Timeout:\n\"<html><head><title>504 Gateway Time-out</title></head></html>\"": "",
		// guard: a registry's 5xx body after its request line stays a registry fault
		"Error: failed to push: PUT https://registry.orbit.example/v2/notes/manifests/1.2:\n\"<html><head><title>504 Gateway Time-out</title></head></html>\"": "registry-fault",
		// GHCR's bare "denied" for a pull: the runner's container pull with
		// the job's credentials, and an anonymous pull outside Actions
		"  /usr/bin/docker --config /home/runner/work/_temp/.docker_1a2b login ghcr.io -u orbit-bot --password-stdin\n  /usr/bin/docker --config /home/runner/work/_temp/.docker_1a2b pull ghcr.io/orbit/ci-image:3\n  Error response from daemon: denied": "gh-token-packages-permission",
		"docker pull ghcr.io/orbit/notes:2.0\nError response from daemon: denied":                                                             "manifest-unknown",
		"$ docker pull ghcr.io/orbit/notes:2.0\n" + `Error response from daemon: Head "https://ghcr.io/v2/orbit/notes/manifests/2.0": denied`: "manifest-unknown",
		// guard: Docker Hub's full denial of a GHCR token request keeps its reading
		"GET https://ghcr.io/token?scope=repository%3Aorbit%2Fnotes%3Apull&service=ghcr.io: DENIED: requested access to the resource is denied": "no-login",
		// guard: a login to GHCR before the pull is no anonymous pull; the
		// credential was sent, so the token's read access to the package
		// is the reading (ghcrpull.go's deniedPullAfterLogin), as for the
		// runner's own pull above
		"docker login ghcr.io -u orbit-bot --password-stdin\nLogin Succeeded\ndocker pull ghcr.io/orbit/notes:2.0\nError response from daemon: denied": "gh-token-packages-permission",
		// Docker Hub's web API (README sync) refusing a token
		`level=error msg="error pushing readme to repo server. bad status code for response: 403 FORBIDDEN. Server responded: \"access to the resource is forbidden with personal access token\". If you have 2FA auth enabled you'll need to disable it"`: "",
	})
}
