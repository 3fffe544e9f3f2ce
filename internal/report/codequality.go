package report

import (
	"encoding/json"
	"io"
	"strings"

	"github.com/regdoctor/regdoctor/internal/finding"
)

func init() {
	Register("codequality", "GitLab Code Quality JSON (artifacts:reports:codequality): merge request widget and diff annotations", writeCodeQuality)
}

// cqIssue is one GitLab Code Quality issue, the Code Climate subset GitLab
// reads (docs.gitlab.com/ci/testing/code_quality, "Code Quality report
// format"): description, check_name, fingerprint, severity and
// location.path with location.lines.begin are required.
type cqIssue struct {
	Type        string     `json:"type"` // always "issue"
	CheckName   string     `json:"check_name"`
	Description string     `json:"description"`
	Content     *cqContent `json:"content,omitempty"` // Markdown body: fix steps and doc link
	Categories  []string   `json:"categories"`
	Fingerprint string     `json:"fingerprint"` // stable hash, see fingerprint
	Severity    string     `json:"severity"`    // info, minor, major, critical or blocker
	Location    cqLocation `json:"location"`
}

type cqContent struct {
	Body string `json:"body"`
}

type cqLocation struct {
	Path  string  `json:"path"`
	Lines cqLines `json:"lines"`
}

type cqLines struct {
	Begin int `json:"begin"`
	End   int `json:"end,omitempty"`
}

// writeCodeQuality writes a JSON array of issues (an empty array when
// there is nothing, which GitLab reads as "no issues"). GitLab needs a path
// for every issue: lint findings use their file; explain findings the log
// name (StdinName for standard input) and the first evidence line; probe
// findings the image reference, at line 1.
func writeCodeQuality(w io.Writer, r *finding.Report, o Options) error {
	r = redacted(r)
	issues := make([]cqIssue, 0, len(r.Findings))
	fps := fingerprints(r)
	for i, f := range r.Findings {
		p := placeOf(r, f)
		if p.lint {
			p.Path = workspacePath(o.Root, p.Path)
		}
		if p.Path == "" {
			p.Path = nonEmpty(r.Input, "regdoctor")
		}
		desc := oneLine(message(f))
		if f.Step != "" {
			desc = "probe step " + oneLine(f.Step) + ": " + desc
		}
		is := cqIssue{
			Type:        "issue",
			CheckName:   ruleID(f),
			Description: desc,
			Categories:  []string{"Bug Risk"},
			Fingerprint: fps[i],
			Severity:    cqSeverity(f.Severity),
			Location:    cqLocation{Path: p.Path, Lines: cqLines{Begin: max(p.Line, 1)}},
		}
		if p.EndLine > p.Line {
			is.Location.Lines.End = p.EndLine
		}
		var body strings.Builder
		body.WriteString(title(f) + " (`" + ruleID(f) + "`)\n")
		if len(f.Fix) > 0 {
			body.WriteString("\nFix:\n")
			for _, s := range f.Fix {
				body.WriteString(mdListItem(s))
			}
		}
		body.WriteString("\nMore: " + docURL(f) + "\n")
		is.Content = &cqContent{Body: body.String()}
		issues = append(issues, is)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(issues)
}

// cqSeverity maps a severity to Code Quality's scale: a finding that fails
// the push is critical, a conditional one major, a note info.
func cqSeverity(s finding.Severity) string {
	switch s {
	case finding.Error:
		return "critical"
	case finding.Warning:
		return "major"
	}
	return "info"
}
