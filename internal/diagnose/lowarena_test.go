package diagnose

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/regdoctor/regdoctor/internal/logscan"
	"github.com/regdoctor/regdoctor/internal/testenv"
)

// TestLowRewindPoisons checks the hook TestLowNotKept relies on: a
// lowercase copy written into a batch's arena is overwritten when the batch
// is released with poisonLow set, and the arena's block is written again.
func TestLowRewindPoisons(t *testing.T) {
	old := poisonLow
	poisonLow = true
	defer func() { poisonLow = old }()
	b := &batch{lines: make([]lineIn, 1), ready: make(chan struct{}, 1)}
	b.lines[0].l = logscan.Line{N: 1, Text: "Error: DENIED: Requested Access To The Resource Is Denied"}
	b.refs.Store(1)
	b.help()
	<-b.ready
	low := b.lines[0].low
	want := strings.ToLower(b.lines[0].l.Text)
	if low != want {
		t.Fatalf("low = %q, want %q", low, want)
	}
	free := make(chan *batch, 1)
	b.release(free)
	if low == want || strings.Trim(low, "\x00") != "" {
		t.Fatalf("after release low = %q: the arena bytes were not given back", low)
	}
	if got := b.low[0].lower("ABC"); got != "abc" {
		t.Fatalf("lower after rewind = %q", got)
	}
}

// TestLowNotKept fails if any fact, hit or answer keeps a substring of a
// line's lowercase copy (lineIn.low) past its batch: with poisonLow every
// batch's lowercase bytes are overwritten as soon as the batch is released
// (before the next lines and before the report), and every corpus case's
// report must be the same as without.
func TestLowNotKept(t *testing.T) {
	dir := filepath.Join(testenv.SharedDir(t), "corpus", "logs")
	files, err := filepath.Glob(filepath.Join(dir, "*.yaml"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no corpus cases in %s: %v", dir, err)
	}
	old := poisonLow
	defer func() { poisonLow = old }()
	run := func(log string, poison bool) string {
		poisonLow = poison
		rep, err := Explain(strings.NewReader(log), Options{})
		if err != nil {
			t.Fatalf("Explain: %v", err)
		}
		out, err := json.Marshal(rep)
		if err != nil {
			t.Fatal(err)
		}
		return string(out)
	}
	for _, file := range files {
		cc := readCorpusCase(t, file)
		// Twice over, so that a substring kept from the first copy's
		// lines is read again while the second copy's are applied.
		log := cc.Log + "\n" + cc.Log
		if a, b := run(log, false), run(log, true); a != b {
			t.Errorf("%s: the report changed when released lowercase bytes were overwritten:\n%s\n%s", cc.ID, a, b)
		}
	}
}
