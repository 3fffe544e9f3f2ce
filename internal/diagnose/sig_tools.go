package diagnose

import (
	"fmt"
	"strings"

	"github.com/regdoctor/regdoctor/internal/reghost"
)

// Registry answers in the own grammar of clients that print neither the
// registry's error body nor a wording the other groups know:
//
//   - Charliecloud's ch-image (Python, lib/registry.py): every registry
//     request that gets a status outside the expected set ends with
//     FATAL("%s failed; expected status %s but got %d: %s" % (method,
//     statuses, status_code, reason)), printed "error: POST failed; expected
//     status {202} but got 401: Unauthorized" (older releases: "HTTP GET
//     failed; expected status 200 but got 404: Not Found"). The method says
//     what the request was: POST/PUT/PATCH upload, GET/HEAD read.
//   - tart (cirruslabs, Swift, Sources/tart/OCI/Registry.swift): a refused
//     token request of the registry's bearer challenge is
//     AuthFailed(why: "received unexpected HTTP status code 403 while
//     retrieving an authentication token", details: "<body>"); the GitLab
//     Tart executor prints it quoted, with the quotes escaped.

func init() { sigGroups = append(sigGroups, sigsTools) }

func sigsTools() {
	register(
		&signature{
			id:   "chimage-status",
			keys: []string{"failed; expected status"},
			re:   lazyRe(`\b(GET|HEAD|POST|PUT|PATCH|DELETE) failed; expected status [{(\[]?[\d, ]+[})\]]? but got (\d{3})`),
			// a test suite's own assertion worded alike is not a registry's
			veto: []string{"assert", "test_", "expect("},
			rank: rankExpectedStatus,
			tell: tellUnauthenticated,
		},
		&signature{
			id:   "tart-auth-failed",
			keys: []string{"while retrieving an authentication token"},
			re:   lazyRe(`received unexpected HTTP status code (\d{3}) while retrieving an authentication token`),
			rank: rankTartAuthFailed,
			tell: tellBadCredential,
		},
	)
}

// rankExpectedStatus ranks ch-image's "METHOD failed; expected status {..}
// but got NNN": the status decides as in the bare status signatures, the
// method gives the operation when no reference did (an upload is a push).
func rankExpectedStatus(h *hit, f *facts) []cand {
	method, status := h.m[1], h.m[2]
	if h.op == "" {
		switch method {
		case "POST", "PUT", "PATCH":
			h.op = opPush
		case "GET":
			h.op = opPull
		}
	}
	switch {
	case status == "401":
		return rankUnauthenticated(h, f)
	case status == "403":
		return rank403(h, f)
	case status == "429":
		return []cand{c("rate-limited", 0.85, "The registry answered 429 Too Many Requests."), c("registry-fault", 0.4, "")}
	case strings.HasPrefix(status, "5"):
		return []cand{c("registry-fault", 0.78, fmt.Sprintf("The registry answered %s %s to the %s request: a server-side error.", status, httpReason(status), method)), c("registry-unreachable", 0.4, "")}
	case status == "404" && h.op == opPush:
		return []cand{c("repo-not-found", 0.6, fmt.Sprintf("The registry answered 404 Not Found to the %s of the upload: the repository path is not one it serves (a project or namespace that does not exist).", method)),
			c("client-bug", 0.45, ""), c("registry-disabled", 0.35, "")}
	case status == "404":
		return []cand{c("manifest-unknown", 0.66, "The registry answered 404 Not Found for the image: no such tag, digest or repository."), c("repo-not-found", 0.45, "")}
	}
	return []cand{c("client-bug", 0.55, fmt.Sprintf("The registry refused the %s request with %s, a status that says the request itself was not one it accepts.", method, status)),
		c("invalid-reference", 0.45, "")}
}

// rankTartAuthFailed ranks tart's refused token request. A token service
// answering 401/403 refused the credential tart sent: tart keeps the ones of
// an earlier "tart login" in the macOS keychain ("Tart Credentials"), and a
// stale one is sent even for a public image (openai/tart#277). In a GitLab
// job the GitLab Tart executor hands tart the job's GitLab registry
// credentials; before gitlab-tart-executor 1.4.1 it did so for every pull,
// so an image on another registry was asked for with GitLab's credentials
// (cirruslabs/gitlab-tart-executor#28).
func rankTartAuthFailed(h *hit, f *facts) []cand {
	status := h.m[1]
	if strings.HasPrefix(status, "5") {
		return []cand{c("registry-fault", 0.78, "The token service answered with a server error."), c("registry-unreachable", 0.4, "")}
	}
	if status == "404" {
		return []cand{c("registry-fault", 0.66, "The token endpoint the registry's challenge named answered 404 Not Found."), c("client-bug", 0.45, "")}
	}
	if f.platform == "gitlab-ci" && h.host != "" && h.kind() != reghost.GitLab {
		return []cand{
			c("login-wrong-host", 0.72, fmt.Sprintf("tart ran in a GitLab job, where the GitLab Tart executor gives it the job's credentials for the GitLab registry; the token service of %s refused them (%s). Pull it anonymously (or with its own credentials): gitlab-tart-executor 1.4.1 and later send the GitLab credentials only to TART_REGISTRY_HOSTNAME / $CI_REGISTRY.", hostName(h.host), status)),
			c("client-bug", 0.6, "gitlab-tart-executor before 1.4.1 sent the GitLab registry credentials with every pull (cirruslabs/gitlab-tart-executor#28)."),
			c("bad-credentials", 0.4, ""),
		}
	}
	return []cand{
		c("token-expired", 0.62, fmt.Sprintf("The token service refused the credential tart sent (%s): tart keeps the credentials of an earlier `tart login` in the keychain (\"Tart Credentials\") and sends them even for public images; a stale or revoked one is refused. Delete it (tart logout HOST) or log in again.", status)),
		c("bad-credentials", 0.55, ""),
		c("insufficient-role", 0.4, ""),
	}
}

func httpReason(status string) string {
	switch status {
	case "500":
		return "Internal Server Error"
	case "502":
		return "Bad Gateway"
	case "503":
		return "Service Unavailable"
	case "504":
		return "Gateway Timeout"
	}
	return ""
}

// runnerGitLabPull reports whether a refused pull is the GitLab runner's own
// pull of the job's image (or a service image) from a GitLab registry: its
// docker executor words it "failed to pull image X with specified policies
// [...]" and "Failed to pull image with policy", and it authenticates pulls
// from the instance's registry with the job's CI_JOB_TOKEN (the job payload's
// credentials) even when the log does not print "Authenticating with
// credentials from job payload" (docs.gitlab.com/ci/jobs/ci_job_token).
func runnerGitLabPull(h *hit, kind reghost.Kind) bool {
	return kind == reghost.GitLab && runnerPull(h)
}

// runnerPull reports whether the line is the GitLab runner's own pull of a
// job or service image (docker executors): "failed to pull image X with
// specified policies", "Failed to pull image with policy", and before runner
// 13 "Preparation failed: Error response from daemon". That pull happens
// before the job's script, so a `docker login` in the script never applies to
// it.
func runnerPull(h *hit) bool {
	return strings.Contains(h.low, "with specified policies") || strings.Contains(h.low, "failed to pull image with policy") ||
		strings.Contains(h.low, "preparation failed: error response from daemon")
}

// The runner's credentials for a job image from a registry other than the
// instance's own (docs.gitlab.com/ci/docker/using_docker_images, "Access an
// image from a private container registry").
const (
	runnerAuthConfigWhy = "The GitLab runner pulls the job's image before the script runs, with credentials from DOCKER_AUTH_CONFIG (a CI/CD variable or the runner's environment) or the runner host's docker config; none held %s, and a `docker login` in the job's script does not apply to this pull."
	runnerECRHelperWhy  = "With DOCKER_AUTH_CONFIG naming `ecr-login` (credHelpers or credsStore), docker-credential-ecr-login must be on the PATH of the runner process that pulls (the manager of a docker+machine or autoscaler runner, not only its instances) and find AWS credentials there; a missing or failing helper sends no credential and prints only this line."
)

const runnerJobTokenWhy = "The GitLab runner pulls a job's image from the GitLab registry with the job's CI_JOB_TOKEN; it reaches another project's registry only if that project is public or allows this project in its CI/CD job token allowlist (Settings > CI/CD > Job token permissions), and GitLab answers a refused or missing repository alike."
