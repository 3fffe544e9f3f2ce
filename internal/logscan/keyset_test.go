package logscan

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// naiveKeys is the reference for KeySet.AppendKeys: for each end position
// of s, the keys ending there, longest first (a key repeated in the set:
// its indexes in order), once per occurrence.
func naiveKeys(s string, keys []string) []uint16 {
	var out []uint16
	for end := 1; end <= len(s); end++ {
		var at []int
		for i, k := range keys {
			if len(k) <= end && s[end-len(k):end] == k {
				at = append(at, i)
			}
		}
		slices.SortStableFunc(at, func(a, b int) int { return len(keys[b]) - len(keys[a]) })
		for _, i := range at {
			out = append(out, uint16(i))
		}
	}
	return out
}

// sameKeys: the same keys in the same order.
func sameKeys(a, b []uint16) bool { return slices.Equal(a, b) }

func randomText(rng *rand.Rand, alpha string, n int) string {
	var b strings.Builder
	for range n {
		b.WriteByte(alpha[rng.IntN(len(alpha))])
	}
	return b.String()
}

func TestKeySet(t *testing.T) {
	keys := []string{"denied", "unauthorized", "401", "no basic auth credentials", "x509:", "ab", "b", "enied", "b", "Den", "a"}
	ks, err := NewKeySet(keys)
	if err != nil {
		t.Fatal(err)
	}
	if ks.Len() != len(keys) {
		t.Fatalf("Len %d, want %d", ks.Len(), len(keys))
	}
	rng := rand.New(rand.NewPCG(5, 6))
	const alpha = "abcdeinortuzDENxy0145 :"
	var texts []string
	for range 400 {
		texts = append(texts, randomText(rng, alpha, rng.IntN(80)))
	}
	texts = append(texts, "", "denied", "no basic auth credentials", "x509:x509:", "Denied", "ab")
	for _, s := range texts {
		got := ks.AppendKeys(nil, s)
		if want := naiveKeys(s, keys); !sameKeys(got, want) {
			t.Fatalf("AppendKeys(%q) = %v, want %v", s, got, want)
		}
	}
	// AppendKeysEach over every split of the texts, small and large.
	for _, n := range []int{0, 1, 2, 3, 4, 5, 7, 32, len(texts)} {
		dst := make([][]uint16, n)
		if n > 0 {
			dst[0] = []uint16{7} // appended after what is there
		}
		ks.AppendKeysEach(dst, texts[:n])
		for i := range n {
			want := naiveKeys(texts[i], keys)
			if i == 0 {
				want = append([]uint16{7}, want...)
			}
			if !sameKeys(dst[i], want) {
				t.Fatalf("AppendKeysEach text %d of %d (%q) = %v, want %v", i, n, texts[i], dst[i], want)
			}
		}
	}
}

func TestNewKeySetErrors(t *testing.T) {
	if _, err := NewKeySet([]string{"a", ""}); err == nil {
		t.Error("empty key: no error")
	}
	if _, err := NewKeySet([]string{strings.Repeat("x", 1<<16)}); err == nil {
		t.Error("65536-byte key: no error")
	}
	ks, err := NewKeySet(nil)
	if err != nil {
		t.Fatal(err)
	}
	if got := ks.AppendKeys(nil, "anything"); len(got) != 0 {
		t.Errorf("empty set found %v", got)
	}
}

// FuzzKeySet checks AppendKeys and AppendKeysEach against the naive
// reference for any texts and a key set cut from the fuzzer's input.
func FuzzKeySet(f *testing.F) {
	f.Add("denied|unauth|401|a", "access denied 401\nunauthorized", "x")
	f.Add("aa|aaa|a", "aaaaaaa", "")
	f.Fuzz(func(t *testing.T, keyList, text1, text2 string) {
		var keys []string
		for _, k := range strings.Split(keyList, "|") {
			if k != "" && len(k) < 64 {
				keys = append(keys, k)
			}
		}
		if len(keys) > 64 {
			keys = keys[:64]
		}
		ks, err := NewKeySet(keys)
		if err != nil {
			t.Fatal(err)
		}
		texts := []string{text1, text2, text1 + text2, "", text2, text1}
		dst := make([][]uint16, len(texts))
		ks.AppendKeysEach(dst, texts)
		for i, s := range texts {
			want := naiveKeys(s, keys)
			if got := ks.AppendKeys(nil, s); !sameKeys(got, want) {
				t.Fatalf("AppendKeys(%q) over %q = %v, want %v", s, keys, got, want)
			}
			if !sameKeys(dst[i], want) {
				t.Fatalf("AppendKeysEach text %d (%q) over %q = %v, want %v", i, s, keys, dst[i], want)
			}
		}
	})
}
