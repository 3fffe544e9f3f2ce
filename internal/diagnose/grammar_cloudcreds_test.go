package diagnose

import "testing"

// TestMessageGrammarCloudCreds holds the lines of the cloud registries'
// credential steps (aws-actions/amazon-ecr-login, gcloud's configure-docker)
// read as logins, and what a later refusal for another host then means:
// one line (or a few) per shape, the first finding's cause wanted ("" = no
// finding), with guards that keep the neighbouring readings. Kept apart from
// the other tables so that parallel batches do not edit the same block.
func TestMessageGrammarCloudCreds(t *testing.T) {
	checkFirstCause(t, map[string]string{
		// amazon-ecr-login logs docker into its caller's account registry only
		// (the `registries` input names others); a push to another account's
		// registry then has no credential
		"Run aws-actions/amazon-ecr-login@v2\nLogging into registry 111122223333.dkr.ecr.us-east-1.amazonaws.com\nThe push refers to repository [444455556666.dkr.ecr.us-east-1.amazonaws.com/orbit-api]\nno basic auth credentials": "login-wrong-host",
		// ... or to the same account in another region
		"Logging into registry 111122223333.dkr.ecr.us-east-1.amazonaws.com\nThe push refers to repository [111122223333.dkr.ecr.eu-west-1.amazonaws.com/orbit-api]\nno basic auth credentials": "login-wrong-host",
		// ... ECR Public's login does not cover a private registry
		"Logging into registry public.ecr.aws\nError response from daemon: Head \"https://111122223333.dkr.ecr.us-east-1.amazonaws.com/v2/orbit-api/manifests/1.4.0\": no basic auth credentials": "login-wrong-host",
		// ... a fork's wording names the client; China regions end in .com.cn
		"Logging into registry 111122223333.dkr.ecr.cn-north-1.amazonaws.com.cn with docker\nThe push refers to repository [444455556666.dkr.ecr.cn-north-1.amazonaws.com.cn/orbit-api]\nno basic auth credentials": "login-wrong-host",
		// guard: the same registry logged in keeps the credential-did-not-reach reading
		"Logging into registry 111122223333.dkr.ecr.us-east-1.amazonaws.com\nThe push refers to repository [111122223333.dkr.ecr.us-east-1.amazonaws.com/orbit-api]\nno basic auth credentials": "login-other-job",
		// guard: a script's own echo for a host the action never logs into is no login
		"Logging into registry ghcr.io\nThe push refers to repository [ghcr.io/orbit/api]\nno basic auth credentials": "no-login",
		// guard: docker/login-action's "Logging into HOST..." keeps its reading
		"Logging into registry.orbit.test...\nLogin Succeeded!\nThe push refers to repository [registry.orbit.test/orbit-api]\nno basic auth credentials": "login-other-job",
		// BuildKit asks for an anonymous token when the docker config holds no
		// credential for the host: a login for another ECR account did not cover it
		"Logging into registry 111122223333.dkr.ecr.us-east-1.amazonaws.com\n#12 ERROR: failed to push 444455556666.dkr.ecr.us-east-1.amazonaws.com/orbit-api:1.4.0: failed to authorize: failed to fetch anonymous token: unexpected status from GET request to https://444455556666.dkr.ecr.us-east-1.amazonaws.com/: 401 Unauthorized": "login-wrong-host",
		// ... nor configure-docker for another Artifact Registry region
		"$ gcloud auth configure-docker europe-west1-docker.pkg.dev --quiet\nERROR: failed to solve: failed to push us-central1-docker.pkg.dev/orbit/apps/api:1.4.0: failed to authorize: failed to fetch anonymous token: unexpected status from GET request to https://us-central1-docker.pkg.dev/v2/token?scope=repository%3Aorbit%2Fapps%2Fapi%3Apull%2Cpush&service=us-central1-docker.pkg.dev: 403 Forbidden": "login-wrong-host",
		// ... nor a login to another registry for a push to GHCR
		"Logging into registry.orbit.test...\nLogin Succeeded!\n#9 ERROR: failed to push ghcr.io/orbit/api:1.4.0: failed to authorize: failed to fetch anonymous token: unexpected status from GET request to https://ghcr.io/token?scope=repository%3Aorbit%2Fapi%3Apull%2Cpush&service=ghcr.io: 401 Unauthorized": "login-wrong-host",
		// guard: no login at all stays no-login
		"ERROR: failed to solve: failed to push us-central1-docker.pkg.dev/orbit/apps/api:1.4.0: failed to authorize: failed to fetch anonymous token: unexpected status from GET request to https://us-central1-docker.pkg.dev/v2/token?scope=repository%3Aorbit%2Fapps%2Fapi%3Apull%2Cpush&service=us-central1-docker.pkg.dev: 403 Forbidden": "no-login",
		// guard: configure-docker for this very host keeps no-login (the helper's credential never arrived)
		"$ gcloud auth configure-docker us-central1-docker.pkg.dev --quiet\nERROR: failed to solve: failed to push us-central1-docker.pkg.dev/orbit/apps/api:1.4.0: failed to authorize: failed to fetch anonymous token: unexpected status from GET request to https://us-central1-docker.pkg.dev/v2/token?scope=repository%3Aorbit%2Fapps%2Fapi%3Apull%2Cpush&service=us-central1-docker.pkg.dev: 403 Forbidden": "no-login",
		// guard: Docker Hub issues anonymous tokens even for private repositories; a GHCR login does not change that reading
		"Logging into ghcr.io...\nLogin Succeeded!\n#5 ERROR: failed to authorize: failed to fetch anonymous token: unexpected status from GET request to https://auth.docker.io/token?scope=repository%3Aorbit%2Fbase%3Apull&service=registry.docker.io: 401 Unauthorized": "registry-fault",
	})
}
