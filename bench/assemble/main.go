// Command assemble writes a large benchmark job log built from the real
// corpus logs (see bench.Assemble).
//
//	go run ./bench/assemble -o /tmp/big.log -mb 512
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/regdoctor/regdoctor/bench"
)

func main() {
	corpus := flag.String("corpus", "../shared/corpus/logs", "folder of corpus *.yaml cases")
	keywords := flag.String("keywords", "bench/keywords.txt", "keyword file (lines matching none are filler)")
	out := flag.String("o", "", "output file (required)")
	mb := flag.Int64("mb", 512, "size in MiB")
	gapKB := flag.Int64("gap-kb", 2048, "KiB of filler between embedded corpus logs")
	seed := flag.Uint64("seed", 1, "random seed")
	flag.Parse()
	if *out == "" {
		fmt.Fprintln(os.Stderr, "assemble: -o is required")
		os.Exit(2)
	}
	logs, err := bench.LoadCorpus(*corpus)
	if err != nil {
		fmt.Fprintln(os.Stderr, "assemble:", err)
		os.Exit(1)
	}
	kw, err := bench.ReadKeywords(*keywords)
	if err != nil {
		fmt.Fprintln(os.Stderr, "assemble:", err)
		os.Exit(1)
	}
	f, err := os.Create(*out)
	if err != nil {
		fmt.Fprintln(os.Stderr, "assemble:", err)
		os.Exit(1)
	}
	st, err := bench.Assemble(f, logs, kw, *mb<<20, *gapKB<<10, *seed)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "assemble:", err)
		os.Exit(1)
	}
	fmt.Fprintf(os.Stderr, "assemble: %s: %d bytes, %d lines, %d corpus logs embedded, %d filler lines\n",
		*out, st.Bytes, st.Lines, st.CorpusLogs, st.FillerLines)
}
