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
		ID: "GHA028", Name: "login-variable-undefined", Cause: "empty-credential", Severity: finding.Warning,
		Summary: "A run: login reads a shell variable that nothing in the workflow defines.",
		Description: `Repository secrets are not exported to ` + "`run:`" + ` scripts: a variable such as ` + "`$DOCKERHUB_TOKEN`" + ` is empty
unless the step, job or workflow ` + "`env:`" + ` maps it (` + "`DOCKERHUB_TOKEN: ${{ secrets.DOCKERHUB_TOKEN }}`" + `), the script
assigns it, or an earlier step writes it to ` + "`$GITHUB_ENV`" + `. An empty user or password makes ` + "`docker login`" + ` fail with
` + "`Must provide --username with --password-stdin`" + ` or ` + "`Cannot perform an interactive login from a non TTY device`" + `.
A warning, because self-hosted runners may define the variable.

Sources: https://docs.github.com/en/actions/security-for-github-actions/security-guides/using-secrets-in-github-actions ;
docker/cli cli/command/registry/login.go.`,
		Broken: `on: push
jobs:
  image:
    runs-on: ubuntu-latest
    steps:
      - run: echo "$DOCKERHUB_TOKEN" | docker login -u "$DOCKERHUB_USER" --password-stdin
`,
		Fixed: `on: push
jobs:
  image:
    runs-on: ubuntu-latest
    steps:
      - run: echo "$DOCKERHUB_TOKEN" | docker login -u "$DOCKERHUB_USER" --password-stdin
        env:
          DOCKERHUB_USER: ${{ vars.DOCKERHUB_USER }}
          DOCKERHUB_TOKEN: ${{ secrets.DOCKERHUB_TOKEN }}
`,
	}, checkGHA028)
}

// runnerVar reports variables the runner defines
// (https://docs.github.com/en/actions/reference/workflows-and-actions/variables#default-environment-variables).
func runnerVar(n string) bool {
	if strings.HasPrefix(n, "GITHUB_") || strings.HasPrefix(n, "RUNNER_") || strings.HasPrefix(n, "ACTIONS_") || strings.HasPrefix(n, "INPUT_") {
		return true
	}
	switch n {
	case "CI", "HOME", "PATH", "USER", "PWD", "SHELL", "HOSTNAME", "RANDOM", "LINENO", "OLDPWD", "IFS", "UID", "EUID", "TMPDIR", "LANG", "REPLY",
		"AWS_REGION", "AWS_DEFAULT_REGION", "AWS_ACCOUNT_ID", "ImageOS", "ImageVersion":
		return true
	}
	return false
}

func checkGHA028(c *lintCtx, w *wf.Workflow) {
	for _, m := range c.jobs(w) {
		for _, l := range m.logins {
			if l.cmd == nil || l.script == nil || l.step.Anchor() != l.step {
				continue
			}
			run := l.step.Run.Str
			if strings.Contains(run, "source ") || strings.Contains(run, "\n. ") || strings.HasPrefix(run, ". ") || strings.Contains(run, "read ") || strings.Contains(run, "eval ") {
				continue
			}
			var vars []string
			if l.cmd.Username != nil {
				vars = append(vars, l.cmd.Username.Vars...)
			}
			if l.cmd.Password != nil {
				vars = append(vars, l.cmd.Password.Vars...)
			}
			if l.cmd.Stdin != nil {
				vars = append(vars, l.cmd.Stdin.Vars...)
			}
			if l.cmd.Server != nil {
				vars = append(vars, l.cmd.Server.Vars...)
			}
			var undefined []string
			seen := map[string]bool{}
			for _, v := range vars {
				if seen[v] || runnerVar(v) || m.githubEnvWrites[v] {
					continue
				}
				seen[v] = true
				if _, ok := l.script.Vars[v]; ok {
					continue
				}
				if loopVar(run, v) {
					continue
				}
				undefined = append(undefined, "$"+v)
			}
			if len(undefined) == 0 {
				continue
			}
			c.report("GHA028", scriptLoc(l.step, l.cmd.Pos), "", firstHost(l.hosts),
				fmt.Sprintf("%s in job %q reads %s, which no env: block, assignment or $GITHUB_ENV write defines; secrets are not exported to scripts, so it expands to empty", l.mech, m.job.ID, strings.Join(undefined, ", ")),
				"Map the secret into the step's environment: `env: {NAME: ${{ secrets.NAME }}}`.")
		}
	}
}

// loopVar: `for v in ...` / function arguments define v.
func loopVar(run, v string) bool {
	return strings.Contains(run, "for "+v+" ") || strings.Contains(run, "local "+v) || strings.Contains(run, "getopts")
}
