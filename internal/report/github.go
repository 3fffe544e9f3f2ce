package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/regdoctor/regdoctor/internal/finding"
)

func init() {
	Register("github", "GitHub Actions workflow commands (::error file=...::): annotations on the run and the pull request", writeGitHub)
}

// MaxAnnotationsPerLevel is how many annotations of one kind GitHub keeps
// per step: "10 warning annotations, 10 error annotations, and 10 notice
// annotations per step; 50 annotations per job" (actions/toolkit
// docs/problem-matchers.md, Limitations); later ones are dropped silently.
// Findings past it are printed as plain log lines and the last annotation
// of that kind says so.
const MaxAnnotationsPerLevel = 10

// writeGitHub writes one workflow command per finding
// (https://docs.github.com/en/actions/reference/workflows-and-actions/workflow-commands):
//
//	::error file=F,line=L,endLine=E,col=C,endColumn=D,title=T::message
//
// Lint findings annotate their file and line; explain findings annotate the
// log file at the first evidence line (no file for stdin); probe findings
// have no file, and the probe steps go in a collapsed ::group::.
func writeGitHub(w io.Writer, r *finding.Report, o Options) error {
	r = redacted(r)
	var b strings.Builder
	if len(r.Steps) > 0 {
		fmt.Fprintf(&b, "::group::%s\n", escapeData("regdoctor probe "+r.Input))
		for _, s := range r.Steps {
			line := fmt.Sprintf("%-7s %-10s %6s  %s", s.Outcome, s.Name, fmtDuration(s), s.Detail)
			b.WriteString(plainLine(strings.TrimRight(line, " ")))
		}
		b.WriteString("::endgroup::\n")
	}
	if len(r.Findings) == 0 {
		b.WriteString(plainLine("regdoctor " + string(r.Mode) + ": no findings"))
		_, err := io.WriteString(w, b.String())
		return err
	}

	levels := make([]string, len(r.Findings))
	total := map[string]int{}
	for i, f := range r.Findings {
		levels[i] = ghLevel(f.Severity)
		if alternative(r, i) {
			levels[i] = "notice"
		}
		total[levels[i]]++
	}
	shown := map[string]int{}
	var overflow []finding.Finding
	for i, f := range r.Findings {
		lv := levels[i]
		if total[lv] > MaxAnnotationsPerLevel && shown[lv] == MaxAnnotationsPerLevel-1 {
			overflow = append(overflow, f)
			continue
		}
		shown[lv]++
		b.WriteString(annotation(r, f, o, lv, alternative(r, i)))
	}
	for _, lv := range []string{"error", "warning", "notice"} {
		if n := total[lv] - shown[lv]; n > 0 {
			fmt.Fprintf(&b, "::%s title=%s::%s\n", lv, escapeProperty("regdoctor: more findings"),
				escapeData(fmt.Sprintf("%s not annotated: GitHub shows %d %s annotations per step. They are listed in this step's log; run with --format text or markdown for all.",
					plural(n, "more "+lv), MaxAnnotationsPerLevel, lv)))
		}
	}
	for _, f := range overflow {
		p := placeOf(r, f)
		if p.lint {
			p.Path = workspacePath(o.Root, p.Path)
		}
		where := ""
		if p.Path != "" {
			where = p.Path
			if p.Line > 0 {
				where += fmt.Sprintf(":%d", p.Line)
				if p.Column > 0 {
					where += fmt.Sprintf(":%d", p.Column)
				}
			}
			where += ": "
		}
		b.WriteString(plainLine(fmt.Sprintf("regdoctor: %s%s: %s [%s]", where, f.Severity, message(f), ruleID(f))))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// annotation renders one finding as a workflow command line.
func annotation(r *finding.Report, f finding.Finding, o Options, level string, alt bool) string {
	p := placeOf(r, f)
	if p.lint {
		p.Path = workspacePath(o.Root, p.Path)
	}
	var props []string
	if p.Path != "" && p.Path != StdinName {
		props = append(props, "file="+escapeProperty(p.Path))
		if p.Line > 0 {
			props = append(props, fmt.Sprintf("line=%d", p.Line))
			if p.EndLine > 0 {
				props = append(props, fmt.Sprintf("endLine=%d", p.EndLine))
			}
			if p.Column > 0 {
				props = append(props, fmt.Sprintf("col=%d", p.Column))
				if p.EndColumn > 0 {
					props = append(props, fmt.Sprintf("endColumn=%d", p.EndColumn))
				}
			}
		}
	}
	head := "regdoctor"
	if alt {
		head += fmt.Sprintf(" (also possible, confidence %.2f)", f.Confidence)
	}
	if f.Step != "" {
		head += " probe step " + oneLine(f.Step)
	}
	props = append(props, "title="+escapeProperty(fmt.Sprintf("%s: %s [%s]", head, title(f), ruleID(f))))

	var m strings.Builder
	m.WriteString(message(f))
	if f.Registry != "" || f.Repository != "" {
		fmt.Fprintf(&m, "\nregistry: %s", strings.Trim(f.Registry+"/"+f.Repository, "/"))
	}
	if f.Source != finding.Lint && len(f.Evidence) > 0 {
		m.WriteString("\nevidence:")
		for _, e := range f.Evidence {
			if e.Line > 0 {
				fmt.Fprintf(&m, "\n%6d | %s", e.Line, oneLine(e.Text))
			} else {
				fmt.Fprintf(&m, "\n       | %s", oneLine(e.Text))
			}
		}
	}
	if len(f.Fix) > 0 {
		m.WriteString("\nfix:")
		for _, s := range f.Fix {
			m.WriteString("\n- " + s)
		}
	}
	m.WriteString("\nmore: " + docURL(f))
	return fmt.Sprintf("::%s %s::%s\n", level, strings.Join(props, ","), escapeData(m.String()))
}

// alternative reports whether finding i of an explain report is a less
// likely candidate for the same failure (explain ranks candidates best
// first; only the first is the likely cause). Alternatives are annotated as
// notices so a job shows one error for one failure.
func alternative(r *finding.Report, i int) bool {
	return i > 0 && r.Mode == finding.Explain && r.Findings[i].Source != finding.Lint
}

// ghLevel maps a severity to a workflow command: error, warning or notice.
func ghLevel(s finding.Severity) string {
	switch s {
	case finding.Error:
		return "error"
	case finding.Warning:
		return "warning"
	}
	return "notice"
}

// escapeData escapes a workflow command's message the way the runner
// unescapes it (actions/toolkit packages/core/src/command.ts escapeData):
// '%' first, then CR and LF.
func escapeData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

// escapeProperty escapes a property value (command.ts escapeProperty):
// as escapeData plus ':' and ',' which delimit properties.
func escapeProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}

// plainLine returns s as one log line that the runner cannot mistake for a
// workflow command: newlines are folded and it never starts with "::".
func plainLine(s string) string {
	s = oneLine(s)
	if strings.HasPrefix(strings.TrimLeft(s, " \t"), "::") {
		s = "  " + strings.TrimLeft(s, " \t")
		s = strings.Replace(s, "::", ": :", 1)
	}
	return s + "\n"
}
