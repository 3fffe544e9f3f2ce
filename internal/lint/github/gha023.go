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
	// pushes whose namespace is written at the same place (one env: value
	// pushed under several tags) make one finding
	type group struct {
		v  verdict
		ns string
		at loc
		ps []*push
	}
	var groups []*group
	byKey := map[string]*group{}
	for _, v := range c.verdicts(w) {
		if v.kind != vCovered || reghost.Classify(v.p.host) != reghost.GHCR {
			continue
		}
		ns, _, _ := strings.Cut(v.p.repo, "/")
		if !byGitHubToken(v.by) || ns == "" || strings.ContainsAny(ns, "${") || strings.EqualFold(ns, c.owner) {
			continue
		}
		at := v.p.namespaceAt()
		key := fmt.Sprintf("%s:%d:%d:%s:%s", at.file, at.Line, at.Col, ns, v.m.job.ID)
		if at == v.p.at {
			key += ":" + v.p.ref + ":" + v.leg
		}
		g := byKey[key]
		if g == nil {
			g = &group{v: v, ns: ns, at: at}
			byKey[key] = g
			groups = append(groups, g)
		}
		g.ps = append(g.ps, v.p)
	}
	for _, g := range groups {
		c.report("GHA023", g.at, "", g.v.p.host,
			fmt.Sprintf("job %q pushes %s%s with GITHUB_TOKEN into namespace %q, but the repository owner is %q: the token can write only packages that grant this repository access", g.v.m.job.ID, refList(g.ps), pushedNoteAll(g.at, g.ps), g.ns, c.owner),
			fmt.Sprintf("Push under ghcr.io/%s/..., or grant this repository write access in the package's \"Manage Actions access\" settings, or use a classic PAT with write:packages.", strings.ToLower(c.owner)))
	}
}

// refList names the references of ps ("a", "a and b", "a, b and c"), each once.
func refList(ps []*push) string {
	var refs []string
	seen := map[string]bool{}
	for _, p := range ps {
		if !seen[p.ref] {
			seen[p.ref] = true
			refs = append(refs, p.ref)
		}
	}
	if len(refs) <= 1 {
		return strings.Join(refs, "")
	}
	return strings.Join(refs[:len(refs)-1], ", ") + " and " + refs[len(refs)-1]
}
