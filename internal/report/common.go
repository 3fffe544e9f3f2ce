package report

import (
	"crypto/sha256"
	"encoding/hex"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/regdoctor/regdoctor/internal/catalog"
	"github.com/regdoctor/regdoctor/internal/finding"
	"github.com/regdoctor/regdoctor/internal/lint"
	"github.com/regdoctor/regdoctor/internal/redact"
)

// This file holds what the machine-readable formats (sarif, github,
// codequality, markdown) share: rule ids, doc links, where a finding is,
// and a stable fingerprint.

// DocsBase is the URL prefix of regdoctor's generated documentation
// (docs/causes/<id>.md, docs/rules/<ID>.md in the repository).
const DocsBase = "https://github.com/regdoctor/regdoctor/blob/main/"

// StdinName is the artifact name used for a log read from standard input.
const StdinName = "stdin"

// ruleID is the id a finding is filed under: the lint rule id (GHA001) for
// lint findings, otherwise the catalog cause id (stable across releases).
func ruleID(f finding.Finding) string {
	if f.Source == finding.Lint && f.Rule != "" {
		return f.Rule
	}
	if f.Cause != "" {
		return f.Cause
	}
	return f.Rule
}

// docURL is the absolute URL of the page that documents ruleID(f).
func docURL(f finding.Finding) string {
	if f.Source == finding.Lint && f.Rule != "" {
		return DocsBase + "docs/rules/" + url.PathEscape(f.Rule) + ".md"
	}
	if f.Cause != "" {
		return DocsBase + catalog.Cause{ID: url.PathEscape(f.Cause)}.DocPath()
	}
	return DocsBase + "README.md"
}

// ruleInfo is what a format says about a rule: a name, a one-line summary
// and a longer Markdown help. It comes from the lint rule registry or the
// catalog, and falls back to the finding's own title and message.
type ruleInfo struct {
	ID, Name, Summary, Markdown string
}

// causeLookup finds a catalog cause; the golden tests replace it so their
// files do not change whenever the catalog's prose does.
var causeLookup = catalog.Get

func lookupRule(f finding.Finding) ruleInfo {
	id := ruleID(f)
	ri := ruleInfo{ID: id, Name: id, Summary: f.Title}
	if f.Source == finding.Lint && f.Rule != "" {
		if m, ok := lint.Rule(f.Rule); ok {
			if m.Name != "" {
				ri.Name = m.Name
			}
			ri.Summary = m.Summary
			ri.Markdown = m.Description
		}
	} else if c, ok := causeLookup(f.Cause); ok {
		if c.Title != "" {
			ri.Summary = c.Title
		} else if ri.Summary == "" {
			ri.Summary = c.Summary
		}
		ri.Markdown = catalog.Markdown(c)
	}
	if ri.Summary == "" {
		ri.Summary = f.Title
	}
	if ri.Summary == "" {
		ri.Summary = id
	}
	if ri.Markdown == "" {
		ri.Markdown = ri.Summary
	}
	ri.Summary = redact.String(ri.Summary)
	return ri
}

// redacted returns a copy of r whose text taken from the input (input
// name, messages, evidence, registry, repository, step details, context)
// went through redact.String once. The writers of this package work on it,
// so no format prints a credential a producer forgot to mask (defence in
// depth: producers redact already). Titles and fix steps are regdoctor's
// own catalog and rule text, not input: they are left as written, because
// redact's password-flag pattern would also mask `mkdir -p /kaniko/.docker`
// in a fix snippet.
func redacted(r *finding.Report) *finding.Report {
	c := *r
	c.Input = redact.String(r.Input)
	c.Findings = make([]finding.Finding, len(r.Findings))
	for i, f := range r.Findings {
		f.Message = redact.String(f.Message)
		f.Distinguish = redact.String(f.Distinguish)
		f.Registry = redact.String(f.Registry)
		f.Repository = redact.String(f.Repository)
		f.Step = redact.String(f.Step)
		f.File = redact.String(f.File)
		f.Root = redact.String(f.Root)
		ev := make([]finding.Evidence, len(f.Evidence))
		for j, e := range f.Evidence {
			ev[j] = finding.Evidence{Line: e.Line, Text: redact.String(e.Text)}
		}
		f.Evidence = ev
		c.Findings[i] = f
	}
	c.Steps = make([]finding.Step, len(r.Steps))
	for i, s := range r.Steps {
		s.Detail = redact.String(s.Detail)
		c.Steps[i] = s
	}
	c.Context = nil
	for _, s := range r.Context {
		c.Context = append(c.Context, redact.String(s))
	}
	return &c
}

// oneLine folds newlines so a text fits on one line.
func oneLine(s string) string {
	s = strings.ReplaceAll(s, "\r\n", " ")
	return strings.NewReplacer("\r", " ", "\n", " ").Replace(s)
}

// title is the finding's headline: its title, else the rule summary.
func title(f finding.Finding) string {
	if f.Title != "" {
		return oneLine(f.Title)
	}
	return lookupRule(f).Summary
}

// message is the finding's message, else its title.
func message(f finding.Finding) string {
	if f.Message != "" {
		return f.Message
	}
	return title(f)
}

// logName is how an explain report names its input log: the path as given,
// or StdinName for "-" and "".
func logName(r *finding.Report) string {
	if r.Input == "" || r.Input == "-" {
		return StdinName
	}
	return filepath.ToSlash(r.Input)
}

// place is where a finding points in a file, for formats that need one.
type place struct {
	Path                             string // slash-separated; "" when none
	Line, Column, EndLine, EndColumn int    // 1-based; 0 when unknown
	Snippet                          string // the line's text when known (explain)
	lint                             bool   // Path is a repository file
}

// lintPath is the path a lint finding's file is shown at: File, or
// Root/File when the run covered several repository roots (Root is then
// given relative to the working directory, so the path opens from there).
func lintPath(f finding.Finding) string {
	if f.Root == "" {
		return f.File
	}
	return path.Join(filepath.ToSlash(f.Root), f.File)
}

// placeOf locates f: lint findings at File:Line:Column; explain findings in
// the log at their first evidence line; probe findings nowhere (Path "").
func placeOf(r *finding.Report, f finding.Finding) place {
	if f.File != "" {
		return place{Path: lintPath(f), Line: f.Line, Column: f.Column, EndLine: f.EndLine, EndColumn: f.EndColumn, lint: true}
	}
	if f.Source == finding.Probe || (f.Source == "" && r.Mode == finding.Probe) {
		return place{}
	}
	p := place{Path: logName(r)}
	for _, e := range f.Evidence {
		if e.Line > 0 {
			p.Line, p.Snippet = e.Line, e.Text
			break
		}
	}
	return p
}

// workspacePath returns a lint path (relative to Options.Root) relative to
// the working directory instead, which is where GitHub (GITHUB_WORKSPACE)
// and GitLab (CI_PROJECT_DIR) resolve annotation and Code Quality paths when
// regdoctor runs at the repository root: "regdoctor lint sub" reports
// "sub/.github/workflows/x.yml". A path outside the working directory is
// returned unchanged.
func workspacePath(root, file string) string {
	if root == "" || root == "." || file == "" {
		return file
	}
	if !filepath.IsAbs(root) {
		return path.Join(filepath.ToSlash(filepath.Clean(root)), file)
	}
	wd, err := os.Getwd()
	if err != nil {
		return file
	}
	rel, err := filepath.Rel(wd, filepath.Join(root, filepath.FromSlash(file)))
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return file
	}
	return filepath.ToSlash(rel)
}

// fingerprint is a stable hash of what identifies a finding independent of
// line numbers (which shift when a file or log changes): the rule id, the
// path, the message and, for explain, the first evidence text. Findings
// with equal keys are told apart by their occurrence number.
func fingerprint(r *finding.Report, f finding.Finding, occurrence int) string {
	h := sha256.New()
	p := placeOf(r, f)
	for _, s := range []string{string(f.Source), ruleID(f), f.Cause, p.Path, message(f), p.Snippet, f.Registry, f.Repository, f.Step} {
		h.Write([]byte(s))
		h.Write([]byte{0})
	}
	if f.Source == finding.Probe {
		h.Write([]byte(r.Input))
	}
	h.Write([]byte{byte(occurrence), byte(occurrence >> 8), byte(occurrence >> 16)})
	return hex.EncodeToString(h.Sum(nil))
}

// fingerprints returns fingerprint for each finding of r, numbering repeats.
func fingerprints(r *finding.Report) []string {
	seen := map[string]int{}
	out := make([]string, len(r.Findings))
	for i, f := range r.Findings {
		base := fingerprint(r, f, 0)
		n := seen[base]
		seen[base] = n + 1
		if n == 0 {
			out[i] = base
		} else {
			out[i] = fingerprint(r, f, n)
		}
	}
	return out
}

// plural returns "1 finding" or "n findings".
func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return strconv.Itoa(n) + " " + word + "s"
}
