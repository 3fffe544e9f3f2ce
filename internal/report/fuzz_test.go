package report

import (
	"bytes"
	"strings"
	"testing"

	"github.com/regdoctor/regdoctor/internal/finding"
)

// FuzzGitHubRoundTrip: whatever the path, title and message, the runner
// parses exactly one annotation per finding and recovers the path and
// title unchanged (modulo redaction and newline folding of the title).
func FuzzGitHubRoundTrip(f *testing.F) {
	f.Add("a.yml", "title", "message")
	f.Add("dir, with: odd%chars/ü.yml", "100% :: x", "line\r\n::error::y %0A")
	f.Add("::", ",=:", "\n\n::warning::z")
	f.Fuzz(func(t *testing.T, path, title, msg string) {
		if strings.ContainsAny(path+title, "\r\n") || !validUTF8(path+title+msg) {
			t.Skip()
		}
		r := &finding.Report{Mode: finding.Lint, Findings: []finding.Finding{{
			Cause: "c", Title: title, Message: msg, Severity: finding.Warning, Source: finding.Lint,
			Rule: "GHA001", File: path, Line: 3, Column: 2,
		}}}
		var buf bytes.Buffer
		if err := Write(&buf, "github", r, Options{}); err != nil {
			t.Fatal(err)
		}
		cmds, plain := parseGHCommands(t, buf.String())
		if len(cmds) != 1 || len(plain) != 0 {
			t.Fatalf("want one command and no plain line, got %d and %q from %q", len(cmds), plain, buf.String())
		}
		rr := redacted(r)
		if path != "" && cmds[0].Props["file"] != rr.Findings[0].File {
			t.Errorf("file %q came back as %q", rr.Findings[0].File, cmds[0].Props["file"])
		}
	})
}

// FuzzMarkdownBlock: a block never starts a Markdown block construct and
// never contains a raw HTML tag or a line break.
func FuzzMarkdownBlock(f *testing.F) {
	for _, s := range []string{"# h", "<b>x</b>", "1. a", "```x", "- a\n# b", "`<i>` & <i>", "\r\n> q"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := block(s)
		if strings.ContainsAny(got, "\r\n") {
			t.Fatalf("block(%q) = %q has a line break", s, got)
		}
		if got != "" && strings.ContainsRune("#-+*=|_>", rune(got[0])) {
			t.Fatalf("block(%q) = %q starts a block", s, got)
		}
		// Outside code spans there is no '<' left.
		if strings.Contains(strings.ReplaceAll(stripCodeSpans(got), "<br>", ""), "<") {
			t.Fatalf("block(%q) = %q keeps a raw '<'", s, got)
		}
	})
}

func stripCodeSpans(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); {
		if s[i] == '`' {
			n := runAt(s, i, '`')
			if j := closingRun(s, i+n, n); j >= 0 {
				i = j + n
				continue
			}
			i += n
			continue
		}
		b.WriteByte(s[i])
		i++
	}
	return b.String()
}

func validUTF8(s string) bool { return strings.ToValidUTF8(s, "\uFFFD") == s }
