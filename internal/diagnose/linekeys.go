package diagnose

import "strings"

// lineKeys finds, in one pass over a lowercased line, the signature keys
// (sigKeys) and the reference-pattern keys (refPatterns' keys) it holds:
// facts and signatures share the pass instead of scanning the line twice.
// Signature key i is marked at present[i], reference key j at
// present[maxSigKeys+j] (refCandidates' numbering). Built once (keysOnce).
//
// Keys are bucketed by their first two bytes; a bit set of the byte pairs
// that start a key (8 KiB, stays in cache) skips most positions, and each
// key's first four bytes are compared as one word before the whole key.
var lineKeys struct {
	starts  [1 << 16 / 64]uint64 // byte pairs that start a key
	bucket  [1 << 16]int32       // byte pair -> index in buckets (read only after a starts hit)
	buckets [][]lineKey
}

type lineKey struct {
	key        string
	at         int    // index in present
	pre, mask4 uint32 // first (up to) four bytes, little-endian, and their mask
}

func buildLineKeyIndex() {
	byPair := map[uint16][]lineKey{}
	add := func(k string, at int) {
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
		byPair[p] = append(byPair[p], lineKey{key: k, at: at, pre: pre, mask4: mask})
	}
	for i, k := range sigKeys {
		add(k, i)
	}
	for j, k := range refIndex.keys {
		add(k, maxSigKeys+j)
	}
	for p, l := range byPair {
		lineKeys.bucket[p] = int32(len(lineKeys.buckets))
		lineKeys.buckets = append(lineKeys.buckets, l)
	}
}

// findLineKeys marks the keys of low in present and its byte pairs in
// pairs, and reports whether any signature key and any reference key is there.
func findLineKeys(low string, present *[2 * maxSigKeys]bool, pairs *pairSet) (sig, ref bool) {
	n := len(low)
	for i := 0; i+1 < n; i++ {
		pairs.add(low[i], low[i+1])
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
			if k.at < maxSigKeys {
				sig = true
			} else {
				ref = true
			}
		}
	}
	return sig, ref
}

// refCandidates is the package refCandidates for the current line, from the
// keys engine.line already found (lineRefs) when it did.
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

// pairSet is a 1024-bit set of the byte pairs (hashed) of the current
// lowercased line, filled by findLineKeys: a string some of whose ASCII byte
// pairs (lowercased) are missing from it is not in the line, so most
// substring tests end after a few bit tests instead of a scan of the line.
type pairSet [16]uint64

func pairBit(a, b byte) uint { return (uint(a)<<5 ^ uint(b)) & 1023 }

func (p *pairSet) add(a, b byte) { h := pairBit(a, b); p[h>>6] |= 1 << (h & 63) }

// may reports whether k can be in the line, as is (k's letters lowercased
// are then in the lowercased line) or in the lowercased line.
func (p *pairSet) may(k string) bool {
	for i := 0; i+1 < len(k); i++ {
		a, b := k[i], k[i+1]
		if a >= 0x80 || b >= 0x80 {
			continue // lowercasing may change non-ASCII bytes
		}
		if 'A' <= a && a <= 'Z' {
			a += 'a' - 'A'
		}
		if 'A' <= b && b <= 'Z' {
			b += 'a' - 'A'
		}
		if h := pairBit(a, b); p[h>>6]&(1<<(h&63)) == 0 {
			return false
		}
	}
	return true
}

// in is strings.Contains(s, k) for s the current line or its lowercase,
// skipping the scan when the line's byte pairs rule k out.
func (f *facts) in(s, k string) bool {
	return (f.pairs == nil || f.pairs.may(k)) && strings.Contains(s, k)
}

// anyIn is containsAny(s, keys) for s the current line or its lowercase.
func (f *facts) anyIn(s string, keys []string) bool {
	for _, k := range keys {
		if f.in(s, k) {
			return true
		}
	}
	return false
}
