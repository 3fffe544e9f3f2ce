package logscan

import (
	"bytes"
	"fmt"
	"strings"
	"unsafe"
)

// matcher finds ASCII case-insensitive occurrences of a set of keywords.
//
// It is an Aho-Corasick automaton compiled to a dense DFA over bytes, with
// ASCII case folded into the transition table, so the inner loop is one table
// load per input byte and no lower-casing pass over the input. Match states
// are numbered last, so "is this a match" is one comparison.
type matcher struct {
	trans     []uint32    // trans[row+class[b]]: next row, where row = state*stride
	class     [256]uint32 // byte -> class; bytes no keyword tells apart share class 0
	matchFrom uint32      // rows >= matchFrom are states that end at least one keyword
	shift     uint32      // row = state << shift (the row stride is a power of two)
	// outLen[(row-matchFrom)>>shift] is the length of the shortest keyword
	// a match state ends: a match ending at i holds p[i-outLen:i].
	outLen []uint16
	dead   uint32 // row of a non-match state that never leaves (parks a lane in find)
	maxLen int    // longest keyword in bytes
	// newlineFree: no keyword holds '\n', so the automaton is back at its
	// root after every newline (lineEnds relies on it).
	newlineFree bool
	segOut      [lineSegments][]int // lineEnds' scratch, per segment
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
	total := 1
	maxLen := 0
	for _, k := range keywords {
		if k == "" {
			return nil, fmt.Errorf("logscan: empty keyword")
		}
		if len(k) > maxKeywordLen {
			return nil, fmt.Errorf("logscan: keyword longer than %d bytes: %.40q...", maxKeywordLen, k)
		}
		maxLen = max(maxLen, len(k))
		total += len(k)
	}
	if total > 1<<22 {
		return nil, fmt.Errorf("logscan: keyword set too large (%d automaton states)", total)
	}
	// ASCII case is folded into the classes: a byte's class is its lower
	// case's.
	a := newACTrie(keywords, lower)
	nstates := a.states()
	// short: the shortest keyword a state ends, its own or its fail
	// chain's (the fail state comes first, breadth-first); 0 for none.
	short := make([]int, nstates)
	for _, s := range a.order {
		for _, k := range a.end[s] {
			if short[s] == 0 || len(keywords[k]) < short[s] {
				short[s] = len(keywords[k])
			}
		}
		if f := short[a.fail[s]]; s != 0 && f > 0 && (short[s] == 0 || f < short[s]) {
			short[s] = f
		}
	}
	// Renumber: non-match states first (root stays 0, breadth-first), then
	// a dead state for find's parked lanes (it never leaves and never
	// matches), then the match states from a power of two (rows between
	// are unused), so that "is this a match" is one comparison, and
	// lineEnds tells whether any of four states is one with a single
	// comparison of their bitwise or.
	id := make([]uint32, nstates)
	next := uint32(0)
	for _, s := range a.order {
		if short[s] == 0 {
			id[s] = next
			next++
		}
	}
	dead := next
	next = pow2(next + 1)
	matchFrom := next
	for _, s := range a.order {
		if short[s] > 0 {
			id[s] = next
			next++
		}
	}
	stride, shift := strideOf(a.nclass)
	m := &matcher{
		trans:     make([]uint32, next*stride),
		matchFrom: matchFrom * stride,
		shift:     shift,
		outLen:    make([]uint16, next-matchFrom),
		dead:      dead * stride,
		maxLen:    maxLen,
	}
	for s := range nstates {
		if short[s] > 0 {
			m.outLen[id[s]-matchFrom] = uint16(short[s])
		}
	}
	m.newlineFree = true
	for _, k := range keywords {
		if strings.IndexByte(k, '\n') >= 0 {
			m.newlineFree = false
		}
	}
	for b := 0; b < 256; b++ {
		m.class[b] = a.cls[lower(byte(b))]
	}
	a.fill(m.trans, id, shift)
	for c := range stride {
		m.trans[m.dead+c] = m.dead
	}
	return m, nil
}

// shortest is the length of the shortest keyword that match state row ends.
func (m *matcher) shortest(row uint32) int { return int(m.outLen[(row-m.matchFrom)>>m.shift]) }

// lineEnds' results pack a match end and the shortest keyword ending there
// (matcher.shortest): end | length<<endBits.
const (
	endBits = 40
	endMask = 1<<endBits - 1
)

func lower(b byte) byte {
	if 'A' <= b && b <= 'Z' {
		return b + ('a' - 'A')
	}
	return b
}

// laneBytes is the length of each lane of a block in find (measured best of
// 64..4096 on bench/; a var so tests can use tiny lanes).
var laneBytes = 256

// find returns the index just past the end of the first keyword occurrence
// in p (the automaton starts fresh at p[0]), or -1.
//
// A DFA walk is bound by the latency of one table load per byte, each
// depending on the last. find therefore cuts p into blocks of four lanes
// walked in lockstep, four independent chains the CPU overlaps. Lane k owns
// the matches that start in its region and reads on up to maxLen-1 bytes past
// it for a keyword that straddles the cut. The answer is the first lane (in
// input order) with a match: its matches all end before any later lane's.
// A lane that matched parks in a dead state; lane 0 matching ends the block.
func (m *matcher) find(p []byte) int {
	const lanes = 4
	q := laneBytes
	ov := m.maxLen - 1
	trans := m.trans
	class := &m.class
	mf := m.matchFrom
	dead := m.dead
	base := 0
	for ; base+lanes*q+ov <= len(p); base += lanes * q {
		p0 := p[base : base+q]
		p1 := p[base+q : base+2*q]
		p2 := p[base+2*q : base+3*q]
		p3 := p[base+3*q : base+4*q]
		var s0, s1, s2, s3 uint32
		at := [lanes]int{-1, -1, -1, -1}
		for i := 0; i < q; i++ {
			s0 = trans[s0+class[p0[i]]]
			s1 = trans[s1+class[p1[i]]]
			s2 = trans[s2+class[p2[i]]]
			s3 = trans[s3+class[p3[i]]]
			if s0 >= mf || s1 >= mf || s2 >= mf || s3 >= mf {
				if s0 >= mf {
					return base + i + 1
				}
				if s1 >= mf {
					at[1], s1 = base+q+i+1, dead
				}
				if s2 >= mf {
					at[2], s2 = base+2*q+i+1, dead
				}
				if s3 >= mf {
					at[3], s3 = base+3*q+i+1, dead
				}
			}
		}
		st := [lanes]uint32{s0, s1, s2, s3}
		for k := 0; k < lanes; k++ {
			if at[k] >= 0 {
				return at[k]
			}
			from := base + (k+1)*q
			if e := m.find1(p, st[k], from, from+ov); e >= 0 {
				return e
			}
		}
	}
	return m.find1(p, 0, base, len(p))
}

// find1 walks p[from:to] from state row s and returns the index just past
// the first match end, or -1.
func (m *matcher) find1(p []byte, s uint32, from, to int) int {
	trans := m.trans
	class := &m.class
	mf := m.matchFrom
	for i := from; i < to; i++ {
		s = trans[s+class[p[i]]]
		if s >= mf {
			return i + 1
		}
	}
	return -1
}

// walk4 walks four lanes of n bytes (at p0..p3, in one allocation) in
// lockstep from states s, and stops after the first byte that leaves any
// lane in a match state. It
// returns the bytes walked (n when no lane matched) and leaves the lanes'
// states in s. mf is a power of two (newMatcher), so one comparison of the
// states' bitwise or tells whether any is a match state. The table is read
// without bounds checks: every row holds a row index and every class is
// below the stride, so trans[row+class] is always in the table; this loop
// is most of the scan's time, and the checks (with the register spills
// they cost) were half its instructions. Lane 0's pointer is the only one
// that moves (the others are at fixed distances from it), and a turn walks
// four bytes, each followed by the match test: the loop's own instructions
// (and the register moves Go's allocator put on its back edge) are paid
// once per four bytes (big16: 113.1M -> 93.7M instructions, cachegrind,
// at two bytes a turn; 87.7M at four).
// TestWalk4 compares it with a byte-at-a-time walk.
func walk4(trans []uint32, class *[256]uint32, mf uint32, p0, p1, p2, p3 *byte, n int, s *[4]uint32) int {
	tp := unsafe.Pointer(unsafe.SliceData(trans))
	_ = class[0] // the nil check, once
	// One pointer walks lane 0; the other lanes are at fixed distances
	// from it (d1..d3), so the loop keeps one pointer and its end in
	// registers where four lane pointers, an index and a length left one
	// of them spilled to the stack and reloaded every byte. The lanes lie
	// in one allocation (lineEnds' p), so p+d1 and so on stay inside it,
	// as unsafe.Add requires; the distances do not change if it moves.
	b0 := uintptr(unsafe.Pointer(p0))
	d1, d2, d3 := uintptr(unsafe.Pointer(p1))-b0, uintptr(unsafe.Pointer(p2))-b0, uintptr(unsafe.Pointer(p3))-b0
	s0, s1, s2, s3 := s[0], s[1], s[2], s[3]
	p := unsafe.Pointer(p0)
	end := unsafe.Add(p, n)
	// Four bytes a turn (each still followed by the match test), which
	// quarters the loop's own instructions a byte.
	if n >= 4 {
		end4 := unsafe.Add(p, n-3) // past the last start of a turn
		for uintptr(p) < uintptr(end4) {
			s0 = *(*uint32)(unsafe.Add(tp, uintptr(s0+class[*(*byte)(p)])*4))
			s1 = *(*uint32)(unsafe.Add(tp, uintptr(s1+class[*(*byte)(unsafe.Add(p, d1))])*4))
			s2 = *(*uint32)(unsafe.Add(tp, uintptr(s2+class[*(*byte)(unsafe.Add(p, d2))])*4))
			s3 = *(*uint32)(unsafe.Add(tp, uintptr(s3+class[*(*byte)(unsafe.Add(p, d3))])*4))
			if s0|s1|s2|s3 >= mf {
				p = unsafe.Add(p, 1)
				goto done
			}
			s0 = *(*uint32)(unsafe.Add(tp, uintptr(s0+class[*(*byte)(unsafe.Add(p, 1))])*4))
			s1 = *(*uint32)(unsafe.Add(tp, uintptr(s1+class[*(*byte)(unsafe.Add(p, d1+1))])*4))
			s2 = *(*uint32)(unsafe.Add(tp, uintptr(s2+class[*(*byte)(unsafe.Add(p, d2+1))])*4))
			s3 = *(*uint32)(unsafe.Add(tp, uintptr(s3+class[*(*byte)(unsafe.Add(p, d3+1))])*4))
			if s0|s1|s2|s3 >= mf {
				p = unsafe.Add(p, 2)
				goto done
			}
			s0 = *(*uint32)(unsafe.Add(tp, uintptr(s0+class[*(*byte)(unsafe.Add(p, 2))])*4))
			s1 = *(*uint32)(unsafe.Add(tp, uintptr(s1+class[*(*byte)(unsafe.Add(p, d1+2))])*4))
			s2 = *(*uint32)(unsafe.Add(tp, uintptr(s2+class[*(*byte)(unsafe.Add(p, d2+2))])*4))
			s3 = *(*uint32)(unsafe.Add(tp, uintptr(s3+class[*(*byte)(unsafe.Add(p, d3+2))])*4))
			if s0|s1|s2|s3 >= mf {
				p = unsafe.Add(p, 3)
				goto done
			}
			s0 = *(*uint32)(unsafe.Add(tp, uintptr(s0+class[*(*byte)(unsafe.Add(p, 3))])*4))
			s1 = *(*uint32)(unsafe.Add(tp, uintptr(s1+class[*(*byte)(unsafe.Add(p, d1+3))])*4))
			s2 = *(*uint32)(unsafe.Add(tp, uintptr(s2+class[*(*byte)(unsafe.Add(p, d2+3))])*4))
			s3 = *(*uint32)(unsafe.Add(tp, uintptr(s3+class[*(*byte)(unsafe.Add(p, d3+3))])*4))
			p = unsafe.Add(p, 4)
			if s0|s1|s2|s3 >= mf {
				goto done
			}
		}
	}
	for p != end {
		s0 = *(*uint32)(unsafe.Add(tp, uintptr(s0+class[*(*byte)(p)])*4))
		s1 = *(*uint32)(unsafe.Add(tp, uintptr(s1+class[*(*byte)(unsafe.Add(p, d1))])*4))
		s2 = *(*uint32)(unsafe.Add(tp, uintptr(s2+class[*(*byte)(unsafe.Add(p, d2))])*4))
		s3 = *(*uint32)(unsafe.Add(tp, uintptr(s3+class[*(*byte)(unsafe.Add(p, d3))])*4))
		p = unsafe.Add(p, 1)
		if s0|s1|s2|s3 >= mf {
			break
		}
	}
done:
	s[0], s[1], s[2], s[3] = s0, s1, s2, s3
	return int(uintptr(p) - uintptr(unsafe.Pointer(p0)))
}

// lineSegments is how many pieces (cut at newlines) lineEnds splits a
// region into; its four lanes take them in turn, so a lane whose lines
// match often (and are skipped to their newline) does not leave the
// others to finish alone.
const lineSegments = 32

// lineEnds appends to out, for each line of p that holds a keyword, the
// index just past the end of its first keyword occurrence, in input order,
// with the length of the shortest keyword ending there (end |
// length<<endBits).
// p is a run of whole lines (a line ends at '\n' or at the end of p); the
// automaton starts fresh at p[0] and at each line start, which is what a
// walk across the lines does when no keyword holds '\n' (m.newlineFree:
// the caller checks).
//
// Like find, it walks four lanes in lockstep (four independent chains of
// table loads the CPU overlaps), but lanes are cut at line starts and a
// lane that matches skips the rest of its line (bytes.IndexByte), so dense
// matches cost no look-ahead: every byte is walked at most once.
func (m *matcher) lineEnds(p []byte, out []int) []int {
	const lanes = 4
	trans := m.trans
	class := &m.class
	mf := m.matchFrom
	// Segment starts, at line starts: segment g is p[cut[g]:cut[g+1]].
	var cut [lineSegments + 1]int
	nseg := 0
	for k := 1; k < lineSegments; k++ {
		c := len(p) * k / lineSegments
		if c <= cut[nseg] {
			continue
		}
		j := bytes.IndexByte(p[c-1:], '\n')
		if j < 0 {
			break
		}
		if c += j; c >= len(p) { // just past that newline
			break
		}
		nseg++
		cut[nseg] = c
	}
	nseg++
	cut[nseg] = len(p)
	// Results per segment, in order: segments are handed out in order, but
	// lanes finish them out of order.
	segOut := &m.segOut
	for g := range segOut {
		segOut[g] = segOut[g][:0]
	}
	next := 0 // next segment to hand out
	var at, end [lanes]int
	var seg [lanes]int
	for k := 0; k < lanes; k++ {
		if next < nseg {
			at[k], end[k], seg[k] = cut[next], cut[next+1], next
			next++
		} else {
			seg[k] = -1
		}
	}
	var s [lanes]uint32
	// Lockstep while all four lanes have bytes.
	for seg[0] >= 0 && seg[1] >= 0 && seg[2] >= 0 && seg[3] >= 0 {
		n := min(end[0]-at[0], end[1]-at[1], end[2]-at[2], end[3]-at[3])
		if n > 0 {
			a0 := p[at[0] : at[0]+n]
			a1 := p[at[1] : at[1]+n]
			a2 := p[at[2] : at[2]+n]
			a3 := p[at[3] : at[3]+n]
			i := walk4(trans, class, mf, &a0[0], &a1[0], &a2[0], &a3[0], n, &s)
			for k := 0; k < lanes; k++ {
				at[k] += i
			}
		}
		for k := 0; k < lanes; k++ {
			if s[k] >= mf {
				segOut[seg[k]] = append(segOut[seg[k]], at[k]|m.shortest(s[k])<<endBits)
				s[k] = 0
				if j := bytes.IndexByte(p[at[k]:end[k]], '\n'); j >= 0 {
					at[k] += j + 1
				} else {
					at[k] = end[k]
				}
			}
			if at[k] == end[k] {
				s[k] = 0
				if next < nseg {
					at[k], end[k], seg[k] = cut[next], cut[next+1], next
					next++
				} else {
					seg[k] = -1
				}
			}
		}
	}
	// The lanes still busy finish alone.
	for k := 0; k < lanes; k++ {
		if seg[k] < 0 {
			continue
		}
		st := s[k]
		for i := at[k]; i < end[k]; i++ {
			st = trans[st+class[p[i]]]
			if st >= mf {
				segOut[seg[k]] = append(segOut[seg[k]], i+1|m.shortest(st)<<endBits)
				st = 0
				j := bytes.IndexByte(p[i+1:end[k]], '\n')
				if j < 0 {
					break
				}
				i += j + 1 // the loop's i++ steps past the newline
			}
		}
	}
	for g := 0; g < nseg; g++ {
		out = append(out, segOut[g]...)
	}
	return out
}
