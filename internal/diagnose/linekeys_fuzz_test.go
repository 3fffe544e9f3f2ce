package diagnose

import (
	"strings"
	"testing"
)

// FuzzLineKeyPass checks lineKeyPass against strings.Contains for every
// signature, reference and fragment key on any line: keys at the line's
// start and end, keys cut by the end, repeats, lines shorter than a word;
// and lowArena.lower against strings.ToLower.
func FuzzLineKeyPass(f *testing.F) {
	keywords()
	for _, s := range []string{"", "ab", "eof", "404", "x 404", "error getting credentials", "unexpected status: 40",
		"the push refers to repository [a/b]", "pulling image", "docker login x docker login", "denied: requested access to the resourc"} {
		f.Add(s)
	}
	keys := append(append(append([]string(nil), sigKeys...), refIndex.keys...), auxLow[1:]...)
	f.Fuzz(func(t *testing.T, line string) {
		low := strings.ToLower(line)
		var ar lowArena
		if got := ar.lower(line); got != low {
			t.Fatalf("lowArena.lower(%q) = %q, want %q", line, got, low)
		}
		var present keyBits
		var cand sigSet
		any := lineKeyPass(low, &present, &cand)
		refs := present.refs()
		wantAny := false
		for i, k := range sigKeys {
			want := strings.Contains(low, k)
			wantAny = wantAny || want
			if present.get(i) != want {
				t.Fatalf("signature key %q in %q: found %v, want %v", k, low, present.get(i), want)
			}
		}
		for j, k := range refIndex.keys {
			want := strings.Contains(low, k)
			wantAny = wantAny || want
			if refs.has(j) != want || present.get(maxSigKeys+j) != want {
				t.Fatalf("reference key %q in %q: mask %v, found %v, want %v", k, low, refs.has(j), present.get(maxSigKeys+j), want)
			}
		}
		for j, k := range auxLow {
			if j == 0 {
				continue
			}
			want := strings.Contains(low, k)
			wantAny = wantAny || want
			if present.get(auxBase+j) != want {
				t.Fatalf("fragment %q in %q: found %v, want %v", k, low, present.get(auxBase+j), want)
			}
		}
		if any != wantAny {
			t.Fatalf("%q: any key %v, want %v (%d keys)", low, any, wantAny, len(keys))
		}
	})
}
