package logscan

import (
	"strings"
	"testing"
)

// FuzzScan checks, for any input, chunk size and window, that Scan does not
// panic, numbers lines as the line-by-line reference does, delivers every
// line holding a keyword, and keeps each delivered window within bounds.
func FuzzScan(f *testing.F) {
	f.Add("a denied b\nc\r\nunauthorized", 3, 16)
	f.Add(strings.Repeat("x", 100)+"denied"+strings.Repeat("y", 100)+"\n\ndenied\n", 1, 8)
	f.Add("\x1b[31mdenied\x1b[0m\rlast", 7, 1)
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
