package gitlab

import (
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"

	"go.yaml.in/yaml/v4"
)

// CI/CD inputs (https://docs.gitlab.com/ci/inputs/): a file may start with
// a `spec:` header document declaring inputs (with defaults); the including
// file passes values with `include: - local: f.yml` + `inputs:`. GitLab
// replaces every `$[[ inputs.NAME ]]` (optionally piped through functions
// such as `| truncate(0,8)`) before it reads the file, in keys and values.
// An input with neither a passed value nor a default stays as written.

// inputRef matches one interpolation: the input name and its function chain.
var inputRef = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`\$\[\[\s*inputs\.([A-Za-z0-9_-]+)\s*((?:\|[^\]]*)?)\]\]`)
})

// truncateFn matches the truncate(offset, length) function.
var truncateFn = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^truncate\(\s*(\d+)\s*,\s*(\d+)\s*\)$`)
})

// specInputs returns the defaults declared by a `spec: inputs:` header node
// (the mapping under spec), by input name.
func specInputs(spec *yaml.Node) map[string]*yaml.Node {
	out := map[string]*yaml.Node{}
	inputs := mapGet(spec, "inputs")
	if inputs == nil || inputs.Kind != yaml.MappingNode {
		return out
	}
	for i := 0; i+1 < len(inputs.Content); i += 2 {
		if d := mapGet(inputs.Content[i+1], "default"); d != nil {
			out[inputs.Content[i].Value] = d
		}
	}
	return out
}

func mapGet(n *yaml.Node, key string) *yaml.Node {
	if n == nil || n.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key {
			return n.Content[i+1]
		}
	}
	return nil
}

// valueNode converts an include's `inputs:` value back to a YAML node so it
// can be placed where `$[[ inputs.x ]]` stood.
func valueNode(v *Value) *yaml.Node {
	switch v.Kind {
	case Seq, Ref:
		n := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq", Line: v.Pos.Line, Column: v.Pos.Col}
		for _, it := range v.Items {
			n.Content = append(n.Content, valueNode(it))
		}
		return n
	case Map:
		n := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", Line: v.Pos.Line, Column: v.Pos.Col}
		for _, p := range v.Pairs {
			n.Content = append(n.Content, &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: p.Key}, valueNode(p.Val))
		}
		return n
	case Null:
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: "", Line: v.Pos.Line, Column: v.Pos.Col}
	}
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: v.Str, Line: v.Pos.Line, Column: v.Pos.Col}
}

// inputsSignature identifies a set of passed inputs, so that one file
// included twice with different inputs is read twice (two sets of jobs).
func inputsSignature(in map[string]*yaml.Node) string {
	if len(in) == 0 {
		return ""
	}
	keys := make([]string, 0, len(in))
	for k := range in {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var b strings.Builder
	for _, k := range keys {
		b.WriteString(k + "=" + renderInput(in[k]) + ";")
	}
	return b.String()
}

// renderInput is an input's text inside a longer string: a scalar as is, an
// array or mapping as JSON (GitLab renders them so).
func renderInput(n *yaml.Node) string {
	switch n.Kind {
	case yaml.ScalarNode:
		return n.Value
	case yaml.SequenceNode:
		parts := make([]string, len(n.Content))
		for i, c := range n.Content {
			parts[i] = jsonish(c)
		}
		return "[" + strings.Join(parts, ",") + "]"
	case yaml.MappingNode:
		var parts []string
		for i := 0; i+1 < len(n.Content); i += 2 {
			parts = append(parts, strconv.Quote(n.Content[i].Value)+":"+jsonish(n.Content[i+1]))
		}
		return "{" + strings.Join(parts, ",") + "}"
	}
	return ""
}

func jsonish(n *yaml.Node) string {
	if n.Kind == yaml.ScalarNode {
		return strconv.Quote(n.Value)
	}
	return renderInput(n)
}

// interpolateInputs replaces `$[[ inputs.NAME ]]` in every scalar (keys
// included) of the tree under n, in place (the tree was just decoded for
// this include). A scalar that is exactly one interpolation of an array or
// mapping input becomes that array or mapping. Nodes reached through
// aliases are the anchored nodes themselves, so each is visited once.
func interpolateInputs(n *yaml.Node, in map[string]*yaml.Node) {
	if len(in) == 0 {
		return
	}
	// hostile input: many references to a large input must not multiply
	// into unbounded text or nodes; past the budget, references stay as
	// written (the converter's node budget then bounds the rest)
	b := &interpBudget{bytes: maxInterpBytes, nodes: maxInterpNodes}
	seen := map[*yaml.Node]bool{}
	var walk func(*yaml.Node, int)
	walk = func(n *yaml.Node, depth int) {
		if n == nil || seen[n] || depth > 1000 {
			return
		}
		seen[n] = true
		switch n.Kind {
		case yaml.ScalarNode:
			if strings.Contains(n.Value, "$[[") {
				interpolateScalar(n, in, b)
			}
		default:
			for _, c := range n.Content {
				walk(c, depth+1)
			}
		}
	}
	walk(n, 0)
}

// Bounds of the interpolation of one file.
const (
	maxInterpBytes = 8 << 20
	maxInterpNodes = 1 << 20
)

type interpBudget struct{ bytes, nodes int }

func interpolateScalar(n *yaml.Node, in map[string]*yaml.Node, b *interpBudget) {
	re := inputRef()
	if m := re.FindStringSubmatchIndex(n.Value); m != nil && m[0] == 0 && m[1] == len(n.Value) {
		name, fns := n.Value[m[2]:m[3]], n.Value[m[4]:m[5]]
		if v, ok := in[name]; ok && fns == "" && v.Kind != yaml.ScalarNode {
			size := countNodes(v, b.nodes+1)
			if size > b.nodes {
				return
			}
			b.nodes -= size
			line, col := n.Line, n.Column
			*n = *copyNode(v)
			n.Line, n.Column = line, col
			return
		}
	}
	out := re.ReplaceAllStringFunc(n.Value, func(s string) string {
		sm := re.FindStringSubmatch(s)
		v, ok := in[sm[1]]
		if !ok {
			return s
		}
		r := applyFunctions(renderInput(v), sm[2])
		if len(r) > b.bytes {
			return s
		}
		b.bytes -= len(r)
		return r
	})
	n.Value = out
	if n.Tag != "!!str" && n.Tag != "" {
		n.Tag = "" // a typed scalar (!!int, !!bool) became text
	}
}

// applyFunctions applies the function chain `| f | g` of an interpolation:
// truncate(offset,length) cuts the text; expand_vars and posix_escape leave
// it as is here (variables are expanded later, escaping does not change a
// reference's shape).
func applyFunctions(val, chain string) string {
	for _, f := range strings.Split(chain, "|") {
		f = strings.TrimSpace(f)
		if m := truncateFn().FindStringSubmatch(f); m != nil {
			off, _ := strconv.Atoi(m[1])
			n, _ := strconv.Atoi(m[2])
			r := []rune(val)
			if off > len(r) {
				off = len(r)
			}
			end := off + n
			if end > len(r) {
				end = len(r)
			}
			val = string(r[off:end])
		}
	}
	return val
}

func copyNode(n *yaml.Node) *yaml.Node {
	c := *n
	c.Content = make([]*yaml.Node, len(n.Content))
	for i, k := range n.Content {
		c.Content[i] = copyNode(k)
	}
	return &c
}

// countNodes counts the nodes under n, stopping past limit.
func countNodes(n *yaml.Node, limit int) int {
	c := 1
	for _, k := range n.Content {
		if c > limit {
			break
		}
		c += countNodes(k, limit-c)
	}
	return c
}
