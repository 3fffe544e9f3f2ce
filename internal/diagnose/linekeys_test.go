package diagnose

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestFindLineKeys checks the one-pass key search against strings.Contains
// for every key on every line of the test logs, and at line ends.
func TestFindLineKeys(t *testing.T) {
	keywords()
	var lines []string
	files, _ := filepath.Glob(filepath.Join("testdata", "logs", "*.log"))
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		lines = append(lines, strings.Split(strings.ToLower(string(data)), "\n")...)
	}
	for _, k := range append(append([]string(nil), sigKeys...), refIndex.keys...) {
		lines = append(lines, k, "x"+k, k[:len(k)-1], "  "+k[:2])
	}
	found := 0
	for _, low := range lines {
		var present [2 * maxSigKeys]bool
		sig, ref := findLineKeys(low, &present, &pairSet{})
		var wantSig, wantRef bool
		for i, k := range sigKeys {
			want := strings.Contains(low, k)
			wantSig = wantSig || want
			if present[i] != want {
				t.Errorf("signature key %q in %q: found %v, want %v", k, low, present[i], want)
			}
		}
		for j, k := range refIndex.keys {
			want := strings.Contains(low, k)
			wantRef = wantRef || want
			if present[maxSigKeys+j] != want {
				t.Errorf("reference key %q in %q: found %v, want %v", k, low, present[maxSigKeys+j], want)
			}
		}
		if sig != wantSig || ref != wantRef {
			t.Errorf("%q: any signature/reference key %v/%v, want %v/%v", low, sig, ref, wantSig, wantRef)
		}
		if sig || ref {
			found++
		}
	}
	if found < 100 {
		t.Fatalf("only %d of %d lines hold a key: the check saw too little", found, len(lines))
	}
}

// TestPairSet checks that the byte-pair filter never rules out a substring
// of a line or of its lowercase (every substring of every test log line,
// upper-cased copies too), and that it does rule out absent strings.
func TestPairSet(t *testing.T) {
	keywords()
	files, _ := filepath.Glob(filepath.Join("testdata", "logs", "*.log"))
	ruledOut, absent := 0, 0
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, line := range strings.Split(string(data), "\n") {
			for _, text := range []string{line, strings.ToUpper(line)} {
				low := strings.ToLower(text)
				var present [2 * maxSigKeys]bool
				var ps pairSet
				findLineKeys(low, &present, &ps)
				fa := &facts{pairs: &ps}
				for _, s := range []string{text, low} {
					for i := 0; i < len(s); i++ {
						for j := i + 2; j <= len(s) && j <= i+12; j++ {
							if !fa.in(s, s[i:j]) {
								t.Fatalf("%q rules out its own substring %q", s, s[i:j])
							}
						}
					}
				}
				for _, k := range factKeys {
					if !strings.Contains(low, k) {
						absent++
						if !ps.may(k) {
							ruledOut++
						}
					}
				}
			}
		}
	}
	if ruledOut < absent/2 {
		t.Fatalf("the filter rules out %d of %d absent keys: too weak to be worth it", ruledOut, absent)
	}
}
