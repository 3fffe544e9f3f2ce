// Package report writes a finding.Report in one of several formats. Each
// format lives in its own file and registers itself with Register.
package report

import (
	"fmt"
	"io"
	"sort"

	"github.com/regdoctor/regdoctor/internal/finding"
)

// Options tune a writer. Writers ignore options that do not apply to them.
type Options struct {
	Color bool // ANSI colour (text only); the CLI sets it from the TTY and NO_COLOR
	// Root is the directory lint paths are relative to (SARIF uri base).
	Root string
	// Source holds the input's lines by file for snippets; may be nil.
	Source func(file string, line int) (string, bool)
}

// Writer writes one report.
type Writer func(w io.Writer, r *finding.Report, o Options) error

var writers = map[string]Writer{}
var help = map[string]string{}

// Register adds a format. It panics on a duplicate name (a programming error).
func Register(name, description string, fn Writer) {
	if _, dup := writers[name]; dup {
		panic("report: duplicate format " + name)
	}
	writers[name] = fn
	help[name] = description
}

// Formats returns the registered format names, sorted.
func Formats() []string {
	var names []string
	for n := range writers {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// Describe returns the one-line description of a format.
func Describe(name string) string { return help[name] }

// Write writes r in format. An unknown format is an error naming the known ones.
func Write(w io.Writer, format string, r *finding.Report, o Options) error {
	fn, ok := writers[format]
	if !ok {
		return fmt.Errorf("unknown format %q (known: %v)", format, Formats())
	}
	if r.Findings == nil {
		r.Findings = []finding.Finding{}
	}
	return fn(w, r, o)
}
