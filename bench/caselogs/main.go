// Command caselogs writes the log of every case in folders of *.yaml cases
// (the corpus's `log:` field) to a folder, one file per case, for tools that
// read logs from files (bench/explain-same-output.sh). It writes only to -o,
// which should be a temporary folder: case logs are never committed.
//
//	go run ./bench/caselogs -o DIR CASE_DIR...
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strconv"

	"github.com/regdoctor/regdoctor/bench"
)

func main() {
	out := flag.String("o", "", "folder to write the logs to (created)")
	flag.Parse()
	if *out == "" || flag.NArg() == 0 {
		fmt.Fprintln(os.Stderr, "usage: caselogs -o DIR CASE_DIR...")
		os.Exit(2)
	}
	if err := os.MkdirAll(*out, 0o755); err != nil {
		fmt.Fprintln(os.Stderr, "caselogs:", err)
		os.Exit(1)
	}
	n := 0
	for _, dir := range flag.Args() {
		logs, err := bench.LoadCorpus(dir)
		if err != nil {
			fmt.Fprintln(os.Stderr, "caselogs:", err)
			os.Exit(1)
		}
		for i, c := range logs {
			id := c.ID
			if id == "" {
				id = strconv.Itoa(i)
			}
			name := filepath.Join(*out, filepath.Base(filepath.Clean(dir))+"-"+filepath.Base(id)+".log")
			if err := os.WriteFile(name, []byte(c.Log), 0o644); err != nil {
				fmt.Fprintln(os.Stderr, "caselogs:", err)
				os.Exit(1)
			}
			n++
		}
	}
	fmt.Fprintf(os.Stderr, "caselogs: %d logs written to %s\n", n, *out)
}
