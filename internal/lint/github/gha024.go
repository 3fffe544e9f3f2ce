package github

import (
	"fmt"
	"path"
	"strings"

	"github.com/regdoctor/regdoctor/internal/finding"
	"github.com/regdoctor/regdoctor/internal/lint"
	"github.com/regdoctor/regdoctor/internal/reghost"
	wf "github.com/regdoctor/regdoctor/internal/workflow/github"
)

func init() {
	register(lint.Meta{
		ID: "GHA024", Name: "ghcr-pat-first-publish-unlinked", Cause: "ghcr-package-actions-access", Severity: finding.Info,
		Summary: "A GHCR push authenticated with a personal token sets no `org.opencontainers.image.source` label, so a new package is not linked to the repository.",
		Description: `A package first published with a personal access token, without the ` + "`org.opencontainers.image.source`" + `
label, is created unlinked: the repository's workflows get no access to it, and a later switch to ` + "`GITHUB_TOKEN`" + ` fails
with ` + "`permission_denied: write_package`" + ` until the repository is granted access in the package settings. Pass the
label (docker/metadata-action ` + "`labels`" + ` output, ` + "`--label`" + `, or ` + "`LABEL`" + ` in the Dockerfile), or push with ` + "`GITHUB_TOKEN`" + `.
Info: the package may already exist and be linked.

Sources: https://docs.github.com/en/packages/learn-github-packages/configuring-a-packages-access-control-and-visibility ;
https://docs.github.com/en/packages/learn-github-packages/connecting-a-repository-to-a-package`,
		Broken: `on: push
jobs:
  image:
    runs-on: ubuntu-latest
    steps:
      - uses: docker/login-action@v3
        with:
          registry: ghcr.io
          username: acme-bot
          password: ${{ secrets.GHCR_PAT }}
      - uses: docker/build-push-action@v6
        with:
          push: true
          tags: ghcr.io/acme/app:1
`,
		Fixed: `on: push
jobs:
  image:
    runs-on: ubuntu-latest
    steps:
      - uses: docker/login-action@v3
        with:
          registry: ghcr.io
          username: acme-bot
          password: ${{ secrets.GHCR_PAT }}
      - uses: docker/build-push-action@v6
        with:
          push: true
          tags: ghcr.io/acme/app:1
          labels: org.opencontainers.image.source=https://github.com/acme/app
`,
	}, checkGHA024)
}

func checkGHA024(c *lintCtx, w *wf.Workflow) {
	seen := map[string]bool{}
	for _, v := range c.verdicts(w) {
		if v.kind != vCovered || reghost.Classify(v.p.host) != reghost.GHCR || seen[v.m.job.ID] {
			continue
		}
		pat := false
		for _, l := range v.by {
			if l.pass.kind == credGitHubToken {
				pat = false
				break
			}
			if l.pass.kind == credSecret {
				pat = true
			}
		}
		if !pat || c.hasSourceLabel(v.p) {
			continue
		}
		seen[v.m.job.ID] = true
		c.report("GHA024", v.p.stepAt, "", v.p.host,
			fmt.Sprintf("job %q pushes %s with a personal token and no org.opencontainers.image.source label: if this creates the package, it is not linked to the repository and GITHUB_TOKEN pushes get no access later", v.m.job.ID, v.p.ref),
			"Add the label `org.opencontainers.image.source=https://github.com/OWNER/REPO` (metadata-action labels, --label or LABEL), or push with GITHUB_TOKEN and packages: write.")
	}
}

// hasSourceLabel: the push's build passes the source label (inputs, flags,
// metadata-action labels) or the repository's Dockerfile sets it.
func (c *lintCtx) hasSourceLabel(p *push) bool {
	const label = "org.opencontainers.image.source"
	s := p.step
	if s == nil {
		return true
	}
	if strings.Contains(s.With["labels"].Str, label) || strings.Contains(s.With["labels"].Str, "outputs.labels") || strings.Contains(s.Run.Str, label) {
		return true
	}
	if !strings.HasSuffix(p.mech, "build-push-action") && !strings.HasPrefix(p.mech, "docker") {
		return true // another tool: labels unknown
	}
	dockerfile := strings.TrimSpace(s.With["file"].Str)
	if dockerfile == "" {
		dockerfile = path.Join(strings.TrimSpace(s.With["context"].Str), "Dockerfile")
	}
	if strings.Contains(dockerfile, "${{") || strings.Contains(dockerfile, "://") {
		return true
	}
	data, err := c.repo.ReadFile(strings.TrimPrefix(path.Clean(dockerfile), "./"))
	if err != nil {
		return false
	}
	return strings.Contains(string(data), label)
}
