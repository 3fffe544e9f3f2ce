// Package shellrules holds the SHX lint rules: registry mistakes in shell
// scripts of any CI (GitLab `script:`, GitHub Actions `run:`, a Jenkins `sh`).
// Each rule is one file; every rule registers its lint.Meta in init.
//
// Checkers parse a script with shellcmd.Parse and call Check with its
// commands (in execution order, several script blocks of one job
// concatenated); Check returns Hits that point at a command index and a
// position inside that command's script, which the caller maps to file:line:col.
package shellrules

import (
	"sort"

	"github.com/regdoctor/regdoctor/internal/finding"
	"github.com/regdoctor/regdoctor/internal/lint"
	"github.com/regdoctor/regdoctor/internal/shellcmd"
)

// Hit is one rule violation in a list of commands.
type Hit struct {
	Rule     string // SHX001...
	Cause    string // catalog cause id
	Severity finding.Severity
	Message  string // one or two sentences, specific to the input (not yet redacted)
	Cmd      int    // index into the commands given to Check
	Pos      shellcmd.Pos
	Registry string // registry host concerned, "" when unknown
}

type rule struct {
	meta  lint.Meta
	check func(cmds []shellcmd.Command) []Hit
}

var rules []rule

func register(m lint.Meta, check func(cmds []shellcmd.Command) []Hit) {
	m.Platform = "shell"
	lint.Register(m)
	rules = append(rules, rule{meta: m, check: check})
}

// Check runs every SHX rule over cmds (one job's or step's commands in the
// order they run) and returns the hits ordered by command index.
func Check(cmds []shellcmd.Command) []Hit {
	var out []Hit
	for _, r := range rules {
		for _, h := range r.check(cmds) {
			h.Rule = r.meta.ID
			if h.Cause == "" {
				h.Cause = r.meta.Cause
			}
			if h.Severity == "" {
				h.Severity = r.meta.Severity
			}
			out = append(out, h)
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Cmd != out[j].Cmd {
			return out[i].Cmd < out[j].Cmd
		}
		return out[i].Rule < out[j].Rule
	})
	return out
}

// IDs lists the SHX rule ids in registration order.
func IDs() []string {
	var out []string
	for _, r := range rules {
		out = append(out, r.meta.ID)
	}
	return out
}
