package bench

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/regdoctor/regdoctor/internal/diagnose"
	"github.com/regdoctor/regdoctor/internal/logscan"
	"github.com/regdoctor/regdoctor/internal/testenv"
)

// The benchmark log is assembled once per run into a temporary directory
// (REGDOCTOR_BENCH_MB MiB, default 512) or taken from REGDOCTOR_BENCH_LOG.
var (
	bigOnce sync.Once
	bigPath string
	bigDir  string
	bigErr  error
)

func TestMain(m *testing.M) {
	code := m.Run()
	if bigDir != "" {
		os.RemoveAll(bigDir)
	}
	os.Exit(code)
}

func keywords(tb testing.TB) []string {
	kw, err := ReadKeywords("keywords.txt")
	if err != nil {
		tb.Fatal(err)
	}
	return kw
}

func bigLog(b *testing.B) string {
	if p := os.Getenv("REGDOCTOR_BENCH_LOG"); p != "" {
		return p
	}
	shared := testenv.SharedDir(b)
	bigOnce.Do(func() {
		mb := int64(512)
		if s := os.Getenv("REGDOCTOR_BENCH_MB"); s != "" {
			mb, bigErr = strconv.ParseInt(s, 10, 64)
			if bigErr != nil {
				return
			}
		}
		var logs []CorpusLog
		if logs, bigErr = LoadCorpus(filepath.Join(shared, "corpus", "logs")); bigErr != nil {
			return
		}
		if bigDir, bigErr = os.MkdirTemp("", "regdoctor-bench-"); bigErr != nil {
			return
		}
		bigPath = filepath.Join(bigDir, "big.log")
		f, err := os.Create(bigPath)
		if err != nil {
			bigErr = err
			return
		}
		defer f.Close()
		_, bigErr = Assemble(f, logs, keywords(b), mb<<20, 2<<20, 1)
	})
	if bigErr != nil {
		b.Fatal(bigErr)
	}
	return bigPath
}

// BenchmarkScanFile: logscan over the assembled log with the registry
// signature keywords of keywords.txt. Reports MB/s via SetBytes.
func BenchmarkScanFile(b *testing.B) { benchScanFile(b, keywords(b)) }

// BenchmarkScanFileDiagnoseKeywords: the same with internal/diagnose's own,
// broader prefilter (diagnose.Keywords, as explain runs logscan).
func BenchmarkScanFileDiagnoseKeywords(b *testing.B) { benchScanFile(b, diagnose.Keywords()) }

// BenchmarkExplainFile: the whole explain diagnosis on the assembled log.
// Slow at 512 MiB; REGDOCTOR_BENCH_MB=64 for a quick look. Besides wall
// time it reports cpu-ms/op, the process's CPU time (both goroutines and the
// GC) per run: steadier than wall time on a shared machine.
func BenchmarkExplainFile(b *testing.B) {
	path := bigLog(b)
	st, err := os.Stat(path)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(st.Size())
	b.ResetTimer()
	cpu0, ok := processCPU()
	for b.Loop() {
		f, err := os.Open(path)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := diagnose.Explain(f, diagnose.Options{}); err != nil {
			b.Fatal(err)
		}
		f.Close()
	}
	if cpu1, ok1 := processCPU(); ok && ok1 {
		b.ReportMetric(float64((cpu1-cpu0).Milliseconds())/float64(b.N), "cpu-ms/op")
	}
}

func benchScanFile(b *testing.B, kw []string) {
	path := bigLog(b)
	st, err := os.Stat(path)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(st.Size())
	b.ResetTimer()
	for b.Loop() {
		f, err := os.Open(path)
		if err != nil {
			b.Fatal(err)
		}
		n := 0
		if err := logscan.Scan(f, logscan.Options{Keywords: kw}, func(logscan.Line) error { n++; return nil }); err != nil {
			b.Fatal(err)
		}
		f.Close()
		b.ReportMetric(float64(n), "lines/op")
	}
}

// BenchmarkScanMemory: the scanner alone on 64 MiB in memory (no I/O).
func BenchmarkScanMemory(b *testing.B) {
	logs, err := LoadCorpus(filepath.Join(testenv.SharedDir(b), "corpus", "logs"))
	if err != nil {
		b.Fatal(err)
	}
	kw := keywords(b)
	var sb strings.Builder
	if _, err := Assemble(&sb, logs, kw, 64<<20, 2<<20, 1); err != nil {
		b.Fatal(err)
	}
	data := sb.String()
	b.SetBytes(int64(len(data)))
	b.ResetTimer()
	for b.Loop() {
		if err := logscan.Scan(strings.NewReader(data), logscan.Options{Keywords: kw}, func(logscan.Line) error { return nil }); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkNormalize: one typical delivered line.
func BenchmarkNormalize(b *testing.B) {
	line := "2024-03-05T10:11:13.1234567Z ##[error]\x1b[31mERROR: failed to push ghcr.io/acme/app:1.2.3: denied: permission_denied: write_package\x1b[0m"
	b.SetBytes(int64(len(line)))
	for b.Loop() {
		logscan.Normalize(line)
	}
}
