package gitlab

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"

	"go.yaml.in/yaml/v4"
)

// Reserved top-level keys that are not jobs (F-GL-31,
// https://docs.gitlab.com/ci/yaml/#global-keywords).
var reserved = map[string]bool{
	"default": true, "include": true, "stages": true, "variables": true, "workflow": true,
	"image": true, "services": true, "cache": true, "before_script": true, "after_script": true,
	"types": true, "spec": true,
}

// defaultKeys are the keywords `default:` (and, for the first five, the
// legacy top-level form) supplies to jobs that do not define them (F-GL-26).
var defaultKeys = []string{"after_script", "artifacts", "before_script", "cache", "hooks", "id_tokens",
	"image", "interruptible", "retry", "services", "tags", "timeout"}

var legacyGlobalKeys = []string{"image", "services", "cache", "before_script", "after_script"}

// Include is one entry of `include:`.
type Include struct {
	Kind     string // local, project, remote, template, component
	Target   string // path, project path, URL, template or component name
	Pos      Pos
	Resolved bool // true when the file was read and merged (local only)
	Reason   string
	inputs   *Value // the include's inputs: mapping (local), nil when none
}

// Problem is something the model could not evaluate (an unresolved include,
// an extends loop, an unknown !reference). Rules treat what it touches as
// unknown and abstain.
type Problem struct {
	Pos Pos
	Msg string
}

// Var is a CI/CD variable defined in YAML.
type Var struct {
	Name  string
	Value string
	Pos   Pos    // position of the key
	Scope string // "global", "job" or "service"
	// Raw is false for `expand: false` variables.
	Expand bool
}

// Line is one entry of a script list (after !reference expansion). Text can
// hold several shell lines (block scalars).
type Line struct {
	Text string
	Pos  Pos
	// TextLine is the file line of the first character of Text (Pos.Line+1
	// for block scalars).
	TextLine int
	TextCol  int
}

// Image is a job's `image:`.
type Image struct {
	Name       string
	Entrypoint []string
	Pos        Pos
}

// Service is one entry of a job's `services:`.
type Service struct {
	Name       string
	Alias      string // as written; may list several aliases separated by commas
	Variables  []Var
	Command    []string
	Entrypoint []string
	Pos        Pos
}

// Job is a job after include merging, extends, default and !reference.
type Job struct {
	Name   string
	Pos    Pos // position of the job's key
	Hidden bool
	// Incomplete is true when the job extends or !references something the
	// model could not find (from an unresolved include): rules that depend
	// on something being absent must abstain.
	Incomplete bool
	// Value is the effective job mapping.
	Value *Value

	Image        *Image
	Services     []Service
	BeforeScript []Line
	Script       []Line
	AfterScript  []Line
	// BeforeScriptFrom is "job" when the job (or an extends parent) defines
	// before_script, "default" when it comes from default:/top level, "" when none.
	BeforeScriptFrom string
	// DefaultBeforeScriptDropped is true when a default before_script exists
	// but the job does not get it (own list or inherit: default).
	DefaultBeforeScriptDropped bool
	// ServicesFrom is "job" when the job (or an extends parent) defines
	// services, "default" when they come from default:, "" when none.
	ServicesFrom string

	// Variables are the effective YAML variables by name: global ones
	// (respecting inherit:variables) overlaid by job ones.
	Variables map[string]Var
	Stage     string
	Needs     []string
	Extends   []string
	Tags      []string
	Rules     *Value
	Only      *Value
	Except    *Value
	When      string
}

// Var returns the effective YAML value of a variable and whether it is defined in YAML.
func (j *Job) Var(name string) (Var, bool) { v, ok := j.Variables[name]; return v, ok }

// Pipeline is one configuration after include merging.
type Pipeline struct {
	Root     string   // lint root (directory)
	Files    []string // files read, main file first
	Merged   *Value   // top-level mapping after include merging
	Includes []Include
	Problems []Problem
	Globals  map[string]Var
	// DefaultBeforeScript is the before_script of default: (or the legacy top level).
	DefaultBeforeScript    []Line
	DefaultBeforeScriptPos Pos
	// DefaultServices are the services of default: (or the legacy top level).
	DefaultServices []Service
	Stages          []string
	Jobs            []*Job // runnable and hidden jobs in document order
	// Sources holds the bytes of every file read, by name.
	Sources map[string][]byte
	lim     Limits
	b       *budget
}

// Job returns a job by name, or nil.
func (p *Pipeline) Job(name string) *Job {
	for _, j := range p.Jobs {
		if j.Name == name {
			return j
		}
	}
	return nil
}

// Load reads the configuration file main (slash-separated, relative to root)
// and the local files it includes, and evaluates every job. It returns a
// *ParseError for a YAML syntax error or rejected hostile input in any file.
func Load(root, main string, lim Limits) (*Pipeline, error) {
	if lim.MaxNodes == 0 {
		lim = DefaultLimits
	}
	read := func(rel string) ([]byte, error) {
		return readLimited(filepath.Join(root, filepath.FromSlash(rel)), rel, lim.MaxFileBytes)
	}
	return LoadWith(root, main, read, lim)
}

// LoadWith is Load with a custom file reader (rel is slash-separated).
func LoadWith(root, main string, read func(rel string) ([]byte, error), lim Limits) (*Pipeline, error) {
	if lim.MaxNodes == 0 {
		lim = DefaultLimits
	}
	p := &Pipeline{Root: root, lim: lim, b: &budget{left: lim.MaxNodes}}
	seen := map[string]bool{}
	merged, err := p.loadFile(main, read, seen, 0, nil)
	if err != nil {
		return nil, err
	}
	p.Merged = merged
	p.evaluate()
	return p, nil
}

// loadFile parses rel and returns its mapping with its local includes merged
// underneath (includes first in order, the including file last: F-GL-30).
func (p *Pipeline) loadFile(rel string, read func(string) ([]byte, error), seen map[string]bool, depth int, inputs map[string]*yaml.Node) (*Value, error) {
	data, err := read(rel)
	if err != nil {
		return nil, err
	}
	if p.Sources == nil {
		p.Sources = map[string][]byte{}
	}
	if _, again := p.Sources[rel]; !again {
		p.Files = append(p.Files, rel) // a file included twice with other inputs is one file
	}
	p.Sources[rel] = data
	v, err := parseFileInputs(rel, data, p.lim, p.b, inputs)
	if err != nil {
		return nil, err
	}
	if v.Kind == Null {
		return &Value{Kind: Map, Pos: v.Pos}, nil
	}
	if v.Kind != Map {
		return nil, &ParseError{File: rel, Line: v.Pos.Line, Err: errors.New("top level is not a mapping of jobs and keywords")}
	}
	var base *Value
	for _, inc := range p.includes(v.Get("include"), rel) {
		if inc.Kind == "local" && inc.Resolved {
			files, gerr := p.expandLocal(inc.Target, read)
			if gerr != nil || len(files) == 0 {
				inc.Resolved = false
				inc.Reason = "file not found"
				if gerr != nil {
					inc.Reason = gerr.Error()
				}
			}
			passed := includeInputs(inc.inputs)
			for _, f := range files {
				// the same file with other inputs is another set of jobs
				key := f + "\x00" + inputsSignature(passed)
				if seen[key] {
					continue // GitLab reports duplicate includes as an error; merging once is equivalent
				}
				if len(seen) >= p.lim.MaxIncludes || depth > 100 {
					inc.Resolved = false
					inc.Reason = "include limit reached"
					break
				}
				seen[key] = true
				iv, ierr := p.loadFile(f, read, seen, depth+1, passed)
				if ierr != nil {
					var pe *ParseError
					if errors.As(ierr, &pe) {
						return nil, ierr
					}
					inc.Resolved = false
					inc.Reason = ierr.Error()
					continue
				}
				base = deepMerge(base, iv)
			}
		}
		if !inc.Resolved {
			p.Problems = append(p.Problems, Problem{Pos: inc.Pos, Msg: fmt.Sprintf("include %s %q not resolved (%s): jobs and keys it defines are unknown", inc.Kind, inc.Target, inc.Reason)})
		}
		p.Includes = append(p.Includes, inc)
	}
	return deepMerge(base, v), nil
}

// includes lists the entries of an include: value.
func (p *Pipeline) includes(v *Value, from string) []Include {
	if v == nil {
		return nil
	}
	var items []*Value
	switch v.Kind {
	case Seq:
		items = v.Items
	case Scalar, Map:
		items = []*Value{v}
	}
	var out []Include
	for _, it := range items {
		switch it.Kind {
		case Scalar:
			s := it.Str
			if strings.HasPrefix(s, "http://") || strings.HasPrefix(s, "https://") {
				out = append(out, Include{Kind: "remote", Target: s, Pos: it.Pos, Reason: "never fetched"})
			} else {
				out = append(out, p.localInclude(s, it.Pos))
			}
		case Map:
			switch {
			case it.Has("local"):
				inc := p.localInclude(it.Get("local").String(), it.Pos)
				inc.inputs = it.Get("inputs")
				out = append(out, inc)
			case it.Has("project"):
				files := it.Get("file").Strings()
				out = append(out, Include{Kind: "project", Target: it.Get("project").String() + ":" + strings.Join(files, ","), Pos: it.Pos, Reason: "other projects are never fetched"})
			case it.Has("remote"):
				out = append(out, Include{Kind: "remote", Target: it.Get("remote").String(), Pos: it.Pos, Reason: "never fetched"})
			case it.Has("template"):
				out = append(out, Include{Kind: "template", Target: it.Get("template").String(), Pos: it.Pos, Reason: "GitLab templates are not bundled"})
			case it.Has("component"):
				out = append(out, Include{Kind: "component", Target: it.Get("component").String(), Pos: it.Pos, Reason: "components are never fetched"})
			default:
				out = append(out, Include{Kind: "unknown", Pos: it.Pos, Reason: "unrecognised include form"})
			}
		}
	}
	return out
}

func (p *Pipeline) localInclude(target string, pos Pos) Include {
	inc := Include{Kind: "local", Target: target, Pos: pos, Resolved: true}
	if strings.Contains(target, "$") {
		inc.Resolved = false
		inc.Reason = "path uses a variable"
	}
	return inc
}

// expandLocal resolves a local include path (relative to the repository
// root, optional leading "/", `*` and `**` wildcards) to files.
func (p *Pipeline) expandLocal(target string, read func(string) ([]byte, error)) ([]string, error) {
	t := strings.TrimPrefix(path.Clean("/"+strings.TrimSpace(target)), "/")
	if t == "" || strings.HasPrefix(t, "..") {
		return nil, errors.New("path outside the repository")
	}
	if !strings.ContainsAny(t, "*?[") {
		return []string{t}, nil
	}
	if p.Root == "" {
		return nil, errors.New("wildcard without a root directory")
	}
	var out []string
	re := globToPrefixMatch(t)
	err := filepath.WalkDir(p.Root, func(fp string, d os.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		rel, _ := filepath.Rel(p.Root, fp)
		rel = filepath.ToSlash(rel)
		if d.IsDir() {
			if d.Name() == ".git" || d.Name() == "node_modules" {
				return filepath.SkipDir
			}
			return nil
		}
		if re(rel) {
			out = append(out, rel)
		}
		return nil
	})
	sort.Strings(out)
	return out, err
}

// globToPrefixMatch matches GitLab's include wildcards: `*` within one
// directory, `**` across directories.
func globToPrefixMatch(glob string) func(string) bool {
	if strings.Contains(glob, "**") {
		parts := strings.SplitN(glob, "**", 2)
		prefix, suffix := parts[0], strings.TrimPrefix(parts[1], "/")
		return func(s string) bool {
			if !strings.HasPrefix(s, prefix) {
				return false
			}
			rest := s[len(prefix):]
			for {
				if ok, _ := path.Match(suffix, rest); ok {
					return true
				}
				i := strings.IndexByte(rest, '/')
				if i < 0 {
					return false
				}
				rest = rest[i+1:]
			}
		}
	}
	return func(s string) bool { ok, _ := path.Match(glob, s); return ok }
}

// deepMerge merges over onto base: mappings merge recursively, anything
// else is replaced by over (F-GL-27, F-GL-30). Neither input is modified.
func deepMerge(base, over *Value) *Value {
	if base == nil {
		return over
	}
	if over == nil {
		return base
	}
	if base.Kind != Map || over.Kind != Map {
		return over
	}
	out := &Value{Kind: Map, Pos: over.Pos}
	idx := map[string]int{}
	for _, p := range base.Pairs {
		idx[p.Key] = len(out.Pairs)
		out.Pairs = append(out.Pairs, p)
	}
	for _, p := range over.Pairs {
		if i, ok := idx[p.Key]; ok {
			bp := out.Pairs[i]
			out.Pairs[i] = &Pair{Key: p.Key, KeyPos: p.KeyPos, Val: deepMerge(bp.Val, p.Val)}
			continue
		}
		idx[p.Key] = len(out.Pairs)
		out.Pairs = append(out.Pairs, p)
	}
	return out
}

// extendsMerge is deepMerge with extends' extra rule: a null in the child
// removes the key (F-GL-27).
func extendsMerge(base, over *Value) *Value {
	if base == nil || base.Kind != Map || over == nil || over.Kind != Map {
		return deepMerge(base, over)
	}
	out := &Value{Kind: Map, Pos: over.Pos}
	idx := map[string]int{}
	for _, p := range base.Pairs {
		idx[p.Key] = len(out.Pairs)
		out.Pairs = append(out.Pairs, p)
	}
	var drop map[string]bool
	for _, p := range over.Pairs {
		i, ok := idx[p.Key]
		switch {
		case ok && p.Val != nil && p.Val.Kind == Null && p.Key != "extends":
			if drop == nil {
				drop = map[string]bool{}
			}
			drop[p.Key] = true
		case ok:
			out.Pairs[i] = &Pair{Key: p.Key, KeyPos: p.KeyPos, Val: extendsMerge(out.Pairs[i].Val, p.Val)}
		default:
			idx[p.Key] = len(out.Pairs)
			out.Pairs = append(out.Pairs, p)
		}
	}
	if drop != nil {
		kept := out.Pairs[:0:0]
		for _, p := range out.Pairs {
			if !drop[p.Key] {
				kept = append(kept, p)
			}
		}
		out.Pairs = kept
	}
	return out
}

// DefinesAnywhere reports whether any variables: block (global, a job or a
// service) of the configuration defines name.
func (p *Pipeline) DefinesAnywhere(name string) bool {
	if _, ok := p.Globals[name]; ok {
		return true
	}
	for _, j := range p.Jobs {
		if _, ok := j.Variables[name]; ok {
			return true
		}
		for _, s := range j.Services {
			for _, v := range s.Variables {
				if v.Name == name {
					return true
				}
			}
		}
	}
	return false
}

// readLimited reads a file, refusing (before reading it) one larger than
// max bytes, so a huge file costs neither time nor memory.
func readLimited(path, rel string, max int) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if !st.Mode().IsRegular() {
		return nil, fmt.Errorf("%s: not a regular file", rel)
	}
	if max > 0 && st.Size() > int64(max) {
		return nil, &ParseError{File: rel, Err: fmt.Errorf("%w: %d bytes, limit %d", ErrTooLarge, st.Size(), max)}
	}
	data, err := io.ReadAll(io.LimitReader(f, int64(max)+1))
	if err != nil {
		return nil, err
	}
	if max > 0 && len(data) > max {
		return nil, &ParseError{File: rel, Err: fmt.Errorf("%w: more than %d bytes", ErrTooLarge, max)}
	}
	return data, nil
}

// includeInputs converts an include's inputs: mapping for interpolation.
func includeInputs(v *Value) map[string]*yaml.Node {
	if v == nil || v.Kind != Map {
		return nil
	}
	out := map[string]*yaml.Node{}
	for _, p := range v.Pairs {
		out[p.Key] = valueNode(p.Val)
	}
	return out
}
