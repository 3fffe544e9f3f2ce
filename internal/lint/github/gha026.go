package github

import (
	"fmt"

	"github.com/regdoctor/regdoctor/internal/finding"
	"github.com/regdoctor/regdoctor/internal/lint"
	wf "github.com/regdoctor/regdoctor/internal/workflow/github"
)

func init() {
	register(lint.Meta{
		ID: "GHA026", Name: "secret-on-command-line", Cause: "empty-credential", Severity: finding.Warning,
		Summary: "A run: step passes a registry password on the command line (`docker login -p`, `--password`).",
		Description: `A password given with ` + "`-p`" + `/` + "`--password`" + ` is visible in the process list and in shell traces, and
when the secret is empty the flag swallows the next argument, so the login fails with a confusing message
(` + "`Cannot perform an interactive login from a non TTY device`" + `, ` + "`Must provide --username`" + `). Pipe it instead:
` + "`printf '%s' \"$TOKEN\" | docker login HOST -u USER --password-stdin`" + `.

Source: docker/cli cli/command/registry/login.go (--password-stdin, warning "Using --password via the CLI is insecure").`,
		Broken: `on: push
jobs:
  image:
    runs-on: ubuntu-latest
    steps:
      - run: docker login -u acme -p ${{ secrets.DOCKERHUB_TOKEN }}
`,
		Fixed: `on: push
jobs:
  image:
    runs-on: ubuntu-latest
    steps:
      - run: echo "$TOKEN" | docker login -u acme --password-stdin
        env:
          TOKEN: ${{ secrets.DOCKERHUB_TOKEN }}
`,
	}, checkGHA026)
}

func checkGHA026(c *lintCtx, w *wf.Workflow) {
	for _, m := range c.jobs(w) {
		for _, l := range m.logins {
			if l.cmd == nil || l.cmd.Password == nil || l.self {
				continue
			}
			at := scriptLoc(l.step, l.cmd.Password.Pos)
			c.report("GHA026", at, "", firstHost(l.hosts),
				fmt.Sprintf("%s passes the password on the command line (%s): use --password-stdin; an empty secret here makes the flag swallow the next argument", l.mech, l.cmd.Password.Text),
				"Pipe the secret: `printf '%s' \"$TOKEN\" | docker login HOST -u USER --password-stdin`, with TOKEN set from the secret in the step's env.")
		}
	}
}
