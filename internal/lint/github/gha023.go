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
		ID: "GHA023", Name: "ghcr-foreign-namespace-with-github-token", Cause: "push-outside-namespace", Severity: finding.Warning,
		Summary: "A push to ghcr.io/<namespace>/... with GITHUB_TOKEN, where the namespace is not the repository owner.",
		Description: `` + "`GITHUB_TOKEN`" + ` acts for the workflow's repository: it can write packages of the repository owner that
grant this repository access, not another user's or organisation's namespace (for example after a repository
moved to a new organisation). The push fails with ` + "`denied`" + ` / ` + "`permission_denied`" + `. The owner is read from
` + "`lint.owner`" + ` in .regdoctor.yaml, the origin remote in .git/config, or a ` + "`github.repository == 'owner/name'`" + ` guard;
without it the rule stays silent. When the namespace comes from a variable defined in the workflow (an ` + "`env:`" + `
entry, a ` + "`VAR=...`" + ` line earlier in the script), the finding sits at that definition. A warning, because the package may grant this repository write access.

Sources: https://docs.github.com/en/packages/learn-github-packages/about-permissions-for-github-packages ;
https://docs.github.com/en/packages/managing-github-packages-using-github-actions-workflows/publishing-and-installing-a-package-with-github-actions`,
		Broken: `on: push
permissions:
  packages: write
jobs:
  image:
    if: github.repository == 'acme/app'
    runs-on: ubuntu-latest
    env:
      IMAGE: ghcr.io/oldorg/app
    steps:
      - uses: docker/login-action@v3
        with:
          registry: ghcr.io
          username: ${{ github.actor }}
          password: ${{ secrets.GITHUB_TOKEN }}
      - run: docker push "$IMAGE:latest"
`,
		Fixed: `on: push
permissions:
  packages: write
jobs:
  image:
    if: github.repository == 'acme/app'
    runs-on: ubuntu-latest
    env:
      IMAGE: ghcr.io/acme/app
    steps:
      - uses: docker/login-action@v3
        with:
          registry: ghcr.io
          username: ${{ github.actor }}
          password: ${{ secrets.GITHUB_TOKEN }}
      - run: docker push "$IMAGE:latest"
`,
	}, checkGHA023)
}

func checkGHA023(c *lintCtx, w *wf.Workflow) {
	if c.owner == "" {
		return
	}
	for _, v := range c.verdicts(w) {
		if v.kind != vCovered || reghost.Classify(v.p.host) != reghost.GHCR {
			continue
		}
		token := false
		for _, l := range v.by {
			if l.pass.kind == credGitHubToken {
				token = true
			}
		}
		ns, _, _ := strings.Cut(v.p.repo, "/")
		if !token || ns == "" || strings.ContainsAny(ns, "${") || strings.EqualFold(ns, c.owner) {
			continue
		}
		at := v.p.namespaceAt()
		c.report("GHA023", at, "", v.p.host,
			fmt.Sprintf("job %q pushes %s%s with GITHUB_TOKEN into namespace %q, but the repository owner is %q: the token can write only packages that grant this repository access", v.m.job.ID, v.p.ref, v.p.pushedNote(at), ns, c.owner),
			fmt.Sprintf("Push under ghcr.io/%s/..., or grant this repository write access in the package's \"Manage Actions access\" settings, or use a classic PAT with write:packages.", strings.ToLower(c.owner)))
	}
}
