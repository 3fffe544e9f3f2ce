package gitlab

import (
	"fmt"
	"sort"
	"strings"

	"github.com/regdoctor/regdoctor/internal/finding"
	"github.com/regdoctor/regdoctor/internal/lint"
	"github.com/regdoctor/regdoctor/internal/shellcmd"
	gl "github.com/regdoctor/regdoctor/internal/workflow/gitlab"
)

func init() {
	register(lint.Meta{
		ID: "GLC005", Name: "unknown-or-deprecated-ci-variable", Cause: "empty-credential", Severity: finding.Warning,
		Summary: "A registry command uses a CI_/GITLAB_ variable GitLab does not define (misspelt, invented or removed in 9.0).",
		Description: "Undefined variables expand to an empty string. `$CI_BUILD_TOKEN` and the other `CI_BUILD_*` names were " +
			"removed in GitLab 9.0 (https://docs.gitlab.com/ci/variables/deprecated_variables/); a login with them sends an " +
			"empty password and fails with `unauthorized: incorrect username or password` or " +
			"`Cannot perform an interactive login from a non TTY device`. Names such as `$CI_REGISTRY_TOKEN` never existed. " +
			"The rule checks every variable a registry command (login, push, pull, build, credential file) expands against " +
			"GitLab's predefined list (https://docs.gitlab.com/ci/variables/predefined_variables/) and the variables the " +
			"configuration defines, and suggests the nearest predefined name. Error for `CI_BUILD_TOKEN`, warning otherwise " +
			"(a project, group or instance variable may define an unusual `CI_` name).\n\n" +
			"Fix: use `$CI_REGISTRY_USER` / `$CI_REGISTRY_PASSWORD` (or `$CI_JOB_TOKEN`) for the GitLab registry, and the " +
			"renamed variable for the others.",
		Broken: `build:
  image: docker:27
  services: [docker:27-dind]
  variables:
    DOCKER_TLS_CERTDIR: "/certs"
  script:
    - docker login -u gitlab-ci-token -p "$CI_BUILD_TOKEN" "$CI_REGISTRY"
    - docker build -t "$CI_REGISTRY_IMAGE:$CI_COMMIT_SHORT_SHA" .
    - docker push "$CI_REGISTRY_IMAGE:$CI_COMMIT_SHORT_SHA"
`,
		Fixed: `build:
  image: docker:27
  services: [docker:27-dind]
  variables:
    DOCKER_TLS_CERTDIR: "/certs"
  script:
    - echo "$CI_REGISTRY_PASSWORD" | docker login -u "$CI_REGISTRY_USER" --password-stdin "$CI_REGISTRY"
    - docker build -t "$CI_REGISTRY_IMAGE:$CI_COMMIT_SHORT_SHA" .
    - docker push "$CI_REGISTRY_IMAGE:$CI_COMMIT_SHORT_SHA"
`,
	}, checkGLC005)
}

var deprecatedVars = gl.Deprecated

func severityForDeprecated(name string) finding.Severity {
	if name == "CI_BUILD_TOKEN" {
		return finding.Error
	}
	return finding.Warning
}

func loginHint(name string) string {
	if name == "CI_BUILD_TOKEN" {
		return " (for the registry: `-u \"$CI_REGISTRY_USER\"` with `$CI_REGISTRY_PASSWORD`)"
	}
	return ""
}

func glPos(file string, line, col int) gl.Pos { return gl.Pos{File: file, Line: line, Col: col} }

func checkGLC005(c *pctx) {
	for _, jc := range c.jobs {
		for _, cm := range jc.cmds {
			if cm.Action == "" {
				continue
			}
			for _, u := range jc.varUses(cm) {
				jc.checkVarUse(c, cm, u, 0)
			}
		}
	}
}

// varUse is one variable a command expands, with where it is written.
type varUse struct {
	name string
	pos  gl.Pos
}

// varUses lists the variables a command expands (its words and its
// standard input), each at its position in the file.
func (jc *jobCtx) varUses(cm cmd) []varUse {
	var out []varUse
	seen := map[string]bool{}
	addWord := func(w shellcmd.Word) {
		for _, v := range w.Vars {
			if seen[v] {
				continue
			}
			seen[v] = true
			p := jc.wordPos(cm, w)
			if off := varOffset(w.Text, v); off >= 0 && p.Col > 0 {
				p.Col += off
			}
			out = append(out, varUse{name: v, pos: p})
		}
	}
	for _, w := range cm.Args {
		addWord(w)
	}
	if cm.Target != nil {
		addWord(*cm.Target)
	}
	if cm.Stdin != nil {
		if cm.Stdin.Word != nil {
			addWord(*cm.Stdin.Word)
		}
		for _, v := range cm.Stdin.Vars {
			if seen[v] {
				continue
			}
			seen[v] = true
			out = append(out, varUse{name: v, pos: jc.varPosOnLine(cm, v)})
		}
	}
	if cm.Action == shellcmd.WriteConfig {
		for _, v := range varsOf(cm.Text) {
			if !seen[v] {
				seen[v] = true
				out = append(out, varUse{name: v, pos: jc.varPosOnLine(cm, v)})
			}
		}
	}
	return out
}

func varOffset(text, name string) int {
	for _, form := range []string{"${" + name + "}", "$" + name, "${" + name} {
		if i := strings.Index(text, form); i >= 0 {
			return i
		}
	}
	return -1
}

// varPosOnLine finds a variable on the script lines of a command (for pipes
// the variable is left of the command).
func (jc *jobCtx) varPosOnLine(cm cmd, name string) gl.Pos {
	lines := strings.Split(jc.src, "\n")
	for ln := cm.Pos.Line; ln >= 1 && ln >= cm.Pos.Line-3; ln-- {
		if ln-1 >= len(lines) {
			continue
		}
		if off := varOffset(lines[ln-1], name); off >= 0 {
			return jc.at(cm, shellcmd.Pos{Line: ln, Col: off + 1})
		}
	}
	return jc.cmdPos(cm)
}

func (jc *jobCtx) checkVarUse(c *pctx, cm cmd, u varUse, depth int) {
	name := u.name
	if depth > 4 {
		return
	}
	if v, ok := jc.job.Variables[name]; ok {
		// A YAML variable: check what its value expands, at its definition.
		if !v.Expand {
			return
		}
		for _, inner := range varsOf(v.Value) {
			if inner == name {
				continue
			}
			jc.checkVarUse(c, cm, varUse{name: inner, pos: v.Pos}, depth+1)
		}
		return
	}
	if repl, ok := deprecatedVars[name]; ok {
		c.reportSev("GLC005", severityForDeprecated(name), u.pos, jc, "",
			fmt.Sprintf("`$%s` was removed in GitLab 9.0 and expands to an empty string in `%s`; use `$%s`%s.", name, short(cm.Text), repl, loginHint(name)))
		return
	}
	if !strings.HasPrefix(name, "CI_") && !(strings.HasPrefix(name, "GITLAB_") && len(gl.Suggest(name)) > 0) {
		return // GITLAB_* names are common project variables; only near-misses are flagged
	}
	if gl.IsPredefined(name) || jc.assignedInScript(name) || c.p.DefinesAnywhere(name) || jc.varsUnseen() {
		return
	}
	msg := fmt.Sprintf("`$%s` is not a GitLab predefined variable and is not defined in this configuration, so it is empty unless a project, group or instance variable sets it", name)
	if s := gl.Suggest(name); len(s) > 0 {
		sort.Strings(s[:min(len(s), 3)])
		msg += fmt.Sprintf("; did you mean `$%s`?", s[0])
	} else if strings.HasPrefix(name, "CI_") && strings.Contains(name, "REGISTRY") && (strings.Contains(name, "TOKEN") || strings.Contains(name, "PASS")) {
		msg += "; the registry password is `$CI_REGISTRY_PASSWORD` (or `$CI_JOB_TOKEN`)."
	} else {
		msg += "."
	}
	c.report("GLC005", u.pos, jc, "", msg)
}

// short trims a command for messages.
func short(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if len(s) > 80 {
		s = s[:77] + "..."
	}
	return s
}
