package gitlab

import (
	"github.com/regdoctor/regdoctor/internal/finding"
	"regexp"
	"strings"
	"sync"

	"github.com/regdoctor/regdoctor/internal/shellcmd"
	gl "github.com/regdoctor/regdoctor/internal/workflow/gitlab"
)

// pctx is what rules see: the pipeline and each runnable job's commands.
type pctx struct {
	p            *gl.Pipeline
	jobs         []*jobCtx
	out          []finding.Finding
	defaultHosts *[]string
	jobsOf       []string // job of each finding in out ("" for none)
}

// jobCtx is one runnable job with its effective script parsed.
type jobCtx struct {
	p   *gl.Pipeline
	job *gl.Job
	// env is the job's effective YAML variables with YAML-to-YAML references
	// expanded; predefined and unknown variables stay as $NAME.
	env map[string]string
	// cmds are the registry commands of before_script then script (one shell).
	cmds []cmd
	// lines maps a line of the concatenated script to its file position.
	lines []srcLine
	// src is the concatenated script.
	src string
	// helper is true when a line may log in out of our sight (loginHelperLine).
	helper bool
	// fl caches the lines of each file (shared by the jobs of a pipeline).
	fl map[string][]string
	// pushList caches pushes().
	pushList *[]pushRef
}

type cmd struct {
	shellcmd.Command
	Section string // "before_script" or "script"
}

type srcLine struct {
	pos     gl.Pos // file and line; Col is the column of the script line's first byte (0 unknown)
	section string
}

func newPipelineCtx(p *gl.Pipeline) *pctx {
	c := &pctx{p: p}
	fl := map[string][]string{}
	globalEnv := expandEnv(p.Globals)
	for _, j := range p.Jobs {
		if j.Hidden {
			continue
		}
		env := globalEnv
		if !sameVars(j.Variables, p.Globals) {
			env = expandEnv(j.Variables)
		}
		jc := newJobCtx(p, j, env, fl)
		c.jobs = append(c.jobs, jc)
	}
	return c
}

// sameVars reports a job whose effective variables are exactly the globals.
func sameVars(a, b map[string]gl.Var) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if w, ok := b[k]; !ok || w != v {
			return false
		}
	}
	return true
}

func newJobCtx(p *gl.Pipeline, j *gl.Job, env map[string]string, fl map[string][]string) *jobCtx {
	jc := &jobCtx{p: p, job: j, env: env, fl: fl}
	var b strings.Builder
	add := func(section string, ls []gl.Line) {
		for _, l := range ls {
			text := l.Text
			sub := strings.Split(strings.TrimSuffix(text, "\n"), "\n")
			for i, s := range sub {
				sl := srcLine{section: section, pos: gl.Pos{File: l.Pos.File, Line: l.Pos.Line, Col: l.Pos.Col}}
				switch {
				case len(sub) > 1 && l.TextLine > l.Pos.Line: // block scalar
					sl.pos.Line = l.TextLine + i
					sl.pos.Col = indentOf(jc.fileLines(l.Pos.File), sl.pos.Line, s)
				case i == 0:
					sl.pos.Line = l.TextLine
					sl.pos.Col = l.TextCol
				default:
					sl.pos.Col = 0
				}
				jc.lines = append(jc.lines, sl)
				b.WriteString(s)
				b.WriteByte('\n')
			}
		}
	}
	add("before_script", j.BeforeScript)
	add("script", j.Script)
	jc.src = b.String()
	for _, l := range strings.Split(jc.src, "\n") {
		if loginHelperLine(l) {
			jc.helper = true
			break
		}
	}
	sc, _ := shellcmd.Parse(j.Name, jc.src, shellcmd.Options{Env: jc.env})
	if sc != nil {
		for _, c := range sc.Commands {
			sec := ""
			if c.Pos.Line-1 < len(jc.lines) && c.Pos.Line > 0 {
				sec = jc.lines[c.Pos.Line-1].section
			}
			jc.cmds = append(jc.cmds, cmd{Command: c, Section: sec})
		}
	}
	return jc
}

// indentOf returns the 1-based column where text starts on a file line.
func indentOf(lines []string, line int, text string) int {
	if line < 1 || line > len(lines) {
		return 0
	}
	l := lines[line-1]
	if text != "" {
		if i := strings.Index(l, text); i >= 0 {
			return i + 1
		}
	}
	return len(l) - len(strings.TrimLeft(l, " \t")) + 1
}

func (jc *jobCtx) commands() []shellcmd.Command {
	out := make([]shellcmd.Command, len(jc.cmds))
	for i, c := range jc.cmds {
		out[i] = c.Command
	}
	return out
}

// at maps a position inside the concatenated script to the file.
func (jc *jobCtx) at(_ cmd, p shellcmd.Pos) gl.Pos {
	if p.Line < 1 || p.Line > len(jc.lines) {
		return jc.job.Pos
	}
	sl := jc.lines[p.Line-1]
	out := sl.pos
	if sl.pos.Col > 0 {
		out.Col = sl.pos.Col + p.Col - 1
	}
	return out
}

// cmdPos is the file position of a command.
func (jc *jobCtx) cmdPos(c cmd) gl.Pos {
	needle := c.Text
	if i := strings.IndexAny(needle, "\n"); i >= 0 {
		needle = needle[:i]
	}
	return jc.locate(jc.at(c, c.Pos), needle)
}

// wordPos is the file position of a word of a command.
func (jc *jobCtx) wordPos(c cmd, w shellcmd.Word) gl.Pos { return jc.locate(jc.at(c, w.Pos), w.Text) }

// locate checks that needle is written at p; when it is not (folded or
// multi-line plain scalars, whose lines YAML joins), it returns the first
// place in the next lines of the file where needle is written, else p.
func (jc *jobCtx) locate(p gl.Pos, needle string) gl.Pos {
	if len(needle) > 40 {
		needle = needle[:40]
	}
	src := jc.p.Sources[p.File]
	if needle == "" || len(src) == 0 || p.Line < 1 {
		return p
	}
	lines := jc.fileLines(p.File)
	if p.Line > len(lines) {
		return p
	}
	if l := lines[p.Line-1]; p.Col >= 1 && p.Col-1 <= len(l) && strings.HasPrefix(l[p.Col-1:], needle) {
		return p
	}
	for n := p.Line; n <= len(lines) && n < p.Line+100; n++ {
		if i := strings.Index(lines[n-1], needle); i >= 0 {
			return gl.Pos{File: p.File, Line: n, Col: i + 1}
		}
	}
	return p
}

func (jc *jobCtx) fileLines(file string) []string {
	if ls, ok := jc.fl[file]; ok {
		return ls
	}
	ls := strings.Split(string(jc.p.Sources[file]), "\n")
	jc.fl[file] = ls
	return ls
}

var varRef = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`\$\{([A-Za-z_][A-Za-z0-9_]*)\}|\$([A-Za-z_][A-Za-z0-9_]*)`)
})

// expandEnv expands references between YAML variables (GitLab expands
// variables in variable values, https://docs.gitlab.com/ci/variables/),
// leaving predefined and unknown names as $NAME. Each variable is resolved
// once (memoized), reference cycles stay unexpanded, depth is bounded.
func expandEnv(vars map[string]gl.Var) map[string]string {
	out := make(map[string]string, len(vars))
	state := map[string]int{} // 1 resolving, 2 done
	var resolve func(name string, depth int) string
	resolve = func(name string, depth int) string {
		v := vars[name]
		if state[name] == 2 {
			return out[name]
		}
		if state[name] == 1 || depth > 10 || !v.Expand || !strings.Contains(v.Value, "$") {
			if state[name] != 1 {
				out[name], state[name] = v.Value, 2
			}
			return v.Value
		}
		state[name] = 1
		val := varRef().ReplaceAllStringFunc(v.Value, func(m string) string {
			sm := varRef().FindStringSubmatch(m)
			n := sm[1] + sm[2]
			if _, ok := vars[n]; !ok || n == name || state[n] == 1 {
				return "$" + n
			}
			return resolve(n, depth+1)
		})
		if len(val) > 1<<16 {
			val = v.Value // runaway growth: keep it unexpanded
		}
		out[name], state[name] = val, 2
		return val
	}
	for name := range vars {
		resolve(name, 0)
	}
	return out
}

// normVars rewrites ${NAME} as $NAME so rules can match one spelling.
func normVars(s string) string {
	if !strings.Contains(s, "${") {
		return s
	}
	return varRef().ReplaceAllStringFunc(s, func(m string) string {
		sm := varRef().FindStringSubmatch(m)
		return "$" + sm[1] + sm[2]
	})
}

// varsOf lists the variable names referenced in s.
func varsOf(s string) []string {
	if !strings.Contains(s, "$") {
		return nil
	}
	var out []string
	for _, sm := range varRef().FindAllStringSubmatch(s, -1) {
		out = append(out, sm[1]+sm[2])
	}
	return out
}

// defined reports whether a variable is defined for the job: in YAML, by
// GitLab (predefined), or assigned earlier in the script.
func (jc *jobCtx) definedInYAML(name string) bool { _, ok := jc.job.Variables[name]; return ok }

// assignedInScript reports a shell assignment or export of name anywhere in the job script.
func (jc *jobCtx) assignedInScript(name string) bool {
	if !strings.Contains(jc.src, name) {
		return false
	}
	re := regexp.MustCompile(`(?m)(^|[\s;&|(])(export\s+|declare\s+(-\w+\s+)?|local\s+|readonly\s+)?` + regexp.QuoteMeta(name) + `=|read\s+(-\w+\s+)*` + regexp.QuoteMeta(name) + `\b|for\s+` + regexp.QuoteMeta(name) + `\s+in\b`)
	return re.MatchString(jc.src)
}

// loginHelperLine reports a script line that may log in out of our sight:
// a called script or make/just/task target whose line mentions
// login/auth/registry/docker/push/publish/release/deploy, or a credential
// file copied into place.
func loginHelperLine(l string) bool {
	low := strings.ToLower(l)
	if strings.HasPrefix(strings.TrimSpace(low), "cp ") && strings.Contains(low, "config.json") {
		return true
	}
	caller := false
	for _, k := range []string{".sh", "make", "just", "task", "./"} {
		if strings.Contains(low, k) {
			caller = true
			break
		}
	}
	if !caller {
		return false
	}
	for _, k := range []string{"login", "auth", "regist", "docker", "push", "publish", "release", "deploy"} {
		if strings.Contains(low, k) {
			return true
		}
	}
	return false
}

// unseen reports that a login or credential setup for this job could be in
// configuration the model could not read: an extends parent or !reference
// not found, or an unresolved include that may supply the default
// before_script the job would get.
func (jc *jobCtx) unseen() bool {
	return jc.job.Incomplete || (jc.p.HasUnresolvedIncludes() && jc.job.BeforeScriptFrom == "")
}

// varsUnseen reports that variables the YAML does not define here may be
// defined in an unresolved include.
func (jc *jobCtx) varsUnseen() bool { return jc.job.Incomplete || jc.p.HasUnresolvedIncludes() }
