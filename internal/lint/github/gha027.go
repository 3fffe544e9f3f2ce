package github

import (
	"fmt"
	"regexp"

	"github.com/regdoctor/regdoctor/internal/finding"
	"github.com/regdoctor/regdoctor/internal/lint"
	wf "github.com/regdoctor/regdoctor/internal/workflow/github"
)

func init() {
	register(lint.Meta{
		ID: "GHA027", Name: "login-input-shell-variable", Cause: "bad-credentials", Severity: finding.Error,
		Summary: "A login action's input uses shell syntax ($NAME), which actions do not expand.",
		Description: `Action inputs under ` + "`with:`" + ` are not run through a shell: ` + "`username: $DOCKER_HUB_USERNAME`" + ` sends the
literal text ` + "`$DOCKER_HUB_USERNAME`" + ` to the registry, which answers ` + "`unauthorized: incorrect username or password`" + `.
Use an expression: ` + "`${{ secrets.DOCKER_HUB_USERNAME }}`" + ` or ` + "`${{ env.DOCKER_HUB_USERNAME }}`" + `.

Source: https://docs.github.com/en/actions/reference/workflows-and-actions/workflow-syntax (jobs.<job_id>.steps[*].with), https://docs.github.com/en/actions/learn-github-actions/variables.`,
		Broken: `on: push
jobs:
  image:
    runs-on: ubuntu-latest
    steps:
      - uses: docker/login-action@v3
        with:
          username: $DOCKER_HUB_USERNAME
          password: $DOCKER_HUB_TOKEN
`,
		Fixed: `on: push
jobs:
  image:
    runs-on: ubuntu-latest
    steps:
      - uses: docker/login-action@v3
        with:
          username: ${{ secrets.DOCKER_HUB_USERNAME }}
          password: ${{ secrets.DOCKER_HUB_TOKEN }}
`,
	}, checkGHA027)
}

var reShellSyntax = regexp.MustCompile(`(^|[^$])\$(\{[A-Za-z_][A-Za-z0-9_]*\}|[A-Za-z_][A-Za-z0-9_]*)`)

var loginActions = map[string]bool{"docker/login-action": true, "azure/docker-login": true, "redhat-actions/podman-login": true}

func checkGHA027(c *lintCtx, w *wf.Workflow) {
	for _, m := range c.jobs(w) {
		for _, s := range m.steps {
			if !loginActions[s.Action()] {
				continue
			}
			for _, in := range []string{"username", "password", "registry", "login-server"} {
				v, ok := s.With[in]
				if !ok {
					continue
				}
				g := reShellSyntax.FindStringSubmatch(v.Str)
				if g == nil {
					continue
				}
				c.report("GHA027", anchorLoc(s, v), "", "",
					fmt.Sprintf("input %s of %s is %q: action inputs are not shell-expanded, so the literal text $%s is sent", in, s.Action(), v.Str, g[2]),
					fmt.Sprintf("Use an expression: `%s: ${{ secrets.NAME }}` (or `${{ env.NAME }}`).", in))
			}
		}
	}
}
