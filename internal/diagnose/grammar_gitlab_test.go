package diagnose

import (
	"strings"
	"testing"
)

// TestMessageGrammarGitLab holds TestMessageGrammar's lines for the shapes
// found in the sixth held-out batch (GitLab CI jobs and the clients and
// executors seen there): one line (or a few) per shape, the first finding's
// cause wanted ("" = no finding). Kept apart from the other grammar tables
// so that batches collected in parallel add lines without touching the same
// block.
func TestMessageGrammarGitLab(t *testing.T) {
	checkFirstCause(t, map[string]string{
		// the runner's own pull of the job image from a GitLab registry authenticates with the job token
		`ERROR: Job failed: failed to pull image "registry.gitlab.com/tools-group/images/builder:3" with specified policies [always]: Error response from daemon: pull access denied for registry.gitlab.com/tools-group/images/builder, repository does not exist or may require 'docker login': denied: requested access to the resource is denied (manager.go:251:1s)`: "job-token-cross-project",
		// ... the same pull from Docker Hub keeps the ordinary reading
		`ERROR: Job failed: failed to pull image "toolsvendor/builder:3" with specified policies [always]: Error response from daemon: pull access denied for toolsvendor/builder, repository does not exist or may require 'docker login': denied: requested access to the resource is denied (manager.go:251:1s)`: "manifest-unknown",
		// ... and a docker pull in the job's script from a GitLab registry is not the runner's
		"$ docker pull registry.gitlab.com/tools-group/images/builder:3\nError response from daemon: pull access denied for registry.gitlab.com/tools-group/images/builder, repository does not exist or may require 'docker login': denied: requested access to the resource is denied": "no-login",
		// ch-image (Charliecloud): "METHOD failed; expected status {..} but got NNN: Reason"
		"starting upload\nerror: POST failed; expected status {202} but got 401: Unauthorized":        "no-login",
		"manifest list: downloading\nerror: GET failed; expected status {200} but got 404: Not Found": "manifest-unknown",
		"error: PUT failed; expected status {201} but got 503: Service Unavailable":                   "registry-fault",
		"error: HTTP GET failed; expected status 200 but got 429: Too Many Requests":                  "rate-limited",
		// a test suite's assertion worded alike is not a registry answer
		"AssertionError: GET failed; expected status 200 but got 500: Internal Server Error": "",
		// tart: a refused token request, in a GitLab job for another registry than GitLab's
		"Running with gitlab-runner 16.11.1 (535ced5f)\nUsing Custom executor...\n Pulling the latest version of ghcr.io/buildfarm/macos-base:14...\n tart command returned non-zero exit code: \"Error: AuthFailed(why: \\\"received unexpected HTTP status code 403 while retrieving an authentication token\\\", details: \\\"denied\\\")\"": "login-wrong-host",
		// ... outside GitLab: a stale keychain credential
		`AuthFailed(why: "received unexpected HTTP status code 403 while retrieving an authentication token", details: "{\"errors\":[{\"code\":\"DENIED\",\"message\":\"denied\"}]}\n")`: "token-expired",
		`AuthFailed(why: "received unexpected HTTP status code 503 while retrieving an authentication token", details: "")`:                                                              "registry-fault",
		// the runner's own pull of the job image with no credential for the host (DOCKER_AUTH_CONFIG)
		`ERROR: Job failed: failed to pull image "123456789012.dkr.ecr.eu-west-1.amazonaws.com/ci/builder:2" with specified policies [always]: Error response from daemon: Head "https://123456789012.dkr.ecr.eu-west-1.amazonaws.com/v2/ci/builder/manifests/2": no basic auth credentials (manager.go:250:0s)`: "no-login",
		"ERROR: Preparation failed: Error response from daemon: Get https://123456789012.dkr.ecr.eu-west-1.amazonaws.com/v2/ci/builder/manifests/2: no basic auth credentials":                                                                                                                                   "no-login",
	})
}

// TestRunnerPullCredentialSource: a refused runner pull of the job image says
// where the runner's credential comes from (DOCKER_AUTH_CONFIG, and for ECR
// the credential helper on the process that pulls); a pull in the job's
// script keeps the ordinary login reading.
func TestRunnerPullCredentialSource(t *testing.T) {
	for _, tc := range []struct {
		log, cause, in, second string
	}{
		{`ERROR: Job failed: failed to pull image "123456789012.dkr.ecr.eu-west-1.amazonaws.com/ci/builder:2" with specified policies [always]: Error response from daemon: Head "https://123456789012.dkr.ecr.eu-west-1.amazonaws.com/v2/ci/builder/manifests/2": no basic auth credentials (manager.go:250:0s)`,
			"no-login", "DOCKER_AUTH_CONFIG", "credential-store-error"},
		{`WARNING: Failed to pull image with policy "always": Error response from daemon: Head "https://harbor.widget.example/v2/ci/builder/manifests/2": no basic auth credentials (manager.go:250:0s)`,
			"no-login", "DOCKER_AUTH_CONFIG", ""},
		{"$ docker pull 123456789012.dkr.ecr.eu-west-1.amazonaws.com/ci/builder:2\nError response from daemon: Head \"https://123456789012.dkr.ecr.eu-west-1.amazonaws.com/v2/ci/builder/manifests/2\": no basic auth credentials",
			"", "", ""},
	} {
		rep, err := Explain(strings.NewReader(tc.log+"\n"), Options{})
		if err != nil {
			t.Fatal(err)
		}
		if len(rep.Findings) == 0 {
			t.Fatalf("%s: no finding", tc.log)
		}
		f := rep.Findings[0]
		if tc.in == "" {
			if strings.Contains(f.Message, "DOCKER_AUTH_CONFIG") {
				t.Errorf("a pull in the script is not the runner's: %s", f.Message)
			}
			continue
		}
		if f.Cause != tc.cause || !strings.Contains(f.Message, tc.in) {
			t.Errorf("%s\n  got %s: %s", tc.log, f.Cause, f.Message)
		}
		if tc.second != "" && (len(rep.Findings) < 2 || rep.Findings[1].Cause != tc.second || !strings.Contains(rep.Findings[1].Message, "manager")) {
			t.Errorf("%s: want %s second, naming the runner manager", tc.log, tc.second)
		}
	}
}
