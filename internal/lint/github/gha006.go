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
		ID: "GHA006", Name: "dependabot-secret-credentials", Cause: "fork-pr-readonly", Severity: finding.Info,
		Summary: "In a repository with Dependabot, a push-triggered job logs in with an Actions secret that Dependabot runs do not get.",
		Description: `Runs started by Dependabot (its branch pushes and pull requests) see only Dependabot secrets: an Actions
secret such as ` + "`secrets.DOCKERHUB_TOKEN`" + ` is empty there unless it is also defined as a Dependabot secret, and the
registry login fails with ` + "`Username and password required`" + `. Reported when .github/dependabot.yml exists and the
push trigger does not exclude Dependabot's branches (pull requests are GHA005's). Info: the secret may be defined for
Dependabot too.

Source: https://docs.github.com/en/code-security/dependabot/troubleshooting-dependabot/troubleshooting-dependabot-on-github-actions`,
		Broken: `on: push
jobs:
  image:
    runs-on: ubuntu-latest
    steps:
      - uses: docker/login-action@v3
        with:
          username: ${{ secrets.DOCKERHUB_USERNAME }}
          password: ${{ secrets.DOCKERHUB_TOKEN }}
`,
		Fixed: `on: push
jobs:
  image:
    if: github.actor != 'dependabot[bot]'
    runs-on: ubuntu-latest
    steps:
      - uses: docker/login-action@v3
        with:
          username: ${{ secrets.DOCKERHUB_USERNAME }}
          password: ${{ secrets.DOCKERHUB_TOKEN }}
`,
	}, checkGHA006)
}

func checkGHA006(c *lintCtx, w *wf.Workflow) {
	t, ok := w.Trigger("push")
	if !ok || !c.hasDependabot() || pushExcludesDependabot(t) {
		return
	}
	for _, m := range c.jobs(w) {
		if dependabotGuard(m.job.If.Str) || m.job.Uses.Set {
			continue
		}
		for _, l := range m.logins {
			if l.pass.kind != credSecret || dependabotGuard(l.cond) {
				continue
			}
			c.report("GHA006", l.at, "", firstHost(l.hosts),
				fmt.Sprintf("%s in job %q reads secrets.%s on push; this repository uses Dependabot, whose runs get only Dependabot secrets, so the login fails on its branches unless the secret is also a Dependabot secret", l.mech, m.job.ID, strings.Join(l.pass.secrets, ", secrets.")),
				"Skip the login for Dependabot (`if: github.actor != 'dependabot[bot]'`), restrict the push trigger to your branches, or add the secret as a Dependabot secret.")
			break
		}
	}
}

func (c *lintCtx) hasDependabot() bool {
	for _, n := range []string{".github/dependabot.yml", ".github/dependabot.yaml"} {
		if _, err := c.repo.ReadFile(n); err == nil {
			return true
		}
	}
	return false
}

// pushExcludesDependabot: a push trigger limited to tags or to branches
// that do not match dependabot/** .
func pushExcludesDependabot(t wf.Trigger) bool {
	if t.Node == nil {
		return false
	}
	hasBranches, matches := false, false
	onlyTagKeys := true
	for i := 0; i+1 < len(t.Node.Content); i += 2 {
		k, v := t.Node.Content[i].Value, t.Node.Content[i+1]
		switch k {
		case "branches":
			hasBranches = true
			for _, b := range v.Content {
				if strings.Contains(b.Value, "*") || strings.HasPrefix(b.Value, "dependabot") {
					matches = true
				}
			}
			onlyTagKeys = false
		case "branches-ignore":
			onlyTagKeys = false
			hasBranches = true
			matches = true
			for _, b := range v.Content {
				if strings.HasPrefix(b.Value, "dependabot") {
					matches = false
				}
			}
		case "tags", "tags-ignore":
		default:
			onlyTagKeys = false
		}
	}
	if onlyTagKeys && len(t.Node.Content) > 0 {
		return true
	}
	return hasBranches && !matches
}

func dependabotGuard(cond string) bool {
	return strings.Contains(cond, "dependabot") || strings.Contains(cond, "github.actor") || guarded(cond)
}
