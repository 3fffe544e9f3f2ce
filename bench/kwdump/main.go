// Command kwdump prints the keyword prefilter explain passes to logscan
// (diagnose.Keywords: the signatures' and facts' keys and the reference
// patterns' keys), one a line, sorted. bench/explain-vs-ripgrep.sh gives
// the same list to rg, so both search the file for the same strings.
//
//	go run ./bench/kwdump
package main

import (
	"fmt"

	"github.com/regdoctor/regdoctor/internal/diagnose"
)

func main() {
	for _, k := range diagnose.Keywords() {
		fmt.Println(k)
	}
}
