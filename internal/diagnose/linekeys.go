package diagnose

import (
	"encoding/binary"
	"strings"
	"unsafe"
)

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

// lineKeys indexes every key (3 bytes or longer) by a hash of its first
// four bytes (a 3-byte key under each possible fourth byte): a 64 Ki-bit
// filter of those hashes (8 KiB, stays in cache) rules out most positions of
// a line with one load and one bit test, and only the keys of a passing
// hash are compared, each first as one 32-bit word. A 3-byte key that ends
// the line has no fourth byte: tail holds them. Built once (keysOnce).
var lineKeys struct {
	filter  [1 << 16 / 64]uint64 // hashes of the keys' first four bytes
	bucket  [1 << 16]uint16      // hash -> 1 + index in buckets (read only after a filter hit)
	buckets [][]lineKey
	tail    []lineKey // 3-byte keys
	built   bool
}

type lineKey struct {
	pre, mask   uint32 // first (up to) four bytes, little-endian, and their mask
	pre2, mask2 uint32 // the next (up to) four bytes and their mask
	size        int32  // len(key)
	at          int32  // slot in lineIn.keys
	key         string
	sigs        *sigSet
}

// keyHash is the filter's hash of a line's four bytes at a position.
func keyHash(w uint32) uint32 { return (w * 0x9E3779B1) >> 16 }

// load32 is s[i:i+4] as a little-endian word.
func load32(s string, i int) uint32 {
	_ = s[i+3]
	return uint32(s[i]) | uint32(s[i+1])<<8 | uint32(s[i+2])<<16 | uint32(s[i+3])<<24
}

func buildLineKeyIndex() {
	byHash := map[uint32][]lineKey{}
	put := func(w uint32, k lineKey) {
		h := keyHash(w)
		if l := byHash[h]; len(l) > 0 && l[len(l)-1].at == k.at {
			return // the same 3-byte key under another fourth byte
		}
		lineKeys.filter[h/64] |= 1 << (h % 64)
		byHash[h] = append(byHash[h], k)
	}
	add := func(k string, at int, sigs *sigSet) {
		if len(k) < 3 {
			panic("diagnose: key shorter than 3 bytes: " + k)
		}
		var pre, mask, pre2, mask2 uint32
		for b := 0; b < 4 && b < len(k); b++ {
			pre |= uint32(k[b]) << (8 * b)
			mask |= 0xff << (8 * b)
		}
		for b := 4; b < 8 && b < len(k); b++ {
			pre2 |= uint32(k[b]) << (8 * (b - 4))
			mask2 |= 0xff << (8 * (b - 4))
		}
		lk := lineKey{key: k, at: int32(at), pre: pre, mask: mask, pre2: pre2, mask2: mask2, size: int32(len(k)), sigs: sigs}
		if len(k) >= 4 {
			put(pre, lk)
			return
		}
		for c := uint32(0); c < 256; c++ {
			put(pre|c<<24, lk)
		}
		lineKeys.tail = append(lineKeys.tail, lk)
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
		if j > 0 { // slot 0: never marked
			add(k, auxBase+j, nil)
		}
	}
	if len(byHash) >= 1<<16-1 {
		panic("diagnose: too many key hashes")
	}
	for h, l := range byHash {
		lineKeys.buckets = append(lineKeys.buckets, l)
		lineKeys.bucket[h] = uint16(len(lineKeys.buckets))
	}
	lineKeys.built = true
}

// findLineKeys marks the keys of low in present, adds the signatures whose
// keys low holds to cand, and reports whether any reference key is there.
func findLineKeys(low string, present *[keySlots]bool, cand *sigSet) (ref bool) {
	n := len(low)
	for i := 0; i+4 <= n; i++ {
		w := load32(low, i)
		h := keyHash(w)
		if lineKeys.filter[h/64]&(1<<(h%64)) == 0 {
			continue
		}
		// The next four bytes, zero past the end (a key that long is
		// ruled out by its size first).
		var w2 uint32
		if i+8 <= n {
			w2 = load32(low, i+4)
		} else {
			for b := 4; i+b < n; b++ {
				w2 |= uint32(low[i+b]) << (8 * (b - 4))
			}
		}
		bucket := lineKeys.buckets[lineKeys.bucket[h]-1]
		for j := range bucket {
			k := &bucket[j]
			if int(k.size) > n-i || w&k.mask != k.pre || w2&k.mask2 != k.pre2 || present[k.at] ||
				(k.size > 8 && low[i+8:i+int(k.size)] != k.key[8:]) {
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
	if n >= 3 {
		for j := range lineKeys.tail {
			if k := &lineKeys.tail[j]; !present[k.at] && low[n-3:] == k.key {
				present[k.at] = true
				if k.sigs != nil {
					cand.or(k.sigs)
				} else if k.at < auxBase {
					ref = true
				}
			}
		}
	}
	return ref
}

// lowArena holds the lowercase copies of lines (lineIn.low), packed into
// shared 64 KiB blocks as logscan packs line texts: one allocation per
// block instead of one per line. A block is never written again once a
// string points into it. Used by the scanning goroutine only.
type lowArena struct{ buf []byte }

// lower returns strings.ToLower(s). An ASCII line is lowercased eight bytes
// at a time into the arena; any other goes to strings.ToLower (Unicode case
// mapping can change lengths).
func (a *lowArena) lower(s string) string {
	const block = 64 << 10
	n := len(s)
	if a == nil || n == 0 || n > block/16 {
		return strings.ToLower(s)
	}
	if len(a.buf)+n > cap(a.buf) {
		a.buf = make([]byte, 0, block)
	}
	b := a.buf[len(a.buf) : len(a.buf)+n]
	src := unsafe.Slice(unsafe.StringData(s), n)
	i := 0
	for ; i+8 <= n; i += 8 {
		w := binary.LittleEndian.Uint64(src[i:])
		if w&0x8080808080808080 != 0 {
			return strings.ToLower(s)
		}
		// Per byte (all < 0x80, so no carries): +0x3f sets the top bit
		// from 'A' up, +0x25 from 'Z'+1 up; upper case has the first only.
		up := (w + 0x3f3f3f3f3f3f3f3f) &^ (w + 0x2525252525252525) & 0x8080808080808080
		binary.LittleEndian.PutUint64(b[i:], w|up>>2)
	}
	for ; i < n; i++ {
		c := src[i]
		if c >= 0x80 {
			return strings.ToLower(s)
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		b[i] = c
	}
	a.buf = a.buf[:len(a.buf)+n]
	return unsafe.String(&b[0], n)
}

// lineRefCandidates is the package refCandidates for the current line:
// the refPatterns to try, or nil for none. With the line's keys known
// (lineRefs) they are confirmed in place; else found into buf.
func (f *facts) lineRefCandidates(text, low string, buf *[maxSigKeys]bool) *[maxSigKeys]bool {
	if f.lineRefs == nil {
		if !refCandidates(text, low, buf) {
			return nil
		}
		return buf
	}
	if !f.lineRefsAny {
		return nil
	}
	confirmRefKeys(text, low, f.lineRefs)
	return f.lineRefs
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
// one looked for in the line as is. Fragments are ASCII, 3 bytes or longer;
// all are registered before the key index is built (package variables, or
// buildKeywords before buildLineKeyIndex).
func lowKey(s string) *auxKey  { return newAuxKey(s, false) }
func textKey(s string) *auxKey { return newAuxKey(s, true) }

func newAuxKey(s string, exact bool) *auxKey {
	if lineKeys.built {
		panic("diagnose: key registered after the key index was built: " + s)
	}
	if len(s) < 3 || !isASCII(s) {
		panic("diagnose: key not ASCII or shorter than 3 bytes: " + s)
	}
	low := strings.ToLower(s)
	k := &auxKey{s: s, exact: exact, never: !exact && low != s}
	if auxSlot == nil {
		// Slot 0 is never marked: never keys point at it.
		auxSlot = map[string]int{}
		auxLow = append(auxLow, "")
	}
	if k.never {
		return k
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
// for an exact key, strings.Contains(low, k.s) otherwise. The common case
// (a lowercase key, the line's keys known) is one table read, inlined.
func (f *facts) has(k *auxKey) bool {
	if f.lineKeys != nil && !k.exact {
		return f.lineKeys[auxBase+k.slot] // slot 0 (never marked) for a never key
	}
	return f.hasSlow(k)
}

func (f *facts) hasSlow(k *auxKey) bool {
	if k.never {
		return false
	}
	if f.lineKeys != nil {
		return f.lineKeys[auxBase+k.slot] && strings.Contains(f.text, k.s)
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
