package diagnose

import (
	"encoding/binary"
	"regexp"
	"regexp/syntax"
	"sort"
	"strings"
	"sync"
	"unsafe"
)

// litGuard is a necessary condition for a regexp to match a line, derived
// from the regexp's own syntax tree (regexp/syntax): the literal strings
// every match must contain. It is an OR of alternatives, each an AND of
// literals; a line that holds all literals of no alternative cannot match,
// so the regexp (the costly part of reading a log) need not run. The guard
// changes no result: it only skips regexps that would fail.
//
// Literals of case-sensitive parts are looked for in the line as is;
// literals under (?i) are lowercased and looked for in the lowercased line.
// (?i) also folds ASCII 's' with U+017F (ſ), which lowercasing keeps, so a
// line holding U+017F skips the guards (see lineGuards).
type litGuard struct {
	alts [][]guardLit // nil: no guard (the regexp can match without a literal)
}

type guardLit struct {
	s    string
	fold bool // look in the lowercased line
	// key, when not 0, is 1 + the slot of a line key (linekeys.go) equal
	// to s (fold literals only): the line's key pass already knows whether
	// the lowercased line holds it (mayKeys). Set by bindGuardKeys.
	key int
	// rare is the offset in s of its least common byte (litFreq), which
	// index looks for first. Set by withRare; 0 (the first byte, as
	// strings.Index does) until then.
	rare int
}

// index is strings.Index(in, l.s), the same offset. On a line longer than
// strings.Index's brute-force limit, it looks for the literal's rarest byte
// (IndexByte, vectorised) rather than its first, which is often a space or
// a common letter that stops the search at almost every word. Too many
// false candidates and the rest of the line is left to strings.Index, so a
// line made of the rare byte costs no more than a few calls.
// TestGuardLitIndex and FuzzGuardLitIndex compare it with strings.Index.
func (l *guardLit) index(in string) int {
	r, n := l.rare, len(l.s)
	if r == 0 || len(in) <= 64 {
		return strings.Index(in, l.s)
	}
	last := len(in) - n // the last offset the literal can start at
	c := l.s[r]
	for p, fails := 0, 0; p <= last; {
		o := strings.IndexByte(in[p+r:last+r+1], c)
		if o < 0 {
			return -1
		}
		p += o
		if in[p] == l.s[0] && in[p:p+n] == l.s {
			return p
		}
		p++
		if fails++; fails > 4+p>>4 {
			if i := strings.Index(in[p:], l.s); i >= 0 {
				return p + i
			}
			return -1
		}
	}
	return -1
}

// litFreq ranks bytes by how common they are in CI log lines, as is and
// lowercased (higher: more common). A rough heuristic, in the manner of the
// byte frequency table of Rust's memchr crate (memmem/rarebytes.rs): it
// only decides which byte of a literal index looks for first, never a result.
var litFreq = func() (t [256]uint8) {
	for c := range t {
		t[c] = 3 // upper case, rare punctuation, control and non-ASCII bytes
	}
	for _, class := range []struct {
		bytes string
		rank  uint8
	}{
		{" ", 9},
		{"etaoinsr", 8},
		{"lcdu0123456789/.:-", 7},
		{"hpmgfbyw_=,", 6},
		{"kv\"'()[]", 5},
		{"qjzx", 4},
	} {
		for i := 0; i < len(class.bytes); i++ {
			t[class.bytes[i]] = class.rank
		}
	}
	return t
}()

// withRare sets each literal's rare byte (guardLit.rare): the first of its
// least common bytes (litFreq).
func withRare(lits []guardLit) {
	for i := range lits {
		s, r := lits[i].s, 0
		for j := 1; j < len(s); j++ {
			if litFreq[s[j]] < litFreq[s[r]] {
				r = j
			}
		}
		lits[i].rare = r
	}
}

const (
	maxGuardAlts = 32 // alternatives kept; more and the guard is dropped
	maxGuardLits = 3  // literals checked per alternative (the longest)
)

// newLitGuard derives the guard of re; a regexp it cannot reason about gets
// no guard (always tried).
func newLitGuard(re *regexp.Regexp) litGuard { return litGuardOf(parseSimple(re.String())) }

// parseSimple is expr's simplified syntax tree (regexp/syntax, Perl flags as
// regexp.Compile parses), nil when it does not parse. The guard and the
// start literals of a signature read one tree: parsing is most of what
// building them costs at start-up, and neither changes the tree (required
// and firstLits only read it; Simplify builds new nodes).
func parseSimple(expr string) *syntax.Regexp {
	t, err := syntax.Parse(expr, syntax.Perl)
	if err != nil {
		return nil
	}
	return t.Simplify()
}

// litGuardOf is the guard of a regexp given as its simplified syntax tree
// (parseSimple; nil: no guard).
func litGuardOf(t *syntax.Regexp) litGuard {
	if t == nil {
		return litGuard{}
	}
	alts, ok := required(t)
	if !ok {
		return litGuard{}
	}
	for i, a := range alts {
		if len(a) == 0 {
			return litGuard{} // an alternative needs no literal
		}
		if len(a) > maxGuardLits { // keep the longest: dropping literals only weakens the guard
			for x := 1; x < len(a); x++ {
				for y := x; y > 0 && len(a[y].s) > len(a[y-1].s); y-- {
					a[y], a[y-1] = a[y-1], a[y]
				}
			}
			alts[i] = a[:maxGuardLits]
		}
		withRare(alts[i])
	}
	return litGuard{alts: alts}
}

// required returns the alternatives of literals any match of t must hold
// (ok false: too many alternatives to be worth checking).
func required(t *syntax.Regexp) ([][]guardLit, bool) {
	always := [][]guardLit{nil}
	switch t.Op {
	case syntax.OpLiteral:
		fold := t.Flags&syntax.FoldCase != 0
		s := string(t.Rune)
		for _, r := range t.Rune {
			if r >= 0x80 { // non-ASCII: lowercasing may not mirror folding
				return always, true
			}
		}
		if fold {
			s = strings.ToLower(s)
		}
		return [][]guardLit{{{s: s, fold: fold}}}, true
	case syntax.OpCapture:
		return required(t.Sub[0])
	case syntax.OpPlus:
		return required(t.Sub[0])
	case syntax.OpRepeat:
		if t.Min >= 1 {
			return required(t.Sub[0])
		}
		return always, true
	case syntax.OpConcat:
		out := always
		for _, sub := range t.Sub {
			r, ok := required(sub)
			if !ok || (len(r) == 1 && len(r[0]) == 0) {
				continue // this part adds no literal the guard can use
			}
			var next [][]guardLit
			for _, a := range out {
				for _, b := range r {
					next = append(next, append(append([]guardLit(nil), a...), b...))
				}
			}
			if len(next) > maxGuardAlts {
				// Too many combinations: keep the alternatives so far
				// (dropping a part's literals only weakens the guard).
				continue
			}
			out = next
		}
		return out, true
	case syntax.OpAlternate:
		var out [][]guardLit
		for _, sub := range t.Sub {
			r, ok := required(sub)
			if !ok {
				return nil, false
			}
			for _, a := range r {
				if len(a) == 0 {
					return always, true
				}
			}
			out = append(out, r...)
		}
		if len(out) > maxGuardAlts {
			return nil, false
		}
		return out, true
	}
	return always, true // classes, stars, anchors, empty: no literal required
}

// may reports whether the line (text, its lowercase low) can match: false
// only when some literal of every alternative is missing.
func (g *litGuard) may(text, low string) bool { return g.mayKeys(text, low, nil) }

// mayKeys is may for a line whose keys (lineKeyPass over low) are known:
// a literal that is a line key is read from them instead of searched for
// (nil keys: every literal is searched for).
func (g *litGuard) mayKeys(text, low string, keys *keyBits) bool {
	if g.alts == nil {
		return true
	}
next:
	for _, a := range g.alts {
		for _, l := range a {
			if l.key > 0 && keys != nil {
				if !keys.get(l.key - 1) {
					continue next
				}
				continue
			}
			in := text
			if l.fold {
				in = low
			}
			if l.index(in) < 0 {
				continue next
			}
		}
		return true
	}
	return false
}

// guardKeySlot maps each line key (lowercase) to its slot in keyBits, for
// binding guard literals to the line's keys (guards). Built once the line
// key index is (bindGuardKeys), read only after.
var guardKeySlot map[string]int

// bindGuardKeys builds guardKeySlot. Called once the line key index is
// built; each signature's guard is bound when first used (guards).
func bindGuardKeys() {
	slot := map[string]int{}
	for i, k := range sigKeys {
		slot[k] = i
	}
	for j, k := range refIndex.keys {
		slot[k] = maxSigKeys + j
	}
	for j, k := range auxLow {
		if j > 0 {
			slot[k] = auxBase + j
		}
	}
	guardKeySlot = slot
}

// guards is the signature's literal guard, with its literals that are line
// keys marked (guardLit.key) and tested first in each alternative (a table
// read before a search). Built on first use, with starts, from one parse of
// the regexp; safe for concurrent use.
func (s *signature) guards() *litGuard {
	s.litsOnce.Do(s.buildLits)
	return &s.guard
}

// starts is the signature's start literals (startLits), built on first use
// with guards.
func (s *signature) starts() startLits {
	s.litsOnce.Do(s.buildLits)
	return s.start
}

func (s *signature) buildLits() {
	t := parseSimple(s.re.String()) // one parse for both
	s.guard, s.start = litGuardOf(t), startLitsOf(t)
	for _, a := range s.guard.alts {
		for i := range a {
			if at, ok := guardKeySlot[a[i].s]; ok && a[i].fold {
				a[i].key = 1 + at
			}
		}
		sort.SliceStable(a, func(x, y int) bool { return a[x].key > 0 && a[y].key == 0 })
	}
}

// lineGuards reports whether the literal guards apply to a line: not when it
// holds U+017F (ſ, UTF-8 C5 BF), which (?i)s matches but lowercasing keeps.
func lineGuards(text string) bool { return strings.IndexByte(text, 0xC5) < 0 }

// guardedRe is a regexp with its literal guard, both built on first use.
type guardedRe struct {
	*lazyRegexp
	gOnce sync.Once
	g     litGuard
}

func guarded(expr string) *guardedRe { return &guardedRe{lazyRegexp: lazyRe(expr)} }

func (r *guardedRe) guard() *litGuard {
	r.gOnce.Do(func() { r.g = newLitGuard(r.get()) })
	return &r.g
}

// may reports whether re can match the line (see litGuard.may);
// guards says whether guards apply to it (lineGuards).
func (r *guardedRe) may(text, low string, guards bool) bool {
	return !guards || r.guard().may(text, low)
}

// findSubmatch is FindStringSubmatch(text) behind the guard.
func (r *guardedRe) findSubmatch(text, low string, guards bool) []string {
	if !r.may(text, low, guards) {
		return nil
	}
	return r.FindStringSubmatch(text)
}

// startLits are literals one of which every match of a regexp begins with
// (so no start-context assertion, ^, \A, \b, \B, can hold at its start): the
// leftmost match then starts at or after the first occurrence of one of
// them, and matching the line from there gives the same match, shifted.
// (?i) parts are looked for in the lowercased line, whose byte offsets are
// the line's when the line is ASCII (startFrom's caller checks).
type startLits []guardLit

// startLitsOf is the start literals of a regexp given as its simplified
// syntax tree (parseSimple; nil: none).
func startLitsOf(t *syntax.Regexp) startLits {
	if t == nil {
		return nil
	}
	// firstLits succeeds only when every match begins by consuming one of
	// the literals, so no assertion can sit at a match's start: those
	// after it (\b, \B, ^, $) look only at bytes at or after the start,
	// which the line cut there (text[p:]) keeps. An assertion before the
	// literals (\A, ^, \b) makes firstLits fail.
	lits, ok := firstLits(t)
	if !ok {
		return nil
	}
	withRare(lits)
	return lits
}

func firstLits(t *syntax.Regexp) (startLits, bool) {
	switch t.Op {
	case syntax.OpLiteral:
		alts, _ := required(t)
		if len(alts) != 1 || len(alts[0]) != 1 {
			return nil, false // non-ASCII
		}
		return startLits{alts[0][0]}, true
	case syntax.OpCapture, syntax.OpPlus:
		return firstLits(t.Sub[0])
	case syntax.OpRepeat:
		if t.Min >= 1 {
			return firstLits(t.Sub[0])
		}
	case syntax.OpConcat:
		if len(t.Sub) == 0 {
			break
		}
		first, ok := firstLits(t.Sub[0])
		if !ok || t.Sub[0].Op != syntax.OpLiteral || len(t.Sub) < 2 {
			return first, ok
		}
		// A literal then literal-led alternatives (the parser factors
		// common prefixes out: c(?:ontext...|lient...)): join them.
		next, ok := firstLits(t.Sub[1])
		if !ok {
			return first, true
		}
		var out startLits
		for _, l := range next {
			if l.fold != first[0].fold {
				return first, true
			}
			out = append(out, guardLit{s: first[0].s + l.s, fold: l.fold})
		}
		return out, true
	case syntax.OpAlternate:
		var out startLits
		for _, s := range t.Sub {
			l, ok := firstLits(s)
			if !ok {
				return nil, false
			}
			out = append(out, l...)
		}
		return out, true
	}
	return nil, false
}

// startFrom returns the offset from which re can match the ASCII line text
// (lowercased low), or -1 when no start literal occurs at all.
func (s startLits) startFrom(text, low string) int {
	from := -1
	for _, l := range s {
		in := text
		if l.fold {
			in = low
		}
		if i := l.index(in); i >= 0 && (from < 0 || i < from) {
			from = i
		}
	}
	return from
}

// startFromAt is startFrom for the occurrences at or after from.
func (s startLits) startFromAt(text, low string, from int) int {
	at := -1
	for _, l := range s {
		in := text
		if l.fold {
			in = low
		}
		if i := l.index(in[from:]); i >= 0 && (at < 0 || from+i < at) {
			at = from + i
		}
	}
	return at
}

// isASCII reports whether s holds only ASCII bytes. Eight bytes a load
// (their high bits tested at once), read through the string's pointer as
// logscan's firstControlASCII does; the last few one by one.
func isASCII(s string) bool {
	i := 0
	base := unsafe.Pointer(unsafe.StringData(s))
	for ; i+8 <= len(s); i += 8 {
		if binary.LittleEndian.Uint64((*[8]byte)(unsafe.Add(base, i))[:])&0x8080808080808080 != 0 {
			return false
		}
	}
	for ; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// findSubmatchIndex is re.FindStringSubmatchIndex(text), started at the
// first start literal when the line is ASCII (same result, see startLits).
func (s startLits) findSubmatchIndex(re *regexp.Regexp, text, low string, ascii bool) []int {
	if s == nil || !ascii {
		return re.FindStringSubmatchIndex(text)
	}
	from := s.startFrom(text, low)
	if from < 0 {
		return nil
	}
	loc := re.FindStringSubmatchIndex(text[from:])
	for i := range loc {
		if loc[i] >= 0 {
			loc[i] += from
		}
	}
	return loc
}
