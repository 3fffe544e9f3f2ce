package logscan

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"unsafe"
)

// DefaultMaxLineBytes is the most of one line Scan delivers when
// Options.MaxLineBytes is 0: 8 KiB. A longer line is delivered as a window of
// this size around its first keyword match (its head when there are no
// keywords), with Line.Truncated set; the rest of the line is read but not
// buffered, so memory stays flat for a single 50 MB line.
const DefaultMaxLineBytes = 8 << 10

// MaxMaxLineBytes caps Options.MaxLineBytes: 1 MiB.
const MaxMaxLineBytes = 1 << 20

// defaultChunk is how much input is read and searched at once.
const defaultChunk = 1 << 20

// binarySniff is how many bytes at the start of a log (or zip entry) are
// checked for NUL bytes.
const binarySniff = 8 << 10

// ErrBinary is returned (possibly wrapped with a zip entry name) when the
// input is not text: it has NUL bytes in its first 8 KiB, as images,
// executables and other archives do.
var ErrBinary = errors.New("input is binary (NUL bytes in its first 8 KiB), not a text log")

// lineScanner scans one text stream. It searches whole chunks for keywords,
// counts newlines in the skipped regions, and only cuts out and normalises the
// lines that match.
type lineScanner struct {
	m      *matcher
	window int
	chunk  int
	file   string
	fn     func(Line) error
	sum    *Summary
	buf    []byte
	err    error  // fn's error from everyLine
	arena  []byte // block that str packs line copies into
	dense  bool   // the last match came less than denseGap bytes after the search start

	// Match ends of the whole lines of the current buffer (lineEnds), found
	// at once on the first search after a fill; next serves them.
	q      []int
	qi     int // next entry of q
	qFrom  int // the region searched: buf[qFrom:qTo], whole lines
	qTo    int
	qValid bool
}

// next is ls.m.find(buf[pos:n]) (the index in buf[pos:n] just past the first
// keyword occurrence, or -1) for a pos that is the start of the region last
// searched or a line start in it, with the length of the shortest keyword
// ending there (the longest keyword's when not known). The first call after
// a fill finds the first match of every whole line of buf[pos:n] in one
// lineEnds walk; later calls take the first one past pos. The partial line
// at the end of the buffer is searched by find.
func (ls *lineScanner) next(buf []byte, pos, n int) (int, int) {
	if !ls.qValid {
		ls.qValid = true
		ls.qFrom, ls.qTo = pos, pos
		if j := bytes.LastIndexByte(buf[pos:n], '\n'); j >= 0 {
			ls.qTo = pos + j + 1
		}
		ls.q, ls.qi = ls.m.lineEnds(buf[pos:ls.qTo], ls.q[:0]), 0
		for i := range ls.q {
			ls.q[i] += pos
		}
	}
	// A line's match ends are past its start and before its newline.
	for ls.qi < len(ls.q) && ls.q[ls.qi]&endMask <= pos {
		ls.qi++
	}
	if ls.qi < len(ls.q) {
		e := ls.q[ls.qi]
		return e&endMask - pos, e >> endBits
	}
	t := max(pos, ls.qTo)
	if e := ls.m.find(buf[t:n]); e >= 0 {
		return t - pos + e, ls.m.maxLen
	}
	return -1, 0
}

// denseGap: when matches come closer than this, find1 beats find's lanes.
const denseGap = 1024

func (ls *lineScanner) deliver(raw []byte, n int, truncated bool) error {
	text, h := normalize(ls.str(raw))
	ls.sum.Delivered++
	if h.name != "" {
		ls.sum.addHint(h)
	}
	return ls.fn(Line{N: n, File: ls.file, Text: text, Platform: h.name, Truncated: truncated, Level: h.level})
}

// deliverText is deliver for a whole line whose CI prefixes pre are plain
// (linePrefix): when the line holds no control byte, only its text after
// them is copied and normalised, and the prefixes are not read again.
func (ls *lineScanner) deliverText(raw []byte, n int, pre prefix) error {
	ctl, ascii, noCR := firstControlASCII(unsafe.String(unsafe.SliceData(raw), len(raw)))
	if ctl < len(raw) {
		return ls.deliver(raw, n, false)
	}
	// linePrefix stopped where normalize would: no further prefix.
	text, h := normalizeRest(trimRightCR(ls.str(raw[pre.n:])), pre.h, maxPrefixes, ascii, noCR)
	ls.sum.Delivered++
	if h.name != "" {
		ls.sum.addHint(h)
	}
	return ls.fn(Line{N: n, File: ls.file, Text: text, Platform: h.name, Level: h.level})
}

// str copies b into a string. Short lines are packed into shared 64 KiB
// blocks, one allocation per block instead of per line: a block is never
// written again once a string points into it, and lives as long as any of
// its strings does.
func (ls *lineScanner) str(b []byte) string {
	const block = 64 << 10
	if len(b) == 0 {
		return ""
	}
	if len(b) > block/16 {
		return string(b)
	}
	if len(ls.arena)+len(b) > cap(ls.arena) {
		ls.arena = make([]byte, 0, block)
	}
	start := len(ls.arena)
	ls.arena = append(ls.arena, b...)
	return unsafe.String(&ls.arena[start], len(b))
}

// run scans r to its end. Line numbers start at 1 for every stream.
func (ls *lineScanner) run(r io.Reader) error {
	window := ls.window
	maxKw := 0
	if ls.m != nil {
		maxKw = ls.m.maxLen
	}
	// The carry-over is at most half the buffer (a partial line) or a window
	// plus a keyword (a long line), so this size always leaves room to read.
	size := max(ls.chunk, 2*(window+maxKw)+2)
	if cap(ls.buf) < size {
		ls.buf = make([]byte, size)
	}
	buf := ls.buf[:size]
	ls.qValid = false

	n := 0          // valid bytes in buf
	pos := 0        // next byte to look at
	lineStart := 0  // start of the current line in buf; -1 when its head was dropped (long line)
	lineNo := 1     // number of the line that contains buf[pos]
	skip := false   // the current line was delivered: skip to its newline
	eof := false    // r is exhausted
	first := true   // before the first fill: binary check and platform sample
	var total int64 // bytes read

	for {
		// Fill the buffer.
		for !eof && n < len(buf) {
			k, err := r.Read(buf[n:])
			n += k
			total += int64(k)
			if err == io.EOF {
				eof = true
			} else if err != nil {
				return err
			}
		}
		if first {
			first = false
			if bytes.IndexByte(buf[:min(n, binarySniff)], 0) >= 0 {
				return ErrBinary
			}
			ls.sample(buf[:n])
		}

		keep := n // buf[keep:n] is carried over to the next round
		if ls.m == nil {
			keep = ls.everyLine(buf, n, &pos, &lineStart, &lineNo, &skip, eof)
			if keep < 0 {
				return ls.err
			}
		} else {
		search:
			for {
				if skip {
					i := bytes.IndexByte(buf[pos:n], '\n')
					if i < 0 {
						pos, keep = n, n
						break search
					}
					pos += i + 1
					lineNo++
					skip = false
					lineStart = pos
				}
				if pos >= n {
					keep = n
					break search
				}
				// Dense matches (the last came soon after its line start)
				// waste find's look-ahead lanes: walk one lane instead.
				var e int
				klen := maxKw // the shortest keyword ending at the match, when known
				if ls.m.newlineFree {
					e, klen = ls.next(buf, pos, n)
				} else if ls.dense {
					e = ls.m.find1(buf[pos:n], 0, 0, n-pos)
				} else {
					e = ls.m.find(buf[pos:n])
				}
				ls.dense = e >= 0 && e < denseGap
				if e < 0 {
					lineNo += bytes.Count(buf[pos:n], newline)
					if j := bytes.LastIndexByte(buf[pos:n], '\n'); j >= 0 {
						lineStart = pos + j + 1
					}
					if lineStart >= 0 && n-lineStart <= len(buf)/2 {
						keep = lineStart
					} else {
						// Long line: keep context for a window and a straddling keyword.
						keep = max(n-(window/2+maxKw), 0)
						if lineStart >= 0 && keep <= lineStart {
							keep = lineStart
						} else {
							lineStart = -1
						}
					}
					pos = keep // the carried bytes hold no newline; search them again
					break search
				}
				hit := pos + e // just past the keyword
				if c := bytes.Count(buf[pos:hit], newline); c > 0 {
					lineNo += c
					lineStart = pos + lastNewline(buf[pos:hit]) + 1
				}
				ls0 := max(lineStart, 0) // a dropped head: the carried context starts the line
				lineEnd := -1
				if k := bytes.IndexByte(buf[hit:n], '\n'); k >= 0 {
					lineEnd = hit + k
				} else if eof {
					lineEnd = n
				}
				var pre prefix // the line's CI prefixes, when its start is in buf
				if lineStart >= 0 {
					// Keywords count only in the text after the CI prefixes
					// (textStart): a match that may begin in a timestamp is
					// looked for again from the text's start.
					end := lineEnd
					if end < 0 {
						end = n
					}
					pre = linePrefix(unsafe.String(&buf[lineStart], end-lineStart))
					if p := pre.n; p > 0 && hit-klen < lineStart+p {
						from := lineStart + p
						if e := ls.m.find1(buf[:end], 0, from, end); e >= 0 {
							hit = e
						} else if lineEnd >= 0 {
							// No keyword in the text: the next line.
							if lineEnd >= n {
								pos, keep = n, n
								break search
							}
							pos = lineEnd + 1
							lineNo++
							lineStart = pos
							continue search
						} else {
							// The line goes on past the buffer: search its
							// text on in the next round, never its prefix.
							keep = lineStart
							if n-lineStart > len(buf)/2 {
								// Long line: keep context for a window and a straddling keyword.
								if k := max(n-(window/2+maxKw), 0); k > lineStart {
									keep, lineStart = k, -1
								}
							}
							pos = max(keep, from)
							break search
						}
					}
				}
				if lineEnd < 0 {
					// The line goes on past the buffer.
					if lineStart >= 0 && n-lineStart <= window {
						pos, keep = lineStart, lineStart // it may still fit whole
						break search
					}
					ws := max(ls0, hit-window/2)
					if n-ws >= window {
						if err := ls.deliver(buf[ws:ws+window], lineNo, true); err != nil {
							return err
						}
						pos, skip = ws+window, true
						continue search
					}
					// Need more bytes after the match: carry from the window
					// start, and from the keyword's start so it is found again.
					keep = min(ws, max(ls0, hit-maxKw))
					if keep > lineStart {
						lineStart = -1
					}
					pos = keep
					break search
				}
				ws, we := ls0, lineEnd
				if we-ws > window {
					ws = max(ls0, hit-window/2)
					we = min(lineEnd, ws+window)
					ws = max(ls0, we-window)
				}
				cut := lineStart < 0 || ws > ls0 || we < lineEnd
				var err error
				if pre.plain && !cut {
					err = ls.deliverText(buf[ws:we], lineNo, pre)
				} else {
					err = ls.deliver(buf[ws:we], lineNo, cut)
				}
				if err != nil {
					return err
				}
				if lineEnd >= n {
					pos, keep = n, n
					break search
				}
				pos = lineEnd + 1
				lineNo++
				lineStart = pos
			}
		}

		if eof {
			ls.sum.Lines += lineNo - 1
			if n > 0 && buf[n-1] != '\n' {
				ls.sum.Lines++
			}
			ls.sum.Bytes += total
			return nil
		}
		// Carry buf[keep:n] to the front.
		ls.qValid = false
		copy(buf, buf[keep:n])
		n -= keep
		pos -= keep
		if lineStart >= 0 {
			lineStart -= keep
			if lineStart < 0 {
				lineStart = -1
			}
		}
	}
}

var newline = []byte{'\n'}

// everyLine delivers every line of buf[pos:n] (no keywords). It returns the
// carry-over offset, or -1 with ls.err set when fn failed.
func (ls *lineScanner) everyLine(buf []byte, n int, pos, lineStart, lineNo *int, skip *bool, eof bool) int {
	window := ls.window
	for {
		if *skip {
			i := bytes.IndexByte(buf[*pos:n], '\n')
			if i < 0 {
				*pos = n
				return n
			}
			*pos += i + 1
			*lineNo++
			*skip = false
			*lineStart = *pos
		}
		if *pos >= n {
			return n
		}
		p := *pos
		if k := bytes.IndexByte(buf[p:n], '\n'); k >= 0 {
			end, cut := p+k, false
			if k > window {
				end, cut = p+window, true
			}
			if ls.err = ls.deliver(buf[p:end], *lineNo, cut); ls.err != nil {
				return -1
			}
			*pos = p + k + 1
			*lineNo++
			*lineStart = *pos
			continue
		}
		if eof {
			end, cut := n, false
			if n-p > window {
				end, cut = p+window, true
			}
			if ls.err = ls.deliver(buf[p:end], *lineNo, cut); ls.err != nil {
				return -1
			}
			*pos = n
			return n
		}
		if n-p >= window {
			if ls.err = ls.deliver(buf[p:p+window], *lineNo, true); ls.err != nil {
				return -1
			}
			*pos, *skip = p+window, true
			continue
		}
		return p
	}
}

// sample feeds the first lines of a stream to the platform summary, so a
// job's platform is known even when no line of it is delivered.
func (ls *lineScanner) sample(head []byte) {
	const maxSample = 64 << 10
	const maxLines = 200
	head = head[:min(len(head), maxSample)]
	for i := 0; i < maxLines && len(head) > 0; i++ {
		line := head
		if k := bytes.IndexByte(head, '\n'); k >= 0 {
			line, head = head[:k], head[k+1:]
		} else {
			head = nil
		}
		if _, h := normalize(string(line)); h.name != "" {
			ls.sum.addHint(h)
		}
	}
}

// addHint counts a platform hint. A short list, not the map: it runs once
// per delivered line, and there are only a few platforms; decide builds
// Summary.Platforms from it.
func (s *Summary) addHint(h hint) {
	strong := 0
	if h.strong {
		strong = 1
	}
	for i := range s.hints {
		if s.hints[i].name == h.name {
			s.hints[i].n++
			s.hints[i].strong += strong
			return
		}
	}
	s.hints = append(s.hints, platformCount{h.name, 1, strong})
}

type platformCount struct {
	name   string
	n      int // lines with the hint
	strong int // of which carried a marker only this platform writes
}

// wrapRead names the container format in a read error.
func wrapRead(format string, err error) error {
	if errors.Is(err, io.ErrUnexpectedEOF) {
		return fmt.Errorf("%s: input is truncated (unexpected end of data)", format)
	}
	return fmt.Errorf("%s: %w", format, err)
}

// lastNewline is bytes.LastIndexByte(b, '\n'), eight bytes at a time (the
// standard library's is a byte loop; run calls it for the text between a
// line's start and its keyword). A word holds a newline when x^0x0a0a...
// has a zero byte ("Determine if a word has a zero byte", Bit Twiddling
// Hacks: exact as to whether there is one, not as to where, so the word's
// bytes are then read one by one).
func lastNewline(b []byte) int {
	i := len(b)
	for ; i >= 8; i -= 8 {
		x := binary.LittleEndian.Uint64(b[i-8:]) ^ 0x0a0a0a0a0a0a0a0a
		if (x-0x0101010101010101)&^x&0x8080808080808080 != 0 {
			break
		}
	}
	for i--; i >= 0; i-- {
		if b[i] == '\n' {
			return i
		}
	}
	return -1
}
