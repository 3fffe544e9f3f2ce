// Command kwcount counts, on a log, the lines explain's keyword prefilter
// (diagnose.Keywords) delivers for each keyword: the lines holding it, the
// lines holding no other keyword (the ones the keyword alone costs), and how
// many of those, read alone as a one-line log, give explain a finding.
// It shows which keywords deliver many lines that produce nothing
// (bench/README.md, explain-perf7).
//
//	go run ./bench/kwcount [-top N] [-show KEYWORD] [-dump FILE] LOG
//
// -show prints the distinct texts KEYWORD alone delivers (with their
// counts); -dump writes every distinct delivered text and its count to
// FILE (count, tab, Go-quoted text), e.g. to time the diagnosis per text.
//
// Output: one row a keyword, most delivered lines first: keyword, lines,
// lines it alone delivers, distinct texts of those, and of those distinct
// texts how many give a finding on their own. Line texts are the scanner's
// (after CI prefixes), lowercased.
package main

import (
	"flag"
	"fmt"
	"os"
	"sort"
	"strings"

	"github.com/regdoctor/regdoctor/internal/diagnose"
	"github.com/regdoctor/regdoctor/internal/logscan"
)

type row struct {
	kw                   string
	lines, alone, aloneD int
	aloneFinding         int
	aloneTexts           map[string]bool
}

func main() {
	top := flag.Int("top", 40, "rows to print (0: all)")
	show := flag.String("show", "", "also print the texts this keyword alone delivers")
	dump := flag.String("dump", "", "write every distinct delivered text and its count to this file (count TAB text, Go-quoted)")
	flag.Parse()
	if flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: kwcount [-top N] LOG")
		os.Exit(2)
	}
	kw := diagnose.Keywords()
	f, err := os.Open(flag.Arg(0))
	if err != nil {
		fmt.Fprintln(os.Stderr, "kwcount:", err)
		os.Exit(3)
	}
	defer f.Close()
	// Distinct lowercase texts and how often each was delivered: a long
	// log repeats its lines, so each text is matched against the keywords
	// once.
	seen := map[string]int{}
	orig := map[string]string{}
	sum, err := logscan.ScanSummary(f, logscan.Options{Keywords: kw}, func(l logscan.Line) error {
		low := strings.ToLower(l.Text)
		if _, ok := seen[low]; !ok {
			orig[low] = l.Text
		}
		seen[low]++
		return nil
	})
	if err != nil {
		fmt.Fprintln(os.Stderr, "kwcount:", err)
		os.Exit(3)
	}
	if *dump != "" {
		var b strings.Builder
		for low, n := range seen {
			fmt.Fprintf(&b, "%d\t%q\n", n, orig[low])
		}
		if err := os.WriteFile(*dump, []byte(b.String()), 0o644); err != nil {
			fmt.Fprintln(os.Stderr, "kwcount:", err)
			os.Exit(3)
		}
	}
	rows := make([]*row, len(kw))
	for i, k := range kw {
		rows[i] = &row{kw: k, aloneTexts: map[string]bool{}}
	}
	none := 0
	for low, n := range seen {
		var hit []int
		for i, k := range kw {
			if strings.Contains(low, k) {
				hit = append(hit, i)
			}
		}
		for _, i := range hit {
			rows[i].lines += n
		}
		switch len(hit) {
		case 0:
			none += n
		case 1:
			r := rows[hit[0]]
			r.alone += n
			r.aloneTexts[low] = true
		}
	}
	for _, r := range rows {
		if r.kw == *show {
			for low := range r.aloneTexts {
				fmt.Printf("%d\t%q\n", seen[low], orig[low])
			}
		}
		r.aloneD = len(r.aloneTexts)
		for low := range r.aloneTexts {
			rep, err := diagnose.Explain(strings.NewReader(orig[low]+"\n"), diagnose.Options{})
			if err == nil && len(rep.Findings) > 0 {
				r.aloneFinding++
			}
		}
	}
	sort.Slice(rows, func(i, j int) bool {
		if rows[i].lines != rows[j].lines {
			return rows[i].lines > rows[j].lines
		}
		return rows[i].kw < rows[j].kw
	})
	fmt.Printf("delivered %d lines (%d distinct texts) of %d; %d hold no keyword after lowercasing the text\n",
		sum.Delivered, len(seen), sum.Lines, none)
	fmt.Printf("%-32s %9s %9s %7s %9s\n", "keyword", "lines", "alone", "alone-d", "finding-d")
	for i, r := range rows {
		if *top > 0 && i == *top {
			break
		}
		fmt.Printf("%-32q %9d %9d %7d %9d\n", r.kw, r.lines, r.alone, r.aloneD, r.aloneFinding)
	}
}
