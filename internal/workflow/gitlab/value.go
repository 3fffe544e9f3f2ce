// Package gitlab models a GitLab CI/CD configuration (.gitlab-ci.yml) the way
// GitLab evaluates it, keeping the file:line:col of every value so lint rules
// can point at the line to change.
//
// It implements the semantics in shared/domain/ci-rules.md F-GL-26..F-GL-33
// (https://docs.gitlab.com/ci/yaml/ and https://docs.gitlab.com/ci/yaml/yaml_optimization/):
// YAML anchors, aliases and merge keys (per file), `include: local` (other
// include kinds are recorded as unresolved, never fetched), deep merge of
// included files (main file last), `extends` (hashes merged recursively,
// arrays replaced, null deletes), `default:` and the legacy top-level
// keywords, `inherit:`, `!reference` tags, hidden jobs and variable
// precedence (job over global, predefined lowest).
//
// Hostile input is bounded: files larger than Limits.MaxFileBytes are
// rejected, nesting deeper than Limits.MaxDepth is rejected, and alias
// expansion is charged against Limits.MaxNodes so an alias bomb ("billion
// laughs") fails fast instead of exhausting memory.
package gitlab

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"

	"go.yaml.in/yaml/v4"
)

// Pos is a position in a configuration file: File is slash-separated and
// relative to the lint root; Line and Col are 1-based (0 when unknown).
type Pos struct {
	File      string
	Line, Col int
}

func (p Pos) String() string { return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Col) }

// Kind is the shape of a Value.
type Kind int

// Value kinds.
const (
	Null Kind = iota
	Scalar
	Seq
	Map
	Ref // a `!reference [job, key, ...]` tag not yet expanded; Items are its path
)

// Value is one YAML value after anchors, aliases and merge keys are resolved.
// Values may be shared between several places (aliases, merges); treat them
// as read-only and copy before changing.
type Value struct {
	Kind  Kind
	Str   string // Scalar text (as written, without quotes)
	Items []*Value
	Pairs []*Pair // Map entries in document order
	Pos   Pos
	// Block is true for literal (|) and folded (>) scalars: their text starts
	// on the line after Pos.
	Block bool
	// Quoted is true for single- or double-quoted scalars.
	Quoted bool
}

// Pair is one mapping entry.
type Pair struct {
	Key    string
	KeyPos Pos
	Val    *Value
}

// Get returns the value of key in a Map, or nil.
func (v *Value) Get(key string) *Value {
	if v == nil || v.Kind != Map {
		return nil
	}
	for _, p := range v.Pairs {
		if p.Key == key {
			return p.Val
		}
	}
	return nil
}

// Pair returns the mapping entry for key, or nil.
func (v *Value) Pair(key string) *Pair {
	if v == nil || v.Kind != Map {
		return nil
	}
	for _, p := range v.Pairs {
		if p.Key == key {
			return p
		}
	}
	return nil
}

// Has reports whether a Map defines key (even as null).
func (v *Value) Has(key string) bool { return v.Pair(key) != nil }

// String returns the scalar text, or "" for other kinds.
func (v *Value) String() string {
	if v == nil || v.Kind != Scalar {
		return ""
	}
	return v.Str
}

// Strings returns a scalar as a one-item list, a sequence's scalar items, or nil.
func (v *Value) Strings() []string {
	switch {
	case v == nil:
		return nil
	case v.Kind == Scalar:
		return []string{v.Str}
	case v.Kind == Seq || v.Kind == Ref:
		var out []string
		for _, it := range v.Items {
			if it != nil && it.Kind == Scalar {
				out = append(out, it.Str)
			}
		}
		return out
	}
	return nil
}

// Limits bound the work and memory spent on one configuration.
type Limits struct {
	MaxFileBytes int // a larger file is rejected (default 4 MiB)
	MaxDepth     int // deeper nesting is rejected (default 200)
	MaxNodes     int // values after alias expansion, all files together (default 2,000,000)
	MaxIncludes  int // local include files (default 150, GitLab's own limit)
}

// DefaultLimits are above what GitLab itself accepts by default (2 MB per
// loaded file, YAML depth 100-150, 150 includes: instance settings
// max_yaml_size_bytes, max_yaml_depth, ci_max_includes;
// https://docs.gitlab.com/administration/instance_limits/, gitlab!160826) and
// small enough to reject hostile YAML in well under a second.
var DefaultLimits = Limits{MaxFileBytes: 4 << 20, MaxDepth: 200, MaxNodes: 2_000_000, MaxIncludes: 150}

// ErrTooLarge, ErrTooDeep and ErrAliasBomb classify rejected hostile input.
var (
	ErrTooLarge  = errors.New("file too large")
	ErrTooDeep   = errors.New("nesting too deep")
	ErrAliasBomb = errors.New("too many values after alias expansion (alias bomb?)")
)

// budget counts expanded values across all files of one pipeline.
type budget struct {
	left int
}

func (b *budget) charge(n int) error {
	b.left -= n
	if b.left < 0 {
		return ErrAliasBomb
	}
	return nil
}

// ParseError is a YAML syntax error or a rejected hostile file.
type ParseError struct {
	File string
	Line int // 0 when unknown
	Err  error
}

func (e *ParseError) Error() string { return e.File + ": " + e.Detail() }

func (e *ParseError) Unwrap() error { return e.Err }

// Detail is the error without the file name: "line 3: ..." or the message.
func (e *ParseError) Detail() string {
	msg := strings.TrimPrefix(e.Err.Error(), "yaml: ")
	if e.Line > 0 && !strings.Contains(msg, "line ") {
		return fmt.Sprintf("line %d: %s", e.Line, msg)
	}
	return msg
}

// ParseFile parses one YAML file into a Value with anchors, aliases and merge
// keys resolved. file is the name used in positions. An empty document gives
// a Null value.
func ParseFile(file string, data []byte, lim Limits) (*Value, error) {
	return parseFile(file, data, lim, &budget{left: lim.MaxNodes})
}

func parseFile(file string, data []byte, lim Limits, b *budget) (*Value, error) {
	return parseFileInputs(file, data, lim, b, nil)
}

// parseFileInputs is parseFile with the CI/CD inputs an include passes
// (nil for none): `$[[ inputs.x ]]` takes the passed value, else the
// default of the file's `spec:` header (see inputs.go).
func parseFileInputs(file string, data []byte, lim Limits, b *budget, passed map[string]*yaml.Node) (*Value, error) {
	if lim.MaxFileBytes > 0 && len(data) > lim.MaxFileBytes {
		return nil, &ParseError{File: file, Err: fmt.Errorf("%w: %d bytes, limit %d", ErrTooLarge, len(data), lim.MaxFileBytes)}
	}
	doc, spec, err := configDocument(data)
	if err != nil {
		return nil, &ParseError{File: file, Err: err}
	}
	if doc.Kind == 0 || len(doc.Content) == 0 {
		return &Value{Kind: Null, Pos: Pos{File: file, Line: 1, Col: 1}}, nil
	}
	if spec != nil && bytes.Contains(data, []byte("$[[")) {
		in := specInputs(spec)
		for k, v := range passed {
			in[k] = v
		}
		interpolateInputs(doc.Content[0], in)
	}
	c := &converter{file: file, lim: lim, b: b, memo: map[*yaml.Node]*Value{}, size: map[*Value]int{}}
	v, err := c.conv(doc.Content[0], 0)
	if err != nil {
		var pe *ParseError
		if errors.As(err, &pe) {
			return nil, err
		}
		return nil, &ParseError{File: file, Line: c.errLine, Err: err}
	}
	return v, nil
}

type converter struct {
	file    string
	lim     Limits
	b       *budget
	memo    map[*yaml.Node]*Value // anchored nodes already converted
	size    map[*Value]int        // expanded size of anchored values
	active  map[*yaml.Node]bool   // recursion guard for self-referencing anchors
	errLine int
}

func (c *converter) pos(n *yaml.Node) Pos { return Pos{File: c.file, Line: n.Line, Col: n.Column} }

// conv converts n. Anchored nodes are converted once and shared; each alias
// use is charged its full expanded size, so the budget bounds the work any
// later full traversal can do.
func (c *converter) conv(n *yaml.Node, depth int) (*Value, error) {
	if c.lim.MaxDepth > 0 && depth > c.lim.MaxDepth {
		c.errLine = n.Line
		return nil, fmt.Errorf("%w (limit %d)", ErrTooDeep, c.lim.MaxDepth)
	}
	if n.Kind == yaml.AliasNode {
		if n.Alias == nil {
			c.errLine = n.Line
			return nil, fmt.Errorf("unknown alias %q", n.Value)
		}
		v, err := c.conv(n.Alias, depth)
		if err != nil {
			return nil, err
		}
		if err := c.b.charge(c.size[v]); err != nil {
			c.errLine = n.Line
			return nil, err
		}
		return v, nil
	}
	if v, ok := c.memo[n]; ok {
		return v, nil
	}
	if c.active == nil {
		c.active = map[*yaml.Node]bool{}
	}
	if c.active[n] {
		c.errLine = n.Line
		return nil, errors.New("recursive alias")
	}
	c.active[n] = true
	defer delete(c.active, n)
	if err := c.b.charge(1); err != nil {
		c.errLine = n.Line
		return nil, err
	}
	v := &Value{Pos: c.pos(n)}
	size := 1
	switch n.Kind {
	case yaml.ScalarNode:
		if n.Tag == "!!null" || (n.Style == 0 && (n.Value == "" || n.Value == "~" || n.Value == "null" || n.Value == "Null" || n.Value == "NULL") && n.Tag != "!!str") {
			v.Kind = Null
		} else {
			v.Kind = Scalar
			v.Str = n.Value
			v.Block = n.Style&(yaml.LiteralStyle|yaml.FoldedStyle) != 0
			v.Quoted = n.Style&(yaml.SingleQuotedStyle|yaml.DoubleQuotedStyle) != 0
		}
	case yaml.SequenceNode:
		v.Kind = Seq
		if n.Tag == "!reference" {
			v.Kind = Ref
		}
		for _, it := range n.Content {
			iv, err := c.conv(it, depth+1)
			if err != nil {
				return nil, err
			}
			v.Items = append(v.Items, iv)
			size += c.sizeOf(iv)
		}
	case yaml.MappingNode:
		v.Kind = Map
		var merges []*Value
		seen := map[string]bool{}
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, val := n.Content[i], n.Content[i+1]
			if k.Kind == yaml.ScalarNode && k.Value == "<<" && k.Style == 0 {
				mv, err := c.conv(val, depth+1)
				if err != nil {
					return nil, err
				}
				switch mv.Kind {
				case Map:
					merges = append(merges, mv)
				case Seq:
					merges = append(merges, mv.Items...)
				}
				size += c.sizeOf(mv)
				continue
			}
			kv, err := c.conv(k, depth+1)
			if err != nil {
				return nil, err
			}
			vv, err := c.conv(val, depth+1)
			if err != nil {
				return nil, err
			}
			key := kv.Str
			if seen[key] {
				// YAML forbids duplicate keys; yaml.Node keeps both, the last wins in GitLab.
				for _, p := range v.Pairs {
					if p.Key == key {
						p.Val, p.KeyPos = vv, kv.Pos
					}
				}
			} else {
				seen[key] = true
				v.Pairs = append(v.Pairs, &Pair{Key: key, KeyPos: kv.Pos, Val: vv})
			}
			size += 1 + c.sizeOf(vv)
		}
		// Merge keys: local keys win; among several sources the first wins.
		for _, m := range merges {
			if m == nil || m.Kind != Map {
				continue
			}
			for _, p := range m.Pairs {
				if !seen[p.Key] {
					seen[p.Key] = true
					v.Pairs = append(v.Pairs, p)
				}
			}
		}
	default:
		v.Kind = Null
	}
	if n.Anchor != "" {
		c.memo[n] = v
	}
	c.size[v] = size
	return v, nil
}

func (c *converter) sizeOf(v *Value) int {
	if s, ok := c.size[v]; ok {
		return s
	}
	return 1
}

// configDocument returns the configuration document: the first one, or the
// second when the first is a `spec:` header (CI/CD inputs,
// https://docs.gitlab.com/ci/inputs/), with the header's spec mapping.
func configDocument(data []byte) (doc yaml.Node, spec *yaml.Node, err error) {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var first yaml.Node
	if err := dec.Decode(&first); err != nil {
		if errors.Is(err, io.EOF) {
			return yaml.Node{}, nil, nil
		}
		return yaml.Node{}, nil, err
	}
	if len(first.Content) == 1 {
		m := first.Content[0]
		if m.Kind == yaml.MappingNode && len(m.Content) == 2 && m.Content[0].Value == "spec" {
			var second yaml.Node
			if err := dec.Decode(&second); err != nil && !errors.Is(err, io.EOF) {
				return yaml.Node{}, nil, err
			}
			return second, m.Content[1], nil
		}
	}
	return first, nil, nil
}
