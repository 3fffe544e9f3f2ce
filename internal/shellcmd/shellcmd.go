// Package shellcmd finds the container-registry commands in a CI shell script
// (a GitHub Actions `run:` block, a GitLab `script:` entry, a Jenkins `sh`):
// logins, pushes, pulls, builds, tags, copies and credential-helper setups of
// docker, podman, buildah, nerdctl, crane, skopeo, helm, ko, oras, aws, gcloud
// and az, with their registry hosts, credential sources and positions.
//
// Scripts are parsed with mvdan.cc/sh/v3 (bash dialect). GitHub Actions
// expressions `${{ ... }}` are not shell: they are replaced by a placeholder of
// the same length before parsing and restored in every Word's Text and Value,
// so positions stay exact.
//
// The API is shared by the GitHub and GitLab checkers: change it additively.
package shellcmd

import (
	"fmt"
	"path"
	"strconv"
	"strings"
	"sync"

	"mvdan.cc/sh/v3/syntax"
)

// Pos is a 1-based position inside the script (Col counts bytes, like the
// shell parser and YAML columns for ASCII text).
type Pos struct {
	Line, Col int
}

// Action is what a command does to a registry.
type Action string

// Actions.
const (
	// Login stores a credential for Hosts (docker/podman/buildah/nerdctl
	// login, crane auth login, skopeo login, helm registry login, ko login,
	// oras login).
	Login Action = "login"
	// Logout removes the stored credential for Hosts.
	Logout Action = "logout"
	// CredHelper configures a credential helper or performs a cloud login
	// that writes the Docker config for Hosts (gcloud auth configure-docker,
	// az acr login).
	CredHelper Action = "cred-helper"
	// ECRPassword prints an ECR token (aws ecr get-login-password,
	// aws ecr-public get-login-password); normally piped into a login.
	ECRPassword Action = "ecr-password"
	// ECRGetLogin is the removed AWS CLI v1 `aws ecr get-login`.
	ECRGetLogin Action = "ecr-get-login"
	// Push uploads Refs (docker push, buildx build --push, crane push,
	// helm push, oras push, ko build, manifest push, imagetools create...).
	Push Action = "push"
	// Pull downloads Refs.
	Pull Action = "pull"
	// Build builds an image tagged Refs without pushing it.
	Build Action = "build"
	// Tag gives Source a new name Refs[0] locally.
	Tag Action = "tag"
	// WriteConfig writes a registry auth file (Target) from the shell,
	// e.g. `echo "$DOCKER_AUTH_CONFIG" > ~/.docker/config.json`.
	WriteConfig Action = "write-config"
)

// Word is one shell word as written, with GitHub expressions restored.
type Word struct {
	Pos Pos
	End Pos
	// Text is the source text, quotes included.
	Text string
	// Value is the word after quote removal; parameter expansions of known
	// variables (assigned earlier in the script or given in Options.Env)
	// are substituted, others stay as `$NAME` / `${...}`; command
	// substitutions stay as `$(...)` with their source inside.
	Value string
	// Literal reports a Value with no expansion left in it.
	Literal bool
	// Vars are the parameter names the word expands ($X, ${X}, ${X:-y}...),
	// before substitution.
	Vars []string
	// Quoted reports that every expansion in the word is inside double quotes.
	Quoted bool
}

// Stdin says what feeds a command's standard input.
type Stdin struct {
	// Pipe is the command before `|` (its source text), when piped.
	Pipe string
	// PipeCommands are the registry-relevant commands of the pipe's left
	// side (for example an ECRPassword command).
	PipeCommands []Command
	// Word is the here-string (`<<< "$X"`) or the redirect file (`< file`).
	Word *Word
	// Vars are the parameter names the input expands (in the pipe's source
	// or the here-string), e.g. ["CI_REGISTRY_PASSWORD"].
	Vars []string
}

// Command is one registry-relevant simple command.
type Command struct {
	Tool   string // docker, podman, buildah, nerdctl, crane, skopeo, helm, ko, oras, aws, gcloud, az
	Action Action
	// Sub is the sub-command path after the tool, e.g. "login",
	// "buildx build", "auth login", "registry login", "manifest push".
	Sub  string
	Pos  Pos // position of the tool name
	End  Pos // end of the simple command
	Text string
	Args []Word // every word after the tool name

	// Hosts are the registry hosts a Login, Logout or CredHelper covers,
	// normalized with reghost.Normalize when literal ("docker.io" for a
	// docker/podman login without a server); an unresolved server keeps
	// its Value (it contains '$').
	Hosts []string
	// Server is the server argument of a login as written (nil when
	// omitted: Docker Hub for docker, nerdctl; registries.conf default for
	// podman/buildah).
	Server *Word
	// Username is the -u/--username value; Password the -p/--password value.
	Username, Password *Word
	// PasswordStdin reports --password-stdin (and crane/oras/helm/ko
	// equivalents).
	PasswordStdin bool
	// Stdin is what feeds standard input (pipe, here-string, file).
	Stdin *Stdin

	// Refs are the image references a Push, Pull, Build or Tag targets
	// (tags of a build; the destination of a copy or tag), transports such
	// as docker:// and oci:// stripped.
	Refs []Word
	// Source is the source of a Tag or copy.
	Source *Word
	// Target is the file a WriteConfig writes.
	Target *Word
	// Region is the --region of aws commands (nil when absent).
	Region *Word
	// Conditional reports a command that may not run every time the script
	// runs: inside if/case/loop bodies, after `||`, or in a function.
	Conditional bool
	// InSubst reports a command inside $(...) or backquotes.
	InSubst bool
}

// Script is the result of parsing one script.
type Script struct {
	// Commands in source order.
	Commands []Command
	// Vars are the literal-resolved variables assigned in the script
	// (last assignment wins), after Options.Env.
	Vars map[string]string
}

// Options tune Parse.
type Options struct {
	// Env gives values of variables set outside the script (workflow env,
	// GitLab variables). Values may contain GitHub expressions.
	Env map[string]string
}

const placeholderPrefix = "__GHE"

// nextExpr finds the first GitHub Actions expression in s at or after from:
// `${{` up to the first `}}` on the same line (what the pattern
// `\$\{\{.*?\}\}` matches, scanned by hand: it runs on every script).
// It returns the expression's bounds, or -1, -1.
func nextExpr(s string, from int) (int, int) {
	for from < len(s) {
		i := strings.Index(s[from:], "${{")
		if i < 0 {
			return -1, -1
		}
		i += from
		rest := s[i+3:]
		if nl := strings.IndexByte(rest, '\n'); nl >= 0 {
			rest = rest[:nl]
		}
		if j := strings.Index(rest, "}}"); j >= 0 {
			return i, i + 3 + j + 2
		}
		from = i + 1
	}
	return -1, -1
}

// hideExpressions replaces each ${{ ... }} with a same-length shell-safe
// placeholder and returns the table to restore them.
func hideExpressions(src string) (string, []string) {
	start, end := nextExpr(src, 0)
	if start < 0 {
		return src, nil
	}
	var exprs []string
	var b strings.Builder
	b.Grow(len(src) + 8)
	last := 0
	for start >= 0 {
		m := src[start:end]
		id := placeholderPrefix + strconv.Itoa(len(exprs))
		exprs = append(exprs, m)
		if len(id) < len(m) {
			id += strings.Repeat("_", len(m)-len(id))
		} else {
			id += "_"
		}
		b.WriteString(src[last:start])
		b.WriteString(id)
		last = end
		start, end = nextExpr(src, end)
	}
	b.WriteString(src[last:])
	return b.String(), exprs
}

// restore puts back the expressions hideExpressions replaced: each
// placeholder __GHE<n> (and the underscores that pad it) becomes exprs[n].
func restore(s string, exprs []string) string {
	if len(exprs) == 0 || !strings.Contains(s, placeholderPrefix) {
		return s
	}
	var b strings.Builder
	last, from := 0, 0
	for {
		i := strings.Index(s[from:], placeholderPrefix)
		if i < 0 {
			break
		}
		i += from
		j := i + len(placeholderPrefix)
		for j < len(s) && s[j] >= '0' && s[j] <= '9' {
			j++
		}
		if j == i+len(placeholderPrefix) { // no number: not a placeholder
			from = i + 1
			continue
		}
		n, err := strconv.Atoi(s[i+len(placeholderPrefix) : j])
		k := j
		for k < len(s) && s[k] == '_' {
			k++
		}
		if err == nil && n < len(exprs) {
			b.WriteString(s[last:i])
			b.WriteString(exprs[n])
			last = k
		}
		from = k
	}
	if last == 0 {
		return s
	}
	b.WriteString(s[last:])
	return b.String()
}

// parsers reuses bash parsers: a syntax.Parser resets itself on each
// Parse, and building one allocates its read buffer (every run: step is
// parsed).
var parsers = sync.Pool{New: func() any { return syntax.NewParser(syntax.Variant(syntax.LangBash)) }}

// MaxScript is the largest script Parse reads, in bytes; longer input is an
// error (CI scripts are a few kilobytes).
const MaxScript = 1 << 20

// Parse parses script and returns its registry-relevant commands. name is
// used in error messages. A syntax error does not lose the rest: the script
// is then parsed line by line, the commands of the lines that parse are
// returned, and the error names the first bad line.
func Parse(name, script string, o Options) (*Script, error) {
	if len(script) > MaxScript {
		return &Script{Vars: map[string]string{}}, fmt.Errorf("%s: script of %d bytes is larger than %d", name, len(script), MaxScript)
	}
	src, exprs := hideExpressions(script)
	s := &scanner{src: src, exprs: exprs, vars: map[string]string{}}
	for k, v := range o.Env {
		s.vars[k] = v
	}
	p := parsers.Get().(*syntax.Parser)
	defer parsers.Put(p) // the AST is walked before Parse returns; nothing keeps a node
	f, err := p.Parse(strings.NewReader(src), name)
	if err == nil {
		s.stmts(f.Stmts, false, false)
		return &Script{Commands: s.cmds, Vars: s.vars}, nil
	}
	// Fall back to one line at a time so one odd line (a template, a
	// continuation the YAML folded) does not hide the rest.
	lines := strings.Split(src, "\n")
	for i, line := range lines {
		if strings.TrimSpace(line) == "" {
			continue
		}
		lf, lerr := p.Parse(strings.NewReader(line), name)
		if lerr != nil {
			continue
		}
		ls := &scanner{src: line, exprs: exprs, vars: s.vars, lineOff: i}
		ls.stmts(lf.Stmts, false, false)
		s.cmds = append(s.cmds, ls.cmds...)
	}
	return &Script{Commands: s.cmds, Vars: s.vars}, fmt.Errorf("shell syntax: %s", restore(err.Error(), exprs))
}

type scanner struct {
	src     string
	exprs   []string
	vars    map[string]string
	cmds    []Command
	lineOff int // added to every line (line-by-line fallback)
}

func (s *scanner) pos(p syntax.Pos) Pos {
	if !p.IsValid() {
		return Pos{}
	}
	return Pos{Line: int(p.Line()) + s.lineOff, Col: int(p.Col())}
}

func (s *scanner) text(n syntax.Node) string {
	a, b := n.Pos().Offset(), n.End().Offset()
	if int(b) > len(s.src) || a > b {
		return ""
	}
	return restore(s.src[a:b], s.exprs)
}

func (s *scanner) stmts(list []*syntax.Stmt, cond, subst bool) {
	for _, st := range list {
		s.stmt(st, cond, subst, nil)
	}
}

func (s *scanner) stmt(st *syntax.Stmt, cond, subst bool, stdin *Stdin) {
	if st == nil {
		return
	}
	switch c := st.Cmd.(type) {
	case *syntax.CallExpr:
		s.call(c, st, cond, subst, stdin)
	case *syntax.BinaryCmd:
		switch c.Op {
		case syntax.Pipe, syntax.PipeAll:
			before := len(s.cmds)
			s.stmt(c.X, cond, subst, stdin)
			left := append([]Command(nil), s.cmds[before:]...)
			in := &Stdin{Pipe: s.text(c.X), PipeCommands: left, Vars: varsIn(c.X)}
			s.stmt(c.Y, cond, subst, in)
		case syntax.AndStmt:
			s.stmt(c.X, cond, subst, stdin)
			s.stmt(c.Y, cond, subst, nil)
		default: // OrStmt
			s.stmt(c.X, cond, subst, stdin)
			s.stmt(c.Y, true, subst, nil)
		}
	case *syntax.IfClause:
		for ic := c; ic != nil; ic = ic.Else {
			s.stmts(ic.Cond, cond || ic != c, subst)
			s.stmts(ic.Then, true, subst)
		}
	case *syntax.WhileClause:
		s.stmts(c.Cond, cond, subst)
		s.stmts(c.Do, true, subst)
	case *syntax.ForClause:
		s.stmts(c.Do, true, subst)
	case *syntax.Block:
		s.stmts(c.Stmts, cond, subst)
	case *syntax.Subshell:
		s.stmts(c.Stmts, cond, subst)
	case *syntax.FuncDecl:
		s.stmt(c.Body, true, subst, nil)
	case *syntax.CaseClause:
		for _, it := range c.Items {
			s.stmts(it.Stmts, true, subst)
		}
	case *syntax.DeclClause:
		for _, a := range c.Args {
			s.assign(a, cond)
		}
	case *syntax.TimeClause:
		s.stmt(c.Stmt, cond, subst, stdin)
	}
	s.redirects(st, cond, subst)
}

// varsIn lists the parameter names expanded anywhere under n.
func varsIn(n syntax.Node) []string {
	var out []string
	seen := map[string]bool{}
	syntax.Walk(n, func(n syntax.Node) bool {
		if pe, ok := n.(*syntax.ParamExp); ok && pe.Param != nil && !seen[pe.Param.Value] {
			seen[pe.Param.Value] = true
			out = append(out, pe.Param.Value)
		}
		return true
	})
	return out
}

func (s *scanner) assign(a *syntax.Assign, cond bool) {
	if a == nil || a.Name == nil || a.Array != nil {
		return
	}
	if a.Value == nil {
		if !a.Naked {
			s.vars[a.Name.Value] = ""
		}
		return
	}
	w := s.word(a.Value)
	if cond {
		// A conditional assignment may not run: forget the variable
		// rather than guess.
		delete(s.vars, a.Name.Value)
		return
	}
	s.vars[a.Name.Value] = w.Value
	s.substInWord(a.Value, cond)
}

// redirects records writes of registry auth files.
func (s *scanner) redirects(st *syntax.Stmt, cond, subst bool) {
	for _, r := range st.Redirs {
		if r.Word == nil {
			continue
		}
		switch r.Op {
		case syntax.RdrOut, syntax.AppOut, syntax.RdrClob, syntax.RdrAll, syntax.AppAll:
		default:
			continue
		}
		w := s.word(r.Word)
		if !isAuthFile(w.Value) {
			continue
		}
		s.cmds = append(s.cmds, Command{
			Tool: "shell", Action: WriteConfig, Sub: "redirect", Pos: s.pos(st.Pos()), End: s.pos(st.End()),
			Text: s.text(st), Target: &w, Conditional: cond, InSubst: subst,
		})
	}
}

func isAuthFile(p string) bool {
	p = strings.Trim(p, `"'`)
	base := path.Base(p)
	return base == "config.json" && strings.Contains(p, "docker") || base == "auth.json"
}

// substInWord scans command substitutions inside a word.
func (s *scanner) substInWord(w *syntax.Word, cond bool) {
	syntax.Walk(w, func(n syntax.Node) bool {
		if cs, ok := n.(*syntax.CmdSubst); ok {
			s.stmts(cs.Stmts, cond, true)
			return false
		}
		return true
	})
}

// word renders a shell word.
func (s *scanner) word(w *syntax.Word) Word {
	out := Word{Pos: s.pos(w.Pos()), End: s.pos(w.End()), Text: s.text(w), Literal: true, Quoted: true}
	var b strings.Builder
	s.parts(w.Parts, &b, &out, false)
	out.Value = restore(b.String(), s.exprs)
	if strings.Contains(out.Value, "${{") {
		out.Literal = false
	}
	return out
}

func (s *scanner) parts(parts []syntax.WordPart, b *strings.Builder, out *Word, inDbl bool) {
	for _, p := range parts {
		switch x := p.(type) {
		case *syntax.Lit:
			b.WriteString(x.Value)
		case *syntax.SglQuoted:
			b.WriteString(x.Value)
		case *syntax.DblQuoted:
			s.parts(x.Parts, b, out, true)
		case *syntax.ParamExp:
			if x.Param != nil {
				out.Vars = append(out.Vars, x.Param.Value)
			}
			if !inDbl {
				out.Quoted = false
			}
			simple := x.Param != nil && x.Exp == nil && x.Repl == nil && !x.Excl && !x.Length && !x.Width && x.Index == nil && x.Slice == nil && x.NestedParam == nil
			if v, ok := s.vars[paramName(x)]; ok && simple {
				b.WriteString(v)
				if strings.Contains(v, "$") {
					out.Literal = false
				}
				continue
			}
			out.Literal = false
			b.WriteString(s.text(x))
		default: // command substitution, arithmetic, process substitution, globs
			out.Literal = false
			if !inDbl {
				out.Quoted = false
			}
			b.WriteString(s.text(x))
		}
	}
}

func paramName(x *syntax.ParamExp) string {
	if x.Param == nil {
		return ""
	}
	return x.Param.Value
}

// tools the scanner knows, after wrappers are stripped.
var known = map[string]bool{
	"docker": true, "podman": true, "buildah": true, "nerdctl": true, "crane": true, "skopeo": true,
	"helm": true, "ko": true, "oras": true, "aws": true, "gcloud": true, "az": true, "regctl": true,
}

func (s *scanner) call(c *syntax.CallExpr, st *syntax.Stmt, cond, subst bool, stdin *Stdin) {
	for _, w := range c.Args {
		s.substInWord(w, cond)
	}
	if len(c.Args) == 0 {
		for _, a := range c.Assigns {
			s.assign(a, cond)
		}
		return
	}
	words := make([]Word, len(c.Args))
	for i, a := range c.Args {
		words[i] = s.word(a)
	}
	// Strip wrappers: sudo [-E ...], env [X=Y ...], command, exec, time, nohup.
	i := 0
	for i < len(words) {
		switch path.Base(words[i].Value) {
		case "sudo", "command", "exec", "time", "nohup":
			i++
			for i < len(words) && strings.HasPrefix(words[i].Value, "-") {
				i++
			}
			continue
		case "env":
			i++
			for i < len(words) && (strings.Contains(words[i].Value, "=") || strings.HasPrefix(words[i].Value, "-")) {
				i++
			}
			continue
		}
		break
	}
	if i >= len(words) {
		return
	}
	tool := path.Base(words[i].Value)
	if !known[tool] {
		return
	}
	cmd := Command{
		Tool: tool, Pos: words[i].Pos, End: s.pos(st.End()), Text: s.text(st), Args: words[i+1:],
		Conditional: cond, InSubst: subst, Stdin: stdin,
	}
	for _, r := range st.Redirs {
		if r.Word == nil {
			continue
		}
		switch r.Op {
		case syntax.WordHdoc, syntax.RdrIn:
			w := s.word(r.Word)
			cmd.Stdin = &Stdin{Word: &w, Vars: w.Vars}
		}
	}
	if classify(&cmd) {
		s.cmds = append(s.cmds, cmd)
	}
}

// toolWords are substrings every script with a registry-relevant command
// contains (tool names, auth-file names, script calls).
var toolWords = []string{"docker", "podman", "buildah", "nerdctl", "crane", "skopeo", "helm", "ko ", "oras", "aws", "gcloud", "az ", "regctl", "config.json", "auth.json"}

// MayHaveCommands reports whether script can contain a command Parse
// returns: a cheap filter that lets callers skip parsing scripts that
// mention no registry tool. It has no false negatives for the tools Parse knows.
func MayHaveCommands(script string) bool {
	for _, w := range toolWords {
		if strings.Contains(script, w) {
			return true
		}
	}
	return strings.HasSuffix(script, "ko") || strings.HasSuffix(script, "az")
}
