package logscan

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/regdoctor/regdoctor/internal/testenv"
	"go.yaml.in/yaml/v4"
)

// TestCorpusPlatformHints: a platform logscan is sure of (a marker only that
// platform writes) is never wrong for a corpus log. Many excerpts carry no
// prefix at all and stay unknown; weak guesses (GitHub/Azure shared
// timestamps) are logged, not failed.
func TestCorpusPlatformHints(t *testing.T) {
	dir := filepath.Join(testenv.SharedDir(t), "corpus", "logs")
	paths, _ := filepath.Glob(filepath.Join(dir, "*.yaml"))
	right, unknown, other, weakWrong := 0, 0, 0, 0
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		var c struct {
			ID       string `yaml:"id"`
			Platform string `yaml:"platform"`
			Log      string `yaml:"log"`
		}
		if err := yaml.Unmarshal(data, &c); err != nil {
			t.Fatal(err)
		}
		sum, err := ScanSummary(strings.NewReader(c.Log), Options{Keywords: []string{"zz-no-match-zz"}}, func(Line) error { return nil })
		if err != nil {
			t.Fatalf("%s: %v", c.ID, err)
		}
		switch {
		case sum.Platform == "":
			unknown++
		case sum.Platform == c.Platform:
			right++
		case !sum.PlatformSure:
			weakWrong++
			t.Logf("%s: weak guess %q, case says %q", c.ID, sum.Platform, c.Platform)
		case c.Platform == "other":
			other++ // the corpus files platforms outside its list as "other"
		default:
			t.Errorf("%s: platform %q (sure), case says %q (%v)", c.ID, sum.Platform, c.Platform, sum.Platforms)
		}
	}
	t.Logf("%d corpus logs: platform right %d, more specific than the case's \"other\" %d, weak guess wrong %d, unknown %d",
		len(paths), right, other, weakWrong, unknown)
}
