// Command kwdump prints the keyword prefilter internal/diagnose passes to
// logscan, one a line (see bench.DiagnoseKeywords).
// bench/explain-vs-ripgrep.sh gives the same list to rg.
//
//	go run ./bench/kwdump [DIR]     (default internal/diagnose)
package main

import (
	"fmt"
	"os"

	"github.com/regdoctor/regdoctor/bench"
)

func main() {
	dir := "internal/diagnose"
	if len(os.Args) > 1 {
		dir = os.Args[1]
	}
	kw, err := bench.DiagnoseKeywords(dir)
	if err != nil {
		fmt.Fprintln(os.Stderr, "kwdump:", err)
		os.Exit(1)
	}
	for _, k := range kw {
		fmt.Println(k)
	}
}
