package bench

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

// DiagnoseKeywords returns the keyword prefilter internal/diagnose passes to
// logscan, read from the package source in dir with go/ast because the list
// is not exported: every string in a `keys: []string{...}` field and in the
// factKeys variable, sorted, as diagnose's keywords() builds it.
func DiagnoseKeywords(dir string) ([]string, error) {
	fset := token.NewFileSet()
	pkgs, err := parser.ParseDir(fset, dir, func(fi os.FileInfo) bool { return !strings.HasSuffix(fi.Name(), "_test.go") }, 0)
	if err != nil {
		return nil, err
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
		return nil, fmt.Errorf("no keywords found in %s", dir)
	}
	out := make([]string, 0, len(seen))
	for k := range seen {
		out = append(out, k)
	}
	sort.Strings(out)
	return out, nil
}
