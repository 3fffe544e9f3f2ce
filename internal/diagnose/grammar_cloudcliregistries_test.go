package diagnose

import "testing"

// TestMessageGrammarCloudCLIRegistries holds TestMessageGrammar's lines for
// the shapes found in the seventeenth held-out batch, part e (cloud CLIs as
// the login step, the smaller clouds' registries): az acr login where no
// Docker daemon can run or the login server does not answer, OCIR's IAM refusal, Huawei SWR's "You may not login
// yet", and Harbor's read-only mode. One line (or a few) per shape, the first
// finding's cause wanted ("" = no finding), with guards that keep the
// neighbouring readings.
func TestMessageGrammarCloudCLIRegistries(t *testing.T) {
	checkFirstCause(t, map[string]string{
		// az acr login in a shell without a Docker daemon
		"This command requires running the docker daemon, which is not supported in Azure Cloud Shell. You may want to use 'az acr login -n labcr --expose-token' to get an access token, which does not require Docker to be installed.": "daemon-unreachable",
		// az's ACR commands when the login server does not answer
		"ERROR: Could not connect to the registry login server 'labcrprod.azurecr.io'. Please verify that the registry exists and the URL 'https://labcrprod.azurecr.io/v2/' is reachable from your environment.": "registry-unreachable",
		// OCIR's IAM refusal of a push: the path's namespace first, a policy second
		"denied: User UserId(ocid1.user.oc1..aaaaaaaexampleuser0002) cannot UploadDockerLayer on resource othertenancy/notes/notes-api": "push-outside-namespace",
		// the same refusal of a pull: a read policy
		"Error response from daemon: denied: User UserId(ocid1.user.oc1..aaaaaaaexampleuser0003) cannot PullDockerImage on resource labtenancy/notes/notes-api": "cloud-iam-denied",
		// SWR: an anonymous pull of a repository it will not show
		`Error response from daemon: Head "https://swr.cn-south-1.myhuaweicloud.com/v2/labmirror/notes-api/manifests/v2.9.0": denied: You may not login yet`: "manifest-unknown",
		// SWR: a push with no login at all
		"$ docker push swr.cn-south-1.myhuaweicloud.com/labteam/notes-api:2.9.0\nThe push refers to repository [swr.cn-south-1.myhuaweicloud.com/labteam/notes-api]\ndenied: You may not login yet": "no-login",
		// Harbor refusing writes while read-only
		"denied: The system is in read only mode. Any modification is prohibited.": "registry-fault",
		// guard: a database's read-only mode in a test log stays quiet
		"migrate_test.go:44: cluster failover: the system is in read only mode until the replica is promoted": "",
		// guard: az acr login's DOCKER_COMMAND_ERROR keeps the engine pipe's reading
		"An error occurred: DOCKER_COMMAND_ERROR\nerror during connect: Get \"http://%2F%2F.%2Fpipe%2Fdocker_engine/v1.40/containers/json\": open //./pipe/docker_engine: The system cannot find the file specified.": "daemon-unreachable",
	})
}
