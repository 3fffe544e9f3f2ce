package diagnose

import (
	"regexp"
	"sync"
	"testing"
)

// TestSignatureRegexpsCompile compiles every signature's regexp (and its
// anchored form, anchoredRe) and every reference pattern's: they compile on
// first use (lazyRegexp), so a bad expression must fail here rather than
// panic in a user's run on the first line that makes it a candidate.
func TestSignatureRegexpsCompile(t *testing.T) {
	keywords() // registers the signatures (sigGroups, on first use)
	if len(allSigs) == 0 {
		t.Fatal("no signatures registered")
	}
	for _, s := range allSigs {
		expr := s.re.String()
		if _, err := regexp.Compile(expr); err != nil {
			t.Errorf("signature %s: %v", s.id, err)
			continue
		}
		if _, err := regexp.Compile(`^(?:` + expr + `)`); err != nil {
			t.Errorf("signature %s, anchored: %v", s.id, err)
		}
	}
	for i, p := range refPatterns {
		if _, err := regexp.Compile(p.re.String()); err != nil {
			t.Errorf("reference pattern %d: %v", i, err)
		}
	}
}

// TestLazyRegexpConcurrent: line workers may ask for a regexp at the same
// time; all get the one compiled program.
func TestLazyRegexpConcurrent(t *testing.T) {
	l := lazyRe(`unauthorized: (\S+)`)
	var wg sync.WaitGroup
	got := make([]*regexp.Regexp, 8)
	for i := range got {
		wg.Add(1)
		go func() {
			defer wg.Done()
			got[i] = l.get()
		}()
	}
	wg.Wait()
	for _, re := range got[1:] {
		if re != got[0] || re == nil {
			t.Fatalf("lazyRegexp.get gave %p and %p", got[0], re)
		}
	}
	if m := l.FindStringSubmatch("unauthorized: orbit"); len(m) != 2 || m[1] != "orbit" || l.NumSubexp() != 1 {
		t.Fatalf("lazyRegexp match %q, NumSubexp %d", m, l.NumSubexp())
	}
}

// TestLazyRegexpBadPanics: a bad expression panics on first use, as
// regexp.MustCompile would at start-up.
func TestLazyRegexpBadPanics(t *testing.T) {
	l := lazyRe(`(unclosed`)
	defer func() {
		if recover() == nil {
			t.Fatal("no panic for a bad expression")
		}
	}()
	l.get()
}
