package github

import (
	"fmt"
	"sort"
	"strings"

	"github.com/regdoctor/regdoctor/internal/finding"
	"github.com/regdoctor/regdoctor/internal/lint"
	wf "github.com/regdoctor/regdoctor/internal/workflow/github"
)

func init() {
	register(lint.Meta{
		ID: "GHA003", Name: "reusable-secret-not-passed", Cause: "empty-credential", Severity: finding.Error,
		Summary: "A local reusable workflow logs in with secrets.X but the calling job neither maps X nor uses `secrets: inherit`.",
		Description: `Secrets are not passed to reusable workflows automatically: the caller maps them under ` + "`secrets:`" + `
or writes ` + "`secrets: inherit`" + ` (same organisation or enterprise only), and every nesting level must pass them
again. A secret that was not passed expands to the empty string, so the registry login in the called workflow
fails with ` + "`Username and password required`" + ` (docker/login-action) or an interactive-login error, or the run fails
at startup with ` + "`Secret X is required, but not provided while calling`" + ` when the callee declares it required.

Source: https://docs.github.com/en/actions/sharing-automations/reusing-workflows (passing secrets).`,
		Broken: `on: push
jobs:
  image:
    uses: ./.github/workflows/image.yml
`,
		Fixed: `on: push
jobs:
  image:
    uses: ./.github/workflows/image.yml
    secrets: inherit
`,
	}, checkGHA003)
}

// loginSecrets returns the secrets a workflow uses for registry logins,
// including those its own local calls with `secrets: inherit` need
// (depth-bounded), by name.
func (c *lintCtx) loginSecrets(w *wf.Workflow, depth int) map[string]bool {
	out := map[string]bool{}
	if w == nil || depth > 3 {
		return out
	}
	for _, j := range w.Jobs {
		if j.Uses.Set {
			callee, _ := c.repo.LocalCallee(j)
			if callee == nil {
				continue
			}
			if j.SecretsInherit {
				for s := range c.loginSecrets(callee, depth+1) {
					out[s] = true
				}
			}
			for _, v := range j.Secrets {
				for _, s := range classifyCred(v.Str).secrets {
					out[s] = true
				}
			}
			continue
		}
		m := c.build(w, j)
		for _, l := range m.logins {
			for _, s := range append(append([]string{}, l.user.secrets...), l.pass.secrets...) {
				out[s] = true
			}
		}
	}
	return out
}

func checkGHA003(c *lintCtx, w *wf.Workflow) {
	for _, j := range w.Jobs {
		if !j.Uses.Set || j.SecretsInherit {
			continue
		}
		callee, err := c.repo.LocalCallee(j)
		if err != nil || callee == nil {
			continue
		}
		need := c.loginSecrets(callee, 0)
		for name, s := range callee.CallSecrets {
			if s.Required {
				need[name] = true
			}
		}
		var missing []string
		for name := range need {
			if d, declared := callee.CallSecrets[name]; declared && !d.Required {
				continue // optional by declaration: the callee expects callers that do not pass it
			}
			if _, ok := j.Secrets[name]; !ok {
				missing = append(missing, name)
			}
		}
		if len(missing) == 0 {
			continue
		}
		sort.Strings(missing)
		c.report("GHA003", loc{w.File, j.Uses.Pos}, "", "",
			fmt.Sprintf("job %q calls %s without passing %s, which it uses to log in to a registry; in the called workflow the secret expands to empty", j.ID, j.Uses.Str, "secrets."+strings.Join(missing, ", secrets.")),
			"Pass the secrets: add `secrets: inherit` to jobs."+j.ID+" (same organisation), or map each one under `secrets:`.")
	}
}
