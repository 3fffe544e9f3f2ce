// Package finding defines the one shape every regdoctor mode reports: explain
// (a CI job log), lint (a CI configuration) and probe (a live registry check).
//
// A Finding always names exactly one cause id from the catalog (the contract in
// shared/domain/causes.md). Report writers in internal/report turn a Report into
// text, JSON, SARIF, GitHub annotations, GitLab Code Quality or Markdown.
package finding

import (
	"sort"
	"time"
)

// Severity is how sure a finding is to break a push or pull.
type Severity string

// Severities, in the order report formats rank them.
const (
	Error   Severity = "error"   // very likely to fail the push/pull
	Warning Severity = "warning" // fails under common but not certain conditions
	Info    Severity = "info"    // worth knowing; does not fail by itself
)

// Source names the mode that produced a finding.
type Source string

// Sources.
const (
	Explain Source = "explain"
	Lint    Source = "lint"
	Probe   Source = "probe"
)

// Evidence is one input line that supports a finding.
type Evidence struct {
	// Line is the 1-based line number in the input as the user has it
	// (before any prefix stripping), or 0 when the evidence is not a line.
	Line int `json:"line"`
	// Text is the line with colour codes and CI prefixes removed and
	// secrets redacted (see internal/redact). Never a raw credential.
	Text string `json:"text"`
}

// Finding is one diagnosed cause.
//
// JSON field names are a public contract: explain's `findings[].cause`,
// `confidence` and `evidence[].line/text` are read by shared/tools/score-explain;
// lint's `rule`, `severity`, `file`, `line`, `column`, `message` by CI users.
type Finding struct {
	Cause      string   `json:"cause"`      // catalog id, e.g. "gh-token-packages-permission"
	Title      string   `json:"title"`      // the catalog title of Cause
	Confidence float64  `json:"confidence"` // 0..1; explain ranks by it, lint and probe use 1 for certain
	Severity   Severity `json:"severity"`
	Source     Source   `json:"source"`
	Rule       string   `json:"rule,omitempty"` // lint rule id (GHA001...) or explain signature id
	Message    string   `json:"message"`        // one or two sentences specific to this input

	// Position in a file (lint), 1-based; zero when not applicable.
	File      string `json:"file,omitempty"` // relative to the lint root, slash-separated
	Line      int    `json:"line,omitempty"`
	Column    int    `json:"column,omitempty"`
	EndLine   int    `json:"endLine,omitempty"`
	EndColumn int    `json:"endColumn,omitempty"`
	// Root is the repository root File is relative to, set only when one
	// lint run covers several roots: as given on the command line, or
	// relative to the working directory when inside it, else absolute.
	Root string `json:"root,omitempty"`

	Evidence []Evidence `json:"evidence,omitempty"`

	Platform   string `json:"platform,omitempty"`   // github-actions, gitlab-ci, jenkins, ... ("" = unknown)
	Registry   string `json:"registry,omitempty"`   // registry host as written, e.g. "ghcr.io"
	Repository string `json:"repository,omitempty"` // repository path without host, e.g. "acme/app"
	Step       string `json:"step,omitempty"`       // probe step that failed, e.g. "token"

	// Fix is what to change, already chosen for the detected platform and
	// registry (catalog.Cause.FixFor).
	Fix []string `json:"fix,omitempty"`
	// Distinguish says how to tell this cause from the other candidates
	// reported for the same input (empty when there is only one).
	Distinguish string `json:"distinguish,omitempty"`
	// Doc is a path or URL to the cause's documentation page.
	Doc string `json:"doc,omitempty"`
}

// StepOutcome is the result of one probe step.
type StepOutcome string

// Step outcomes.
const (
	StepOK      StepOutcome = "ok"
	StepFail    StepOutcome = "fail"
	StepWarn    StepOutcome = "warn"
	StepSkipped StepOutcome = "skipped"
)

// Step is one step of a live probe (reference, dns, tcp, tls, ping, token,
// upload, ...), reported in order.
type Step struct {
	Name     string        `json:"name"`
	Outcome  StepOutcome   `json:"outcome"`
	Detail   string        `json:"detail,omitempty"`
	Duration time.Duration `json:"duration_ns"`
}

// Report is what one run of a mode produces; every format writes one.
type Report struct {
	Tool     string    `json:"tool"`              // "regdoctor"
	Version  string    `json:"version"`           // build version
	Mode     Source    `json:"mode"`              // explain, lint or probe
	Input    string    `json:"input,omitempty"`   // file, "-", directory or image reference
	Findings []Finding `json:"findings"`          // best first; never nil in JSON
	Steps    []Step    `json:"steps,omitempty"`   // probe only
	Context  []string  `json:"context,omitempty"` // facts the mode used, e.g. "platform: github-actions"
}

// Sort orders findings best first: higher confidence, then higher severity,
// then by file position. It is stable, so callers' order breaks ties.
func Sort(fs []Finding) {
	sort.SliceStable(fs, func(i, j int) bool {
		a, b := fs[i], fs[j]
		if a.File != b.File && a.Source == Lint {
			return a.File < b.File
		}
		if a.Source == Lint && a.Line != b.Line {
			return a.Line < b.Line
		}
		if a.Confidence != b.Confidence {
			return a.Confidence > b.Confidence
		}
		if SeverityRank(a.Severity) != SeverityRank(b.Severity) {
			return SeverityRank(a.Severity) > SeverityRank(b.Severity)
		}
		return false
	})
}

// SeverityRank maps a severity to 3 (error), 2 (warning), 1 (info), 0 (other).
func SeverityRank(s Severity) int {
	switch s {
	case Error:
		return 3
	case Warning:
		return 2
	case Info:
		return 1
	}
	return 0
}
