package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/regdoctor/regdoctor/internal/finding"
)

func init() {
	Register("text", "human-readable text; colour on a terminal unless NO_COLOR is set", writeText)
}

const (
	ansiReset  = "\x1b[0m"
	ansiBold   = "\x1b[1m"
	ansiDim    = "\x1b[2m"
	ansiRed    = "\x1b[31m"
	ansiYellow = "\x1b[33m"
	ansiCyan   = "\x1b[36m"
	ansiGreen  = "\x1b[32m"
)

type painter bool

func (p painter) paint(code, s string) string {
	if !p || s == "" {
		return s
	}
	return code + s + ansiReset
}

func writeText(w io.Writer, r *finding.Report, o Options) error {
	p := painter(o.Color)
	var b strings.Builder
	if len(r.Steps) > 0 {
		fmt.Fprintf(&b, "%s\n", p.paint(ansiBold, "steps"))
		for _, s := range r.Steps {
			mark := map[finding.StepOutcome]string{finding.StepOK: p.paint(ansiGreen, "ok  "), finding.StepFail: p.paint(ansiRed, "FAIL"),
				finding.StepWarn: p.paint(ansiYellow, "warn"), finding.StepSkipped: p.paint(ansiDim, "skip")}[s.Outcome]
			fmt.Fprintf(&b, "  %s %-11s %6s  %s\n", mark, s.Name, fmtDuration(s), s.Detail)
		}
		b.WriteString("\n")
	}
	if len(r.Findings) == 0 {
		switch r.Mode {
		case finding.Explain:
			b.WriteString("No container-registry failure found in this log.\n")
		case finding.Lint:
			b.WriteString("No problems found.\n")
		case finding.Probe:
			b.WriteString("No problem found.\n")
		}
		_, err := io.WriteString(w, b.String())
		return err
	}
	for i, f := range r.Findings {
		if i > 0 {
			b.WriteString("\n")
		}
		if r.Mode == finding.Lint && f.File != "" {
			writeLintText(&b, p, f, o)
			continue
		}
		head := fmt.Sprintf("%s (%s)", f.Title, f.Cause)
		if r.Mode == finding.Explain {
			label := "likely cause"
			if i > 0 {
				label = "also possible"
			}
			fmt.Fprintf(&b, "%s %s  %s\n", p.paint(ansiBold+ansiRed, label+":"), p.paint(ansiBold, head), p.paint(ansiDim, fmt.Sprintf("confidence %.2f", f.Confidence)))
		} else {
			fmt.Fprintf(&b, "%s %s\n", p.paint(ansiBold+sevColor(f.Severity), string(f.Severity)+":"), p.paint(ansiBold, head))
		}
		if f.Message != "" {
			fmt.Fprintf(&b, "  %s\n", f.Message)
		}
		if f.Registry != "" || f.Repository != "" {
			fmt.Fprintf(&b, "  %s %s\n", p.paint(ansiDim, "registry:"), strings.Trim(f.Registry+"/"+f.Repository, "/"))
		}
		if len(f.Evidence) > 0 {
			fmt.Fprintf(&b, "  %s\n", p.paint(ansiDim, "evidence:"))
			for _, e := range f.Evidence {
				num := fmt.Sprintf("%5d |", e.Line)
				if e.Line <= 0 { // not a line of the input (probe evidence)
					num = "      |"
				}
				fmt.Fprintf(&b, "    %s %s\n", p.paint(ansiCyan, num), e.Text)
			}
		}
		if f.Distinguish != "" {
			fmt.Fprintf(&b, "  %s %s\n", p.paint(ansiDim, "tell apart:"), f.Distinguish)
		}
		writeFix(&b, p, f)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func writeFix(b *strings.Builder, p painter, f finding.Finding) {
	if len(f.Fix) == 0 {
		return
	}
	fmt.Fprintf(b, "  %s\n", p.paint(ansiGreen, "fix:"))
	for _, s := range f.Fix {
		fmt.Fprintf(b, "    - %s\n", strings.ReplaceAll(s, "\n", "\n      "))
	}
	if f.Doc != "" {
		fmt.Fprintf(b, "  %s %s\n", p.paint(ansiDim, "more:"), f.Doc)
	}
}

// writeLintText prints "file:line:col: severity: message [rule]" then a
// snippet, like actionlint. The file is shown from the working directory
// ("regdoctor lint sub" prints sub/.github/workflows/x.yml), so that a
// terminal or an editor opens what it names.
func writeLintText(b *strings.Builder, p painter, f finding.Finding, o Options) {
	file := lintPath(f)
	shown := file
	if f.Root == "" {
		shown = workspacePath(o.Root, file)
	}
	fmt.Fprintf(b, "%s:%d:%d: %s %s %s\n", p.paint(ansiBold, shown), f.Line, f.Column,
		p.paint(sevColor(f.Severity), string(f.Severity)+":"), f.Message, p.paint(ansiDim, "["+f.Rule+" "+f.Cause+"]"))
	if o.Source != nil && f.Line > 0 {
		if src, ok := o.Source(file, f.Line); ok {
			fmt.Fprintf(b, "  %s %s\n", p.paint(ansiCyan, fmt.Sprintf("%4d |", f.Line)), src)
			if f.Column > 0 {
				pad := strings.Repeat(" ", f.Column-1)
				fmt.Fprintf(b, "         %s%s\n", pad, p.paint(ansiGreen, "^~~"))
			}
		}
	}
	writeFix(b, p, f)
}

func sevColor(s finding.Severity) string {
	switch s {
	case finding.Error:
		return ansiRed
	case finding.Warning:
		return ansiYellow
	}
	return ansiCyan
}

func fmtDuration(s finding.Step) string {
	if s.Outcome == finding.StepSkipped {
		return ""
	}
	ms := s.Duration.Milliseconds()
	if ms < 1 {
		return "<1ms"
	}
	return fmt.Sprintf("%dms", ms)
}
