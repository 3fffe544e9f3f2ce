// Package github reads GitHub Actions workflow files (and local composite
// actions and reusable workflows) into a model that keeps the line and column
// of every value, for regdoctor lint.
//
// Semantics follow the workflow syntax reference
// (https://docs.github.com/en/actions/reference/workflows-and-actions/workflow-syntax):
// permissions (a job block replaces the workflow block; naming one scope sets
// the others to none; read-all, write-all, {}; no block = the repository
// default, unknown statically), triggers, jobs, needs, steps, uses/with, if,
// environment, matrix, reusable-workflow calls and composite actions.
//
// Hostile input is bounded: files larger than MaxFileSize are refused, YAML
// nesting deeper than MaxDepth and alias expansion are limited by the YAML
// loader (go.yaml.in/yaml/v4 loader limits), and walks over the tree carry a
// node budget.
package github

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"sync"

	"go.yaml.in/yaml/v4"
	"go.yaml.in/yaml/v4/plugin/loaderlimits"
)

// Limits on input.
const (
	MaxFileSize = 4 << 20 // bytes; real workflow files are a few kilobytes
	MaxDepth    = 64      // YAML nesting levels
)

// Pos is a 1-based line and column in a file.
type Pos struct {
	Line, Col int
}

// Value is a scalar as written, with its position. A zero Value (Set false)
// means the key is absent.
type Value struct {
	Pos
	Str  string
	Set  bool
	Node *yaml.Node
}

// IsExpr reports a value that contains a ${{ }} expression.
func (v Value) IsExpr() bool { return strings.Contains(v.Str, "${{") }

// Permissions is a `permissions:` block.
type Permissions struct {
	Pos
	// All is "read-all" or "write-all" for the shorthand forms, "" otherwise.
	All string
	// Scopes are the scopes named in a mapping (scope -> read|write|none).
	// An empty non-nil map is `permissions: {}`.
	Scopes map[string]string
	// ScopePos is the position of each named scope's key.
	ScopePos map[string]Pos
	// Unknown is set when the block is an expression or malformed.
	Unknown bool
}

// Level returns the block's level for scope: "write", "read" or "none".
// Naming any scope sets every other scope to none (F-GH-02).
func (p *Permissions) Level(scope string) string {
	switch p.All {
	case "write-all":
		return "write"
	case "read-all":
		return "read"
	}
	if l, ok := p.Scopes[scope]; ok {
		return l
	}
	return "none"
}

// Trigger is one event under `on:`.
type Trigger struct {
	Name string
	Pos  Pos
	Node *yaml.Node // event configuration (may be nil)
}

// Secret is a secret declared by on.workflow_call.secrets.
type Secret struct {
	Name     string
	Required bool
	Pos      Pos
}

// Workflow is one workflow file.
type Workflow struct {
	File     string // path relative to the lint root, slash-separated
	Src      []byte
	Lines    []string
	Name     string
	Triggers []Trigger
	// Permissions is the workflow-level block (nil when absent).
	Permissions *Permissions
	Env         map[string]Value
	Jobs        []*Job
	// CallSecrets are the secrets declared by on.workflow_call (nil when the
	// workflow is not reusable).
	CallSecrets map[string]Secret
	CallInputs  map[string]Value // input name -> default
	Root        *yaml.Node
}

// HasTrigger reports whether the workflow runs on event.
func (w *Workflow) HasTrigger(event string) bool {
	for _, t := range w.Triggers {
		if t.Name == event {
			return true
		}
	}
	return false
}

// Trigger returns one trigger.
func (w *Workflow) Trigger(event string) (Trigger, bool) {
	for _, t := range w.Triggers {
		if t.Name == event {
			return t, true
		}
	}
	return Trigger{}, false
}

// Job is one job.
type Job struct {
	ID          string
	Pos         Pos // position of the job's key
	Name        Value
	If          Value
	RunsOn      Value
	Permissions *Permissions // nil when the job has no block
	Needs       []string
	Env         map[string]Value
	Environment Value
	// Matrix holds the literal values of strategy.matrix keys (include
	// entries merged in); a dynamic matrix leaves it nil with MatrixDynamic.
	Matrix        map[string][]string
	MatrixDynamic bool
	// Uses is a reusable-workflow call (`jobs.<id>.uses`), with its
	// `with`, `secrets` map and `secrets: inherit`.
	Uses           Value
	With           map[string]Value
	Secrets        map[string]Value
	SecretsInherit bool
	SecretsPos     Pos
	Steps          []*Step
	Outputs        map[string]Value
	Node           *yaml.Node
	Workflow       *Workflow
}

// Combinations expands strategy.matrix into its legs (key -> literal
// value), following GitHub's rules: the product of the matrix keys, then
// `include` entries extend the legs whose original values they match (or
// add a leg), then `exclude` entries remove legs. ok is false for a dynamic
// matrix, a non-literal value, or more than max legs.
// Source: https://docs.github.com/en/actions/reference/workflows-and-actions/workflow-syntax#jobsjob_idstrategymatrix
func (j *Job) Combinations(max int) (legs []map[string]string, ok bool) {
	strategy, _ := mapGet(j.Node, "strategy")
	matrix, _ := mapGet(strategy, "matrix")
	if matrix == nil {
		return nil, false
	}
	if matrix.Kind != yaml.MappingNode {
		return nil, false
	}
	legs = []map[string]string{{}}
	var include, exclude *yaml.Node
	ok = true
	mapEach(matrix, func(k, v *yaml.Node) {
		switch k.Value {
		case "include":
			include = v
			return
		case "exclude":
			exclude = v
			return
		}
		if v == nil || v.Kind != yaml.SequenceNode {
			ok = false
			return
		}
		var next []map[string]string
		for _, leg := range legs {
			for _, e := range v.Content {
				e = resolve(e)
				if e == nil || e.Kind != yaml.ScalarNode {
					ok = false
					return
				}
				n := map[string]string{k.Value: e.Value}
				for kk, vv := range leg {
					n[kk] = vv
				}
				next = append(next, n)
			}
		}
		legs = next
	})
	if !ok || len(legs) > max {
		return nil, false
	}
	entry := func(n *yaml.Node) (map[string]string, bool) {
		out := map[string]string{}
		good := true
		mapEach(n, func(k, v *yaml.Node) {
			if v == nil || v.Kind != yaml.ScalarNode {
				good = false
				return
			}
			out[k.Value] = v.Value
		})
		return out, good
	}
	base := len(legs)
	if include != nil {
		if include.Kind != yaml.SequenceNode {
			return nil, false
		}
		if base == 1 && len(legs[0]) == 0 {
			legs = nil
			base = 0
		}
		for _, in := range include.Content {
			e, good := entry(resolve(in))
			if !good {
				return nil, false
			}
			matched := false
			for i := 0; i < base; i++ {
				fits := true
				for k, v := range e {
					if lv, has := legs[i][k]; has && lv != v {
						fits = false
					}
				}
				if fits {
					matched = true
					for k, v := range e {
						if _, has := legs[i][k]; !has {
							legs[i][k] = v
						}
					}
				}
			}
			if !matched {
				legs = append(legs, e)
			}
		}
	}
	if exclude != nil && exclude.Kind == yaml.SequenceNode {
		for _, ex := range exclude.Content {
			e, good := entry(resolve(ex))
			if !good {
				continue
			}
			kept := legs[:0]
			for _, leg := range legs {
				all := true
				for k, v := range e {
					if leg[k] != v {
						all = false
					}
				}
				if !all {
					kept = append(kept, leg)
				}
			}
			legs = kept
		}
	}
	if len(legs) > max {
		return nil, false
	}
	return legs, true
}

// Step is one step of a job (or of a composite action).
type Step struct {
	Index           int
	Pos             Pos // position of the step's first key
	ID              Value
	Name            Value
	If              Value
	Uses            Value
	With            map[string]Value
	Env             map[string]Value
	Run             Value
	Shell           Value
	ContinueOnError Value
	WorkingDir      Value // working-directory
	Node            *yaml.Node
	// File is the file the step is written in (the workflow, or a composite
	// action's action.yml); Lines its source lines.
	File  string
	Lines []string
	// Via is the workflow step that called the composite action this step
	// belongs to (nil for a workflow's own steps).
	Via *Step
	// ScriptFile is set on a synthetic step that stands for a repository
	// shell script a run: step executes (`bash ci/push.sh`): Run holds the
	// whole file, positions in it are the file's own, and CalledFrom is the
	// run: step.
	ScriptFile bool
	CalledFrom *Step
}

// Action returns the action name of `uses:` in lower case without the ref:
// "docker/login-action" for "docker/login-action@v3", "./.github/actions/x"
// for a local action, "docker://alpine" for a container action.
func (s *Step) Action() string {
	u := s.Uses.Str
	if strings.HasPrefix(u, "docker://") || strings.HasPrefix(u, "./") {
		return u
	}
	if i := strings.IndexByte(u, '@'); i >= 0 {
		u = u[:i]
	}
	return strings.ToLower(u)
}

// Anchor returns the step the findings about s are reported on in the
// workflow file: s itself, or the workflow step that called its composite
// action.
func (s *Step) Anchor() *Step {
	for s.Via != nil {
		s = s.Via
	}
	return s
}

// ScriptPos maps a 1-based line/column inside the step's `run:` script to
// the file position (exact for literal block scalars `|` and single-line
// scalars; approximate for folded and multi-line flow scalars).
func (s *Step) ScriptPos(line, col int) Pos {
	if s.ScriptFile {
		return Pos{Line: line, Col: col}
	}
	return ScalarPos(s.Run, s.Lines, line, col)
}

// ScalarPos maps a line/column inside a scalar's text to a file position.
func ScalarPos(v Value, lines []string, line, col int) Pos {
	n := v.Node
	if n == nil {
		return v.Pos
	}
	switch n.Style {
	case yaml.LiteralStyle, yaml.FoldedStyle:
		fl := v.Line + line // content starts on the line after the indicator
		indent := 0
		if fl-1 < len(lines) && fl >= 1 {
			// indentation of the first content line fixes the block's indent
			for first := v.Line; first < len(lines); first++ {
				t := lines[first]
				if strings.TrimSpace(t) == "" {
					continue
				}
				indent = len(t) - len(strings.TrimLeft(t, " "))
				break
			}
		}
		return Pos{Line: fl, Col: indent + col}
	case yaml.DoubleQuotedStyle, yaml.SingleQuotedStyle:
		if line == 1 {
			return Pos{Line: v.Line, Col: v.Col + col}
		}
		return Pos{Line: v.Line + line - 1, Col: col}
	}
	if line == 1 {
		return Pos{Line: v.Line, Col: v.Col + col - 1}
	}
	return Pos{Line: v.Line + line - 1, Col: col}
}

// Action is a local composite action.
type Action struct {
	File  string
	Lines []string
	Using string
	Steps []*Step
	// Inputs are the declared inputs with their defaults.
	Inputs map[string]Value
}

// ErrTooLarge is returned for a file larger than MaxFileSize.
var ErrTooLarge = errors.New("file too large")

// LoadYAML reads YAML text into a node tree with the loader limits.
func LoadYAML(data []byte) (*yaml.Node, error) {
	if len(data) > MaxFileSize {
		return nil, fmt.Errorf("%w: %d bytes (limit %d)", ErrTooLarge, len(data), MaxFileSize)
	}
	var doc yaml.Node
	err := yaml.Load(data, &doc, yaml.WithPlugin(loaderlimits.New(loaderlimits.DepthValue(MaxDepth))))
	if err != nil {
		return nil, err
	}
	root := &doc
	if root.Kind == yaml.DocumentNode {
		if len(root.Content) == 0 {
			return nil, nil
		}
		root = root.Content[0]
	}
	return resolve(root), nil
}

// resolve follows an alias (once; aliases of aliases are followed up to a
// small bound).
func resolve(n *yaml.Node) *yaml.Node {
	for i := 0; n != nil && n.Kind == yaml.AliasNode && i < 8; i++ {
		n = n.Alias
	}
	return n
}

// mapGet returns the value node of key in a mapping, and the key node.
func mapGet(n *yaml.Node, key string) (*yaml.Node, *yaml.Node) {
	n = resolve(n)
	if n == nil || n.Kind != yaml.MappingNode {
		return nil, nil
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key {
			return resolve(n.Content[i+1]), n.Content[i]
		}
	}
	return nil, nil
}

// mapEach calls fn for each key/value of a mapping in order.
func mapEach(n *yaml.Node, fn func(k, v *yaml.Node)) {
	n = resolve(n)
	if n == nil || n.Kind != yaml.MappingNode {
		return
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		fn(n.Content[i], resolve(n.Content[i+1]))
	}
}

func posOf(n *yaml.Node) Pos {
	if n == nil {
		return Pos{}
	}
	return Pos{Line: n.Line, Col: n.Column}
}

func value(n *yaml.Node) Value {
	n = resolve(n)
	if n == nil {
		return Value{}
	}
	v := Value{Pos: posOf(n), Node: n, Set: true}
	if n.Kind == yaml.ScalarNode {
		v.Str = n.Value
	} else {
		// A sequence or mapping: its scalars joined by newlines (enough for
		// the text checks rules make), bounded.
		var b strings.Builder
		budget := 1000
		var walk func(n *yaml.Node)
		walk = func(n *yaml.Node) {
			if n == nil || budget <= 0 || n.Kind == yaml.AliasNode {
				return
			}
			budget--
			if n.Kind == yaml.ScalarNode {
				if b.Len() > 0 {
					b.WriteByte('\n')
				}
				b.WriteString(n.Value)
				return
			}
			for _, c := range n.Content {
				walk(c)
			}
		}
		walk(n)
		v.Str = b.String()
	}
	return v
}

func get(n *yaml.Node, key string) Value {
	v, _ := mapGet(n, key)
	return value(v)
}

func valueMap(n *yaml.Node) map[string]Value {
	out := map[string]Value{}
	mapEach(n, func(k, v *yaml.Node) { out[k.Value] = value(v) })
	return out
}

func parsePermissions(key, n *yaml.Node) *Permissions {
	if n == nil {
		return nil
	}
	p := &Permissions{Pos: posOf(key), ScopePos: map[string]Pos{}}
	switch n.Kind {
	case yaml.ScalarNode:
		switch n.Value {
		case "read-all", "write-all":
			p.All = n.Value
		case "":
			p.Scopes = map[string]string{}
		default:
			p.Unknown = true
		}
	case yaml.MappingNode:
		p.Scopes = map[string]string{}
		mapEach(n, func(k, v *yaml.Node) {
			if v == nil || v.Kind != yaml.ScalarNode {
				p.Unknown = true
				return
			}
			p.Scopes[k.Value] = v.Value
			p.ScopePos[k.Value] = posOf(k)
		})
	default:
		p.Unknown = true
	}
	return p
}

func splitLines(b []byte) []string {
	return strings.Split(strings.ReplaceAll(string(b), "\r\n", "\n"), "\n")
}

// Parse reads one workflow file. file is the path relative to the root used
// in findings.
func Parse(file string, data []byte) (*Workflow, error) {
	root, err := LoadYAML(data)
	if err != nil {
		return nil, err
	}
	w := &Workflow{File: file, Src: data, Lines: splitLines(data), Root: root, Env: map[string]Value{}}
	if root == nil {
		return w, nil
	}
	if root.Kind != yaml.MappingNode {
		return nil, fmt.Errorf("line %d: a workflow is a mapping, not a %s", root.Line, kindName(root))
	}
	w.Name = get(root, "name").Str
	on, _ := mapGet(root, "on")
	if on == nil {
		// YAML 1.1 readers turn `on` into true; yaml v4 keeps "on".
		on, _ = mapGet(root, "true")
	}
	switch {
	case on == nil:
	case on.Kind == yaml.ScalarNode:
		w.Triggers = append(w.Triggers, Trigger{Name: on.Value, Pos: posOf(on)})
	case on.Kind == yaml.SequenceNode:
		for _, e := range on.Content {
			e = resolve(e)
			if e != nil && e.Kind == yaml.ScalarNode {
				w.Triggers = append(w.Triggers, Trigger{Name: e.Value, Pos: posOf(e)})
			}
		}
	case on.Kind == yaml.MappingNode:
		mapEach(on, func(k, v *yaml.Node) {
			w.Triggers = append(w.Triggers, Trigger{Name: k.Value, Pos: posOf(k), Node: v})
		})
	}
	if t, ok := w.Trigger("workflow_call"); ok {
		w.CallSecrets = map[string]Secret{}
		w.CallInputs = map[string]Value{}
		secrets, _ := mapGet(t.Node, "secrets")
		mapEach(secrets, func(k, v *yaml.Node) {
			w.CallSecrets[k.Value] = Secret{Name: k.Value, Required: get(v, "required").Str == "true", Pos: posOf(k)}
		})
		inputs, _ := mapGet(t.Node, "inputs")
		mapEach(inputs, func(k, v *yaml.Node) { w.CallInputs[k.Value] = get(v, "default") })
	}
	if pn, pk := mapGet(root, "permissions"); pk != nil {
		w.Permissions = parsePermissions(pk, pn)
	}
	envN, _ := mapGet(root, "env")
	w.Env = valueMap(envN)
	jobs, _ := mapGet(root, "jobs")
	mapEach(jobs, func(k, v *yaml.Node) {
		w.Jobs = append(w.Jobs, parseJob(w, k, v))
	})
	return w, nil
}

func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.SequenceNode:
		return "sequence"
	case yaml.ScalarNode:
		return "scalar"
	}
	return "node"
}

func parseJob(w *Workflow, k, n *yaml.Node) *Job {
	j := &Job{ID: k.Value, Pos: posOf(k), Node: n, Workflow: w}
	j.Name = get(n, "name")
	j.If = get(n, "if")
	j.RunsOn = get(n, "runs-on")
	if pn, pk := mapGet(n, "permissions"); pk != nil {
		j.Permissions = parsePermissions(pk, pn)
	}
	needs, _ := mapGet(n, "needs")
	if needs != nil {
		if needs.Kind == yaml.ScalarNode {
			j.Needs = []string{needs.Value}
		}
		for _, e := range needs.Content {
			if e = resolve(e); e != nil && e.Kind == yaml.ScalarNode {
				j.Needs = append(j.Needs, e.Value)
			}
		}
	}
	envN, _ := mapGet(n, "env")
	j.Env = valueMap(envN)
	envir, _ := mapGet(n, "environment")
	if envir != nil && envir.Kind == yaml.MappingNode {
		j.Environment = get(envir, "name")
	} else {
		j.Environment = value(envir)
	}
	strategy, _ := mapGet(n, "strategy")
	if matrix, _ := mapGet(strategy, "matrix"); matrix != nil {
		if matrix.Kind != yaml.MappingNode {
			j.MatrixDynamic = true
		} else {
			j.Matrix = map[string][]string{}
			mapEach(matrix, func(mk, mv *yaml.Node) {
				switch {
				case mk.Value == "include" && mv != nil && mv.Kind == yaml.SequenceNode:
					for _, inc := range mv.Content {
						mapEach(inc, func(ik, iv *yaml.Node) {
							if iv != nil && iv.Kind == yaml.ScalarNode {
								j.Matrix[ik.Value] = append(j.Matrix[ik.Value], iv.Value)
							}
						})
					}
				case mk.Value == "exclude":
				case mv != nil && mv.Kind == yaml.SequenceNode:
					for _, e := range mv.Content {
						if e = resolve(e); e != nil && e.Kind == yaml.ScalarNode {
							j.Matrix[mk.Value] = append(j.Matrix[mk.Value], e.Value)
						}
					}
				default:
					j.MatrixDynamic = true
				}
			})
		}
	}
	j.Uses = get(n, "uses")
	withN, _ := mapGet(n, "with")
	j.With = valueMap(withN)
	if sn, sk := mapGet(n, "secrets"); sk != nil {
		j.SecretsPos = posOf(sk)
		if sn != nil && sn.Kind == yaml.ScalarNode && sn.Value == "inherit" {
			j.SecretsInherit = true
		} else {
			j.Secrets = valueMap(sn)
		}
	}
	outN, _ := mapGet(n, "outputs")
	j.Outputs = valueMap(outN)
	steps, _ := mapGet(n, "steps")
	j.Steps = parseSteps(steps, w.File, w.Lines)
	return j
}

func parseSteps(steps *yaml.Node, file string, lines []string) []*Step {
	var out []*Step
	if steps == nil || steps.Kind != yaml.SequenceNode {
		return nil
	}
	for i, sn := range steps.Content {
		sn = resolve(sn)
		if sn == nil || sn.Kind != yaml.MappingNode {
			continue
		}
		s := &Step{Index: i, Node: sn, File: file, Lines: lines}
		if len(sn.Content) > 0 {
			s.Pos = posOf(sn.Content[0])
		}
		s.ID = get(sn, "id")
		s.Name = get(sn, "name")
		s.If = get(sn, "if")
		s.Uses = get(sn, "uses")
		withN, _ := mapGet(sn, "with")
		s.With = valueMap(withN)
		envN, _ := mapGet(sn, "env")
		s.Env = valueMap(envN)
		s.Run = get(sn, "run")
		s.Shell = get(sn, "shell")
		s.ContinueOnError = get(sn, "continue-on-error")
		s.WorkingDir = get(sn, "working-directory")
		out = append(out, s)
	}
	return out
}

// ParseAction reads a local action's action.yml (any kind; Steps are set
// for composite actions).
func ParseAction(file string, data []byte) (*Action, error) {
	root, err := LoadYAML(data)
	if err != nil {
		return nil, err
	}
	a := &Action{File: file, Lines: splitLines(data), Inputs: map[string]Value{}}
	runs, _ := mapGet(root, "runs")
	a.Using = get(runs, "using").Str
	steps, _ := mapGet(runs, "steps")
	a.Steps = parseSteps(steps, file, a.Lines)
	inputs, _ := mapGet(root, "inputs")
	mapEach(inputs, func(k, v *yaml.Node) { a.Inputs[k.Value] = get(v, "default") })
	return a, nil
}

// Repo reads workflows and local actions from a repository root, caching
// them, so reusable workflows and composite actions can be followed.
type Repo struct {
	Root      string
	mu        sync.Mutex // guards the caches: rules of several files read the same Repo at once
	workflows map[string]*Workflow
	actions   map[string]*Action
	errs      map[string]error
}

// NewRepo returns a reader for the repository at root.
func NewRepo(root string) *Repo {
	return &Repo{Root: root, workflows: map[string]*Workflow{}, actions: map[string]*Action{}, errs: map[string]error{}}
}

func (r *Repo) read(rel string) ([]byte, error) {
	p := filepath.Join(r.Root, filepath.FromSlash(rel))
	fi, err := os.Stat(p)
	if err != nil {
		return nil, err
	}
	if !fi.Mode().IsRegular() {
		return nil, fmt.Errorf("%s: not a regular file", rel)
	}
	if fi.Size() > MaxFileSize {
		return nil, fmt.Errorf("%w: %d bytes (limit %d)", ErrTooLarge, fi.Size(), MaxFileSize)
	}
	return os.ReadFile(p)
}

// ReadFile reads a repository file (relative slash path) with the size limit.
func (r *Repo) ReadFile(rel string) ([]byte, error) { return r.read(path.Clean(rel)) }

// Preload parses the workflows at rels concurrently (up to workers at a
// time) and caches them, so a run over many files uses every core.
func (r *Repo) Preload(rels []string, workers int) {
	if workers < 1 {
		workers = 1
	}
	type result struct {
		rel string
		w   *Workflow
		err error
	}
	jobs := make(chan string)
	results := make(chan result)
	var wg sync.WaitGroup
	for i := 0; i < workers; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for rel := range jobs {
				data, err := r.read(rel)
				var w *Workflow
				if err == nil {
					w, err = Parse(rel, data)
				}
				results <- result{rel, w, err}
			}
		}()
	}
	go func() {
		for _, rel := range rels {
			jobs <- path.Clean(rel)
		}
		close(jobs)
		wg.Wait()
		close(results)
	}()
	for res := range results {
		r.mu.Lock()
		r.workflows[res.rel], r.errs[res.rel] = res.w, res.err
		r.mu.Unlock()
	}
}

// Workflow parses (once) the workflow at rel (slash path relative to Root).
// It is safe for concurrent use.
func (r *Repo) Workflow(rel string) (*Workflow, error) {
	rel = path.Clean(rel)
	r.mu.Lock()
	defer r.mu.Unlock()
	if w, ok := r.workflows[rel]; ok {
		return w, r.errs[rel]
	}
	data, err := r.read(rel)
	var w *Workflow
	if err == nil {
		w, err = Parse(rel, data)
	}
	r.workflows[rel], r.errs[rel] = w, err
	return w, err
}

// PreloadActions parses the local actions the given workflows' steps use
// (`uses: ./dir`), concurrently, and caches them.
func (r *Repo) PreloadActions(ws []*Workflow, workers int) {
	seen := map[string]bool{}
	var dirs []string
	for _, w := range ws {
		if w == nil {
			continue
		}
		for _, j := range w.Jobs {
			for _, s := range j.Steps {
				if u := s.Uses.Str; strings.HasPrefix(u, "./") && !seen[u] {
					seen[u] = true
					dirs = append(dirs, u)
				}
			}
		}
	}
	if len(dirs) < 4 || workers < 2 {
		return
	}
	type result struct {
		key string
		a   *Action
		err error
	}
	results := make(chan result, len(dirs))
	sem := make(chan struct{}, workers)
	for _, u := range dirs {
		sem <- struct{}{}
		go func(u string) {
			defer func() { <-sem }()
			a, err := r.parseLocalAction(u)
			results <- result{"action:" + path.Clean(strings.TrimPrefix(u, "./")), a, err}
		}(u)
	}
	for range dirs {
		res := <-results
		r.mu.Lock()
		r.actions[res.key], r.errs[res.key] = res.a, res.err
		r.mu.Unlock()
	}
}

func (r *Repo) parseLocalAction(uses string) (*Action, error) {
	dir := path.Clean(strings.TrimPrefix(uses, "./"))
	var err error
	for _, name := range []string{"action.yml", "action.yaml"} {
		rel := path.Join(dir, name)
		var data []byte
		data, err = r.read(rel)
		if err != nil {
			continue
		}
		return ParseAction(rel, data)
	}
	return nil, err
}

// LocalAction parses (once) the local action used as `uses: ./dir`
// (action.yml or action.yaml under dir). It is safe for concurrent use.
func (r *Repo) LocalAction(uses string) (*Action, error) {
	dir := path.Clean(strings.TrimPrefix(uses, "./"))
	key := "action:" + dir
	r.mu.Lock()
	defer r.mu.Unlock()
	if a, ok := r.actions[key]; ok {
		return a, r.errs[key]
	}
	a, err := r.parseLocalAction(uses)
	r.actions[key], r.errs[key] = a, err
	return a, err
}

// Lines returns the source lines of every workflow and local action read
// so far, by path relative to Root (the files findings point into).
func (r *Repo) Lines() map[string][]string {
	r.mu.Lock()
	defer r.mu.Unlock()
	out := make(map[string][]string, len(r.workflows)+len(r.actions))
	for rel, w := range r.workflows {
		if w != nil {
			out[rel] = w.Lines
		}
	}
	for _, a := range r.actions {
		if a != nil {
			out[a.File] = a.Lines
		}
	}
	return out
}

// LocalCallee returns the reusable workflow a job calls when it is local
// (`uses: ./.github/workflows/x.yml`), or nil.
func (r *Repo) LocalCallee(j *Job) (*Workflow, error) {
	u := j.Uses.Str
	if !strings.HasPrefix(u, "./") {
		return nil, nil
	}
	if i := strings.IndexByte(u, '@'); i >= 0 {
		u = u[:i]
	}
	return r.Workflow(strings.TrimPrefix(u, "./"))
}

// Discover lists the workflow files under root/.github/workflows
// (*.yml, *.yaml), sorted, as slash paths relative to root.
func Discover(root string) ([]string, error) {
	dir := filepath.Join(root, ".github", "workflows")
	ents, err := os.ReadDir(dir)
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return nil, nil
		}
		return nil, err
	}
	var out []string
	for _, e := range ents {
		n := e.Name()
		if e.Type().IsRegular() && (strings.HasSuffix(n, ".yml") || strings.HasSuffix(n, ".yaml")) {
			out = append(out, ".github/workflows/"+n)
		}
	}
	sort.Strings(out)
	return out, nil
}

// LooksLikeWorkflow reports YAML content with top-level `jobs:` and `on:`
// keys (used for files named explicitly outside .github/workflows).
func LooksLikeWorkflow(data []byte) bool {
	return hasTopKey(data, "jobs") && (hasTopKey(data, "on") || hasTopKey(data, "\"on\"") || hasTopKey(data, "'on'"))
}

func hasTopKey(data []byte, key string) bool {
	for _, line := range bytes.Split(data, []byte("\n")) {
		if bytes.HasPrefix(line, []byte(key+":")) {
			return true
		}
	}
	return false
}
