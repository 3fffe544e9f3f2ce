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
