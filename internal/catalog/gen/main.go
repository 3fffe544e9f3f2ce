// Command gen writes, from internal/catalog/causes.yaml, the catalog's Go
// source (-go causes_gen.go) or the cause documentation pages
// (docs/causes/*.md). Run it with `go generate ./internal/catalog`; the tests
// fail when the committed source or pages differ from what it writes.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/regdoctor/regdoctor/internal/catalog"
)

func main() {
	dir := flag.String("dir", catalog.DocsDir, "folder to write the pages into")
	goOut := flag.String("go", "", "write the catalog as Go source to this file instead of writing the pages")
	yamlIn := flag.String("yaml", "causes.yaml", "catalog to read with -go")
	flag.Parse()
	var err error
	if *goOut != "" {
		err = writeGoSource(*yamlIn, *goOut)
	} else {
		err = run(*dir)
	}
	if err != nil {
		fmt.Fprintf(os.Stderr, "gen: %v\n", err)
		os.Exit(1)
	}
}

func run(dir string) error {
	docs, err := catalog.Docs()
	if err != nil {
		return err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	// Remove pages of causes that no longer exist, so the folder equals the catalog.
	old, err := filepath.Glob(filepath.Join(dir, "*.md"))
	if err != nil {
		return err
	}
	for _, p := range old {
		if _, keep := docs[filepath.Base(p)]; !keep {
			if err := os.Remove(p); err != nil {
				return err
			}
		}
	}
	for name, text := range docs {
		p := filepath.Join(dir, name)
		if cur, err := os.ReadFile(p); err == nil && string(cur) == text {
			continue
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			return err
		}
	}
	fmt.Printf("gen: %d pages in %s\n", len(docs), strings.TrimPrefix(dir, "./"))
	return nil
}
