package diagnose

import "testing"

// TestMessageGrammarECRGetLogin holds the lines for aws-cli v1's
// `aws ecr get-login` before ECR's "no basic auth credentials" (twentieth
// held-out batch, part c): get-login logs in to the registries of the
// accounts given to --registry-ids, else only to the default registry of
// the credentials' own account, so an image in another account's registry
// has no credential. The first finding's cause wanted, with the look-alikes
// that keep their own reading.
func TestMessageGrammarECRGetLogin(t *testing.T) {
	const noAuth = "Error response from daemon: Get https://210987654321.dkr.ecr.us-east-1.amazonaws.com/v2/orbit-envoy/manifests/v1.4.0-prod: no basic auth credentials"
	checkFirstCause(t, map[string]string{
		// without --registry-ids: only the caller's own account
		"$(aws ecr get-login --no-include-email)\n" + noAuth:                           "login-wrong-host",
		"+ eval $(aws ecr get-login --no-include-email --region us-east-1)\n" + noAuth: "login-wrong-host",
		// ... the same with its docker login's "Login Succeeded", which names no host
		"[Container] 2026/03/11 10:00:01 Running command $(aws ecr get-login --no-include-email --region us-east-1)\n" +
			"WARNING! Using --password via the CLI is insecure. Use --password-stdin.\nLogin Succeeded\n" +
			"Step 1/12 : FROM 210987654321.dkr.ecr.us-east-1.amazonaws.com/orbit-envoy:v1.4.0-prod\n" + noAuth: "login-wrong-host",
		// --registry-ids naming other accounts only
		"eval $(aws ecr get-login --no-include-email --registry-ids 111122223333 444455556666)\n" + noAuth: "login-wrong-host",
		"eval $(aws ecr get-login --no-include-email --registry-ids=111122223333)\n" + noAuth:              "login-wrong-host",
		// --region naming another region than the image's registry, with or without the image's account
		"$(aws ecr get-login --no-include-email --region eu-west-1 --registry-ids 210987654321)\n" + noAuth: "login-wrong-host",
		"+ eval $(aws ecr get-login --no-include-email --region=eu-west-1)\n" + noAuth:                      "login-wrong-host",
		// guard: the image's own region and account: no wrong host to show
		"$(aws ecr get-login --no-include-email --region us-east-1 --registry-ids 210987654321)\n" + noAuth: "credential-store-error",
		// guard: a region from a variable cannot be compared
		"$(aws ecr get-login --no-include-email --region $AWS_REGION --registry-ids 210987654321)\n" + noAuth: "credential-store-error",
		// guard: --registry-ids naming the image's account: no wrong host to show
		"$(aws ecr get-login --no-include-email --registry-ids 210987654321)\n" + noAuth: "credential-store-error",
		// guard: --registry-ids from a variable cannot be compared
		"$(aws ecr get-login --no-include-email --registry-ids $BASE_ACCOUNT_ID)\n" + noAuth: "credential-store-error",
		// guard: get-login after the failure says nothing about it
		noAuth + "\n$(aws ecr get-login --no-include-email)": "credential-store-error",
		// guard: get-login-password's docker login is read as a login to its host argument
		"aws ecr get-login-password --region us-east-1 | docker login --username AWS --password-stdin $ECR_REGISTRY\n" + noAuth: "login-other-job",
		// guard: a registry that is not ECR keeps its reading
		"+ eval $(aws ecr get-login --no-include-email)\nError response from daemon: Get https://registry.orbit.test/v2/orbit/api/manifests/1.0: no basic auth credentials": "no-login",
	})
}
