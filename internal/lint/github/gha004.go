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
		ID: "GHA004", Name: "secrets-inherit-across-owner", Cause: "empty-credential", Severity: finding.Warning,
		Summary: "`secrets: inherit` calls a reusable workflow of another owner, where inheriting does not pass secrets.",
		Description: "`secrets: inherit` passes the caller's secrets only to workflows in the same organisation or enterprise. " + `
A reusable workflow of another owner gets empty secrets, and its registry login fails (` + "`Username and password required`" + `)
or the run fails with ` + "`Secret X is required, but not provided while calling`" + `. Pass the secrets explicitly. A warning:
both owners may belong to one enterprise. The owner comes from ` + "`lint.owner`" + `, .git/config or a repository guard.

Source: https://docs.github.com/en/actions/sharing-automations/reusing-workflows (passing secrets).`,
		Broken: `on: push
jobs:
  image:
    if: github.repository == 'acme/app'
    uses: other-org/workflows/.github/workflows/image.yml@v1
    secrets: inherit
`,
		Fixed: `on: push
jobs:
  image:
    if: github.repository == 'acme/app'
    uses: other-org/workflows/.github/workflows/image.yml@v1
    secrets:
      DOCKERHUB_TOKEN: ${{ secrets.DOCKERHUB_TOKEN }}
`,
	}, checkGHA004)
}

func checkGHA004(c *lintCtx, w *wf.Workflow) {
	if c.owner == "" {
		return
	}
	for _, j := range w.Jobs {
		if !j.SecretsInherit || !j.Uses.Set || strings.HasPrefix(j.Uses.Str, "./") {
			continue
		}
		owner, _, _ := strings.Cut(j.Uses.Str, "/")
		if owner == "" || strings.EqualFold(owner, c.owner) {
			continue
		}
		c.report("GHA004", loc{w.File, j.SecretsPos}, "", "",
			fmt.Sprintf("job %q calls %s (owner %q) with secrets: inherit, but this repository's owner is %q: inherit passes secrets only within one organisation or enterprise", j.ID, j.Uses.Str, owner, c.owner),
			"Map the secrets the called workflow needs under `secrets:`.")
	}
}
