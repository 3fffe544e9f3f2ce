package logscan

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzScan checks, for any input, chunk size and window, that Scan does not
// panic, numbers lines as the line-by-line reference does, delivers every
// line holding a keyword, and keeps each delivered window within bounds.
func FuzzScan(f *testing.F) {
	f.Add("a denied b\nc\r\nunauthorized", 3, 16)
	f.Add(strings.Repeat("x", 100)+"denied"+strings.Repeat("y", 100)+"\n\ndenied\n", 1, 8)
	f.Add("\x1b[31mdenied\x1b[0m\rlast", 7, 1)
	f.Add("2024-01-02T03:04:05.4010000Z 4 denied\n2024-01-02T03:04:05.4Z unauth\n2024-01-02T03:04:05Z x4\n", 5, 30)
	f.Fuzz(func(t *testing.T, log string, chunk, window int) {
		if strings.IndexByte(log[:min(len(log), binarySniff)], 0) >= 0 {
			return // binary: covered by TestScanBinary
		}
		chunk = 1 + abs(chunk)%4096
		window = 1 + abs(window)%256
		keywords := []string{"denied", "unauth", "4"}
		want := naive(log, keywords)
		var got []Line
		err := Scan(strings.NewReader(log), Options{Keywords: keywords, MaxLineBytes: window, chunkSize: chunk}, func(l Line) error {
			got = append(got, l)
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != len(want) {
			t.Fatalf("delivered %d lines, want %d: %+v vs %+v", len(got), len(want), got, want)
		}
		for i := range got {
			if got[i].N != want[i].N {
				t.Fatalf("line %d: N=%d want %d", i, got[i].N, want[i].N)
			}
			if !got[i].Truncated && got[i].Text != want[i].Text {
				t.Fatalf("line %d: %q want %q", i, got[i].Text, want[i].Text)
			}
			if len(got[i].Text) > 3*window { // U+FFFD may grow one invalid byte to three
				t.Fatalf("line %d: %d bytes for window %d", i, len(got[i].Text), window)
			}
		}
	})
}

func abs(x int) int {
	if x < 0 {
		if x == -x { // MinInt
			return 0
		}
		return -x
	}
	return x
}

// FuzzNormalizeRest checks the scanner's shortcut for a line whose CI
// prefixes are plain and that holds no control byte (deliverText): the
// text after the prefixes, normalised on from their hint, is normalize's
// text and hint for the whole line.
func FuzzNormalizeRest(f *testing.F) {
	for _, s := range []string{
		"2024-01-02T03:04:05.4040000Z ##[group]Run docker/login-action@v3",
		"2024-01-02T03:04:05.4040000Z ##[error]denied\r\r",
		"2024-12-18T10:30:09.950336Z 01E+denied",
		"2024-12-18T10:30:09.950336Z 01O section_start:1:x\rdone",
		"[2024-01-01T00:00:00.000Z] [Pipeline] { (Push)",
		"[Container] 2024/01/01 00:00:00.123 Running",
		"Step #1 - \"push\":\r",
		"Step #1:",
		"[build : push] [step] 12:34:56  x",
		"2024-01-02T03:04:05Z \r",
		"##[group]Run\r",
		"2024-01-02T03:04:05.1Z 2024-01-02T03:04:05.1Z 2024-01-02T03:04:05.1Z 2024-01-02T03:04:05.1Z 2024-01-02T03:04:05.1Z 2024-01-02T03:04:05.1Z 2024-01-02T03:04:05.1Z 2024-01-02T03:04:05.1Z 2024-01-02T03:04:05.1Z x",
		"2024-01-02T03:04:05.4040000Z Current runner version: '2.311.0'",
		"[Container] 0000/00/00 00:00:00\r",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		pre := linePrefix(s)
		if pre.n != textStart(s) {
			t.Fatalf("linePrefix(%q).n = %d, textStart %d", s, pre.n, textStart(s))
		}
		if !pre.plain || firstControl(s) < len(s) {
			return
		}
		wantText, wantHint := normalize(s)
		_, ascii, noCR := firstControlASCII(s)
		if want := utf8.ValidString(s) && strings.IndexFunc(s, func(r rune) bool { return r >= 0x80 }) < 0; ascii != want {
			t.Fatalf("%q: firstControlASCII says ASCII %v", s, ascii)
		}
		gotText, gotHint := normalizeRest(trimRightCR(s[pre.n:]), pre.h, pre.steps, ascii, false)
		if gotText != wantText || gotHint != wantHint {
			t.Fatalf("%q: after the prefixes (%d bytes, %d steps): %q %+v, normalize: %q %+v", s, pre.n, pre.steps, gotText, gotHint, wantText, wantHint)
		}
		// linePrefix stopped where normalize stops: deliverText looks for
		// no further prefix.
		gotText, gotHint = normalizeRest(trimRightCR(s[pre.n:]), pre.h, maxPrefixes, ascii, noCR)
		if gotText != wantText || gotHint != wantHint {
			t.Fatalf("%q: after the prefixes (%d bytes), none looked for: %q %+v, normalize: %q %+v", s, pre.n, gotText, gotHint, wantText, wantHint)
		}
	})
}

// FuzzWordHelpers checks the eight-bytes-at-a-time helpers against their
// byte-by-byte definitions: lastNewline (bytes.LastIndexByte) and
// firstControlASCII (the first isControl byte, and whether the bytes before
// it are ASCII), on every suffix of the input.
func FuzzWordHelpers(f *testing.F) {
	for _, s := range []string{"", "a\nb", "0123456789\nabcdefgh", "ab\x1bcdefghijk", "abcdefghi\x7f", "abcdefgh\xc3\xa9", "no newline at all here",
		"0123456789abcdefghijklmnopqrstuv\x1b[0m", "0123456789abcdef\xc3\xa9 0123456789abcde\x7fxyz", "0123456789abcdefghijklmno\r"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for k := 0; k <= len(s); k++ {
			u := s[k:]
			if got, want := lastNewline([]byte(u)), strings.LastIndexByte(u, '\n'); got != want {
				t.Fatalf("lastNewline(%q) = %d, want %d", u, got, want)
			}
			want, ascii, low := len(u), true, false // low: a byte below 0x20 or DEL
			for i := 0; i < len(u); i++ {
				if u[i] < 0x20 || u[i] == 0x7f {
					low = true
				}
			}
			for i := 0; i < len(u); i++ {
				if isControl[u[i]] {
					want = i
					break
				}
				if u[i] >= 0x80 {
					ascii = false
				}
			}
			got, gotASCII, noCR := firstControlASCII(u)
			if got != want || gotASCII != ascii {
				t.Fatalf("firstControlASCII(%q) = %d, %v, want %d, %v", u, got, gotASCII, want, ascii)
			}
			if wantNoCR := len(u) >= 8 && !low; noCR != wantNoCR {
				t.Fatalf("firstControlASCII(%q) says no CR %v, want %v", u, noCR, wantNoCR)
			}
		}
	})
}

// FuzzISOTimestamp checks isoTimestamp's word tests against the byte by
// byte definition of "YYYY-MM-DDTHH:MM:SS[.frac]Z".
func FuzzISOTimestamp(f *testing.F) {
	for _, s := range []string{"2026-11-21T19:38:05.4040000Z x", "2026-11-21T19:38:05Z", "2026-11-21T19:38:0", "2026-1a-21T19:38:05Z", "2026-11-21 19:38:05Z", "9999-99-99T99:99:99.Z", "2026-11-21T19:38:05.123", "2026-11-21T19:38:05.1234567Z", "2026-11-21T19:38:05.12345678Z", "2026-11-21T19:38:05.123456Z ", "2026-11-21T19:38:05:1234567Z"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want, wantFrac := 0, 0
		if len(s) >= 20 && digits(s, 4) && s[4] == '-' && digits(s[5:], 2) && s[7] == '-' &&
			digits(s[8:], 2) && s[10] == 'T' && digits(s[11:], 2) && s[13] == ':' &&
			digits(s[14:], 2) && s[16] == ':' && digits(s[17:], 2) {
			i := 19
			if s[i] == '.' {
				j := i + 1
				for j < len(s) && isDigit(s[j]) {
					j++
				}
				wantFrac = j - i - 1
				i = j
			}
			if wantFrac == 0 && i > 19 || i >= len(s) || s[i] != 'Z' {
				want, wantFrac = 0, 0
			} else {
				want = i + 1
			}
		}
		if n, frac := isoTimestamp(s); n != want || frac != wantFrac {
			t.Fatalf("isoTimestamp(%q) = %d, %d, want %d, %d", s, n, frac, want, wantFrac)
		}
	})
}
