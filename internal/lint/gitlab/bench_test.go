package gitlab

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/regdoctor/regdoctor/internal/testenv"
)

// BenchmarkLintLargestGood lints the GitLab Runner pipeline (l-001: 18
// files, ~80 jobs, local includes, extends, anchors, !reference).
func BenchmarkLintLargestGood(b *testing.B) {
	dir := filepath.Join(testenv.SharedDir(b), "corpus", "configs", "good", "l-001")
	if _, err := os.Stat(dir); err != nil {
		b.Skip(err)
	}
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := (&Checker{}).Check(dir, []string{".gitlab-ci.yml"}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLintAllGood lints every good GitLab config of the corpus once per iteration.
func BenchmarkLintAllGood(b *testing.B) {
	dirs, _ := filepath.Glob(filepath.Join(testenv.SharedDir(b), "corpus", "configs", "good", "l-*"))
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		for _, d := range dirs {
			c := &Checker{}
			files, _ := c.Discover(d)
			_, _ = c.Check(d, files)
		}
	}
}
