package diagnose

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// buildLog assembles a job log of about size bytes: ordinary build output
// (compiler, package manager and test lines that hold no keyword) with our
// client test logs spread through it, so that the prefilter, the facts and
// the signatures all run as on a real failed job.
func buildLog(tb testing.TB, size int) []byte {
	tb.Helper()
	files, _ := filepath.Glob(filepath.Join("testdata", "logs", "*.log"))
	var failures [][]byte
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		failures = append(failures, data)
	}
	filler := []string{
		"#%d %d.4 Compiling widget-core v0.%d.3 (/src/core)",
		"Get:%d http://deb.debian.org/debian bookworm/main amd64 libssl3 amd64 3.0.%d [2,030 kB]",
		"[INFO] Downloading from central: https://repo.maven.apache.org/maven2/org/apache/commons/commons-lang3/3.%d/x-%d.pom",
		"ok  \tgithub.com/acme/widget/pkg/util%d\t0.%ds",
		"--- PASS: TestHandler/case_%d (0.0%ds)",
		"Setting up libcurl4:amd64 (7.88.%d-10) ...",
	}
	var b bytes.Buffer
	for i := 0; b.Len() < size; i++ {
		fmt.Fprintf(&b, "2026-03-02T10:00:%02d.0000000Z "+filler[i%len(filler)]+"\n", i%60, i%97, i%89)
		if i%20000 == 0 && len(failures) > 0 {
			b.Write(failures[(i/20000)%len(failures)])
		}
	}
	return b.Bytes()
}

// BenchmarkExplain measures Explain's throughput on a 32 MiB job log
// (go test -bench Explain ./internal/diagnose; MB/s is input bytes).
func BenchmarkExplain(b *testing.B) {
	log := buildLog(b, 32<<20)
	b.SetBytes(int64(len(log)))
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		if _, err := Explain(bytes.NewReader(log), Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkExplainSmall measures a typical failed-step excerpt, where the
// per-call setup (the prefilter's automaton) dominates.
func BenchmarkExplainSmall(b *testing.B) {
	log, err := os.ReadFile(filepath.Join("testdata", "logs", "buildx-token-missing-scope.log"))
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(log)))
	for range b.N {
		if _, err := Explain(bytes.NewReader(log), Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
