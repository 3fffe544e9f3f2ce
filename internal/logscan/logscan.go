// Package logscan reads CI job logs of any size and delivers the lines that
// may matter, normalised: ANSI colour, CI timestamps and markers removed.
//
// This first version is a simple reference implementation; the API is the
// contract diagnose builds on.
package logscan

import (
	"bufio"
	"io"
	"regexp"
	"strings"
)

// Line is one normalised line of a job log.
type Line struct {
	N    int    // 1-based line number in the input file (or zip entry)
	File string // zip entry name for a log archive; "" for a plain log
	Text string // normalised text (no ANSI, no CI timestamp/prefix)
}

// Options select which lines Scan delivers.
type Options struct {
	// Keywords: a line is delivered only when its raw text contains at
	// least one of them (ASCII case-insensitive). Empty delivers every line.
	Keywords []string
}

var ansi = regexp.MustCompile(`\x1b\[[0-9;?]*[A-Za-z]`)
var ghTimestamp = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z ?`)

// Normalize strips ANSI sequences and a leading GitHub Actions timestamp.
func Normalize(s string) string {
	s = ansi.ReplaceAllString(s, "")
	s = ghTimestamp.ReplaceAllString(s, "")
	return strings.TrimRight(s, "\r")
}

// Scan reads r and calls fn for every line that passes o.Keywords, in
// input order. fn's error stops the scan and is returned.
func Scan(r io.Reader, o Options, fn func(Line) error) error {
	kw := make([]string, len(o.Keywords))
	for i, k := range o.Keywords {
		kw[i] = strings.ToLower(k)
	}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 16*1024*1024)
	n := 0
	for sc.Scan() {
		n++
		raw := sc.Text()
		if len(kw) > 0 {
			low := strings.ToLower(raw)
			hit := false
			for _, k := range kw {
				if strings.Contains(low, k) {
					hit = true
					break
				}
			}
			if !hit {
				continue
			}
		}
		if err := fn(Line{N: n, Text: Normalize(raw)}); err != nil {
			return err
		}
	}
	return sc.Err()
}
