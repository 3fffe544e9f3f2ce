package diagnose

import "testing"

// TestMessageGrammarGitLabOwnPath holds the lines of a GitLab refusal right
// after a command that works only on $CI_REGISTRY_IMAGE paths
// (gitlabownpath.go), with guards.
func TestMessageGrammarGitLabOwnPath(t *testing.T) {
	checkFirstCause(t, map[string]string{
		// a read of the job's own project refused: no credential reached the client
		"$ echo \"{\\\"auths\\\":{\\\"$CI_REGISTRY\\\":{\\\"password\\\":\\\"$CI_JOB_TOKEN\\\"}}}\" > /root/.docker/config.json\n$ crane copy \"$CI_REGISTRY_IMAGE:2.0\" \"${CI_REGISTRY_IMAGE}/stable:2.0\"\n2024/05/02 09:14:51 fetching \"registry.lab.example/ops/api:2.0\": DENIED: access forbidden": "no-login",
		// a write to it: the job's user may not push
		"$ crane auth login -u gitlab-ci-token -p \"$CI_JOB_TOKEN\" \"$CI_REGISTRY\"\n$ crane push api.tar $CI_REGISTRY_IMAGE:2.0\nError: PUT https://registry.lab.example/v2/ops/api/manifests/2.0: DENIED: access forbidden": "insufficient-role",
		// guard: a command that also names another path keeps the cross-project reading
		"$ crane auth login -u gitlab-ci-token -p \"$CI_JOB_TOKEN\" \"$CI_REGISTRY\"\n$ crane copy $CI_REGISTRY_IMAGE:2.0 registry.lab.example/platform/api:2.0\nError: PUT https://registry.lab.example/v2/platform/api/manifests/2.0: DENIED: access forbidden": "job-token-cross-project",
		// guard: a variable that may hold another project's path does too
		"$ crane auth login -u gitlab-ci-token -p \"$CI_JOB_TOKEN\" \"$CI_REGISTRY\"\n$ crane copy $CI_REGISTRY_IMAGE:2.0 $TARGET_IMAGE:2.0\nError: PUT https://registry.lab.example/v2/platform/api/manifests/2.0: DENIED: access forbidden": "job-token-cross-project",
	})
}
