package github

import (
	"fmt"
	"strings"

	"github.com/regdoctor/regdoctor/internal/finding"
	"github.com/regdoctor/regdoctor/internal/lint"
	wf "github.com/regdoctor/regdoctor/internal/workflow/github"
)

func init() {
	register(lint.Meta{
		ID: "GHA033", Name: "ecr-login-without-aws-credentials", Cause: "no-login", Severity: finding.Error,
		Summary: "aws-actions/amazon-ecr-login runs on a GitHub-hosted runner with no AWS credentials configured before it.",
		Description: `amazon-ecr-login turns AWS credentials into a registry login: it calls ECR's GetAuthorizationToken
with the credentials and region of the environment. A GitHub-hosted runner has none, so without an earlier
aws-actions/configure-aws-credentials step (or AWS_ACCESS_KEY_ID / AWS_ROLE_ARN / AWS_PROFILE / AWS_WEB_IDENTITY_TOKEN_FILE
in the step, job or workflow env) the login fails (` + "`Error: Region is missing`" + ` /
` + "`Could not load credentials from any providers`" + `) and nothing is pushed. Self-hosted runners (an instance role may provide credentials) are not reported.

Fix: run aws-actions/configure-aws-credentials (OIDC ` + "`role-to-assume`" + ` with ` + "`id-token: write`" + `, or access keys) before
the login, in the same job.

Sources: https://github.com/aws-actions/amazon-ecr-login (README: Credentials and Region);
https://github.com/aws-actions/configure-aws-credentials`,
		Broken: `on: push
jobs:
  image:
    runs-on: ubuntu-latest
    steps:
      - id: ecr
        uses: aws-actions/amazon-ecr-login@v2
      - uses: docker/build-push-action@v6
        with:
          push: true
          tags: ${{ steps.ecr.outputs.registry }}/app:1
`,
		Fixed: `on: push
permissions:
  id-token: write
  contents: read
jobs:
  image:
    runs-on: ubuntu-latest
    steps:
      - uses: aws-actions/configure-aws-credentials@v4
        with:
          role-to-assume: arn:aws:iam::123456789012:role/push
          aws-region: us-east-1
      - id: ecr
        uses: aws-actions/amazon-ecr-login@v2
      - uses: docker/build-push-action@v6
        with:
          push: true
          tags: ${{ steps.ecr.outputs.registry }}/app:1
`,
	}, checkGHA033)
}

// awsCredentialEnv are environment variables through which the AWS SDK
// finds credentials (or a way to get them).
var awsCredentialEnv = []string{"AWS_ACCESS_KEY_ID", "AWS_ROLE_ARN", "AWS_PROFILE", "AWS_WEB_IDENTITY_TOKEN_FILE", "AWS_CONTAINER_CREDENTIALS_FULL_URI", "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI"}

func checkGHA033(c *lintCtx, w *wf.Workflow) {
	for _, m := range c.jobs(w) {
		if !githubHosted(m.job) {
			continue
		}
		configured := false
		for _, s := range m.steps {
			switch s.Action() {
			case "aws-actions/configure-aws-credentials":
				configured = true
			case "aws-actions/amazon-ecr-login":
				if configured || awsEnvSet(w, m.job, s) {
					continue
				}
				c.report("GHA033", anchorLoc(s, s.Uses), "", "",
					fmt.Sprintf("aws-actions/amazon-ecr-login in job %q has no AWS credentials to exchange: no aws-actions/configure-aws-credentials step runs before it and no AWS credential variable is set, and a GitHub-hosted runner has none (`Region is missing` / `Could not load credentials`)", m.job.ID),
					"Add aws-actions/configure-aws-credentials (role-to-assume with `permissions: id-token: write`, or access keys) and aws-region before the login, in this job.")
			}
		}
	}
}

// githubHosted reports a job whose runs-on names a GitHub-hosted image
// (ubuntu-*, windows-*, macos-*), written literally.
func githubHosted(j *wf.Job) bool {
	r := strings.ToLower(strings.TrimSpace(j.RunsOn.Str))
	return strings.HasPrefix(r, "ubuntu-") || strings.HasPrefix(r, "windows-") || strings.HasPrefix(r, "macos-")
}

// awsEnvSet reports an AWS credential variable in the step, job or
// workflow env, or written to $GITHUB_ENV by an earlier step.
func awsEnvSet(w *wf.Workflow, j *wf.Job, s *wf.Step) bool {
	for _, env := range []map[string]wf.Value{s.Env, j.Env, w.Env} {
		for _, n := range awsCredentialEnv {
			if _, ok := env[n]; ok {
				return true
			}
		}
	}
	for _, o := range j.Steps {
		if o == s {
			break
		}
		if o.Run.Set && strings.Contains(o.Run.Str, "GITHUB_ENV") {
			for _, n := range awsCredentialEnv {
				if strings.Contains(o.Run.Str, n) {
					return true
				}
			}
		}
	}
	return false
}
