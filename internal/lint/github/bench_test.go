package github_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/regdoctor/regdoctor/internal/lint"
	"github.com/regdoctor/regdoctor/internal/testenv"
)

// BenchmarkLintCorpus lints every GitHub case directory of the shared corpus
// once per iteration (in process: no start-up cost).
func BenchmarkLintCorpus(b *testing.B) {
	dir := filepath.Join(testenv.SharedDir(b), "corpus", "configs")
	var roots []string
	for _, pat := range []string{"broken/b-*", "fixed/b-*", "good/g-*"} {
		ds, _ := filepath.Glob(filepath.Join(dir, pat))
		for _, d := range ds {
			if _, err := os.Stat(filepath.Join(d, ".github", "workflows")); err == nil {
				roots = append(roots, d)
			}
		}
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, r := range roots {
			if _, err := lint.Run(r, nil, lint.Config{}); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(len(roots)), "dirs/op")
}
