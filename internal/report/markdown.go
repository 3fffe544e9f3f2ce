package report

import (
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/regdoctor/regdoctor/internal/finding"
)

func init() {
	Register("markdown", "Markdown summary for $GITHUB_STEP_SUMMARY or a merge request comment (at most 1 MiB)", writeMarkdown)
}

// MaxMarkdownBytes is the size limit of a job summary: GitHub accepts at
// most 1024 KiB per step in $GITHUB_STEP_SUMMARY and fails the upload above
// it (docs.github.com "Workflow commands", "Adding a job summary"). The
// writer stops adding findings before the limit and says how many it left out.
const MaxMarkdownBytes = 1024 * 1024

// Limits that keep one finding's section readable.
const (
	mdTableRows     = 50  // findings listed in the summary table
	mdEvidenceLines = 20  // evidence lines shown per finding
	mdLineRunes     = 300 // runes shown per evidence line
)

// writeMarkdown writes a heading with the counts, a summary table, the
// probe steps (probe) and one section per finding with evidence, fix and a
// link to the cause's or rule's page. All text from the input is escaped
// (HTML, table pipes, newlines) or fenced, so a log line cannot inject
// Markdown or HTML into the summary.
func writeMarkdown(w io.Writer, r *finding.Report, _ Options) error {
	return writeMarkdownLimit(w, r, MaxMarkdownBytes)
}

// writeMarkdownLimit is writeMarkdown with a size limit in bytes.
func writeMarkdownLimit(w io.Writer, r *finding.Report, limit int) error {
	r = redacted(r)
	var head strings.Builder
	input := r.Input
	if r.Mode == finding.Explain {
		input = logName(r)
	}
	fmt.Fprintf(&head, "### regdoctor %s: %s", r.Mode, countText(r.Findings))
	if input != "" {
		fmt.Fprintf(&head, " in %s", codeSpan(input))
	}
	head.WriteString("\n\n")
	if len(r.Steps) > 0 {
		head.WriteString("| Step | Outcome | Time | Detail |\n|---|---|---|---|\n")
		for _, s := range r.Steps {
			fmt.Fprintf(&head, "| %s | %s %s | %s | %s |\n", cell(s.Name), stepIcon(s.Outcome), s.Outcome, fmtDuration(s), cell(short(s.Detail, 200)))
		}
		head.WriteString("\n")
	}
	if len(r.Findings) == 0 {
		switch r.Mode {
		case finding.Explain:
			head.WriteString("No container-registry failure found in this log.\n")
		default:
			head.WriteString("No problems found.\n")
		}
		_, err := io.WriteString(w, head.String())
		return err
	}

	head.WriteString("| # | Severity | Cause | Where | Message |\n|---|---|---|---|---|\n")
	for i, f := range r.Findings {
		if i == mdTableRows {
			fmt.Fprintf(&head, "| | | | | %s more below |\n", plural(len(r.Findings)-mdTableRows, "finding"))
			break
		}
		fmt.Fprintf(&head, "| %d | %s %s | [%s](%s) | %s | %s |\n", i+1, sevIcon(f.Severity), f.Severity,
			cell(short(title(f), 120)), docURL(f), cell(short(where(r, f), 120)), cell(short(message(f), 200)))
	}
	head.WriteString("\n")

	out := head.String()
	// Reserve room for the truncation note.
	budget := limit - 512
	shown := 0
	var b strings.Builder
	b.WriteString(out)
	for i, f := range r.Findings {
		sec := mdSection(r, i, f)
		if b.Len()+len(sec) > budget {
			break
		}
		b.WriteString(sec)
		shown++
	}
	if shown < len(r.Findings) {
		fmt.Fprintf(&b, "> [!NOTE]\n> %s not shown: a job summary holds at most %d KiB. Run `regdoctor %s --format json` for the full report.\n",
			plural(len(r.Findings)-shown, "more finding"), limit/1024, r.Mode)
	}
	s := b.String()
	if len(s) > limit { // only when the head itself is too large
		s = truncateUTF8(s, limit-200) + fmt.Sprintf("\n\n> [!NOTE]\n> Summary truncated at %d KiB.\n", limit/1024)
	}
	_, err := io.WriteString(w, s)
	return err
}

func mdSection(r *finding.Report, i int, f finding.Finding) string {
	var b strings.Builder
	fmt.Fprintf(&b, "#### %d. %s (%s)\n\n", i+1, inline(title(f)), codeSpan(ruleID(f)))
	meta := []string{"**" + string(f.Severity) + "**"}
	if r.Mode == finding.Explain || f.Source == finding.Explain {
		meta = append(meta, fmt.Sprintf("confidence %.2f", f.Confidence))
	}
	if w := where(r, f); w != "" {
		meta = append(meta, codeSpan(w))
	}
	if f.Rule != "" && f.Rule != ruleID(f) {
		meta = append(meta, "signature "+codeSpan(f.Rule))
	}
	if f.Registry != "" || f.Repository != "" {
		meta = append(meta, "registry "+codeSpan(strings.Trim(f.Registry+"/"+f.Repository, "/")))
	}
	if f.Step != "" {
		meta = append(meta, "failed step "+codeSpan(f.Step))
	}
	b.WriteString(strings.Join(meta, " · ") + "\n\n")
	b.WriteString(block(message(f)) + "\n\n")
	if len(f.Evidence) > 0 {
		var ev strings.Builder
		for j, e := range f.Evidence {
			if j == mdEvidenceLines {
				fmt.Fprintf(&ev, "… %d more lines\n", len(f.Evidence)-mdEvidenceLines)
				break
			}
			text := oneLine(e.Text)
			text = short(text, mdLineRunes)
			if e.Line > 0 {
				fmt.Fprintf(&ev, "%6d | %s\n", e.Line, text)
			} else {
				fmt.Fprintf(&ev, "       | %s\n", text)
			}
		}
		fmt.Fprintf(&b, "<details><summary>Evidence (%s)</summary>\n\n%s\n</details>\n\n", plural(len(f.Evidence), "line"), fence(ev.String()))
	}
	if f.Distinguish != "" {
		fmt.Fprintf(&b, "**Tell apart:** %s\n\n", inline(f.Distinguish))
	}
	if len(f.Fix) > 0 {
		b.WriteString("**Fix**\n\n")
		for _, s := range f.Fix {
			b.WriteString(mdListItem(s))
		}
		b.WriteString("\n")
	}
	fmt.Fprintf(&b, "[What this means and how to confirm it](%s)\n\n", docURL(f))
	return b.String()
}

// mdListItem renders one fix step as a list item. A step of several lines
// (the catalog's fixes carry YAML or shell snippets after a first line of
// prose) keeps its first line as text and the rest, indentation intact, in
// a code block inside the item.
func mdListItem(s string) string {
	s = strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n")
	first, rest, multi := strings.Cut(strings.TrimRight(s, "\n"), "\n")
	if !multi || strings.TrimSpace(rest) == "" {
		return "- " + block(s) + "\n"
	}
	var b strings.Builder
	b.WriteString("- " + block(first) + "\n\n")
	for _, l := range strings.Split(strings.TrimRight(fence(rest+"\n"), "\n"), "\n") {
		if l == "" {
			b.WriteString("\n")
			continue
		}
		b.WriteString("  " + l + "\n")
	}
	return b.String()
}

// where names the finding's position: file:line:col, log:line, or "".
func where(r *finding.Report, f finding.Finding) string {
	p := placeOf(r, f)
	if p.Path == "" {
		return ""
	}
	s := p.Path
	if p.Line > 0 {
		s += fmt.Sprintf(":%d", p.Line)
		if p.Column > 0 {
			s += fmt.Sprintf(":%d", p.Column)
		}
	}
	return s
}

func countText(fs []finding.Finding) string {
	if len(fs) == 0 {
		return "no findings"
	}
	return plural(len(fs), "finding")
}

var htmlEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;")

// inline escapes text for Markdown: outside code spans HTML is
// neutralised (&, <, >); line breaks become <br>, so input cannot start a
// heading, list or fence on a new line. Code spans (backtick runs, as
// regdoctor's messages use them) are kept: their content renders literally.
func inline(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	var b strings.Builder
	for i := 0; i < len(s); {
		switch c := s[i]; c {
		case '`':
			n := runAt(s, i, '`')
			if j := closingRun(s, i+n, n); j >= 0 {
				b.WriteString(strings.ReplaceAll(s[i:j+n], "\n", " "))
				i = j + n
				continue
			}
			b.WriteString(s[i : i+n])
			i += n
		case '&':
			b.WriteString("&amp;")
			i++
		case '<':
			b.WriteString("&lt;")
			i++
		case '>':
			b.WriteString("&gt;")
			i++
		case '\n':
			b.WriteString("<br>")
			i++
		default:
			b.WriteByte(c)
			i++
		}
	}
	return b.String()
}

// block is inline text that starts a paragraph or list item: a leading
// character that would open a heading, list, quote, fence or table is
// backslash-escaped (CommonMark §2.4) and leading blanks are dropped.
func block(s string) string {
	s = strings.TrimLeft(inline(s), " \t")
	if s == "" {
		return s
	}
	switch {
	case strings.HasPrefix(s, "```"), strings.HasPrefix(s, "~~~"):
		return "\\" + s
	case strings.ContainsRune("#-+*=|_", rune(s[0])):
		return "\\" + s
	}
	if k := strings.IndexFunc(s, func(r rune) bool { return r < '0' || r > '9' }); k > 0 && (s[k] == '.' || s[k] == ')') {
		return s[:k] + "\\" + s[k:]
	}
	return s
}

// runAt is the length of the run of c starting at i.
func runAt(s string, i int, c byte) int {
	n := 0
	for i+n < len(s) && s[i+n] == c {
		n++
	}
	return n
}

// closingRun finds, from i, a run of exactly n backticks; -1 if none.
func closingRun(s string, i, n int) int {
	for i < len(s) {
		if s[i] == '`' {
			m := runAt(s, i, '`')
			if m == n {
				return i
			}
			i += m
			continue
		}
		i++
	}
	return -1
}

// short cuts s to n runes, marking the cut with "…".
func short(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n]) + "…"
}

// cell escapes text for a table cell: as inline, plus '|'.
func cell(s string) string {
	return strings.ReplaceAll(inline(s), "|", `\|`)
}

// codeSpan wraps s in a code span whose backtick run is longer than any in s
// (CommonMark §6.1). Newlines are folded; '|' is escaped for tables, which
// GFM applies inside code spans too.
func codeSpan(s string) string {
	s = strings.ReplaceAll(oneLine(s), "|", `\|`)
	ticks := strings.Repeat("`", longestRun(s, '`')+1)
	if strings.HasPrefix(s, "`") || strings.HasSuffix(s, "`") {
		return ticks + " " + s + " " + ticks
	}
	return ticks + s + ticks
}

// fence wraps text (ending in a newline) in a code fence longer than any
// backtick run inside it (CommonMark §4.5).
func fence(text string) string {
	ticks := strings.Repeat("`", max(3, longestRun(text, '`')+1))
	return ticks + "text\n" + text + ticks + "\n"
}

func longestRun(s string, c byte) int {
	best, n := 0, 0
	for i := 0; i < len(s); i++ {
		if s[i] == c {
			n++
			best = max(best, n)
		} else {
			n = 0
		}
	}
	return best
}

func truncateUTF8(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}

func sevIcon(s finding.Severity) string {
	switch s {
	case finding.Error:
		return "🔴"
	case finding.Warning:
		return "🟠"
	}
	return "🔵"
}

func stepIcon(o finding.StepOutcome) string {
	switch o {
	case finding.StepOK:
		return "✅"
	case finding.StepFail:
		return "❌"
	case finding.StepWarn:
		return "⚠️"
	}
	return "⏭️"
}
