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
		ID: "GHA007", Name: "composite-action-secrets", Cause: "empty-credential", Severity: finding.Error,
		Summary: "A local composite action reads the `secrets` context, which composite actions cannot see.",
		Description: `Composite actions have no ` + "`secrets`" + ` context: ` + "`${{ secrets.X }}`" + ` inside ` + "`action.yml`" + ` is empty (or
rejected), so a registry login there gets no password. Declare an input and pass the secret from the workflow.
The action is read when a workflow uses it with ` + "`uses: ./path`" + `.

Source: https://docs.github.com/en/actions/reference/workflows-and-actions/contexts (secrets context availability); github/docs#12705.`,
		Broken: `on: push
jobs:
  image:
    runs-on: ubuntu-latest
    steps:
      - uses: ./.github/actions/publish
`,
		Fixed: `on: push
jobs:
  image:
    runs-on: ubuntu-latest
    steps:
      - uses: ./.github/actions/publish
        with:
          token: ${{ secrets.DOCKERHUB_TOKEN }}
`,
	}, checkGHA007)
}

func checkGHA007(c *lintCtx, w *wf.Workflow) {
	for _, j := range w.Jobs {
		for _, s := range j.Steps {
			if !strings.HasPrefix(s.Uses.Str, "./") {
				continue
			}
			a, err := c.repo.LocalAction(s.Uses.Str)
			if err != nil || a == nil || a.Using != "composite" || c.seenAction[a.File] {
				continue
			}
			c.seenAction[a.File] = true
			for _, in := range a.Steps {
				vals := []wf.Value{in.Run, in.If}
				for _, v := range in.With {
					vals = append(vals, v)
				}
				for _, v := range in.Env {
					vals = append(vals, v)
				}
				for _, v := range vals {
					if !v.Set || !strings.Contains(v.Str, "secrets.") || !registryStep(in) {
						continue
					}
					c.report("GHA007", loc{a.File, v.Pos}, "", "",
						fmt.Sprintf("composite action %s reads the secrets context (%s); composite actions cannot, so the value is empty", a.File, strings.TrimSpace(firstLineWith(v.Str, "secrets."))),
						"Declare an input in action.yml and pass the secret from the workflow step's `with:`.")
				}
			}
		}
	}
}

// registryStep: a step that logs in or pushes (the only ones this tool judges).
func registryStep(s *wf.Step) bool {
	a := s.Action()
	if loginActions[a] || strings.Contains(a, "login") || strings.HasSuffix(a, "build-push-action") {
		return true
	}
	r := s.Run.Str
	return strings.Contains(r, " login") || strings.Contains(r, "push")
}

func firstLineWith(s, sub string) string {
	for _, l := range strings.Split(s, "\n") {
		if strings.Contains(l, sub) {
			return l
		}
	}
	return s
}
