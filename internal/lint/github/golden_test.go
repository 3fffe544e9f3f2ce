package github_test

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/regdoctor/regdoctor/internal/lint"
	_ "github.com/regdoctor/regdoctor/internal/lint/github"
	"github.com/regdoctor/regdoctor/internal/testenv"
)

var update = flag.Bool("update", false, "rewrite golden files and docs/rules pages")

// writeRepo makes a repository with the workflow text as
// .github/workflows/ci.yml plus the files under testdata/<id>/repo and
// testdata/<id>/<kind>-repo (kind is broken or fixed).
func writeRepo(t *testing.T, id, kind, workflow string) string {
	t.Helper()
	root := t.TempDir()
	must(t, os.MkdirAll(filepath.Join(root, ".github", "workflows"), 0o755))
	must(t, os.WriteFile(filepath.Join(root, ".github", "workflows", "ci.yml"), []byte(workflow), 0o644))
	for _, sub := range []string{"repo", kind + "-repo"} {
		extra := filepath.Join("testdata", id, sub)
		_ = filepath.Walk(extra, func(p string, fi os.FileInfo, err error) error {
			if err != nil || fi.IsDir() {
				return nil
			}
			rel, _ := filepath.Rel(extra, p)
			dst := filepath.Join(root, rel)
			must(t, os.MkdirAll(filepath.Dir(dst), 0o755))
			b, _ := os.ReadFile(p)
			must(t, os.WriteFile(dst, b, 0o644))
			return nil
		})
	}
	return root
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func render(res *lint.Result) string {
	var b strings.Builder
	for _, f := range res.Findings {
		fmt.Fprintf(&b, "%s:%d:%d: %s %s [%s %s]\n", f.File, f.Line, f.Column, f.Severity, f.Message, f.Rule, f.Cause)
	}
	return b.String()
}

// TestRuleGolden lints each rule's Broken and Fixed examples: Broken must
// report the rule, Fixed must not, and the full output of both must match
// testdata/<ID>/broken.golden and fixed.golden (go test -update rewrites them).
func TestRuleGolden(t *testing.T) {
	for _, m := range lint.Rules() {
		if m.Platform != "github-actions" {
			continue
		}
		t.Run(m.ID, func(t *testing.T) {
			if m.Broken == "" || m.Fixed == "" {
				t.Fatalf("%s has no Broken/Fixed example", m.ID)
			}
			for _, kind := range []string{"broken", "fixed"} {
				src := m.Broken
				if kind == "fixed" {
					src = m.Fixed
				}
				root := writeRepo(t, m.ID, kind, src)
				res, err := lint.Run(root, nil, lint.Config{})
				if err != nil {
					t.Fatal(err)
				}
				if len(res.Errors) > 0 {
					t.Fatalf("%s: %v", kind, res.Errors)
				}
				has := false
				for _, f := range res.Findings {
					if f.Rule == m.ID {
						has = true
					}
				}
				if kind == "broken" && !has {
					t.Errorf("broken example does not report %s:\n%s", m.ID, render(res))
				}
				if kind == "fixed" && has {
					t.Errorf("fixed example still reports %s:\n%s", m.ID, render(res))
				}
				got := render(res)
				golden := filepath.Join("testdata", m.ID, kind+".golden")
				if *update {
					must(t, os.MkdirAll(filepath.Dir(golden), 0o755))
					must(t, os.WriteFile(golden, []byte(got), 0o644))
					continue
				}
				want, err := os.ReadFile(golden)
				if err != nil {
					t.Fatalf("%v (run go test -update)", err)
				}
				if got != string(want) {
					t.Errorf("%s output differs from %s:\ngot:\n%swant:\n%s", kind, golden, got, want)
				}
			}
		})
	}
}

// TestRuleDocs checks that docs/rules/<ID>.md is what lint.Doc generates
// from the rule's metadata (go test -update rewrites them), and that every
// rule names a catalog cause.
func TestRuleDocs(t *testing.T) {
	dir := filepath.Join(testenv.RepoRoot(), "docs", "rules")
	for _, m := range lint.Rules() {
		if m.Platform != "github-actions" {
			continue
		}
		want := lint.Doc(m)
		p := filepath.Join(testenv.RepoRoot(), filepath.FromSlash(lint.DocPath(m.ID)))
		if *update {
			must(t, os.MkdirAll(dir, 0o755))
			must(t, os.WriteFile(p, []byte(want), 0o644))
			continue
		}
		got, err := os.ReadFile(p)
		if err != nil {
			t.Errorf("%s: %v (run go test ./internal/lint/github -update)", m.ID, err)
			continue
		}
		if string(got) != want {
			t.Errorf("%s is stale (run go test ./internal/lint/github -update)", p)
		}
	}
}
