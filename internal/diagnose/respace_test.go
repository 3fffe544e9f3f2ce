package diagnose

import "testing"

// TestIsRESpace checks isRESpace's bit test against RE2's \s, [\t\n\f\r ],
// for every byte.
func TestIsRESpace(t *testing.T) {
	for c := 0; c < 256; c++ {
		b := byte(c)
		want := b == ' ' || b == '\t' || b == '\n' || b == '\f' || b == '\r'
		if got := isRESpace(b); got != want {
			t.Errorf("isRESpace(%#x) = %v, want %v", b, got, want)
		}
	}
}

// FuzzIsASCII checks isASCII's word loads against the byte-by-byte
// definition, on every suffix of the input.
func FuzzIsASCII(f *testing.F) {
	for _, s := range []string{"", "abc", "abcdefgh", "abcdefgh\x80", "\xffabcdefgh", "0123456789abcdef\xc3\xa9", "tag ünïcode ok"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for k := 0; k <= len(s); k++ {
			u := s[k:]
			want := true
			for i := 0; i < len(u); i++ {
				if u[i] >= 0x80 {
					want = false
				}
			}
			if got := isASCII(u); got != want {
				t.Fatalf("isASCII(%q) = %v, want %v", u, got, want)
			}
		}
	})
}
