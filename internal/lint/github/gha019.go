package github

import (
	"fmt"
	"strings"

	"github.com/regdoctor/regdoctor/internal/finding"
	"github.com/regdoctor/regdoctor/internal/lint"
	"github.com/regdoctor/regdoctor/internal/reghost"
	wf "github.com/regdoctor/regdoctor/internal/workflow/github"
)

func init() {
	register(lint.Meta{
		ID: "GHA019", Name: "ecr-login-action-given-docker-creds", Cause: "bad-credentials", Severity: finding.Error,
		Summary: "docker/login-action logs in to an ECR registry in ECR mode but is given Docker credentials (username AWS, an ECR password).",
		Description: `docker/login-action detects an ECR registry host (` + "`<account>.dkr.ecr.<region>.amazonaws.com`" + `, ` + "`public.ecr.aws`" + `)
and then reads ` + "`username`" + `/` + "`password`" + ` as an AWS access key id and secret access key, not as Docker credentials.
Passing ` + "`username: AWS`" + ` with a ` + "`get-login-password`" + ` token fails. Either pass AWS keys (or none, after
aws-actions/configure-aws-credentials), or set ` + "`ecr: false`" + ` to use the token as a Docker password.

Source: docker/login-action src/aws.ts, src/docker.ts; README "AWS Elastic Container Registry".`,
		Broken: `on: push
jobs:
  image:
    runs-on: ubuntu-latest
    steps:
      - uses: docker/login-action@v3
        with:
          registry: 123456789012.dkr.ecr.us-east-1.amazonaws.com
          username: AWS
          password: ${{ steps.ecr.outputs.password }}
`,
		Fixed: `on: push
jobs:
  image:
    runs-on: ubuntu-latest
    steps:
      - uses: docker/login-action@v3
        with:
          registry: 123456789012.dkr.ecr.us-east-1.amazonaws.com
          username: ${{ secrets.AWS_ACCESS_KEY_ID }}
          password: ${{ secrets.AWS_SECRET_ACCESS_KEY }}
`,
	}, checkGHA019)
}

func checkGHA019(c *lintCtx, w *wf.Workflow) {
	for _, m := range c.jobs(w) {
		for _, l := range m.logins {
			if l.mech != "docker/login-action" || len(l.hosts) != 1 || !hostKnown(l.hosts[0]) {
				continue
			}
			k := reghost.Classify(l.hosts[0])
			if k != reghost.ECR && k != reghost.ECRPublic {
				continue
			}
			if strings.EqualFold(strings.TrimSpace(l.step.With["ecr"].Str), "false") {
				continue
			}
			user := strings.TrimSpace(l.step.With["username"].Str)
			pass := l.step.With["password"].Str
			if user != "AWS" && !strings.Contains(pass, "docker_password") && !strings.Contains(pass, "get-login-password") && !strings.Contains(pass, "outputs.password") {
				continue
			}
			at := l.at
			if v := l.step.With["username"]; v.Set && l.step.Anchor() == l.step {
				at = loc{l.step.File, v.Pos}
			}
			c.report("GHA019", at, "", l.hosts[0],
				fmt.Sprintf("docker/login-action logs in to %s in ECR mode, where username/password are an AWS access key pair; username %q with an ECR token is rejected", l.hosts[0], user),
				"Pass AWS keys (or nothing, after aws-actions/configure-aws-credentials) as username/password, or add `ecr: false` to use the ECR token as a Docker password.")
		}
	}
}
