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
		ID: "GHA034", Name: "ecr-public-login-region", Cause: "registry-unreachable", Severity: finding.Error,
		Summary: "amazon-ecr-login with registry-type: public runs with an AWS region other than us-east-1.",
		Description: `Amazon ECR Public's authentication API exists only in us-east-1. amazon-ecr-login with
` + "`registry-type: public`" + ` calls ` + "`api.ecr-public.<region>.amazonaws.com`" + ` for the region configured in the job, so any
other region fails before a login: ` + "`getaddrinfo ENOTFOUND api.ecr-public.ap-northeast-1.amazonaws.com`" + ` (or
` + "`GetAuthorizationToken command is only supported in us-east-1`" + `). The region is taken from the login step's
AWS_REGION / AWS_DEFAULT_REGION env, else from the last aws-actions/configure-aws-credentials ` + "`aws-region`" + ` before it;
values with expressions are not judged.

Fix: ` + "`aws-region: us-east-1`" + ` for the ECR Public login (a separate configure-aws-credentials step, or
` + "`env: AWS_REGION: us-east-1`" + ` on the login step).

Sources: https://github.com/aws-actions/amazon-ecr-login (Troubleshooting: ECR Public can only be logged into from
the us-east-1 region); https://docs.aws.amazon.com/AmazonECR/latest/public/public-registries.html`,
		Broken: `on: push
jobs:
  image:
    runs-on: ubuntu-latest
    steps:
      - uses: aws-actions/configure-aws-credentials@v4
        with:
          aws-access-key-id: ${{ secrets.AWS_ACCESS_KEY_ID }}
          aws-secret-access-key: ${{ secrets.AWS_SECRET_ACCESS_KEY }}
          aws-region: ap-northeast-1
      - uses: aws-actions/amazon-ecr-login@v2
        with:
          registry-type: public
`,
		Fixed: `on: push
jobs:
  image:
    runs-on: ubuntu-latest
    steps:
      - uses: aws-actions/configure-aws-credentials@v4
        with:
          aws-access-key-id: ${{ secrets.AWS_ACCESS_KEY_ID }}
          aws-secret-access-key: ${{ secrets.AWS_SECRET_ACCESS_KEY }}
          aws-region: us-east-1
      - uses: aws-actions/amazon-ecr-login@v2
        with:
          registry-type: public
`,
	}, checkGHA034)
}

func checkGHA034(c *lintCtx, w *wf.Workflow) {
	for _, m := range c.jobs(w) {
		region, regionAt := "", loc{}
		for _, s := range m.steps {
			switch s.Action() {
			case "aws-actions/configure-aws-credentials":
				if v, ok := s.With["aws-region"]; ok {
					region, regionAt = strings.TrimSpace(v.Str), anchorLoc(s, v)
				}
			case "aws-actions/amazon-ecr-login":
				if !strings.EqualFold(strings.TrimSpace(s.With["registry-type"].Str), "public") {
					continue
				}
				r, at := region, regionAt
				for _, n := range []string{"AWS_REGION", "AWS_DEFAULT_REGION"} {
					if v, ok := s.Env[n]; ok {
						r, at = strings.TrimSpace(v.Str), anchorLoc(s, v)
						break
					}
				}
				if r == "" || strings.Contains(r, "$") || strings.EqualFold(r, "us-east-1") {
					continue
				}
				c.report("GHA034", at, "", "public.ecr.aws",
					fmt.Sprintf("amazon-ecr-login with registry-type: public (line %d) runs with region %s, but ECR Public's API is only in us-east-1: the login fails with `getaddrinfo ENOTFOUND api.ecr-public.%s.amazonaws.com`", anchorLoc(s, s.Uses).Line, r, r),
					"Log in to ECR Public with region us-east-1: `env: AWS_REGION: us-east-1` on the login step, or a configure-aws-credentials step with `aws-region: us-east-1`.")
			}
		}
	}
}
