package logscan

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// naiveFind is the reference: the smallest end of any keyword occurrence.
func naiveFind(p string, keywords []string) int {
	low := strings.ToLower(p)
	best := -1
	for _, k := range keywords {
		if i := strings.Index(low, strings.ToLower(k)); i >= 0 {
			if e := i + len(k); best < 0 || e < best {
				best = e
			}
		}
	}
	return best
}

func TestMatcherFind(t *testing.T) {
	keywords := []string{"denied", "unauthorized", "401", "no basic auth credentials", "x509:", "ab", "b"}
	m, err := newMatcher(keywords)
	if err != nil {
		t.Fatal(err)
	}
	defer func(q int) { laneBytes = q }(laneBytes)
	rng := rand.New(rand.NewPCG(3, 4))
	const alpha = "acdeinortuzDENIEDxy0145 :\n"
	for _, q := range []int{1, 2, 5, 16, 256} {
		laneBytes = q
		for iter := 0; iter < 1000; iter++ {
			n := rng.IntN(600)
			var b strings.Builder
			for range n {
				b.WriteByte(alpha[rng.IntN(len(alpha))])
			}
			s := b.String()
			if rng.IntN(3) == 0 { // plant a keyword somewhere, any case
				k := keywords[rng.IntN(len(keywords)-2)]
				at := rng.IntN(len(s) + 1)
				s = s[:at] + strings.ToUpper(k) + s[at:]
			}
			// Without "b" (too frequent) and with it.
			for _, kw := range [][]string{keywords[:5], keywords} {
				mm := m
				if len(kw) != len(keywords) {
					mm, _ = newMatcher(kw)
				}
				if got, want := mm.find([]byte(s)), naiveFind(s, kw); got != want {
					t.Fatalf("lanes %d, keywords %q, input %q: find = %d, want %d", q, kw, s, got, want)
				}
			}
		}
	}
}

func TestMatcherErrors(t *testing.T) {
	if m, err := newMatcher(nil); m != nil || err != nil {
		t.Errorf("no keywords: %v %v", m, err)
	}
	if _, err := newMatcher([]string{strings.Repeat("x", maxKeywordLen+1)}); err == nil {
		t.Error("over-long keyword accepted")
	}
}

// TestMatcherLineEnds compares lineEnds with the per-line reference: for
// each line holding a keyword, the end of its first occurrence.
func TestMatcherLineEnds(t *testing.T) {
	keywords := []string{"denied", "unauthorized", "401", "no basic auth credentials", "x509:", "ab", "b"}
	rng := rand.New(rand.NewPCG(5, 6))
	const alpha = "acdeinortuzDENIEDxy0145 :\n\n"
	for _, kw := range [][]string{keywords[:5], keywords} {
		m, err := newMatcher(kw)
		if err != nil {
			t.Fatal(err)
		}
		if !m.newlineFree {
			t.Fatal("newlineFree not set")
		}
		for iter := 0; iter < 3000; iter++ {
			n := rng.IntN(2000)
			if iter%10 == 0 {
				n = rng.IntN(40000) // longer than the segments
			}
			var b strings.Builder
			for range n {
				b.WriteByte(alpha[rng.IntN(len(alpha))])
			}
			s := b.String()
			for range rng.IntN(8) { // plant keywords, any case
				k := kw[rng.IntN(min(5, len(kw)))]
				at := rng.IntN(len(s) + 1)
				s = s[:at] + strings.ToUpper(k) + s[at:]
			}
			var want []int
			for start := 0; start <= len(s); {
				end := strings.IndexByte(s[start:], '\n')
				if end < 0 {
					end = len(s)
				} else {
					end += start
				}
				if e := naiveFind(s[start:end], kw); e >= 0 {
					want = append(want, start+e)
				}
				start = end + 1
			}
			got := m.lineEnds([]byte(s), nil)
			for i, e := range got {
				// The shortest keyword ending there.
				end, n := e&endMask, e>>endBits
				short := 0
				for _, k := range kw {
					if strings.HasSuffix(strings.ToLower(s[:end]), strings.ToLower(k)) && (short == 0 || len(k) < short) {
						short = len(k)
					}
				}
				if n != short {
					t.Fatalf("keywords %q, input %q: lineEnds[%d] = end %d, shortest %d, want %d", kw, s, i, end, n, short)
				}
				got[i] = end
			}
			if len(got) != len(want) {
				t.Fatalf("keywords %q, input %q: lineEnds = %v, want %v", kw, s, got, want)
			}
			for i := range got {
				if got[i] != want[i] {
					t.Fatalf("keywords %q, input %q: lineEnds = %v, want %v", kw, s, got, want)
				}
			}
		}
	}
	if m, _ := newMatcher([]string{"a\nb"}); m.newlineFree {
		t.Error("newlineFree set for a keyword with a newline")
	}
}

// TestWalk4 compares walk4 (two bytes a turn, the lanes addressed from lane
// 0's pointer) with a byte-at-a-time reference walk of the four lanes: the
// bytes walked and the states left, for lanes of every length up to 40 (odd
// and even, so a match falls on either byte of a turn) from states part-way
// into a keyword.
func TestWalk4(t *testing.T) {
	keywords := []string{"denied", "unauthorized", "401", "x509:", "ab"}
	m, err := newMatcher(keywords)
	if err != nil {
		t.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(7, 8))
	const alpha = "abdeinortuzDENIEDxy0145 :"
	step := func(s uint32, c byte) uint32 { return m.trans[s+m.class[c]] }
	for iter := 0; iter < 20000; iter++ {
		n := rng.IntN(41)
		var lanes [4][]byte
		var start [4]uint32
		for k := range lanes {
			lanes[k] = make([]byte, n+1) // +1: &lane[0] for n == 0
			for i := range n {
				lanes[k][i] = alpha[rng.IntN(len(alpha))]
			}
			if n > 0 && rng.IntN(4) == 0 { // plant a keyword
				kw := keywords[rng.IntN(len(keywords))]
				at := rng.IntN(n)
				copy(lanes[k][at:n], kw)
			}
			// Start part-way into a keyword (a non-match state).
			for _, c := range []byte(keywords[rng.IntN(len(keywords))][:rng.IntN(3)]) {
				start[k] = step(start[k], c)
			}
		}
		want, wantS := n, start
		for i := 0; i < n; i++ {
			hit := false
			for k := range wantS {
				wantS[k] = step(wantS[k], lanes[k][i])
				hit = hit || wantS[k] >= m.matchFrom
			}
			if hit {
				want = i + 1
				break
			}
		}
		s := start
		got := walk4(m.trans, &m.class, m.matchFrom, &lanes[0][0], &lanes[1][0], &lanes[2][0], &lanes[3][0], n, &s)
		if got != want || s != wantS {
			t.Fatalf("lanes %q from %v: walk4 = %d %v, want %d %v", lanes, start, got, s, want, wantS)
		}
	}
}
