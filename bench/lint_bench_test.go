package bench

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/regdoctor/regdoctor/internal/lint"
	_ "github.com/regdoctor/regdoctor/internal/lint/github" // registers the GitHub Actions checker
	_ "github.com/regdoctor/regdoctor/internal/lint/gitlab" // registers the GitLab CI checker
	"github.com/regdoctor/regdoctor/internal/testenv"
)

// lintCorpusDirs lists the corpus case directories with GitHub Actions
// workflows: the set bench/lint-vs-actionlint.sh times against actionlint.
func lintCorpusDirs(tb testing.TB) []string {
	shared := testenv.SharedDir(tb)
	var dirs []string
	for _, pat := range []string{"broken/b-*", "fixed/b-*", "good/g-*"} {
		ms, err := filepath.Glob(filepath.Join(shared, "corpus", "configs", pat))
		if err != nil {
			tb.Fatal(err)
		}
		for _, d := range ms {
			if fi, err := os.Stat(filepath.Join(d, ".github", "workflows")); err == nil && fi.IsDir() {
				dirs = append(dirs, d)
			}
		}
	}
	if len(dirs) == 0 {
		tb.Skip("no GitHub Actions cases in the corpus")
	}
	return dirs
}

// BenchmarkLintCorpus lints every GitHub Actions case directory of the
// corpus in process (one lint.Run per directory, as one `regdoctor lint DIR`
// does): the work of a run without process start-up, once first-use costs
// (lazily compiled patterns, the catalog) are paid.
func BenchmarkLintCorpus(b *testing.B) {
	dirs := lintCorpusDirs(b)
	findings := 0
	for b.Loop() {
		findings = 0
		for _, d := range dirs {
			cfg, _, err := lint.LoadConfig(d, "")
			if err != nil {
				b.Fatal(err)
			}
			res, err := lint.Run(d, []string{"."}, cfg)
			if err != nil {
				b.Fatal(err)
			}
			findings += len(res.Findings)
		}
	}
	if findings == 0 {
		b.Fatal("no finding on the whole corpus: the lint did nothing")
	}
	b.ReportMetric(float64(len(dirs)), "dirs")
}

// BenchmarkLintCorpusOneRun lints every GitHub Actions case directory of
// the corpus as one `regdoctor lint DIR...` does: lint.RunAll, roots in
// parallel (GOMAXPROCS at a time).
func BenchmarkLintCorpusOneRun(b *testing.B) {
	dirs := lintCorpusDirs(b)
	jobs := make([]lint.Job, len(dirs))
	for i, d := range dirs {
		cfg, _, err := lint.LoadConfig(d, "")
		if err != nil {
			b.Fatal(err)
		}
		jobs[i] = lint.Job{Root: d, Targets: []string{"."}, Config: cfg}
	}
	findings := 0
	for b.Loop() {
		findings = 0
		results, errs := lint.RunAll(jobs, 0)
		for i, res := range results {
			if errs[i] != nil {
				b.Fatal(errs[i])
			}
			findings += len(res.Findings)
		}
	}
	if findings == 0 {
		b.Fatal("no finding on the whole corpus: the lint did nothing")
	}
	b.ReportMetric(float64(len(dirs)), "dirs")
}
