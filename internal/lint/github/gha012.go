package github

import (
	"fmt"

	"github.com/regdoctor/regdoctor/internal/finding"
	"github.com/regdoctor/regdoctor/internal/lint"
	wf "github.com/regdoctor/regdoctor/internal/workflow/github"
)

func init() {
	register(lint.Meta{
		ID: "GHA012", Name: "login-ordering-or-other-job", Cause: "login-other-job", Severity: finding.Error,
		Summary: "The only login for the pushed registry runs after the push, or in another job.",
		Description: `Jobs do not share ` + "`~/.docker/config.json`" + `: on GitHub-hosted runners every job is a new virtual
machine, and docker/login-action logs out in its post step. A login in a ` + "`needs:`" + ` predecessor or a sibling job,
or a login later in the same job, leaves the push unauthenticated.

Sources: shared/domain/ci-rules.md F-GH-21; docker/login-action action.yml (` + "`logout: true`" + `).`,
		Broken: `on: push
permissions:
  packages: write
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: docker/login-action@v3
        with:
          registry: ghcr.io
          username: ${{ github.actor }}
          password: ${{ secrets.GITHUB_TOKEN }}
  manifest:
    needs: build
    runs-on: ubuntu-latest
    steps:
      - run: docker manifest push ghcr.io/acme/app:latest
`,
		Fixed: `on: push
permissions:
  packages: write
jobs:
  manifest:
    runs-on: ubuntu-latest
    steps:
      - uses: docker/login-action@v3
        with:
          registry: ghcr.io
          username: ${{ github.actor }}
          password: ${{ secrets.GITHUB_TOKEN }}
      - run: docker manifest push ghcr.io/acme/app:latest
`,
	}, checkGHA012)
}

func checkGHA012(c *lintCtx, w *wf.Workflow) {
	seen := map[string]bool{}
	for _, v := range c.verdicts(w) {
		if v.kind != vAfter && v.kind != vOtherJob {
			continue
		}
		key := v.m.job.ID + "\x00" + v.p.host
		if seen[key] {
			continue
		}
		seen[key] = true
		l := v.by[0]
		if v.kind == vAfter {
			c.report("GHA012", v.p.at, "", v.p.host,
				fmt.Sprintf("job %q pushes %s before it logs in to %s (line %d)", v.m.job.ID, v.p.ref, v.p.host, l.at.Line),
				"Move the login step before the first push.")
			continue
		}
		c.report("GHA012", v.p.at, "", v.p.host,
			fmt.Sprintf("job %q pushes %s, but the login to %s is in job %q (line %d): jobs do not share registry credentials", v.m.job.ID, v.p.ref, v.p.host, v.otherJob, l.at.Line),
			fmt.Sprintf("Add the %s login to job %q before the push.", v.p.host, v.m.job.ID))
	}
}
