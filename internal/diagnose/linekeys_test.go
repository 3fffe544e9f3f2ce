package diagnose

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/regdoctor/regdoctor/internal/logscan"
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
	for _, k := range append(append(append([]string(nil), sigKeys...), refIndex.keys...), auxLow[1:]...) {
		lines = append(lines, k, "x"+k, k[:len(k)-1], "  "+k[:2], k+"x", "xy"+k[:len(k)-1])
	}
	found := 0
	for _, low := range lines {
		var bitsOf keyBits
		var cand sigSet
		mask := findLineKeys(low, &bitsOf, &cand)
		var present [keySlots]bool
		for i := range present {
			present[i] = bitsOf.get(i)
		}
		ref := !mask.empty()
		sig := cand != sigSet{}
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
			if mask.has(j) != want {
				t.Errorf("reference key %q in %q: mask bit %v, want %v", k, low, mask.has(j), want)
			}
			if present[maxSigKeys+j] != want {
				t.Errorf("reference key %q in %q: found %v, want %v", k, low, present[maxSigKeys+j], want)
			}
		}
		for j, k := range auxLow {
			if j == 0 {
				if present[auxBase] {
					t.Errorf("slot 0 (never) marked in %q", low)
				}
				continue
			}
			if want := strings.Contains(low, k); present[auxBase+j] != want {
				t.Errorf("fragment %q in %q: found %v, want %v", k, low, present[auxBase+j], want)
			}
		}
		for i, s := range allSigs {
			if got, want := cand[i/64]&(1<<(i%64)) != 0, s.hasKey((*[maxSigKeys]bool)(present[:maxSigKeys])); got != want {
				t.Errorf("signature %s for %q: candidate %v, want %v", s.id, low, got, want)
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

// TestAuxKeys checks has against strings.Contains for every fragment on
// every line of the test logs (as is and upper-cased), with the keys found
// by the key pass and without them.
func TestAuxKeys(t *testing.T) {
	keywords()
	files, _ := filepath.Glob(filepath.Join("testdata", "logs", "*.log"))
	var keys []*auxKey
	keys = append(keys, platformMarkKeys...)
	keys = append(keys, kContainersImage...)
	keys = append(keys, kJobToken...)
	keys = append(keys, kRegistryAuthFile, kRegion, kMasked, kMaskedGitLab, kKaniko, kPermissions, kRun, kLoginAction, kHTTP)
	keys = append(keys, kLoggingInto, kLoginOK, kGcloudCfg, kAzLogin)
	keys = append(keys, kCredsFlags...)
	keys = append(keys, otherEcosystemKeys...)
	for _, s := range allSigs {
		keys = append(keys, s.vetoKeys...)
		keys = append(keys, s.needKeys...)
	}
	keys = append(keys, lowKeysForTest...)
	found := 0
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, line := range strings.Split(string(data), "\n") {
			for _, text := range []string{line, strings.ToUpper(line), "x" + line + "\xff\u0130"} {
				in := &lineIn{}
				in.prepare(logscan.Line{Text: text}, nil)
				withKeys := &facts{text: in.text, low: in.low, lineKeys: &in.keys}
				without := &facts{text: in.text, low: in.low, lineKeys: &unknownKeys}
				for _, k := range keys {
					want := strings.Contains(in.low, k.s)
					if k.exact {
						want = strings.Contains(in.text, k.s)
					}
					if got := withKeys.has(k); got != want {
						t.Fatalf("%q in %q (exact %v): has %v, want %v", k.s, text, k.exact, got, want)
					}
					if got := without.has(k); got != want {
						t.Fatalf("%q in %q (exact %v), no keys: has %v, want %v", k.s, text, k.exact, got, want)
					}
					if want {
						found++
					}
				}
			}
		}
	}
	if found < 100 {
		t.Fatalf("only %d fragments found: the check saw too little", found)
	}
}

// lowKeysForTest: a fragment with upper case looked for in the lowercased
// line is never there (as strings.Contains(low, k) says).
var lowKeysForTest = []*auxKey{lowKey("Login")}

// TestLowArena compares lowArena.lower with strings.ToLower on the test
// logs' lines (as is, upper-cased, with every byte value planted at every
// offset of a short line) and checks that earlier results stay intact as
// blocks fill.
func TestLowArena(t *testing.T) {
	var inputs []string
	files, _ := filepath.Glob(filepath.Join("testdata", "logs", "*.log"))
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, line := range strings.Split(string(data), "\n") {
			inputs = append(inputs, line, strings.ToUpper(line))
		}
	}
	base := "Az@[`{ Hello WORLD 0123456789"
	for c := 0; c < 256; c++ {
		for at := 0; at <= len(base); at += 3 {
			inputs = append(inputs, base[:at]+string([]byte{byte(c)})+base[at:])
		}
	}
	inputs = append(inputs, strings.Repeat("AbC", 2000), "É", "", "X")
	var ar lowArena
	got := make([]string, len(inputs))
	for round := 0; round < 3; round++ { // several blocks
		for i, s := range inputs {
			got[i] = ar.lower(s)
		}
	}
	for i, s := range inputs {
		if want := strings.ToLower(s); got[i] != want {
			t.Fatalf("lower(%q) = %q, want %q", s, got[i], want)
		}
	}
}

// BenchmarkLineKeyPass: the line key pass over every line of the test
// logs, lowercased (B/op counts the bytes walked).
func BenchmarkLineKeyPass(b *testing.B) {
	keywords()
	files, _ := filepath.Glob(filepath.Join("testdata", "logs", "*.log"))
	var lines []string
	size := 0
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			b.Fatal(err)
		}
		for _, l := range strings.Split(string(data), "\n") {
			lines = append(lines, strings.ToLower(logscan.Normalize(l)))
			size += len(l)
		}
	}
	b.SetBytes(int64(size))
	b.ResetTimer()
	var keys keyBits
	var cand sigSet
	for b.Loop() {
		for _, l := range lines {
			keys, cand = keyBits{}, sigSet{}
			lineKeyPass(l, &keys, &cand)
		}
	}
}

// TestHasAnyIn checks the mask shortcut of the fragment lists observe and
// the signatures test: hasAnyIn with the line's keys answers as hasAny
// searching the line (no keys known), on every test and corpus line, as is
// and case-changed.
func TestHasAnyIn(t *testing.T) {
	keywords()
	type list struct {
		name string
		keys []*auxKey
		m    *auxMask
	}
	lists := []list{{"containersImage", kContainersImage, &mContainersImage}, {"jobToken", kJobToken, &mJobToken},
		{"credHelper", kCredHelper, &mCredHelper}, {"transfer", kTransfer, &mTransfer}, {"loginLine", kLoginLine, &mLoginLine},
		{"otherEcosystems", otherEcosystemKeys, &otherEcosystemMask}, {"scanSchemeCmd", kScanSchemeCmd, &mScanSchemeCmd},
		{"pushProgress", kPushProgress, &mPushProgress}, {"clientVersion", clientVersionAux, &clientVersionMask}}
	for _, s := range allSigs {
		lists = append(lists, list{s.id + " veto", s.vetoKeys, &s.vetoMask}, list{s.id + " need", s.needKeys, &s.needMask})
	}
	hits := 0
	for _, l := range testLogLines(t) {
		for _, v := range []string{l, strings.ToUpper(l), strings.ToLower(l)} {
			var in lineIn
			in.prepare(logscan.Line{Text: v}, nil)
			f := newFacts()
			for _, ls := range lists {
				f.text, f.low, f.lineKeys = in.text, in.low, &unknownKeys
				want := f.hasAny(ls.keys)
				f.lineKeys = &in.keys
				if got := f.hasAnyIn(ls.keys, ls.m); got != want {
					t.Errorf("%s on %q: hasAnyIn %v, hasAny %v", ls.name, v, got, want)
				}
				if want {
					hits++
				}
			}
		}
	}
	if hits == 0 {
		t.Error("no list held by any line: the check saw nothing")
	}
}

// TestLineRefCandidates checks the reference patterns a line is read with:
// the mask from the line's keys (confirmRefMask) equals the one found by
// searching the line (refCandidates, no keys known), on every test and
// corpus line, as is and case-changed, and a scanner command line.
func TestLineRefCandidates(t *testing.T) {
	keywords()
	lines := append(testLogLines(t), "grype docker:cli --fail-on high", "Pulling image \"ghcr.io/acme/widget:1\" ...")
	marked := 0
	for _, l := range lines {
		for _, v := range []string{l, strings.ToUpper(l), strings.ToLower(l)} {
			var in lineIn
			in.prepare(logscan.Line{Text: v}, nil)
			f := newFacts()
			f.text, f.low, f.lineKeys = in.text, in.low, &unknownKeys
			want := f.lineRefCandidates(in.text, in.low)
			f.lineKeys, f.lineRefMask = &in.keys, in.refMask
			if got := f.lineRefCandidates(in.text, in.low); got != want {
				t.Errorf("%q: reference patterns %#x from the line's keys, %#x searched", v, got, want)
			}
			if !want.empty() {
				marked++
			}
		}
	}
	if marked == 0 {
		t.Error("no line marked a reference pattern: the check saw nothing")
	}
}

// TestRefSetWords checks refSet past its first word: the reference keys a
// line's key pass marks (slots maxSigKeys+i) are read back as the same
// patterns (keyBits.refs), and has, add and remove agree on every index up
// to maxRefPatterns.
func TestRefSetWords(t *testing.T) {
	picked := []int{0, 1, 63, 64, 65, 100, maxRefPatterns - 1}
	var b keyBits
	var s refSet
	for _, i := range picked {
		b.set(maxSigKeys + i)
		s.add(i)
	}
	if got := b.refs(); got != s {
		t.Fatalf("keyBits.refs() = %#x, want %#x", got, s)
	}
	for i := range maxRefPatterns {
		if want := slices.Contains(picked, i); s.has(i) != want {
			t.Errorf("has(%d) = %v, want %v", i, s.has(i), want)
		}
	}
	for _, i := range picked {
		s.remove(i)
	}
	if !s.empty() {
		t.Errorf("after removing all: %#x, want empty", s)
	}
	if (b.bits[maxSigKeys/64-1] != 0) || *b.auxSet() != [maxAuxKeys / 64]uint64{} {
		t.Error("a reference slot marked a signature key or a fact fragment")
	}
	if len(refPatterns) > maxRefPatterns {
		t.Errorf("%d reference patterns, more than maxRefPatterns (%d)", len(refPatterns), maxRefPatterns)
	}
}
