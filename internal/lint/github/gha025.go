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
		ID: "GHA025", Name: "ecr-registry-output-with-multiple-registries", Cause: "invalid-reference", Severity: finding.Error,
		Summary: "steps.<id>.outputs.registry of amazon-ecr-login is used although the step logs in to several registries (the output is then not set).",
		Description: `aws-actions/amazon-ecr-login sets its ` + "`registry`" + ` output only when it logs in to one registry. With several
account ids in ` + "`registries:`" + ` the output is empty, so ` + "`${{ steps.<id>.outputs.registry }}/app`" + ` becomes ` + "`/app`" + `
(an invalid reference) or a Docker Hub name. Use the literal registry hosts.

Source: aws-actions/amazon-ecr-login action.yml and README (outputs).`,
		Broken: `on: push
permissions:
  id-token: write
jobs:
  image:
    runs-on: ubuntu-latest
    steps:
      - id: ecr
        uses: aws-actions/amazon-ecr-login@v2
        with:
          registries: "123456789012,210987654321"
      - run: docker push ${{ steps.ecr.outputs.registry }}/app:1
`,
		Fixed: `on: push
permissions:
  id-token: write
jobs:
  image:
    runs-on: ubuntu-latest
    steps:
      - id: ecr
        uses: aws-actions/amazon-ecr-login@v2
        with:
          registries: "123456789012,210987654321"
      - run: docker push 123456789012.dkr.ecr.us-east-1.amazonaws.com/app:1
`,
	}, checkGHA025)
}

func checkGHA025(c *lintCtx, w *wf.Workflow) {
	for _, m := range c.jobs(w) {
		for _, s := range m.steps {
			if s.Action() != "aws-actions/amazon-ecr-login" || s.ID.Str == "" || !strings.Contains(s.With["registries"].Str, ",") {
				continue
			}
			needle := "steps." + s.ID.Str + ".outputs.registry"
			for _, u := range m.steps {
				vals := []wf.Value{u.Run}
				for _, v := range u.With {
					vals = append(vals, v)
				}
				for _, v := range u.Env {
					vals = append(vals, v)
				}
				for _, v := range vals {
					i := strings.Index(v.Str, needle)
					if i < 0 || strings.HasPrefix(v.Str[i+len(needle):], "_") {
						continue
					}
					at := anchorLoc(u, v)
					if v == u.Run && u.Anchor() == u {
						line := strings.Count(v.Str[:i], "\n") + 1
						col := i - strings.LastIndex(v.Str[:i], "\n")
						at = loc{u.File, u.ScriptPos(line, col)}
					}
					c.report("GHA025", at, "", "",
						fmt.Sprintf("%s is empty: step %q logs in to several registries (%s), and then sets no registry output", needle, s.ID.Str, s.With["registries"].Str),
						"Write the registry host literally (<account>.dkr.ecr.<region>.amazonaws.com), or log in to one registry per step.")
					goto next
				}
			}
		next:
		}
	}
}
