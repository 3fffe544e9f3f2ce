package main

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/regdoctor/regdoctor/internal/catalog"
)

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
