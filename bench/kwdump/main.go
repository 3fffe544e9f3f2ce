// Command kwdump prints the keyword prefilter internal/diagnose passes to
// logscan, one a line, read from its source with go/ast (the list is not
// exported): every string in a `keys: []string{...}` field and in the
// factKeys variable. bench/explain-vs-ripgrep.sh gives the same list to rg.
//
//	go run ./bench/kwdump [DIR]     (default internal/diagnose)
package main

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"sort"
	"strconv"
	"strings"
)

func main() {
	dir := "internal/diagnose"
	if len(os.Args) > 1 {
		dir = os.Args[1]
	}
	fset := token.NewFileSet()
	pkgs, err := parser.ParseDir(fset, dir, func(fi os.FileInfo) bool { return !strings.HasSuffix(fi.Name(), "_test.go") }, 0)
	if err != nil {
		fmt.Fprintln(os.Stderr, "kwdump:", err)
		os.Exit(1)
	}
	seen := map[string]bool{}
	strs := func(e ast.Expr) {
		cl, ok := e.(*ast.CompositeLit)
		if !ok {
			return
		}
		for _, el := range cl.Elts {
			if bl, ok := el.(*ast.BasicLit); ok && bl.Kind == token.STRING {
				if s, err := strconv.Unquote(bl.Value); err == nil && s != "" {
					seen[s] = true
				}
			}
		}
	}
	for _, p := range pkgs {
		for _, f := range p.Files {
			ast.Inspect(f, func(n ast.Node) bool {
				switch v := n.(type) {
				case *ast.KeyValueExpr:
					if id, ok := v.Key.(*ast.Ident); ok && id.Name == "keys" {
						strs(v.Value)
					}
				case *ast.ValueSpec:
					for i, name := range v.Names {
						if name.Name == "factKeys" && i < len(v.Values) {
							strs(v.Values[i])
						}
					}
				}
				return true
			})
		}
	}
	if len(seen) == 0 {
		fmt.Fprintln(os.Stderr, "kwdump: no keywords found in", dir)
		os.Exit(1)
	}
	var out []string
	for k := range seen {
		out = append(out, k)
	}
	sort.Strings(out)
	for _, k := range out {
		fmt.Println(k)
	}
}
