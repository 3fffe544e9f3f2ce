// Command scan runs logscan alone over a log (plain, .gz or GitHub log zip)
// with a keyword file, for bench/explain-vs-ripgrep.sh: it prints the number
// of lines delivered and the scan summary.
//
//	go run ./bench/scan -keywords bench/keywords.txt FILE
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/regdoctor/regdoctor/bench"
	"github.com/regdoctor/regdoctor/internal/logscan"
)

func main() {
	kwFile := flag.String("keywords", "bench/keywords.txt", "keyword file")
	flag.Parse()
	if flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: scan [-keywords FILE] LOG")
		os.Exit(2)
	}
	kw, err := bench.ReadKeywords(*kwFile)
	if err != nil {
		fmt.Fprintln(os.Stderr, "scan:", err)
		os.Exit(2)
	}
	f, err := os.Open(flag.Arg(0))
	if err != nil {
		fmt.Fprintln(os.Stderr, "scan:", err)
		os.Exit(3)
	}
	defer f.Close()
	sum, err := logscan.ScanSummary(f, logscan.Options{Keywords: kw}, func(logscan.Line) error { return nil })
	if err != nil {
		fmt.Fprintln(os.Stderr, "scan:", err)
		os.Exit(3)
	}
	fmt.Println(sum.Delivered)
	fmt.Fprintf(os.Stderr, "scan: format=%s lines=%d bytes=%d delivered=%d platform=%q\n",
		sum.Format, sum.Lines, sum.Bytes, sum.Delivered, sum.Platform)
}
