package diagnose

import "strings"

// lineKeyIndex finds, in one pass over a lowercased line, the signature keys
// (sigKeys) and the reference-pattern keys (refPatterns' keys) it holds:
// facts and signatures share the pass instead of scanning the line twice.
// Signature key i is marked at present[i], reference key j at
// present[maxSigKeys+j] (refCandidates' numbering). Built once (keysOnce).
var lineKeyIndex *keyIndex

func buildLineKeyIndex() {
	keys := append(append([]string(nil), sigKeys...), refIndex.keys...)
	lineKeyIndex = newKeyIndex(keys)
}

// findLineKeys marks the keys of low in present and reports whether any
// signature key and any reference key is there.
func findLineKeys(low string, present *[2 * maxSigKeys]bool) (sig, ref bool) {
	ki, nSig := lineKeyIndex, len(sigKeys)
	for i := 0; i+1 < len(low); i++ {
		b := ki.bucket[uint16(low[i])<<8|uint16(low[i+1])]
		if b == 0 {
			continue
		}
		for _, k := range ki.lists[b-1] {
			j := k
			if k >= nSig {
				j = maxSigKeys + k - nSig
			}
			if !present[j] && strings.HasPrefix(low[i:], ki.keys[k]) {
				present[j] = true
				if k < nSig {
					sig = true
				} else {
					ref = true
				}
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
