package logscan

// acTrie is an Aho-Corasick automaton (Aho and Corasick, "Efficient string
// matching", CACM 18(6), 1975) before it is compiled to a dense table: the
// trie of the keys over byte classes, sparse (a state's children in a list),
// with fail links and a breadth-first order. newMatcher builds it, then
// fills its dense table row by row in that order, a state's row a copy of
// its fail state's (shallower, so already filled) with its own edges set:
// the work is one row copy per state, not a test per state and byte.
type acTrie struct {
	cls     [256]uint32 // byte -> class; 0 for bytes no key holds
	nclass  uint32
	first   []int32  // first child of a state (0: none; the root is never a child)
	sibling []int32  // next child of the same parent
	edge    []uint16 // class of the edge into a state
	end     [][]int  // indexes of the keys ending at a state (own, not its fail chain's)
	fail    []int32
	order   []int32 // breadth-first, the root first
	root    [257]int32
}

// newACTrie builds the trie of keys, each byte mapped by fold first (fold
// is the identity for byte-exact keys). Keys must be non-empty; the caller
// checks lengths.
func newACTrie(keys []string, fold func(byte) byte) *acTrie {
	a := &acTrie{nclass: 1}
	total := 1
	for _, k := range keys {
		total += len(k)
		for i := 0; i < len(k); i++ {
			if b := fold(k[i]); a.cls[b] == 0 {
				a.cls[b] = a.nclass
				a.nclass++
			}
		}
	}
	a.first = make([]int32, 1, total)
	a.sibling = make([]int32, 1, total)
	a.edge = make([]uint16, 1, total)
	a.end = make([][]int, 1, total)
	for i, k := range keys {
		s := int32(0)
		for j := 0; j < len(k); j++ {
			c := uint16(a.cls[fold(k[j])])
			t := a.child(s, c)
			if t == 0 {
				t = int32(len(a.first))
				a.first, a.sibling, a.edge = append(a.first, 0), append(a.sibling, a.first[s]), append(a.edge, c)
				a.end = append(a.end, nil)
				if s == 0 {
					a.root[c] = t
				}
				a.first[s] = t
			}
			s = t
		}
		a.end[s] = append(a.end[s], i)
	}
	n := len(a.first)
	a.fail = make([]int32, n)
	a.order = make([]int32, 1, n)
	for qi := 0; qi < len(a.order); qi++ {
		s := a.order[qi]
		for t := a.first[s]; t != 0; t = a.sibling[t] {
			a.order = append(a.order, t)
			if s == 0 {
				continue // fail: the root
			}
			for f := a.fail[s]; ; f = a.fail[f] {
				if g := a.child(f, a.edge[t]); g != 0 {
					a.fail[t] = g
					break
				}
				if f == 0 {
					break
				}
			}
		}
	}
	return a
}

// child is s's child along class c, 0 for none.
func (a *acTrie) child(s int32, c uint16) int32 {
	if s == 0 {
		return a.root[c]
	}
	for t := a.first[s]; t != 0; t = a.sibling[t] {
		if a.edge[t] == c {
			return t
		}
	}
	return 0
}

// states is the number of trie states.
func (a *acTrie) states() int { return len(a.first) }

// fill fills trans, rows of 1<<shift entries, with the DFA: the row of
// state s at id[s]<<shift, each entry the next state's row (id<<shift).
func (a *acTrie) fill(trans []uint32, id []uint32, shift uint32) {
	for _, s := range a.order {
		row := trans[id[s]<<shift:][:a.nclass]
		if s != 0 {
			copy(row, trans[id[a.fail[s]]<<shift:][:a.nclass])
		}
		for t := a.first[s]; t != 0; t = a.sibling[t] {
			row[a.edge[t]] = id[t] << shift
		}
	}
}

// strideOf is the smallest power of two >= n and its log2.
func strideOf(n uint32) (stride, shift uint32) {
	stride = 1
	for stride < n {
		stride <<= 1
		shift++
	}
	return stride, shift
}

// pow2 is the smallest power of two >= n (n >= 1).
func pow2(n uint32) uint32 {
	p, _ := strideOf(n)
	return p
}
