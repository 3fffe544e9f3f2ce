package diagnose

import "testing"

// TestMessageGrammarCloudRefusals holds cloud registries' policy refusals
// (sig_cloudrefusals.go), the login ping's refusal with a registry's own
// text (sig_loginping.go) and the anonymous-only registry's authentication
// demand (publiconly.go), with guards.
func TestMessageGrammarCloudRefusals(t *testing.T) {
	checkFirstCause(t, map[string]string{
		// ACR's network rules, at the login of an ACR Tasks run
		`failed to login, ran out of retries: failed to set docker credentials: Error response from daemon: Get "https://widgetcr.azurecr.io/v2/": denied: client with IP '203.0.113.7' is not allowed access. Refer https://aka.ms/acr/firewall to grant access.`: "cloud-iam-denied",
		// the same refusal in the JSON body an Azure SDK client prints
		`      "message": "client with IP '<redacted>' is not allowed access. Refer https://aka.ms/acr/firewall to grant access."`: "cloud-iam-denied",
		// the JSON body printed raw (quotes as \u0027), the link wrapped onto the next line
		`Error response from daemon: Get "https://widgetcr.azurecr.io/v2/": denied: {"errors":[{"code":"DENIED","message":"client with IP \u0027192.0.2.44\u0027 is not allowed access. Refer`: "cloud-iam-denied",
		"#7 ERROR: failed to push widgetcr.azurecr.io/widget/api:1.4: failed to authorize: failed to fetch oauth token: unexpected status from POST request to https://widgetcr.azurecr.io/oauth2/token: 403 Forbidden\n" +
			`{"errors":[{"code":"DENIED","message":"client with IP \u0027192.0.2.44\u0027 is not allowed access. Refer https://aka.ms/acr/firewall to grant access."}]}`: "cloud-iam-denied",
		// guards: another service's address rule, and a log line that only names a client's IP
		`Cannot open server 'widget-sql' requested by the login. Client with IP address '192.0.2.44' is not allowed to access the server.`: "",
		`2024-05-01T10:00:00Z INFO accepted connection from client with IP 192.0.2.44`:                                                     "",
		// Azure RBAC on a registry action
		`The client 'jdoe@acme.test' with object id '1f2e3d4c' does not have authorization to perform action 'Microsoft.ContainerRegistry/registries/listCredentials/action' over scope '/subscriptions/0000/resourceGroups/rg/providers/Microsoft.ContainerRegistry/registries/widgetcr'.`: "cloud-iam-denied",
		// guard: RBAC on another resource type is not the registry's
		`The client 'jdoe@acme.test' with object id '1f2e3d4c' does not have authorization to perform action 'Microsoft.Web/sites/write' over scope '/subscriptions/0000/resourceGroups/rg/providers/Microsoft.Web/sites/widget'.`: "",
		// ECR's validation of a pushed manifest
		`Error: response status code 405: unsupported: Invalid parameter at 'ImageManifest' failed to satisfy constraint: 'Invalid JSON syntax'`: "client-bug",
		// the login ping refused with a registry's own text
		`Error response from daemon: Get https://cr.example.test/v2/: unauthorized: the API key is disabled`: "bad-credentials",
		// an anonymous-only registry's authentication demand is its own fault
		`#2 ERROR: failed to authorize: failed to fetch anonymous token: unexpected status from GET request to https://mcrprod.azurecr.io/oauth2/token?scope=repository%3Adotnet%2Fruntime%3Apull&service=mcrprod.azurecr.io: 401 Unauthorized`: "registry-fault",
		`Error response from daemon: Head "https://mcr.microsoft.com/v2/dotnet/runtime/manifests/8.0": unauthorized: authentication required, visit https://aka.ms/acr/authorization for more information.`:                                     "registry-fault",
		// DigitalOcean's plan limit on repositories refuses the push that would create one
		`denied: registry contains 1 repositories, limit is 1`: "repo-not-found",
		// ECS (containerd) names a tag that is gone, e.g. removed by an ECR lifecycle rule
		`CannotPullContainerError: pull image manifest has been retried 5 time(s): failed to resolve ref 123456789012.dkr.ecr.us-east-1.amazonaws.com/widget:v41: 123456789012.dkr.ecr.us-east-1.amazonaws.com/widget:v41: not found`: "manifest-unknown",
		// a commit-SHA tag on an official-image name: the project's own image without its registry host
		`CannotPullContainerError: Error response from daemon: manifest for widget:0f6b3cdf5e24f0da3dd932acd84fd90e9786a522 not found`: "missing-registry-host",
		// guard: a version tag on an official name is just a missing tag
		`Error response from daemon: manifest for nginx:1.99.9 not found: manifest unknown: manifest unknown`: "manifest-unknown",
		// AWS does not know the access key that asks ECR for a token
		`An error occurred (UnrecognizedClientException) when calling the GetAuthorizationToken operation: The security token included in the request is invalid.`: "bad-credentials",
		// guard: the same exception from another AWS API is not the registry's
		`An error occurred (UnrecognizedClientException) when calling the DescribeStacks operation: The security token included in the request is invalid.`: "",
		// Google's registry API is off for the project
		`denied: Artifact Registry API has not been used in project 123456789 before or it is disabled. Enable it by visiting https://console.developers.google.com/apis/api/artifactregistry.googleapis.com/overview?project=123456789 then retry.`: "registry-disabled",
		// ACR's lock on a repository, image or tag refuses the write
		`unknown: The operation is disallowed on this registry, repository or image. View troubleshooting steps at https://aka.ms/acr/faq/#why-does-my-pull-or-push-request-fail-with-disallowed-operation`: "tag-immutable-or-protected",
		`Error: PUT https://widgetcr.azurecr.io/v2/widget/manifests/1.0.0: REGISTRY_DISALLOWED_OPERATION: The operation is disallowed on this registry, repository or image.`:                               "tag-immutable-or-protected",
		// ACR has no account namespaces: a push token without push is the identity's role
		`ERROR: failed to solve: failed to push widgetcr.azurecr.io/widget/api:2.3.0: server message: insufficient_scope: authorization failed`: "insufficient-role",
		// guard: the same demand from a private ACR is a missing login
		`#2 ERROR: failed to authorize: failed to fetch anonymous token: unexpected status from GET request to https://widgetcr.azurecr.io/oauth2/token?scope=repository%3Awidget%3Apull&service=widgetcr.azurecr.io: 401 Unauthorized`: "no-login",
	})
}
