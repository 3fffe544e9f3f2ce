package diagnose

import "strings"

// Key slots of a line (lineIn.keys), all found by one pass over the
// lowercased line (findLineKeys): signature keys (sigKeys) at [0,
// maxSigKeys), reference-pattern keys (refIndex.keys, refCandidates'
// numbering) at [maxSigKeys, 2*maxSigKeys), and the fragments the facts and
// the signatures' veto and need lists test (auxKeys) at [auxBase,
// auxBase+maxAuxKeys). Facts and signatures share the pass instead of
// scanning the line once per fragment.
const (
	maxAuxKeys = 256
	auxBase    = 2 * maxSigKeys
	keySlots   = auxBase + maxAuxKeys
)

// maxSigs bounds the signatures (sigSet's size).
const maxSigs = 128

// sigSet is a set of signatures, by their index in allSigs.
type sigSet [maxSigs / 64]uint64

func (s *sigSet) or(o *sigSet) {
	for i := range s {
		s[i] |= o[i]
	}
}

// lineKeys indexes every key by its first two bytes: a bit set of the byte
// pairs that start a key (8 KiB, stays in cache) skips most positions, and
// each key's first four bytes are compared as one word before the whole
// key. Built once (keysOnce).
var lineKeys struct {
	starts  [1 << 16 / 64]uint64 // byte pairs that start a key
	bucket  [1 << 16]int32       // byte pair -> index in buckets (read only after a starts hit)
	buckets [][]lineKey
	built   bool
}

type lineKey struct {
	key        string
	at         int    // slot in lineIn.keys
	pre, mask4 uint32 // first (up to) four bytes, little-endian, and their mask
	sigs       *sigSet
}

func buildLineKeyIndex() {
	byPair := map[uint16][]lineKey{}
	add := func(k string, at int, sigs *sigSet) {
		if len(k) < 2 {
			panic("diagnose: key shorter than 2 bytes: " + k)
		}
		var pre, mask uint32
		for b := 0; b < 4 && b < len(k); b++ {
			pre |= uint32(k[b]) << (8 * b)
			mask |= 0xff << (8 * b)
		}
		p := uint16(k[0])<<8 | uint16(k[1])
		lineKeys.starts[p/64] |= 1 << (p % 64)
		byPair[p] = append(byPair[p], lineKey{key: k, at: at, pre: pre, mask4: mask, sigs: sigs})
	}
	// The signatures each signature key admits.
	sigsOf := make([]sigSet, len(sigKeys))
	for i, s := range allSigs {
		for _, k := range s.keyIdx {
			sigsOf[k][i/64] |= 1 << (i % 64)
		}
	}
	for i, k := range sigKeys {
		add(k, i, &sigsOf[i])
	}
	for j, k := range refIndex.keys {
		add(k, maxSigKeys+j, nil)
	}
	for j, k := range auxLow {
		add(k, auxBase+j, nil)
	}
	for p, l := range byPair {
		lineKeys.bucket[p] = int32(len(lineKeys.buckets))
		lineKeys.buckets = append(lineKeys.buckets, l)
	}
	lineKeys.built = true
}

// findLineKeys marks the keys of low in present, adds the signatures whose
// keys low holds to cand, and reports whether any reference key is there.
func findLineKeys(low string, present *[keySlots]bool, cand *sigSet) (ref bool) {
	n := len(low)
	for i := 0; i+1 < n; i++ {
		p := uint16(low[i])<<8 | uint16(low[i+1])
		if lineKeys.starts[p/64]&(1<<(p%64)) == 0 {
			continue
		}
		var w uint32
		if i+4 <= n {
			w = uint32(low[i]) | uint32(low[i+1])<<8 | uint32(low[i+2])<<16 | uint32(low[i+3])<<24
		} else {
			for b := 0; i+b < n; b++ {
				w |= uint32(low[i+b]) << (8 * b)
			}
		}
		for _, k := range lineKeys.buckets[lineKeys.bucket[p]] {
			if w&k.mask4 != k.pre || present[k.at] || len(k.key) > n-i ||
				(len(k.key) > 4 && !strings.HasPrefix(low[i+4:], k.key[4:])) {
				continue
			}
			present[k.at] = true
			if k.sigs != nil {
				cand.or(k.sigs)
			} else if k.at < auxBase {
				ref = true
			}
		}
	}
	return ref
}

// refCandidates is the package refCandidates for the current line, from the
// keys engine.apply already found (lineRefs) when it did.
func (f *facts) refCandidates(text, low string, present *[maxSigKeys]bool) bool {
	if f.lineRefs == nil {
		return refCandidates(text, low, present)
	}
	*present = *f.lineRefs
	if !f.lineRefsAny {
		return false
	}
	confirmRefKeys(text, low, present)
	return true
}

// auxKey is a fragment the facts, or a signature's veto or need list, look
// for in a line. The line's key pass marks the fragment's lowercase; has
// then confirms an exact (case-sensitive) one in the line as is, which is
// needed only when the lowercase is there: an ASCII fragment of a line is,
// lowercased, a fragment of the lowercased line (strings.ToLower maps each
// rune alone, ASCII to ASCII).
type auxKey struct {
	s     string // as looked for
	slot  int    // index of its lowercase in auxLow
	exact bool   // look in the line as is (case-sensitive), not in its lowercase
	never bool   // looked for in the lowercased line but has upper case: never there
}

var (
	auxLow  []string       // distinct lowercase fragments, by slot
	auxSlot map[string]int // lowercase fragment -> slot
)

// lowKey registers a fragment looked for in the lowercased line, textKey
// one looked for in the line as is. Fragments are ASCII, 2 bytes or longer;
// all are registered before the key index is built (package variables, or
// buildKeywords before buildLineKeyIndex).
func lowKey(s string) *auxKey  { return newAuxKey(s, false) }
func textKey(s string) *auxKey { return newAuxKey(s, true) }

func newAuxKey(s string, exact bool) *auxKey {
	if lineKeys.built {
		panic("diagnose: key registered after the key index was built: " + s)
	}
	if len(s) < 2 || !isASCII(s) {
		panic("diagnose: key not ASCII or shorter than 2 bytes: " + s)
	}
	low := strings.ToLower(s)
	k := &auxKey{s: s, exact: exact, never: !exact && low != s}
	if auxSlot == nil {
		auxSlot = map[string]int{}
	}
	slot, ok := auxSlot[low]
	if !ok {
		slot = len(auxLow)
		if slot >= maxAuxKeys {
			panic("diagnose: more than maxAuxKeys fragments")
		}
		auxSlot[low] = slot
		auxLow = append(auxLow, low)
	}
	k.slot = slot
	return k
}

func lowKeys(list []string) []*auxKey {
	out := make([]*auxKey, len(list))
	for i, s := range list {
		out[i] = lowKey(s)
	}
	return out
}

// has reports whether the current line holds k: strings.Contains(text, k.s)
// for an exact key, strings.Contains(low, k.s) otherwise.
func (f *facts) has(k *auxKey) bool {
	if k.never {
		return false
	}
	if f.lineKeys != nil {
		if !f.lineKeys[auxBase+k.slot] {
			return false
		}
		return !k.exact || strings.Contains(f.text, k.s)
	}
	if k.exact {
		return strings.Contains(f.text, k.s)
	}
	return strings.Contains(f.low, k.s)
}

// hasAny reports whether the current line holds one of keys.
func (f *facts) hasAny(keys []*auxKey) bool {
	for _, k := range keys {
		if f.has(k) {
			return true
		}
	}
	return false
}
