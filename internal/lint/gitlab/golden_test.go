package gitlab

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/regdoctor/regdoctor/internal/catalog"
	"github.com/regdoctor/regdoctor/internal/finding"
	"github.com/regdoctor/regdoctor/internal/lint"
	"github.com/regdoctor/regdoctor/internal/testenv"
)

var update = flag.Bool("update", false, "rewrite testdata/golden/*.txt")

// lintYAML lints one .gitlab-ci.yml given as text.
func lintYAML(t *testing.T, body string) []finding.Finding {
	t.Helper()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, ".gitlab-ci.yml"), []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	fs, err := (&Checker{}).Check(dir, []string{".gitlab-ci.yml"})
	if err != nil {
		t.Fatalf("Check: %v", err)
	}
	return fs
}

func render(fs []finding.Finding) string {
	var b strings.Builder
	for _, f := range fs {
		b.WriteString(line(f) + "\n")
	}
	return b.String()
}

// TestGolden runs every GitLab and shell rule's own Broken and Fixed
// examples (the ones its doc page shows): Broken must report the rule,
// Fixed must not, and the full output must match testdata/golden.
func TestGolden(t *testing.T) {
	n := 0
	for _, m := range lint.Rules() {
		if m.Platform != Platform && m.Platform != "shell" {
			continue
		}
		n++
		t.Run(m.ID, func(t *testing.T) {
			if m.Broken == "" || m.Fixed == "" || m.Description == "" || m.Summary == "" || m.Name == "" {
				t.Fatalf("%s: Meta lacks Broken/Fixed/Description/Summary/Name", m.ID)
			}
			if _, ok := catalog.Get(m.Cause); !ok {
				t.Fatalf("%s: cause %q is not in the catalog", m.ID, m.Cause)
			}
			broken := lintYAML(t, m.Broken)
			if !hasRule(broken, m.ID) {
				t.Errorf("Broken example does not trigger %s; got:\n%s", m.ID, render(broken))
			}
			fixed := lintYAML(t, m.Fixed)
			if hasRule(fixed, m.ID) {
				t.Errorf("Fixed example still triggers %s:\n%s", m.ID, render(fixed))
			}
			for _, f := range append(append([]finding.Finding{}, broken...), fixed...) {
				if f.Line < 1 || f.Column < 1 || f.File != ".gitlab-ci.yml" || f.Message == "" || f.Cause == "" || f.Doc == "" {
					t.Errorf("incomplete finding: %+v", f)
				}
			}
			got := "# broken\n" + render(broken) + "# fixed\n" + render(fixed)
			golden := filepath.Join("testdata", "golden", m.ID+".txt")
			if *update {
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update)", err)
			}
			if string(want) != got {
				t.Errorf("output differs from %s:\n--- want\n%s--- got\n%s", golden, want, got)
			}
		})
	}
	if n < 20 {
		t.Errorf("only %d GitLab/shell rules registered", n)
	}
}

func hasRule(fs []finding.Finding, id string) bool {
	for _, f := range fs {
		if f.Rule == id {
			return true
		}
	}
	return false
}

// TestRuleDocs checks that docs/rules/<ID>.md of every GitLab and shell rule
// is what lint.Doc generates from its metadata (go test -update rewrites them).
func TestRuleDocs(t *testing.T) {
	dir := filepath.Join(testenv.RepoRoot(), "docs", "rules")
	for _, m := range lint.Rules() {
		if m.Platform != Platform && m.Platform != "shell" {
			continue
		}
		want := lint.Doc(m)
		p := filepath.Join(testenv.RepoRoot(), filepath.FromSlash(lint.DocPath(m.ID)))
		if *update {
			if err := os.MkdirAll(dir, 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(p, []byte(want), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		got, err := os.ReadFile(p)
		if err != nil {
			t.Errorf("%s: %v (run go test ./internal/lint/gitlab -update)", m.ID, err)
			continue
		}
		if string(got) != want {
			t.Errorf("%s is stale (run go test ./internal/lint/gitlab -update)", p)
		}
	}
}
