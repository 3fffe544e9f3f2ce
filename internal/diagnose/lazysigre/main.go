// Command lazysigre rewrites the signatures of package diagnose so that
// their regexps compile on first use: in every file of the directory given
// (default internal/diagnose), the value of a signature's `re:` field
//
//	re: regexp.MustCompile(EXPR)  ->  re: lazyRe(EXPR)
//	re: NAME.get()                ->  re: NAME   (NAME already a lazyRe)
//
// and a package-level `var NAME = regexp.MustCompile(EXPR)` whose NAME is
// used only as a `re:` value becomes `var NAME = lazyRe(EXPR)`. Nothing
// else changes; a file left without a use of package regexp loses the
// import. Idempotent: run it again after merging branches that add
// signatures the eager way.
//
//	go run ./internal/diagnose/lazysigre && gofmt -l ./internal/diagnose
package main

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/format"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

type edit struct {
	from, to int
	text     string
}

func main() {
	dir := "internal/diagnose"
	if len(os.Args) > 1 {
		dir = os.Args[1]
	}
	if err := run(dir); err != nil {
		fmt.Fprintln(os.Stderr, "lazysigre:", err)
		os.Exit(1)
	}
}

// isMustCompile reports whether e is regexp.MustCompile(x), returning x.
func isMustCompile(e ast.Expr) (ast.Expr, bool) {
	c, ok := e.(*ast.CallExpr)
	if !ok || len(c.Args) != 1 {
		return nil, false
	}
	sel, ok := c.Fun.(*ast.SelectorExpr)
	if !ok || sel.Sel.Name != "MustCompile" {
		return nil, false
	}
	pkg, ok := sel.X.(*ast.Ident)
	return c.Args[0], ok && pkg.Name == "regexp"
}

// isSignature reports whether lit is a signature{...} literal.
func isSignature(lit *ast.CompositeLit) bool {
	id, ok := lit.Type.(*ast.Ident)
	return ok && id.Name == "signature"
}

func run(dir string) error {
	fset := token.NewFileSet()
	paths, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil {
		return err
	}
	sort.Strings(paths)
	files := map[string]*ast.File{}
	srcs := map[string][]byte{}
	for _, p := range paths {
		if strings.HasSuffix(p, "_test.go") {
			continue
		}
		src, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		f, err := parser.ParseFile(fset, p, src, parser.ParseComments)
		if err != nil {
			return err
		}
		if f.Name.Name != "diagnose" {
			continue
		}
		files[p], srcs[p] = f, src
	}

	// Names used as a signature's re: value, and every use of each name.
	reNames := map[string]bool{}
	uses := map[string]int{}
	for _, f := range files {
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.CompositeLit:
				if !isSignature(n) {
					return true
				}
				for _, el := range n.Elts {
					if kv, ok := el.(*ast.KeyValueExpr); ok && isKey(kv, "re") {
						if id, ok := kv.Value.(*ast.Ident); ok {
							reNames[id.Name] = true
						}
					}
				}
			case *ast.Ident:
				uses[n.Name]++
			}
			return true
		})
	}

	for _, p := range paths {
		f, ok := files[p]
		if !ok {
			continue
		}
		src := srcs[p]
		off := func(pos token.Pos) int { return fset.Position(pos).Offset }
		var edits []edit
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.CompositeLit:
				if !isSignature(n) {
					return true
				}
				for _, el := range n.Elts {
					kv, ok := el.(*ast.KeyValueExpr)
					if !ok || !isKey(kv, "re") {
						continue
					}
					if _, ok := isMustCompile(kv.Value); ok {
						c := kv.Value.(*ast.CallExpr)
						edits = append(edits, edit{off(c.Fun.Pos()), off(c.Fun.End()), "lazyRe"})
					} else if c, ok := kv.Value.(*ast.CallExpr); ok && len(c.Args) == 0 {
						if sel, ok := c.Fun.(*ast.SelectorExpr); ok && sel.Sel.Name == "get" {
							edits = append(edits, edit{off(sel.X.End()), off(c.End()), ""})
						}
					}
				}
			case *ast.GenDecl:
				if n.Tok != token.VAR {
					return false
				}
				for _, sp := range n.Specs {
					vs := sp.(*ast.ValueSpec)
					if len(vs.Names) != 1 || len(vs.Values) != 1 || vs.Type != nil {
						continue
					}
					name := vs.Names[0].Name
					// the declaration and the re: value are its only uses
					if !reNames[name] || uses[name] != 2 {
						continue
					}
					if _, ok := isMustCompile(vs.Values[0]); ok {
						c := vs.Values[0].(*ast.CallExpr)
						edits = append(edits, edit{off(c.Fun.Pos()), off(c.Fun.End()), "lazyRe"})
					}
				}
				return false
			}
			return true
		})
		if len(edits) == 0 {
			continue
		}
		sort.Slice(edits, func(i, j int) bool { return edits[i].from > edits[j].from })
		out := append([]byte(nil), src...)
		for _, e := range edits {
			out = append(out[:e.from:e.from], append([]byte(e.text), out[e.to:]...)...)
		}
		out, err = dropUnusedRegexp(fset, p, out)
		if err != nil {
			return err
		}
		if !bytes.Equal(out, src) {
			if err := os.WriteFile(p, out, 0o644); err != nil {
				return err
			}
			fmt.Printf("%s: %d rewritten\n", p, len(edits))
		}
	}
	return nil
}

func isKey(kv *ast.KeyValueExpr, name string) bool {
	id, ok := kv.Key.(*ast.Ident)
	return ok && id.Name == name
}

// dropUnusedRegexp removes the import of package regexp from src when
// nothing in it uses the package any more (the spec's line, or the whole
// import declaration when it was the only spec), and gofmts the result.
func dropUnusedRegexp(fset *token.FileSet, path string, src []byte) ([]byte, error) {
	f, err := parser.ParseFile(fset, path, src, parser.ParseComments)
	if err != nil {
		return nil, err
	}
	used := false
	ast.Inspect(f, func(n ast.Node) bool {
		if sel, ok := n.(*ast.SelectorExpr); ok {
			if id, ok := sel.X.(*ast.Ident); ok && id.Name == "regexp" {
				used = true
			}
		}
		return !used
	})
	if !used {
		off := func(pos token.Pos) int { return fset.Position(pos).Offset }
		for _, d := range f.Decls {
			gd, ok := d.(*ast.GenDecl)
			if !ok || gd.Tok != token.IMPORT {
				continue
			}
			for _, sp := range gd.Specs {
				is := sp.(*ast.ImportSpec)
				if is.Path.Value != `"regexp"` || is.Name != nil {
					continue
				}
				from, to := off(is.Pos()), off(is.End())
				if len(gd.Specs) == 1 {
					from, to = off(gd.Pos()), off(gd.End())
				}
				// the whole line(s), with the newline after
				for from > 0 && src[from-1] != '\n' {
					from--
				}
				for to < len(src) && src[to] != '\n' {
					to++
				}
				if to < len(src) {
					to++
				}
				src = append(src[:from:from], src[to:]...)
				return format.Source(src)
			}
		}
	}
	return format.Source(src)
}
