package diagnose

import "testing"

// TestMessageGrammarAWSDeploy holds the lines for the shapes found in the
// twentieth held-out batch, part c (Amazon): the AWS CLI's endpoint errors
// for the private ECR API while it fetches the login token, and the
// container runtime's "failed to normalize image reference" for a task's
// image string (ECS stopped reasons, containerd's CRI). One line (or a few)
// per shape, the first finding's cause wanted ("" = no finding), with the
// look-alikes that must stay quiet or keep their own reading.
func TestMessageGrammarAWSDeploy(t *testing.T) {
	checkFirstCause(t, map[string]string{
		// botocore's three endpoint errors, on the private ECR API
		`Connect timeout on endpoint URL: "https://api.ecr.eu-west-1.amazonaws.com/"`:                "registry-unreachable",
		`Could not connect to the endpoint URL: "https://api.ecr.ap-southeast-2.amazonaws.com/"`:     "registry-unreachable",
		`Read timeout on endpoint URL: "https://api.ecr.cn-northwest-1.amazonaws.com.cn/"`:           "registry-unreachable",
		`Could not connect to the endpoint URL: "https://api.ecr-fips.us-gov-west-1.amazonaws.com/"`: "registry-unreachable",
		// botocore's certificate check against its own CA bundle
		"SSL validation failed for https://api.ecr.eu-west-1.amazonaws.com/ [SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: unable to get local issuer certificate (_ssl.c:1129)": "tls-untrusted",
		// the pipe's docker login then reads nothing: the timeout is the cause
		"+ aws ecr get-login-password --region eu-west-1 | docker login --username AWS --password-stdin 222233334444.dkr.ecr.eu-west-1.amazonaws.com\n" +
			`Connect timeout on endpoint URL: "https://api.ecr.eu-west-1.amazonaws.com/"` + "\n" +
			"Error: Cannot perform an interactive login from a non TTY device": "registry-unreachable",
		// guard: without the endpoint error the empty password keeps its reading
		"Error: Cannot perform an interactive login from a non TTY device": "empty-credential",
		// guard: the same check on another AWS endpoint is not the registry's
		"SSL validation failed for https://sts.eu-west-1.amazonaws.com/ [SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: self signed certificate in certificate chain (_ssl.c:1131)": "",
		// guard: other AWS endpoints are not the registry's
		`Could not connect to the endpoint URL: "https://sts.eu-west-1.amazonaws.com/"`:                 "",
		`Connect timeout on endpoint URL: "https://s3.eu-west-1.amazonaws.com/orbit-artifacts/app.zip"`: "",
		// guard: ECR Public's API outside us-east-1 stays a wrong-region login
		`Could not connect to the endpoint URL: "https://api.ecr-public.eu-central-1.amazonaws.com/"`: "login-wrong-host",

		// the runtime's refusal of the image string, by what the string is
		`CannotPullContainerError: failed to normalize image reference "222233334444.dkr.ecr.eu-west-1.amazonaws.com/orbit-api:"`: "empty-reference-variable",
		`CannotPullContainerError: failed to normalize image reference "/orbit-api:1.4.2"`:                                        "empty-reference-variable",
		`InternalError: failed to normalize image reference "Dockerfile"`:                                                         "invalid-reference",
		`failed to normalize image reference "services/web/Dockerfile"`:                                                           "invalid-reference",
		`ResourceInitializationError: failed to normalize image reference "ORBIT_IMAGE_PLACEHOLDER"`:                              "invalid-reference",
		`failed to normalize image reference "REPLACE_ME.dkr.ecr.eu-west-1.amazonaws.com/orbit-api:latest"`:                       "invalid-reference",
		// guard: an application's own log about picture references is no image pull
		"WARN [canvas] Failed to normalize image reference for chat payload {source: 'blob:orbit'}": "",
	})
}
