package gitlab

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"
)

func hostileInputs(t testing.TB, dir string) map[string]string {
	bomb := "a: &a [\"x\", \"x\", \"x\", \"x\", \"x\", \"x\", \"x\", \"x\", \"x\", \"x\"]\n"
	prev := "a"
	for i := 0; i < 9; i++ {
		n := fmt.Sprintf("l%d", i)
		bomb += fmt.Sprintf("%s: &%s [*%s, *%s, *%s, *%s, *%s, *%s, *%s, *%s, *%s, *%s]\n", n, n, prev, prev, prev, prev, prev, prev, prev, prev, prev, prev)
		prev = n
	}
	bomb += "job:\n  script: *" + prev + "\n"
	var deep strings.Builder
	for i := 0; i < 2500; i++ {
		deep.WriteString(strings.Repeat(" ", i) + "k:\n")
	}
	files := map[string]string{
		"bomb.gitlab-ci.yml":  bomb,
		"deep.gitlab-ci.yml":  deep.String(),
		"flow.gitlab-ci.yml":  strings.Repeat("[", 50000) + strings.Repeat("]", 50000),
		"cycle.gitlab-ci.yml": "include:\n  - local: cycle.gitlab-ci.yml\na:\n  extends: b\n  script: [x]\nb:\n  extends: a\n",
	}
	for name, body := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// 100 MB, sparse: rejected from its size without being read.
	big := filepath.Join(dir, "big.gitlab-ci.yml")
	f, err := os.Create(big)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(100 << 20); err != nil {
		t.Fatal(err)
	}
	f.Close()
	files["big.gitlab-ci.yml"] = ""
	return files
}

// TestHostileConfigs: alias bombs, deep nesting, include/extends loops and
// a 100 MB file give a one-line error or findings, never a panic, in
// bounded time and memory.
func TestHostileConfigs(t *testing.T) {
	dir := t.TempDir()
	for name := range hostileInputs(t, dir) {
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		start := time.Now()
		fs, err := (&Checker{}).Check(dir, []string{name})
		el := time.Since(start)
		runtime.ReadMemStats(&after)
		alloc := after.TotalAlloc - before.TotalAlloc
		t.Logf("%s: %d findings, err=%v, %v, %d KiB allocated", name, len(fs), err, el.Round(time.Millisecond), alloc>>10)
		if name != "cycle.gitlab-ci.yml" && err == nil {
			t.Errorf("%s: accepted", name)
		}
		if err != nil && strings.Contains(err.Error(), "\n") {
			t.Errorf("%s: multi-line error %q", name, err)
		}
		if alloc > 256<<20 {
			t.Errorf("%s: allocated %d MiB", name, alloc>>20)
		}
	}
}

func BenchmarkHostileAliasBomb(b *testing.B) {
	dir := b.TempDir()
	hostileInputs(b, dir)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		_, _ = (&Checker{}).Check(dir, []string{"bomb.gitlab-ci.yml"})
	}
}
