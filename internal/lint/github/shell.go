package github

import (
	"github.com/regdoctor/regdoctor/internal/lint/shellrules"
	"github.com/regdoctor/regdoctor/internal/shellcmd"
	wf "github.com/regdoctor/regdoctor/internal/workflow/github"
)

// runShellRules runs the shared SHX rules (internal/lint/shellrules) over
// each job's run: commands, in step order, and reports their hits at the
// script line. A hit on a line where a GHA rule already reported the same
// cause is dropped (the GHA finding knows the workflow context).
func (c *lintCtx) runShellRules(w *wf.Workflow) {
	for _, m := range c.jobs(w) {
		var cmds []shellcmd.Command
		var owners []*wf.Step
		add := func(s *wf.Step) {
			if sc := m.scripts[s]; sc != nil {
				for _, cmd := range sc.Commands {
					cmds = append(cmds, cmd)
					owners = append(owners, s)
				}
			}
		}
		for _, s := range m.steps {
			add(s)
			for _, ss := range m.scriptSteps {
				if ss.CalledFrom == s {
					add(ss)
				}
			}
		}
		if len(cmds) == 0 {
			continue
		}
		for _, h := range shellrules.Check(cmds) {
			if h.Cmd < 0 || h.Cmd >= len(owners) {
				continue
			}
			at := scriptLoc(owners[h.Cmd], h.Pos)
			if c.reported(at, h.Cause) {
				continue
			}
			c.report(h.Rule, at, h.Severity, h.Registry, h.Message)
		}
	}
}

// reported: a finding with this cause already sits on this line.
func (c *lintCtx) reported(at loc, cause string) bool {
	for _, f := range c.out {
		if f.File == at.file && f.Line == at.Line && f.Cause == cause {
			return true
		}
	}
	return false
}
