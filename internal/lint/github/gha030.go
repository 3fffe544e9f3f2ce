package github

import (
	"fmt"
	"regexp"
	"strings"
	"sync"

	"github.com/regdoctor/regdoctor/internal/finding"
	"github.com/regdoctor/regdoctor/internal/lint"
	wf "github.com/regdoctor/regdoctor/internal/workflow/github"
)

func init() {
	register(lint.Meta{
		ID: "GHA030", Name: "composite-input-truthiness", Cause: "token-missing-scope", Severity: finding.Warning,
		Summary: "A local composite action decides whether to push from a bare `inputs.X`, but composite inputs are strings: `'false'` is true.",
		Description: `Inputs of a composite action are always strings. A caller's ` + "`push: false`" + ` arrives as the
non-empty string ` + "`'false'`" + `, and a non-empty string is truthy in an expression, so
` + "`push: ${{ inputs.push && ... }}`" + ` or ` + "`if: inputs.push`" + ` pushes anyway: on pull requests or test runs
that were meant only to build, with whatever credential is there (typically a read-only token, so the push fails
with ` + "`insufficient scopes`" + ` or ` + "`denied`" + `). Compare with a string instead:
` + "`inputs.push == 'true'`" + `, or ` + "`fromJSON(inputs.push)`" + `.

Sources: https://docs.github.com/actions/sharing-automations/creating-actions/metadata-syntax-for-github-actions#inputs
(input values are strings); https://docs.github.com/actions/reference/evaluate-expressions-in-workflows-and-actions#operators
(a non-empty string is truthy); spinalcordtoolbox/spinalcordtoolbox#5286.`,
		Broken: `on: push
jobs:
  image:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: docker/login-action@v3
        with:
          username: ${{ secrets.DOCKERHUB_USERNAME }}
          password: ${{ secrets.DOCKERHUB_TOKEN }}
      - uses: ./.github/actions/build
        with:
          push: false
`,
		Fixed: `on: push
jobs:
  image:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: docker/login-action@v3
        with:
          username: ${{ secrets.DOCKERHUB_USERNAME }}
          password: ${{ secrets.DOCKERHUB_TOKEN }}
      - uses: ./.github/actions/build
        with:
          push: false
`,
	}, checkGHA030)
}

// bareInput finds inputs.NAME in an expression; the caller decides whether
// the occurrence is compared or converted.
var bareInput = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`inputs\.([A-Za-z_][A-Za-z0-9_-]*)`)
})

func checkGHA030(c *lintCtx, w *wf.Workflow) {
	for _, j := range w.Jobs {
		for _, s := range j.Steps {
			if !strings.HasPrefix(s.Uses.Str, "./") {
				continue
			}
			a, err := c.repo.LocalAction(s.Uses.Str)
			if err != nil || a == nil || a.Using != "composite" {
				continue
			}
			for _, in := range a.Steps {
				type cond struct {
					v    wf.Value
					isIf bool
				}
				var conds []cond
				if strings.HasSuffix(in.Action(), "build-push-action") {
					conds = append(conds, cond{in.With["push"], false})
				}
				if registryStep(in) {
					conds = append(conds, cond{in.If, true})
				}
				for _, cd := range conds {
					v := cd.v
					name, ok := truthyInput(v, cd.isIf)
					if !ok {
						continue
					}
					at := loc{a.File, v.Pos}
					if c.reported(at, "token-missing-scope") {
						continue
					}
					c.report("GHA030", at, "", "",
						fmt.Sprintf("composite action %s decides the push from `inputs.%s` as a boolean, but composite inputs are strings: a caller's `%s: false` is the string 'false', which is true, so the image is pushed anyway", a.File, name, name),
						fmt.Sprintf("Compare with a string: `inputs.%s == 'true'` (or `fromJSON(inputs.%s)`).", name, name))
				}
			}
		}
	}
}

// truthyInput reports the first inputs.NAME in v used as a boolean: not
// compared with == or != and not passed to a function such as fromJSON.
// isIf: v is an `if:`, whose text is an expression even without ${{ }}.
func truthyInput(v wf.Value, isIf bool) (string, bool) {
	if !v.Set || !strings.Contains(v.Str, "inputs.") {
		return "", false
	}
	expr := v.Str
	if !isIf {
		i := strings.Index(expr, "${{")
		if i < 0 {
			return "", false
		}
		expr = expr[i+3:]
		if j := strings.Index(expr, "}}"); j >= 0 {
			expr = expr[:j]
		}
	}
	for _, m := range bareInput().FindAllStringSubmatchIndex(expr, -1) {
		before := strings.TrimRight(expr[:m[0]], " \t")
		after := strings.TrimLeft(expr[m[1]:], " \t")
		switch {
		case strings.HasSuffix(before, "==") || strings.HasSuffix(before, "!="),
			strings.HasPrefix(after, "==") || strings.HasPrefix(after, "!="),
			strings.HasSuffix(before, "("), // fromJSON(inputs.x), contains(inputs.x, ...)
			strings.HasSuffix(before, ","):
			continue
		}
		return expr[m[2]:m[3]], true
	}
	return "", false
}
