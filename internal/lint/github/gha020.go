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
		ID: "GHA020", Name: "oidc-login-without-id-token", Cause: "bad-credentials", Severity: finding.Error,
		Summary: "A cloud login uses OIDC (workload identity, role to assume, federated client id) but the job's token lacks `id-token: write`.",
		Description: `OIDC logins to a cloud (google-github-actions/auth with ` + "`workload_identity_provider`" + `,
aws-actions/configure-aws-credentials with ` + "`role-to-assume`" + ` and no access keys, azure/login with a ` + "`client-id`" + ` and no
secret) need ` + "`id-token: write`" + `; without it the runner does not inject ` + "`ACTIONS_ID_TOKEN_REQUEST_TOKEN`" + ` and the
login fails (` + "`Credentials could not be loaded`" + `, ` + "`did not inject $ACTIONS_ID_TOKEN_REQUEST_TOKEN`" + `), so the registry
login after it has no credentials. ` + "`id-token`" + ` is never granted by default, so a job with no permissions block lacks
it too; a reusable workflow with no block is left to its caller.

Sources: https://docs.github.com/en/actions/security-for-github-actions/security-hardening-your-deployments/about-security-hardening-with-openid-connect ;
google-github-actions/auth src/main.ts; aws-actions/configure-aws-credentials README.`,
		Broken: `on: push
jobs:
  image:
    runs-on: ubuntu-latest
    steps:
      - uses: aws-actions/configure-aws-credentials@v4
        with:
          role-to-assume: arn:aws:iam::123456789012:role/ci
          aws-region: us-east-1
      - uses: aws-actions/amazon-ecr-login@v2
`,
		Fixed: `on: push
permissions:
  contents: read
  id-token: write
jobs:
  image:
    runs-on: ubuntu-latest
    steps:
      - uses: aws-actions/configure-aws-credentials@v4
        with:
          role-to-assume: arn:aws:iam::123456789012:role/ci
          aws-region: us-east-1
      - uses: aws-actions/amazon-ecr-login@v2
`,
	}, checkGHA020)
}

// oidcStep reports a cloud login step that uses OIDC, and its kind.
func oidcStep(s *wf.Step) (string, bool) {
	has := func(k string) bool { v, ok := s.With[k]; return ok && strings.TrimSpace(v.Str) != "" }
	switch s.Action() {
	case "google-github-actions/auth":
		return "workload_identity_provider", has("workload_identity_provider") && !has("credentials_json")
	case "aws-actions/configure-aws-credentials":
		return "role-to-assume", has("role-to-assume") && !has("aws-access-key-id") && !has("web-identity-token-file")
	case "azure/login":
		return "client-id", has("client-id") && !has("client-secret") && !has("creds")
	}
	return "", false
}

func checkGHA020(c *lintCtx, w *wf.Workflow) {
	for _, m := range c.jobs(w) {
		for _, s := range m.steps {
			input, ok := oidcStep(s)
			if !ok {
				continue
			}
			level, block, _, known := effectivePerm(w, m.job, "id-token")
			if block != nil && block.Unknown || known && level == "write" || !known && w.CallSecrets != nil {
				break
			}
			at := anchorLoc(s, s.Uses)
			msg := fmt.Sprintf("%s logs in with OIDC (%s) in job %q, but no permissions block grants id-token: write, which is never granted by default", s.Action(), input, m.job.ID)
			if known {
				at = loc{w.File, block.Pos}
				msg = fmt.Sprintf("this permissions block gives id-token: %s; %s in job %q (line %d) logs in with OIDC (%s) and needs id-token: write", level, s.Action(), m.job.ID, anchorLoc(s, s.Uses).Line, input)
			}
			c.report("GHA020", at, "", "", msg, "Add `id-token: write` to the job's permissions (keep `contents: read`).")
			break
		}
	}
}
