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
		ID: "GHA013", Name: "login-condition-narrower-than-push", Cause: "no-login", Severity: finding.Warning,
		Summary: "The login step runs under a condition the push does not have, or may fail silently (continue-on-error).",
		Description: `When the login's ` + "`if:`" + ` is false (another event, branch, matrix leg) but the push still runs, the push is
anonymous; ` + "`continue-on-error: true`" + ` on the login hides its failure until the push. Put the same condition on
both steps, or on the job.

Source: https://docs.github.com/en/actions/reference/workflows-and-actions/workflow-syntax (jobs.<job_id>.steps[*].if, continue-on-error).`,
		Broken: `on: [push, pull_request]
jobs:
  image:
    runs-on: ubuntu-latest
    steps:
      - uses: docker/login-action@v3
        if: github.event_name == 'push'
        with:
          username: ${{ secrets.DOCKERHUB_USERNAME }}
          password: ${{ secrets.DOCKERHUB_TOKEN }}
      - uses: docker/build-push-action@v6
        with:
          push: true
          tags: acme/app:latest
`,
		Fixed: `on: [push, pull_request]
jobs:
  image:
    runs-on: ubuntu-latest
    steps:
      - uses: docker/login-action@v3
        if: github.event_name == 'push'
        with:
          username: ${{ secrets.DOCKERHUB_USERNAME }}
          password: ${{ secrets.DOCKERHUB_TOKEN }}
      - uses: docker/build-push-action@v6
        with:
          push: ${{ github.event_name == 'push' }}
          tags: acme/app:latest
`,
	}, checkGHA013)
}

func checkGHA013(c *lintCtx, w *wf.Workflow) {
	seen := map[*login]bool{}
	for _, v := range c.verdicts(w) {
		if v.kind != vCovered {
			continue
		}
		// a push is safe if any covering login is unconditional (or matches its condition)
		var narrow *login
		safe := false
		for _, l := range v.by {
			cond := strings.ReplaceAll(l.cond, " [shell-conditional]", "")
			if trueOnEveryTrigger(cond, w) {
				cond = ""
			}
			switch {
			case l.contErr:
				narrow = l
			case v.p.cond != "" || v.p.pushCond != "":
				// the push has its own condition: the author gated both; textual
				// implication between conditions is not attempted
				safe = true
			case cond == "" || cond == v.p.cond || strings.Contains(v.p.cond, cond) || cond == v.p.pushCond || strings.Contains(v.p.pushCond, cond) || strings.Contains(v.p.cond, "[shell-conditional]") && strings.HasSuffix(l.cond, "[shell-conditional]"):
				safe = true
			default:
				narrow = l
			}
		}
		if safe || narrow == nil || seen[narrow] {
			continue
		}
		seen[narrow] = true
		if narrow.contErr {
			c.report("GHA013", narrow.at, "", v.p.host,
				fmt.Sprintf("the login to %s has continue-on-error: true; if it fails, the push of %s runs unauthenticated", fmtHosts(narrow.hosts), v.p.ref),
				"Remove continue-on-error from the login step.")
			continue
		}
		pc := v.p.cond
		if pc == "" {
			pc = "none"
		}
		c.report("GHA013", narrow.at, "", v.p.host,
			fmt.Sprintf("the login to %s runs only if %q, but the push of %s (line %d) has condition %s: when the login is skipped the push is anonymous", fmtHosts(narrow.hosts), strings.ReplaceAll(narrow.cond, " [shell-conditional]", ""), v.p.ref, v.p.at.Line, pc),
			"Give the push the same condition as the login (or put it on the job).")
	}
}

var reEventCmp = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^\(?\s*(?:github\.event_name\s*(==|!=)\s*'([A-Za-z_]+)'|'([A-Za-z_]+)'\s*(==|!=)\s*github\.event_name)\s*\)?$`)
})

// trueOnEveryTrigger reports whether a step condition made only of
// github.event_name comparisons joined by && holds for every event that can
// start w: `github.event_name != 'pull_request'` in a workflow without a
// pull_request trigger is always true. A reusable workflow (workflow_call)
// sees its caller's event, so nothing is decided there.
// Source: https://docs.github.com/en/actions/reference/workflows-and-actions/contexts#github-context (event_name).
func trueOnEveryTrigger(cond string, w *wf.Workflow) bool {
	if cond == "" || len(w.Triggers) == 0 || w.HasTrigger("workflow_call") || strings.Contains(cond, "||") {
		return false
	}
	for _, part := range strings.Split(cond, "&&") {
		g := reEventCmp().FindStringSubmatch(strings.TrimSpace(part))
		if g == nil {
			return false
		}
		op, ev := g[1], g[2]
		if op == "" {
			op, ev = g[4], g[3]
		}
		switch op {
		case "!=":
			if w.HasTrigger(ev) {
				return false
			}
		case "==":
			if len(w.Triggers) != 1 || w.Triggers[0].Name != ev {
				return false
			}
		}
	}
	return true
}
