package diagnose

import (
	"cmp"
	"encoding/binary"
	"slices"
	"strings"
	"unsafe"
)

// Key slots of a line (lineIn.keys), all found by one pass over the
// lowercased line (findLineKeys): signature keys (sigKeys) at [0,
// maxSigKeys), reference-pattern keys (refIndex.keys, refCandidates'
// numbering, one a pattern) at [maxSigKeys, maxSigKeys+maxRefPatterns), and
// the fragments the facts and the signatures' veto and need lists test
// (auxKey; auxLow's numbering) at [auxBase, auxBase+maxAuxKeys). Facts and
// signatures share the pass instead of scanning the line once per fragment.
const (
	maxAuxKeys = 448 // a multiple of 64 (auxMask); 320 nearly filled (296) with the fourteenth held-out batches
	auxBase    = maxSigKeys + maxRefPatterns
	keySlots   = auxBase + maxAuxKeys
)

// maxSigs bounds the signatures (sigSet's size).
const maxSigs = 384 // 320 nearly filled (297) with the twenty-second held-out batches

// keyBits marks the keys a line holds (findLineKeys), one bit a slot (see
// keySlots): bit i%64 of bits[i/64], 152 bytes. It used to keep the 448
// fact fragment slots (read most, by facts.has) as a bool each as well,
// 640 bytes: the preparing goroutine zeroed and wrote them for every line
// and the diagnosis goroutine read them back on the other core. Bits
// alone cut the process's CPU time on two cores by about a tenth on a
// 128 MiB bench log (explain-perf24; 2% on one core), for 1% fewer
// instructions.
type keyBits struct {
	bits [keySlots / 64]uint64
	// found: a key was marked (markKey), of any kind.
	found bool
}

// The slots come in whole words: the fact fragments' words (auxSet) start
// at auxBase/64 (a negative array size does not compile).
var _ [1 - auxBase%64 - maxAuxKeys%64]struct{}

// auxMask is a set of fact fragments, by slot (auxKey.slot), with the
// range of its words that hold one: a list's fragments are registered
// together, so their slots are close and hasAnyIn tests one or two words,
// not all seven.
type auxMask struct {
	w      [maxAuxKeys / 64]uint64
	lo, hi uint16 // w[lo:hi] holds every slot of the set (lo == hi: empty)
}

// maskOf is the set of keys' slots (never keys, which no line holds, left
// out).
func maskOf(keys []*auxKey) (m auxMask) {
	for _, k := range keys {
		if !k.never {
			m.w[k.slot/64] |= 1 << (k.slot % 64)
		}
	}
	m.lo, m.hi = uint16(len(m.w)), 0
	for i, x := range m.w {
		if x != 0 {
			m.lo, m.hi = min(m.lo, uint16(i)), uint16(i+1)
		}
	}
	if m.hi == 0 {
		m.lo = 0
	}
	return m
}

func (b *keyBits) get(i int) bool {
	return b.bits[uint(i)/64]&(1<<(uint(i)%64)) != 0
}

// hasAux reports whether b holds fact fragment slot (auxKey.slot), that is
// slot auxBase+slot.
func (b *keyBits) hasAux(slot int) bool {
	return b.bits[auxBase/64+uint(slot)/64]&(1<<(uint(slot)%64)) != 0
}

// auxSet is the fact fragments' part of b: fragment slot i is bit i%64 of
// word i/64 (auxMask's numbering), so a list of fragments is ruled out at
// once (facts.hasAnyIn).
func (b *keyBits) auxSet() *[maxAuxKeys / 64]uint64 {
	return (*[maxAuxKeys / 64]uint64)(b.bits[auxBase/64:])
}

// refs is the set of reference-pattern keys b holds: their slots
// [maxSigKeys, maxSigKeys+maxRefPatterns) are words of bits, so the set is
// read, not gathered key by key.
func (b *keyBits) refs() refSet {
	return refSet(b.bits[maxSigKeys/64 : maxSigKeys/64+len(refSet{})])
}

func (b *keyBits) set(i int) {
	b.bits[uint(i)/64] |= 1 << (uint(i) % 64)
}

// maxRefPatterns bounds refPatterns (refSet's size; buildRefIndex panics
// past it). Their key slots follow the signature keys' (maxSigKeys) and end
// before the fact fragments' (auxBase).
const maxRefPatterns = 128 // 64 nearly filled (56) with the nineteenth held-out batches

// The reference-key slots fit below auxBase (a negative array size does not
// compile).
var _ [auxBase - maxSigKeys - maxRefPatterns]struct{}

// refSet is a set of refPatterns, by index: bit i%64 of word i/64. Two
// words, compared and ORed as such: no per-line cost over the single
// uint64 mask it replaced (which capped refPatterns at 64).
type refSet [maxRefPatterns / 64]uint64

// empty reports whether s holds no pattern.
func (s *refSet) empty() bool {
	var x uint64
	for _, w := range s {
		x |= w
	}
	return x == 0
}

// has reports whether s holds pattern i.
func (s *refSet) has(i int) bool { return s[i/64]&(1<<(i%64)) != 0 }

// add puts pattern i in s.
func (s *refSet) add(i int) { s[i/64] |= 1 << (i % 64) }

// remove takes pattern i out of s.
func (s *refSet) remove(i int) { s[i/64] &^= 1 << (i % 64) }

// sigSet is a set of signatures, by their index in allSigs.
type sigSet [maxSigs / 64]uint64

// empty reports whether s holds no signature. The words are ORed in a
// loop the compiler unrolls: comparing with sigSet{} inlines only for
// sizes the compiler compares in registers (four words), and five words
// call runtime.memequal on every delivered line (+2.6 M instructions on
// the 16 MiB log when maxSigs went from 256 to 320).
func (s *sigSet) empty() bool {
	var x uint64
	for _, w := range s {
		x |= w
	}
	return x == 0
}

func (s *sigSet) or(o *sigSet) {
	for i := range s {
		s[i] |= o[i]
	}
}

// lineKeys indexes every key (3 bytes or longer) by a hash of its first
// three bytes: a 64 Ki-bit filter of those hashes (8 KiB, stays in cache)
// rules out most positions of a line with one load and one bit test. At a
// passing position, the keys shorter than eight bytes sit in one run of
// ents (their slot: the three-byte hash's top 12 bits; start), compared
// first as two 32-bit words (the key's first bytes, masked), then on the
// size; the keys of eight bytes or longer sit in another run (their long
// slot: a hash of their first eight bytes; lstart), compared on those
// eight bytes and then on the rest. Keys share their first three bytes by
// the dozen ("docker...", "error...", "failed to..."): under one
// three-byte slot each passing position compared them all, where the
// eight-byte slot holds about one. The compact layout keeps the lookups
// in cache. Built once (keysOnce).
var lineKeys struct {
	filter [1 << 16 / 64]uint64 // hashes of the keys' first three bytes
	// The same for the keys shorter than eight bytes alone (sfilter), and
	// the 16-bit hashes of the long keys' first eight bytes (lfilter,
	// longHash): a position that passes filter is probed only when it
	// passes one of these (most positions that pass filter begin a long
	// key's first three bytes and not the rest: "doc" of "docker push ").
	sfilter [1 << 16 / 64]uint64
	lfilter [1 << 16 / 64]uint64
	// filterp is &filter, read once by the key pass: a loaded pointer
	// stays in a register, where the constant address was computed again
	// at every position.
	filterp *[1 << 16 / 64]uint64
	start   [1<<12 + 1]uint16 // slot -> first index in ents; slot s is ents[start[s]:start[s+1]] (keys under 8 bytes)
	lstart  [1<<12 + 1]uint16 // long slot -> first index in ents (keys of 8 bytes or longer)
	ents    []lineKey
	keys    []string  // by ents index: the key
	tails   []keyTail // by ents index: a long key's bytes 8 to 15
	sigs    []*sigSet // by ents index: the signatures a signature key admits (nil otherwise)
	built   bool
}

// keyTail is a long key's bytes 8 to 15 (up to), little-endian, and their
// mask: the bytes after a long key's first eight are compared in one word
// when the line has eight bytes there, which is a key of 16 bytes or
// shorter whole.
type keyTail struct{ pre, mask uint64 }

type lineKey struct {
	pre, mask   uint32 // first (up to) four bytes, little-endian, and their mask
	pre2, mask2 uint32 // the next (up to) four bytes and their mask
	size        uint16 // len(key)
	at          uint16 // slot in lineIn.keys
}

// keyHash is the filter's hash of three bytes (little-endian, in a word).
func keyHash(w3 uint32) uint32 { return (w3 * 0x9E3779B1) >> 16 }

// longSlot is the long slot of eight bytes (two little-endian words): 12
// bits of a multiplicative hash.
func longSlot(w, w2 uint32) uint32 {
	return longHash(w, w2) >> 4
}

// longHash is lfilter's hash of eight bytes (two little-endian words): 16
// bits of two 32-bit multiplicative hashes, longSlot's 12 of them. (A
// 64-bit multiplier is a constant the key pass's loop would load at every
// position.)
func longHash(w, w2 uint32) uint32 {
	return (w*0x9E3779B1 ^ w2*0x85EBCA77) >> 16
}

// load32 is s[i:i+4] as a little-endian word.
func load32(s string, i int) uint32 {
	_ = s[i+3]
	return uint32(s[i]) | uint32(s[i+1])<<8 | uint32(s[i+2])<<16 | uint32(s[i+3])<<24
}

func buildLineKeyIndex() {
	type entry struct {
		k    lineKey
		key  string
		sigs *sigSet
		slot uint32 // its slot, or long slot when long
		long bool   // 8 bytes or longer
	}
	var all []entry
	add := func(k string, at int, sigs *sigSet) {
		if len(k) < 3 || len(k) > 1<<16-1 {
			panic("diagnose: key shorter than 3 bytes or too long: " + k)
		}
		var lk lineKey
		for b := 0; b < 4 && b < len(k); b++ {
			lk.pre |= uint32(k[b]) << (8 * b)
			lk.mask |= 0xff << (8 * b)
		}
		for b := 4; b < 8 && b < len(k); b++ {
			lk.pre2 |= uint32(k[b]) << (8 * (b - 4))
			lk.mask2 |= 0xff << (8 * (b - 4))
		}
		lk.size, lk.at = uint16(len(k)), uint16(at)
		h := keyHash(lk.pre & 0xffffff)
		lineKeys.filter[h/64] |= 1 << (h % 64)
		e := entry{k: lk, key: k, sigs: sigs, slot: h >> 4}
		if len(k) >= 8 {
			e.long, e.slot = true, longSlot(lk.pre, lk.pre2)
			lh := longHash(lk.pre, lk.pre2)
			lineKeys.lfilter[lh/64] |= 1 << (lh % 64)
		} else {
			lineKeys.sfilter[h/64] |= 1 << (h % 64)
		}
		all = append(all, e)
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
	if len(all) >= 1<<16 || keySlots > 1<<16 {
		panic("diagnose: too many keys")
	}
	// The short keys by slot, then the long ones by long slot. (Generic:
	// sort.SliceStable swapped the entries through reflection, 2.5 M
	// instructions at start-up.)
	slices.SortStableFunc(all, func(a, b entry) int {
		if a.long != b.long {
			if !a.long {
				return -1
			}
			return 1
		}
		return cmp.Compare(a.slot, b.slot)
	})
	for _, e := range all {
		lineKeys.ents = append(lineKeys.ents, e.k)
		lineKeys.keys = append(lineKeys.keys, e.key)
		var t keyTail
		for b := 8; b < 16 && b < len(e.key); b++ {
			t.pre |= uint64(e.key[b]) << (8 * (b - 8))
			t.mask |= 0xff << (8 * (b - 8))
		}
		lineKeys.tails = append(lineKeys.tails, t)
		lineKeys.sigs = append(lineKeys.sigs, e.sigs)
	}
	fill := func(start []uint16, long bool) {
		i := 0
		for i < len(all) && all[i].long != long {
			i++
		}
		for slot := range len(start) {
			for i < len(all) && all[i].long == long && int(all[i].slot) < slot {
				i++
			}
			start[slot] = uint16(i)
		}
	}
	fill(lineKeys.start[:], false)
	fill(lineKeys.lstart[:], true)
	lineKeys.filterp = &lineKeys.filter
	lineKeys.built = true
}

// findLineKeys marks the keys of low in present (empty on entry), adds the
// signatures whose keys low holds to cand, and returns the reference keys
// there as a set (refPatterns' indexes; present.refs()).
func findLineKeys(low string, present *keyBits, cand *sigSet) refSet {
	lineKeyPass(low, present, cand)
	return present.refs()
}

// lineKeyPass is findLineKeys that reports whether low holds any key at
// all (signature, reference or fact key): a line without one is read by
// facts.observeKeyless alone. The reference keys are present.refs(): the
// pass returns no set, which kept the filter's pointer out of a register
// in the loop (two more instructions a position: +8.9 M on the 16 MiB
// log, cachegrind).
func lineKeyPass(low string, present *keyBits, cand *sigSet) (any bool) {
	n := len(low)
	filter := lineKeys.filterp
	if filter == nil { // before the index is built: no key
		filter = &lineKeys.filter
	}
	_ = filter[0] // the nil check, once (not at every position)
	// The line's bytes are read through a pointer: one 32-bit load a
	// position (word), where indexing a string byte by byte took four
	// loads, their shifts and a bounds check (cachegrind, explain-perf8).
	// Positions with eight bytes left read both words so; the last seven
	// shift them out of the line's last eight bytes (a line shorter than
	// eight assembles them byte by byte), zero past the end.
	base := unsafe.Pointer(unsafe.StringData(low))
	i := 0
	for last := n - 8; i <= last; i++ {
		// word and keyHash written out: each inlined call left an
		// inline-mark no-op in the loop (two instructions a position,
		// 9.5 M on the 16 MiB log, cachegrind). A hash that differed from
		// keyHash would miss keys: TestFindLineKeys, FuzzLineKeyPass.
		w := *(*uint32)(unsafe.Add(base, i))
		h := (w & 0xffffff) * 0x9E3779B1 >> 16
		if filter[h/64]&(1<<(h%64)) == 0 {
			continue
		}
		w2 := word(base, i+4)
		if lineKeys.sfilter[h/64]&(1<<(h%64)) == 0 {
			if lh := longHash(w, w2); lineKeys.lfilter[lh/64]&(1<<(lh%64)) == 0 {
				continue // no short key there, nor a long key's first eight bytes
			}
		}
		probeKeys(low, i, w, w2, h, present, cand)
	}
	if n >= 8 {
		// The last positions (fewer than eight bytes left): the line's
		// last eight bytes in one load, shifted so that the position's
		// byte comes first and zeros fill past the end.
		last := binary.LittleEndian.Uint64((*[8]byte)(unsafe.Add(base, n-8))[:])
		for ; i+3 <= n; i++ {
			x := last >> (8 * uint(i-(n-8)))
			w := uint32(x)
			h := keyHash(w & 0xffffff)
			if filter[h/64]&(1<<(h%64)) == 0 {
				continue
			}
			probeKeys(low, i, w, uint32(x>>32), h, present, cand)
		}
		return present.found
	}
	for ; i+3 <= n; i++ {
		var w, w2 uint32
		for b := 0; b < 4 && i+b < n; b++ {
			w |= uint32(low[i+b]) << (8 * b)
		}
		h := keyHash(w & 0xffffff)
		if filter[h/64]&(1<<(h%64)) == 0 {
			continue
		}
		for b := 4; i+b < n; b++ {
			w2 |= uint32(low[i+b]) << (8 * (b - 4))
		}
		probeKeys(low, i, w, w2, h, present, cand)
	}
	return present.found
}

// probeKeys compares the keys that may start at low[i:] (w and w2 its
// first eight bytes, zero past the end; h the filter hash of the first
// three) with it, marks those found (markKey) and returns their reference
// and whether there was one.
func probeKeys(low string, i int, w, w2, h uint32, present *keyBits, cand *sigSet) {
	n := len(low)
	ents := unsafe.Pointer(unsafe.SliceData(lineKeys.ents))
	const size = unsafe.Sizeof(lineKey{})
	slot := h >> 4
	first, last := int(lineKeys.start[slot]), int(lineKeys.start[slot+1])
	for e := first; e < last; e++ {
		k := (*lineKey)(unsafe.Add(ents, uintptr(e)*size))
		// The first word first: it rules out almost every key of the
		// slot (a key of another hash, or another fourth byte). Past
		// the line's end w and w2 hold zero bytes, which no key has,
		// so a key longer than the rest of the line fails here or on
		// its size.
		if w&k.mask != k.pre || w2&k.mask2 != k.pre2 || int(k.size) > n-i || present.get(int(k.at)) {
			continue
		}
		markKey(e, k, present, cand)
	}
	if i+8 > n {
		return // no room for a long key
	}
	ls := longSlot(w, w2)
	first, last = int(lineKeys.lstart[ls]), int(lineKeys.lstart[ls+1])
	for e := first; e < last; e++ {
		k := (*lineKey)(unsafe.Add(ents, uintptr(e)*size))
		if w != k.pre || w2 != k.pre2 || int(k.size) > n-i || present.get(int(k.at)) {
			continue
		}
		if size := int(k.size); size > 8 {
			if i+16 <= n {
				// Bytes 8 to 15 in one load; a longer key's rest after.
				t := &lineKeys.tails[e]
				if binary.LittleEndian.Uint64((*[8]byte)(unsafe.Add(unsafe.Pointer(unsafe.StringData(low)), i+8))[:])&t.mask != t.pre ||
					size > 16 && low[i+16:i+size] != lineKeys.keys[e][16:] {
					continue
				}
			} else if low[i+8:i+size] != lineKeys.keys[e][8:] {
				continue
			}
		}
		markKey(e, k, present, cand)
	}
}

// markKey marks key e (k, ents[e]) found in the line: its slot in present,
// the signatures it admits in cand (a reference key's bit is its slot's:
// keyBits.refs).
func markKey(e int, k *lineKey, present *keyBits, cand *sigSet) {
	present.set(int(k.at))
	present.found = true
	if sigs := lineKeys.sigs[e]; sigs != nil {
		cand.or(sigs)
	}
}

// word is the four bytes at base+i as a little-endian word (one load on a
// little-endian machine). The caller makes sure they are in the string.
func word(base unsafe.Pointer, i int) uint32 {
	return binary.LittleEndian.Uint32((*[4]byte)(unsafe.Add(base, i))[:])
}

// lowArena holds the lowercase copies of lines (lineIn.low), packed into
// shared blocks of lowBlock bytes: one allocation per block instead of one
// per line. Each prepChunk lines of a batch have an arena of their own
// (batch.low), used by the one goroutine that claimed the chunk; rewind
// lets the batch's next use write its current block again, so a lowercase
// copy lives only as long as its batch: nothing may keep a substring of
// lineIn.low past fn (engine.add clones; TestLowNotKept poisons the bytes
// on release and compares every corpus answer).
type lowArena struct{ buf []byte }

// lowBlock is the size of a lowArena block in bytes; lines longer than
// half of it go to strings.ToLower.
const lowBlock = 8 << 10

// rewind makes the arena's current block free for the next lines: every
// string lower returned from it must be dead (the batch was released).
// With poisonLow set (tests), the bytes given back are overwritten first.
func (a *lowArena) rewind() {
	if poisonLow {
		b := a.buf[:len(a.buf)]
		for i := range b {
			b[i] = '\x00'
		}
	}
	a.buf = a.buf[:0]
}

// poisonLow makes lowArena.rewind overwrite the bytes it gives back (tests
// only: TestLowNotKept).
var poisonLow bool

// lower returns strings.ToLower(s). An ASCII line is lowercased eight bytes
// at a time into the arena, and kept there only when it had upper case (else
// s is its own lowercase); any other goes to strings.ToLower (Unicode case
// mapping can change lengths).
func (a *lowArena) lower(s string) string {
	n := len(s)
	if a == nil || n == 0 || n > lowBlock/2 {
		return strings.ToLower(s)
	}
	if len(a.buf)+n > cap(a.buf) {
		a.buf = make([]byte, 0, lowBlock)
	}
	b := a.buf[len(a.buf) : len(a.buf)+n]
	src := unsafe.Slice(unsafe.StringData(s), n)
	sp, bp := unsafe.Pointer(unsafe.StringData(s)), unsafe.Pointer(unsafe.SliceData(b))
	i := 0
	var upper uint64 // nonzero once an upper-case byte was seen
	for ; i+8 <= n; i += 8 {
		// Through pointers: the slices' bounds checks were a third of
		// the loop.
		w := binary.LittleEndian.Uint64((*[8]byte)(unsafe.Add(sp, i))[:])
		if w&0x8080808080808080 != 0 {
			return strings.ToLower(s)
		}
		// Per byte (all < 0x80, so no carries): +0x3f sets the top bit
		// from 'A' up, +0x25 from 'Z'+1 up; upper case has the first only.
		up := (w + 0x3f3f3f3f3f3f3f3f) &^ (w + 0x2525252525252525) & 0x8080808080808080
		upper |= up
		binary.LittleEndian.PutUint64((*[8]byte)(unsafe.Add(bp, i))[:], w|up>>2)
	}
	if i < n && n >= 8 {
		// The last bytes (fewer than eight): the last eight in one load,
		// the ones before i lowercased again to the same bytes.
		w := binary.LittleEndian.Uint64(src[n-8:])
		if w&0x8080808080808080 != 0 {
			return strings.ToLower(s)
		}
		up := (w + 0x3f3f3f3f3f3f3f3f) &^ (w + 0x2525252525252525) & 0x8080808080808080
		upper |= up
		binary.LittleEndian.PutUint64(b[n-8:], w|up>>2)
		i = n
	}
	for ; i < n; i++ {
		c := src[i]
		if c >= 0x80 {
			return strings.ToLower(s)
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
			upper = 1
		}
		b[i] = c
	}
	if upper == 0 {
		return s // already lower case: the arena bytes written are reused
	}
	a.buf = a.buf[:len(a.buf)+n]
	return unsafe.String(&b[0], n)
}

// lineRefCandidates is the package refCandidates for the current line:
// the refPatterns to try, as a set (empty for none). With the line's keys
// known (lineKeys) they are the line's reference keys (lineRefMask),
// confirmed; else they are found. A set of bits, not a [maxSigKeys]bool,
// so that the common path zeroes no 512-byte buffer a line (1.4 M
// instructions on the 16 MiB log).
func (f *facts) lineRefCandidates(text, low string) refSet {
	if !f.keysKnown() {
		var buf [maxSigKeys]bool
		var m refSet
		if !refCandidates(text, low, &buf) {
			return m
		}
		for i := range refPatterns {
			if buf[i] {
				m.add(i)
			}
		}
		return m
	}
	if f.lineRefMask.empty() {
		return refSet{}
	}
	return confirmRefMask(text, low, f.lineRefMask)
}

// auxKey is a fragment the facts, or a signature's veto or need list, look
// for in a line. The line's key pass marks the fragment's lowercase; has
// then confirms an exact (case-sensitive) one in the line as is, which is
// needed only when the lowercase is there: an ASCII fragment of a line is,
// lowercased, a fragment of the lowercased line (strings.ToLower maps each
// rune alone, ASCII to ASCII).
type auxKey struct {
	s    string // as looked for
	slot int    // index of its lowercase in auxLow
	// word and bit are slot auxBase+slot's in keyBits.bits (has reads
	// them as such: the inline budget had no room to work them out); bit
	// 0 for a never key.
	word  int
	bit   uint64
	exact bool // look in the line as is (case-sensitive), not in its lowercase
	never bool // looked for in the lowercased line but has upper case: never there
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
	k.word, k.bit = (auxBase+slot)/64, 1<<(slot%64)
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
	// Most keys tested are not in the line, exact ones too (their
	// lowercase is not): those end here, with no call.
	// A never key has bit 0 (word 0): false here. A line whose keys are
	// not known has unknownKeys, every bit set: hasSlow searches it.
	return f.lineKeys.bits[k.word]&k.bit != 0 && f.hasSlow(k)
}

// unknownKeys stands for the keys of a line not looked up (facts.lineKeys
// outside engine.apply, and in tests): every slot marked, so facts.has
// needs no nil test (its inline budget had no room for it) and calls
// hasSlow, which searches the line.
var unknownKeys = func() (b keyBits) {
	for i := range b.bits {
		b.bits[i] = ^uint64(0)
	}
	b.found = true
	return b
}()

// keysKnown reports whether f.lineKeys are the current line's keys
// (findLineKeys), not unknownKeys.
func (f *facts) keysKnown() bool { return f.lineKeys != &unknownKeys }

// hasSlow is has for a key whose lowercase the line holds, or for a line
// whose keys are not known.
func (f *facts) hasSlow(k *auxKey) bool {
	if k.never {
		return false
	}
	if f.keysKnown() {
		return f.lineKeys.hasAux(k.slot) && (!k.exact || strings.Contains(f.text, k.s))
	}
	if k.exact {
		return strings.Contains(f.text, k.s)
	}
	return strings.Contains(f.low, k.s)
}

// hasAnyIn is hasAny(keys) for m, the mask of keys (maskOf): when the
// line's keys are known and it holds none of their fragments, false at once.
// (has needs a key's fragment, lowercase, among the line's keys: an exact
// key is then confirmed in the line as is.)
func (f *facts) hasAnyIn(keys []*auxKey, m *auxMask) bool {
	if f.keysKnown() {
		aux := f.lineKeys.auxSet()
		for i := int(m.lo); i < int(m.hi); i++ {
			if aux[i]&m.w[i] != 0 {
				return f.hasAny(keys)
			}
		}
		return false
	}
	return f.hasAny(keys)
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
