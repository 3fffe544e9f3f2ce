package github

import (
	"fmt"
	"regexp"
	"strings"
	"sync"

	"github.com/regdoctor/regdoctor/internal/reghost"
	wf "github.com/regdoctor/regdoctor/internal/workflow/github"
)

// refSeg is a piece of a resolved reference that came from one variable
// defined in the workflow: ref[start:end] is the variable's value, def is
// where that value is written (an env: entry or a `VAR=...` line).
type refSeg struct {
	start, end int
	name       string
	def        loc
}

var reRefExpansion = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`\$\{\{\s*env\.([A-Za-z_][A-Za-z0-9_-]*)\s*\}\}|\$\{\{.*?\}\}|\$\{([A-Za-z_][A-Za-z0-9_]*)\}|\$([A-Za-z_][A-Za-z0-9_]*)`)
})

// traceRef records which parts of p.ref came from variables defined in
// the workflow. raw is the reference as written (a shell word with its
// quotes, or an action input item); shellVars are the values a shell word's
// variables resolve to (script assignments over env), nil for action
// inputs. A definition that itself expands variables is traced in turn (a
// few levels), so a namespace from OWNER in IMAGE=ghcr.io/$OWNER/app points
// at OWNER's definition. The trace is kept only when the pieces, resolved
// one by one, give p.ref again; otherwise p.segs stays empty and rules use p.at.
func (m *jobModel) traceRef(p *push, raw string, env map[string]string, shellVars func(string) (string, bool)) {
	if p.step == nil || !strings.Contains(raw, "$") {
		return
	}
	got, segs := m.trace(p.step, raw, env, shellVars, p.at.Line, 0)
	if got != p.ref || len(segs) == 0 {
		return
	}
	p.segs = segs
}

// trace resolves raw piece by piece (see traceRef) and returns the text
// and the segments that came from defined variables, finest first.
func (m *jobModel) trace(s *wf.Step, raw string, env map[string]string, shellVars func(string) (string, bool), before, depth int) (string, []refSeg) {
	var b strings.Builder
	var segs []refSeg
	last := 0
	lit := func(x string) {
		if shellVars != nil {
			x = quoteStripper.Replace(x)
		}
		b.WriteString(x)
	}
	var expansions [][]int
	if strings.Contains(raw, "$") { // every expansion starts with $: skip compiling the pattern
		expansions = reRefExpansion().FindAllStringSubmatchIndex(raw, -1)
	}
	for _, g := range expansions {
		lit(raw[last:g[0]])
		last = g[1]
		text := raw[g[0]:g[1]]
		name, shellName := "", false
		switch {
		case g[2] >= 0:
			name = raw[g[2]:g[3]]
		case g[4] >= 0:
			name, shellName = raw[g[4]:g[5]], true
		case g[6] >= 0:
			name, shellName = raw[g[6]:g[7]], true
		}
		val := text
		if shellName {
			if shellVars == nil {
				b.WriteString(text)
				continue
			}
			if v, ok := shellVars(name); ok {
				val = v
			}
		}
		val = m.resolve(val, env)
		start := b.Len()
		b.WriteString(val)
		if name == "" || val == text {
			continue
		}
		var def loc
		var defRaw string
		ok, defShell := false, false
		if shellName {
			def, defRaw, ok = assignDef(s, name, before)
			defShell = ok
		}
		if !ok {
			def, ok = envDef(m.wf, m.job, s, name)
			defRaw = envRaw(m.wf, m.job, s, name)
		}
		if !ok {
			continue
		}
		if depth < 3 && strings.Contains(defRaw, "$") {
			var sv func(string) (string, bool)
			if defShell {
				sv = shellVars
			}
			if sub, subSegs := m.trace(s, defRaw, env, sv, def.Line, depth+1); sub == val {
				for _, x := range subSegs {
					x.start += start
					x.end += start
					segs = append(segs, x)
				}
			}
		}
		segs = append(segs, refSeg{start: start, end: b.Len(), name: name, def: def})
	}
	lit(raw[last:])
	return b.String(), segs
}

// quoteStripper removes shell quotes from the literal parts of a word.
var quoteStripper = strings.NewReplacer(`"`, "", `'`, "")

// envRaw is the env value name has for step s, as written ("" if none).
func envRaw(w *wf.Workflow, j *wf.Job, s *wf.Step, name string) string {
	for _, e := range []map[string]wf.Value{s.Env, j.Env, w.Env} {
		if v, ok := e[name]; ok {
			return v.Str
		}
	}
	return ""
}

// reAssignName matches the start of a shell assignment line, capturing the name.
var reAssignName = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^\s*(?:export\s+|readonly\s+|local\s+|declare\s+(?:-[a-zA-Z]+\s+)*)?([A-Za-z_][A-Za-z0-9_]*)=`)
})

// assignDef finds the last `NAME=...` line of s's run script before file
// line before (0: anywhere): the file position of the value and the value
// as written (to the end of the line).
func assignDef(s *wf.Step, name string, before int) (loc, string, bool) {
	if !s.Run.Set || s.Anchor() != s {
		return loc{}, "", false
	}
	found, at, raw := false, loc{}, ""
	for i, line := range strings.Split(s.Run.Str, "\n") {
		g := reAssignName().FindStringSubmatchIndex(line)
		if g == nil || line[g[2]:g[3]] != name {
			continue
		}
		pos := s.ScriptPos(i+1, g[1]+1)
		if before > 0 && pos.Line >= before {
			break
		}
		found, at, raw = true, loc{s.File, pos}, strings.TrimSpace(line[g[1]:])
	}
	return at, raw, found
}

// originAt is where the character at offset off of p.ref is written: the
// definition of the variable that supplied it, or p.at.
func (p *push) originAt(off int) loc {
	for _, s := range p.segs {
		if off >= s.start && off < s.end {
			return s.def
		}
	}
	return p.at
}

// namespaceOffset is the offset in p.ref of the first repository path
// component (the namespace: ghcr.io/<ns>/app, <ns>/app on Docker Hub), or
// of the name when the path has one component; -1 when unknown.
func (p *push) namespaceOffset() int {
	ref := p.ref
	if ref == "" {
		return -1
	}
	first, _, hasSlash := strings.Cut(ref, "/")
	if hasSlash && (reghost.LooksLikeHost(first) || strings.HasPrefix(first, "$")) {
		return len(first) + 1
	}
	return 0
}

// namespaceAt is where p's namespace is written: the definition of the
// variable it comes from, else the earlier-known origin, else the push.
func (p *push) namespaceAt() loc {
	if off := p.namespaceOffset(); off >= 0 {
		if at := p.originAt(off); at != p.at {
			return at
		}
	}
	if p.origin != nil {
		return *p.origin
	}
	return p.at
}

// pushedNoteAll is pushedNote for several pushes whose fault sits at the
// same definition: " (pushed at lines 30, 32)"; "" when at is a push itself.
func pushedNoteAll(at loc, ps []*push) string {
	var lines []string
	seen := map[string]bool{}
	for _, p := range ps {
		if p.at == at {
			return ""
		}
		l := fmt.Sprint(p.at.Line)
		if p.at.file != at.file {
			l = fmt.Sprintf("%s:%d", p.at.file, p.at.Line)
		}
		if !seen[l] {
			seen[l] = true
			lines = append(lines, l)
		}
	}
	switch len(lines) {
	case 0:
		return ""
	case 1:
		return " (pushed at line " + lines[0] + ")"
	}
	return " (pushed at lines " + strings.Join(lines, ", ") + ")"
}

// pushedNote is the message suffix naming the push line when a finding
// sits at a definition elsewhere (at != p.at).
func (p *push) pushedNote(at loc) string {
	if at == p.at {
		return ""
	}
	if at.file == p.at.file {
		return fmt.Sprintf(" (pushed at line %d)", p.at.Line)
	}
	return fmt.Sprintf(" (pushed at %s:%d)", p.at.file, p.at.Line)
}
