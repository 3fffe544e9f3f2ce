package logscan

import (
	"fmt"
	"unsafe"
)

// KeySet tells which keys of a set a text holds, every occurrence of every
// key, in one pass over the text: an Aho-Corasick automaton (Aho and
// Corasick, "Efficient string matching", CACM 18(6), 1975) compiled to a
// dense DFA over bytes, as the prefilter's matcher is, with each state's
// outputs (the keys ending there, its own and its fail chain's) listed.
//
// Matching is byte-exact (case-sensitive): callers that want ASCII case
// folding give lowercase keys and a lowercased text. The walk costs one
// table load per byte whatever the number of keys, so adding a key costs
// the walk nothing (a filter of key prefixes costs a comparison per
// position that shares one).
type KeySet struct {
	trans   []uint32    // trans[row+class[b]]: next row, row = state<<shift
	class   [256]uint32 // byte -> class; bytes no key holds share class 0
	outFrom uint32      // rows >= outFrom end at least one key
	shift   uint32
	outAt   []uint32 // outs[outAt[o]:outAt[o+1]] are the keys of output state o = (row-outFrom)>>shift
	outs    []uint16 // key indexes
	n       int      // keys
}

// NewKeySet compiles keys (at most 65535, each 1 to 65535 bytes). Keys may
// repeat: each index is reported. It returns an error for an empty key, too
// many keys, or a set too large to compile (more than 4 Mi states).
func NewKeySet(keys []string) (*KeySet, error) {
	if len(keys) > 1<<16-1 {
		return nil, fmt.Errorf("logscan: too many keys (%d)", len(keys))
	}
	total := 1
	for _, k := range keys {
		if k == "" || len(k) > 1<<16-1 {
			return nil, fmt.Errorf("logscan: key empty or longer than 65535 bytes: %.40q", k)
		}
		total += len(k)
	}
	if total > 1<<22 {
		return nil, fmt.Errorf("logscan: key set too large (%d bytes)", total)
	}
	a := newACTrie(keys, func(b byte) byte { return b })
	nstates := a.states()
	// Outputs: own keys, then the fail state's outputs (the fail state
	// comes first, breadth-first).
	outs := make([][]uint16, nstates)
	for _, s := range a.order {
		for _, k := range a.end[s] {
			outs[s] = append(outs[s], uint16(k))
		}
		if s != 0 {
			if o := outs[a.fail[s]]; len(o) > 0 {
				outs[s] = append(outs[s], o...)
			}
		}
	}
	// Renumber: states without outputs first (root stays 0), output states
	// last, so that "has outputs" is one comparison; each group in
	// breadth-first order, so that the shallow states a text visits most
	// have neighbouring rows. Output states start at a power of two (rows
	// between are unused), as the matcher's match states do, for walk4.
	id := make([]uint32, nstates)
	nid := uint32(0)
	for _, s := range a.order {
		if len(outs[s]) == 0 {
			id[s] = nid
			nid++
		}
	}
	nid = pow2(nid)
	ks := &KeySet{n: len(keys), outFrom: nid}
	ks.outAt = append(ks.outAt, 0)
	for _, s := range a.order {
		if len(outs[s]) > 0 {
			id[s] = nid
			nid++
			ks.outs = append(ks.outs, outs[s]...)
			ks.outAt = append(ks.outAt, uint32(len(ks.outs)))
		}
	}
	stride, shift := strideOf(a.nclass)
	ks.shift = shift
	ks.outFrom <<= shift
	ks.trans = make([]uint32, nid*stride)
	a.fill(ks.trans, id, shift)
	ks.class = a.cls
	return ks, nil
}

// Len is the number of keys.
func (ks *KeySet) Len() int { return ks.n }

// AppendKeys appends to dst the index of each key that ends at each byte
// of s, in order of end position (keys ending at one position: longest
// first), once per occurrence, and returns the extended slice.
func (ks *KeySet) AppendKeys(dst []uint16, s string) []uint16 {
	trans := ks.trans
	class := &ks.class
	of := ks.outFrom
	st := uint32(0)
	for i := 0; i < len(s); i++ {
		st = trans[st+class[s[i]]]
		if st >= of {
			o := (st - of) >> ks.shift
			dst = append(dst, ks.outs[ks.outAt[o]:ks.outAt[o+1]]...)
		}
	}
	return dst
}

// AppendKeysEach is AppendKeys for many texts: dst[i] = ks.AppendKeys(dst[i],
// texts[i]) for each i (len(dst) must be len(texts)). A walk is bound by
// the latency of one table load per byte, each depending on the last, so
// four texts are walked in lockstep (four independent chains the CPU
// overlaps); a lane that reaches its text's end takes the next text.
func (ks *KeySet) AppendKeysEach(dst [][]uint16, texts []string) {
	const lanes = 4
	if len(texts) == 0 {
		return
	}
	_ = dst[len(texts)-1]
	trans := ks.trans
	class := &ks.class
	of := ks.outFrom
	var s [lanes]string // the rest of each lane's text
	var t [lanes]int    // each lane's text
	var st [lanes]uint32
	next := 0
	// take gives lane k the next non-empty text; false when none is left.
	take := func(k int) bool {
		for next < len(texts) && texts[next] == "" {
			next++
		}
		if next == len(texts) {
			return false
		}
		s[k], t[k], st[k] = texts[next], next, 0
		next++
		return true
	}
	for k := range lanes {
		if !take(k) {
			// Fewer than four texts: each remaining lane alone.
			for j := range k {
				ks.walk(dst, t[j], s[j], st[j])
			}
			return
		}
	}
	for {
		n := min(len(s[0]), len(s[1]), len(s[2]), len(s[3]))
		if n > 0 {
			// As walk4, without bounds checks (every row and class is in
			// the table), but a lane's outputs are taken on the way.
			tp := unsafe.Pointer(unsafe.SliceData(trans))
			b0, b1 := unsafe.Pointer(unsafe.StringData(s[0])), unsafe.Pointer(unsafe.StringData(s[1]))
			b2, b3 := unsafe.Pointer(unsafe.StringData(s[2])), unsafe.Pointer(unsafe.StringData(s[3]))
			s0, s1, s2, s3 := st[0], st[1], st[2], st[3]
			for i := 0; i < n; i++ {
				s0 = *(*uint32)(unsafe.Add(tp, uintptr(s0+class[*(*byte)(unsafe.Add(b0, i))])*4))
				s1 = *(*uint32)(unsafe.Add(tp, uintptr(s1+class[*(*byte)(unsafe.Add(b1, i))])*4))
				s2 = *(*uint32)(unsafe.Add(tp, uintptr(s2+class[*(*byte)(unsafe.Add(b2, i))])*4))
				s3 = *(*uint32)(unsafe.Add(tp, uintptr(s3+class[*(*byte)(unsafe.Add(b3, i))])*4))
				if s0|s1|s2|s3 >= of {
					if s0 >= of {
						dst[t[0]] = ks.appendOut(dst[t[0]], s0)
					}
					if s1 >= of {
						dst[t[1]] = ks.appendOut(dst[t[1]], s1)
					}
					if s2 >= of {
						dst[t[2]] = ks.appendOut(dst[t[2]], s2)
					}
					if s3 >= of {
						dst[t[3]] = ks.appendOut(dst[t[3]], s3)
					}
				}
			}
			st = [lanes]uint32{s0, s1, s2, s3}
			for k := range lanes {
				s[k] = s[k][n:]
			}
		}
		for k := range lanes {
			if s[k] == "" && !take(k) {
				// No text left to take: the other lanes finish alone.
				for j := range lanes {
					if j != k && s[j] != "" {
						ks.walk(dst, t[j], s[j], st[j])
					}
				}
				return
			}
		}
	}
}

// appendOut appends the keys of output state row st.
func (ks *KeySet) appendOut(dst []uint16, st uint32) []uint16 {
	o := (st - ks.outFrom) >> ks.shift
	return append(dst, ks.outs[ks.outAt[o]:ks.outAt[o+1]]...)
}

// walk goes on with text t's rest s from state st, alone.
func (ks *KeySet) walk(dst [][]uint16, t int, s string, st uint32) {
	trans := ks.trans
	class := &ks.class
	of := ks.outFrom
	for i := 0; i < len(s); i++ {
		st = trans[st+class[s[i]]]
		if st >= of {
			dst[t] = ks.appendOut(dst[t], st)
		}
	}
}
