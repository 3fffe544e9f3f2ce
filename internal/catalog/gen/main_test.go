package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/regdoctor/regdoctor/internal/catalog"
)

// TestGoSourceIsFresh fails when causes_gen.go is not what `go generate
// ./internal/catalog` writes from causes.yaml (edited by hand or stale).
func TestGoSourceIsFresh(t *testing.T) {
	want, err := goSourceFromFile("../causes.yaml")
	if err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile("../causes_gen.go")
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != string(want) {
		t.Error("internal/catalog/causes_gen.go is stale; run `go generate ./internal/catalog` and commit it")
	}
}

func TestWriteGoSourceRoundTrips(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "c.yaml")
	doc := "- id: a\n  layer: authn\n  title: say \"quoted\" `tick`\n  confirm: []\n  fix:\n    shell: [\"x\\ny\"]\n    gitlab-ci: []\n  registry_fix: {}\n"
	if err := os.WriteFile(in, []byte(doc), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "gen.go")
	if err := writeGoSource(in, out); err != nil {
		t.Fatal(err)
	}
	src, _ := os.ReadFile(out)
	flat := strings.Join(strings.Fields(string(src)), " ") // gofmt's alignment aside
	for _, want := range []string{
		"Title: \"say \\\"quoted\\\" `tick`\"",
		"Confirm: []string{}",
		`{"gitlab-ci", []string{}}`,
		`{"shell", []string{ "x\ny", }}`,
		"registryFix: []genSteps{}",
	} {
		if !strings.Contains(flat, want) {
			t.Errorf("generated source lacks %s:\n%s", want, src)
		}
	}
	if strings.Contains(string(src), "Signals") {
		t.Errorf("an absent list was written:\n%s", src)
	}
	if err := writeGoSource(filepath.Join(dir, "missing.yaml"), out); err == nil {
		t.Error("a missing catalog was accepted")
	}
	if err := os.WriteFile(in, []byte("- id: a\n  titel: typo\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := writeGoSource(in, out); err == nil {
		t.Error("an unknown field was accepted")
	}
}

func TestRunWritesTheCatalogPagesAndDropsStaleOnes(t *testing.T) {
	dir := t.TempDir()
	stale := filepath.Join(dir, "renamed-cause.md")
	other := filepath.Join(dir, "notes.txt")
	for _, p := range []string{stale, other} {
		if err := os.WriteFile(p, []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	page := filepath.Join(dir, "no-login.md")
	if err := os.WriteFile(page, []byte("edited by hand"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := run(dir); err != nil {
		t.Fatal(err)
	}
	docs, err := catalog.Docs()
	if err != nil {
		t.Fatal(err)
	}
	for name, want := range docs {
		got, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil || string(got) != want {
			t.Errorf("%s not written as Docs() renders it (err %v)", name, err)
		}
	}
	if _, err := os.Stat(stale); !os.IsNotExist(err) {
		t.Error("a page of no cause was kept")
	}
	if _, err := os.Stat(other); err != nil {
		t.Error("a file that is not a page was removed")
	}
	md, _ := filepath.Glob(filepath.Join(dir, "*.md"))
	if len(md) != len(docs) {
		t.Errorf("%d pages, want %d", len(md), len(docs))
	}
}
