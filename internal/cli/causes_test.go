package cli

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/regdoctor/regdoctor/internal/catalog"
)

func run(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = Main(args, &out, &errb)
	return code, out.String(), errb.String()
}

func TestCausesList(t *testing.T) {
	code, out, errOut := run(t, "causes")
	if code != ExitClean || errOut != "" {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != len(catalog.All())+1 {
		t.Fatalf("%d lines, want a header and one per cause (%d)", len(lines), len(catalog.All()))
	}
	for i, c := range catalog.All() {
		f := strings.Fields(lines[i+1])
		if len(f) < 3 || f[0] != c.ID || f[1] != c.Layer || !strings.HasSuffix(lines[i+1], c.Title) {
			t.Errorf("line %q, want id %s, layer %s, title %q", lines[i+1], c.ID, c.Layer, c.Title)
		}
	}
	if strings.Contains(out, "\x1b[") {
		t.Error("colour codes in the list")
	}
}

func TestCausesListLayer(t *testing.T) {
	code, out, _ := run(t, "causes", "--layer", "transport", "--format", "json")
	if code != ExitClean {
		t.Fatalf("exit %d", code)
	}
	var got []causeJSON
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatal(err)
	}
	if len(got) == 0 {
		t.Fatal("no transport causes")
	}
	for _, c := range got {
		if c.Layer != "transport" || c.Doc != "docs/causes/"+c.ID+".md" || c.Title == "" {
			t.Errorf("unexpected entry %+v", c)
		}
	}
	if code, _, errOut := run(t, "causes", "--layer", "auth"); code != ExitUsage || !strings.Contains(errOut, "authn") {
		t.Errorf("unknown layer: exit %d, stderr %q", code, errOut)
	}
}

func TestCausesListJSON(t *testing.T) {
	code, out, _ := run(t, "causes", "-f", "json")
	if code != ExitClean {
		t.Fatalf("exit %d", code)
	}
	var got []map[string]any
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatal(err)
	}
	if len(got) != len(catalog.All()) {
		t.Fatalf("%d causes in JSON, want %d", len(got), len(catalog.All()))
	}
	if got[0]["id"] != catalog.All()[0].ID || got[0]["layer"] == nil || got[0]["fix"] != nil {
		t.Errorf("first entry %v: want id, layer, title, summary, doc only", got[0])
	}
}

func TestCausesShowText(t *testing.T) {
	code, out, _ := run(t, "causes", "gh-token-packages-permission")
	if code != ExitClean {
		t.Fatalf("exit %d", code)
	}
	c := catalog.MustGet("gh-token-packages-permission")
	for _, want := range []string{c.Title, "How to confirm it", "  1. ", "GitHub Actions", "packages: write", "Sources", c.Sources[0], "docs/causes/gh-token-packages-permission.md"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q", want)
		}
	}
	// The meaning paragraph is wrapped at 80 columns (a single long word may overflow).
	meaning := out[strings.Index(out, "What it means\n"):strings.Index(out, "How to confirm it")]
	for _, l := range strings.Split(strings.TrimSpace(meaning), "\n")[1:] {
		if len(l) > 80 && len(strings.Fields(l)) > 1 {
			t.Errorf("meaning line longer than 80 columns: %q", l)
		}
	}
}

func TestCausesShowMarkdownAndJSON(t *testing.T) {
	c := catalog.MustGet("no-login")
	if _, out, _ := run(t, "causes", "no-login", "--format", "markdown"); out != catalog.Markdown(c) {
		t.Error("--format markdown differs from catalog.Markdown")
	}
	code, out, _ := run(t, "causes", "no-login", "--format", "json")
	if code != ExitClean {
		t.Fatalf("exit %d", code)
	}
	var got causeJSON
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatal(err)
	}
	if got.ID != c.ID || got.Meaning != c.Meaning || len(got.Fix[catalog.Shell]) != len(c.Fix[catalog.Shell]) ||
		len(got.RegistryFix["ecr"]) == 0 || len(got.Sources) != len(c.Sources) {
		t.Errorf("JSON does not carry the whole cause: %+v", got)
	}
}

func TestCausesUnknownID(t *testing.T) {
	for arg, want := range map[string]string{
		"gh-token-package-permission": `did you mean "gh-token-packages-permission"`,
		"no-logn":                     `did you mean "no-login"`,
		"ratelimited":                 `did you mean "rate-limited"`,
		"write_package":               `"gh-token-packages-permission"`, // found through its signals
		"zzzz":                        "'regdoctor causes' lists them all",
	} {
		code, out, errOut := run(t, "causes", arg)
		if code != ExitUsage {
			t.Errorf("%s: exit %d, want %d", arg, code, ExitUsage)
		}
		if out != "" || !strings.Contains(errOut, want) || strings.Count(errOut, "\n") != 1 {
			t.Errorf("%s: stdout %q, stderr %q; want one line containing %q", arg, out, errOut, want)
		}
	}
}

func TestCausesUsageErrors(t *testing.T) {
	for _, args := range [][]string{
		{"causes", "no-login", "no-login"},
		{"causes", "--format", "sarif"},
		{"causes", "--colour"},
		{"causes", "no-login", "--layer", "authn"},
	} {
		if code, _, errOut := run(t, args...); code != ExitUsage || errOut == "" {
			t.Errorf("%v: exit %d, stderr %q; want a usage error", args, code, errOut)
		}
	}
}

func TestCausesCompletion(t *testing.T) {
	code, out, _ := run(t, "__complete", "causes", "gh-")
	if code != ExitClean {
		t.Fatalf("exit %d", code)
	}
	if !strings.Contains(out, "gh-token-packages-permission\t") {
		t.Errorf("completion lacks the id: %q", out)
	}
	if _, out, _ := run(t, "__complete", "causes", "--layer", ""); !strings.Contains(out, "transport") {
		t.Errorf("--layer completion: %q", out)
	}
}

func TestWrap(t *testing.T) {
	got := wrap("aaa bbb ccc", "  ", 9)
	if got != "  aaa bbb\n  ccc\n" {
		t.Errorf("wrap = %q", got)
	}
}
