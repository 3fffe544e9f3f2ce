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
		ID: "GHA021", Name: "gcp-access-token-not-requested", Cause: "empty-credential", Severity: finding.Error,
		Summary: "A login uses steps.<id>.outputs.access_token of google-github-actions/auth, which sets it only with `token_format: access_token`.",
		Description: `google-github-actions/auth exports ` + "`access_token`" + ` only when ` + "`token_format: access_token`" + ` is set; otherwise the
output is empty and docker/login-action fails with ` + "`Password required`" + `.

Source: google-github-actions/auth README (outputs), docs/TROUBLESHOOTING.md.`,
		Broken: `on: push
permissions:
  id-token: write
jobs:
  image:
    runs-on: ubuntu-latest
    steps:
      - id: auth
        uses: google-github-actions/auth@v2
        with:
          workload_identity_provider: projects/1/locations/global/workloadIdentityPools/p/providers/gh
          service_account: ci@acme.iam.gserviceaccount.com
      - uses: docker/login-action@v3
        with:
          registry: europe-docker.pkg.dev
          username: oauth2accesstoken
          password: ${{ steps.auth.outputs.access_token }}
`,
		Fixed: `on: push
permissions:
  id-token: write
jobs:
  image:
    runs-on: ubuntu-latest
    steps:
      - id: auth
        uses: google-github-actions/auth@v2
        with:
          token_format: access_token
          workload_identity_provider: projects/1/locations/global/workloadIdentityPools/p/providers/gh
          service_account: ci@acme.iam.gserviceaccount.com
      - uses: docker/login-action@v3
        with:
          registry: europe-docker.pkg.dev
          username: oauth2accesstoken
          password: ${{ steps.auth.outputs.access_token }}
`,
	}, checkGHA021)
}

func checkGHA021(c *lintCtx, w *wf.Workflow) {
	for _, m := range c.jobs(w) {
		for _, l := range m.logins {
			for _, g := range findAllIf(l.pass.text, "steps.", reStepOut) {
				if g[2] != "access_token" {
					continue
				}
				s := m.stepByID(g[1])
				if s == nil || s.Action() != "google-github-actions/auth" || strings.TrimSpace(s.With["token_format"].Str) == "access_token" || strings.Contains(s.With["token_format"].Str, "${{") {
					continue
				}
				c.report("GHA021", l.at, "", firstHost(l.hosts),
					fmt.Sprintf("the login reads steps.%s.outputs.access_token, but step %q (google-github-actions/auth) has no token_format: access_token, so the output is empty", g[1], g[1]),
					fmt.Sprintf("Add `token_format: access_token` (and `service_account:`) to step %q.", g[1]))
			}
		}
	}
}
