// Package lint finds, at file:line:col, what in a CI configuration will make
// a container-registry push fail. Each platform (GitHub Actions, GitLab CI)
// has a Checker in its own sub-package; each rule has an id, a cause id from
// the catalog, a severity and a doc page (docs/rules/<ID>.md, generated).
package lint

import (
	"sort"

	"github.com/regdoctor/regdoctor/internal/finding"
)

// Meta describes one rule. Every rule file registers its Meta in init.
type Meta struct {
	ID       string           // stable id: GHA001, GLC006, SHX002 ...
	Name     string           // kebab-case name: ghcr-push-without-packages-write
	Cause    string           // catalog cause id the rule reports
	Severity finding.Severity // default severity
	Platform string           // "github-actions", "gitlab-ci" or "shell"
	Summary  string           // one line: what it detects
	// Description explains why it fails at run time and how to fix it
	// (Markdown, used for the doc page), with its sources.
	Description string
	// Broken and Fixed are minimal configurations (YAML) the rule flags and
	// does not flag; the doc page shows them and the golden tests run them.
	Broken, Fixed string
}

var rules = map[string]Meta{}

// Register adds a rule's metadata. It panics on a duplicate id.
func Register(m Meta) {
	if _, dup := rules[m.ID]; dup {
		panic("lint: duplicate rule " + m.ID)
	}
	rules[m.ID] = m
}

// Rules returns every registered rule sorted by id.
func Rules() []Meta {
	out := make([]Meta, 0, len(rules))
	for _, m := range rules {
		out = append(out, m)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}

// Rule returns one rule's metadata.
func Rule(id string) (Meta, bool) { m, ok := rules[id]; return m, ok }

// Checker lints the configuration files of one CI platform.
type Checker interface {
	// Platform is "github-actions" or "gitlab-ci".
	Platform() string
	// Discover lists the files under root (a repository root) this checker
	// reads, as slash-separated paths relative to root.
	Discover(root string) ([]string, error)
	// Owns reports whether a file named explicitly on the command line
	// (relative to root) is one of this checker's.
	Owns(rel string, content []byte) bool
	// Check lints files (relative to root) and returns findings with File
	// relative to root, 1-based Line and Column, Rule, Cause, Severity and
	// Message set. Errors are for unreadable input only; a YAML syntax error
	// is reported as a finding-free error per file by the caller.
	Check(root string, files []string) ([]finding.Finding, error)
}

var checkers []Checker

// RegisterChecker adds a platform checker (called from the platform package's init).
func RegisterChecker(c Checker) { checkers = append(checkers, c) }

// Checkers returns the registered checkers in registration order.
func Checkers() []Checker { return checkers }
