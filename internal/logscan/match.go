package logscan

import "fmt"

// matcher finds ASCII case-insensitive occurrences of a set of keywords.
//
// It is an Aho-Corasick automaton compiled to a dense DFA over bytes, with
// ASCII case folded into the transition table, so the inner loop is one table
// load per input byte and no lower-casing pass over the input. Match states
// are numbered last, so "is this a match" is one comparison.
type matcher struct {
	trans     []uint32 // trans[state<<8|b]: next state
	matchFrom uint32   // states >= matchFrom end at least one keyword
	maxLen    int      // longest keyword in bytes
}

// maxKeywordLen bounds one keyword; longer ones are a caller's mistake.
const maxKeywordLen = 1024

// newMatcher compiles keywords. It returns nil for an empty set (every line
// matches) and an error for a keyword that is empty after trimming or too
// long, or when the set is too large to compile.
func newMatcher(keywords []string) (*matcher, error) {
	if len(keywords) == 0 {
		return nil, nil
	}
	type node struct {
		next  [256]int32
		fail  int32
		match bool
	}
	newNode := func() node {
		var n node
		for i := range n.next {
			n.next[i] = -1
		}
		return n
	}
	nodes := []node{newNode()}
	maxLen := 0
	for _, k := range keywords {
		if k == "" {
			return nil, fmt.Errorf("logscan: empty keyword")
		}
		if len(k) > maxKeywordLen {
			return nil, fmt.Errorf("logscan: keyword longer than %d bytes: %.40q...", maxKeywordLen, k)
		}
		if len(k) > maxLen {
			maxLen = len(k)
		}
		s := int32(0)
		for i := 0; i < len(k); i++ {
			b := lower(k[i])
			if nodes[s].next[b] < 0 {
				nodes = append(nodes, newNode())
				nodes[s].next[b] = int32(len(nodes) - 1)
			}
			s = nodes[s].next[b]
		}
		nodes[s].match = true
	}
	if len(nodes) > 1<<22 {
		return nil, fmt.Errorf("logscan: keyword set too large (%d automaton states)", len(nodes))
	}
	// Breadth-first: fail links and full (DFA) transitions on folded bytes.
	queue := make([]int32, 0, len(nodes))
	for b := 0; b < 256; b++ {
		if c := nodes[0].next[b]; c >= 0 {
			nodes[c].fail = 0
			queue = append(queue, c)
		} else {
			nodes[0].next[b] = 0
		}
	}
	for qi := 0; qi < len(queue); qi++ {
		s := queue[qi]
		if nodes[nodes[s].fail].match {
			nodes[s].match = true
		}
		for b := 0; b < 256; b++ {
			c := nodes[s].next[b]
			f := nodes[nodes[s].fail].next[b]
			if c >= 0 {
				nodes[c].fail = f
				queue = append(queue, c)
			} else {
				nodes[s].next[b] = f
			}
		}
	}
	// Renumber: non-match states first (root stays 0), match states last.
	id := make([]uint32, len(nodes))
	next := uint32(0)
	for i := range nodes {
		if !nodes[i].match {
			id[i] = next
			next++
		}
	}
	matchFrom := next
	for i := range nodes {
		if nodes[i].match {
			id[i] = next
			next++
		}
	}
	m := &matcher{trans: make([]uint32, len(nodes)<<8), matchFrom: matchFrom, maxLen: maxLen}
	for i := range nodes {
		row := id[i] << 8
		for b := 0; b < 256; b++ {
			m.trans[row|uint32(b)] = id[nodes[i].next[lower(byte(b))]]
		}
	}
	return m, nil
}

func lower(b byte) byte {
	if 'A' <= b && b <= 'Z' {
		return b + ('a' - 'A')
	}
	return b
}

// find returns the index just past the end of the first keyword occurrence
// in p (the automaton starts fresh at p[0]), or -1.
func (m *matcher) find(p []byte) int {
	trans := m.trans
	mf := m.matchFrom
	s := uint32(0)
	for i, b := range p {
		s = trans[s<<8|uint32(b)]
		if s >= mf {
			return i + 1
		}
	}
	return -1
}
