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
		sig, ref := findLineKeys(low, &present)
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
