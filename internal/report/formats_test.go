package report

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"

	"github.com/owenrumney/go-sarif/v3/pkg/report/v210/sarif"
	"github.com/xeipuuv/gojsonschema"

	"github.com/regdoctor/regdoctor/internal/catalog"
	"github.com/regdoctor/regdoctor/internal/finding"
)

func write(t *testing.T, format string, r *finding.Report) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := Write(&buf, format, r, Options{Root: "/src/repo"}); err != nil {
		t.Fatalf("Write %s: %v", format, err)
	}
	return buf.Bytes()
}

// manyFindings returns a lint report with n findings alternating severities.
func manyFindings(n int, sevs ...finding.Severity) *finding.Report {
	r := &finding.Report{Tool: "regdoctor", Version: "test", Mode: finding.Lint, Input: "."}
	for i := range n {
		r.Findings = append(r.Findings, finding.Finding{
			Cause: "empty-credential", Title: "The credential expanded to empty", Confidence: 1,
			Severity: sevs[i%len(sevs)], Source: finding.Lint, Rule: "GHA004",
			Message: fmt.Sprintf("finding number %d: `secrets.TOKEN%d` is not defined in this repository", i, i),
			File:    fmt.Sprintf(".github/workflows/w%d.yml", i%7), Line: i + 1, Column: 3,
		})
	}
	return r
}

// sarifSchema returns the SARIF 2.1.0 JSON schema (OASIS errata01) that
// go-sarif ships as a constant in pkg/report/v210/sarif/schema.go, read
// from the module cache so the exact bytes we write can be validated.
var sarifSchema = sync.OnceValues(func() (string, error) {
	dir, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", "github.com/owenrumney/go-sarif/v3").Output()
	if err != nil {
		return "", fmt.Errorf("go list: %w", err)
	}
	src, err := os.ReadFile(filepath.Join(strings.TrimSpace(string(dir)), "pkg", "report", "v210", "sarif", "schema.go"))
	if err != nil {
		return "", err
	}
	a, b := bytes.IndexByte(src, '`'), bytes.LastIndexByte(src, '`')
	if a < 0 || b <= a {
		return "", fmt.Errorf("no schema literal in schema.go")
	}
	return string(src[a+1 : b]), nil
})

// TestSARIFValidatesAgainstSchema checks every fixture's SARIF output, as
// written, against the SARIF 2.1.0 JSON schema (with gojsonschema, which
// also checks formats such as uri).
func TestSARIFValidatesAgainstSchema(t *testing.T) {
	schema, err := sarifSchema()
	if err != nil {
		t.Fatalf("SARIF schema not available offline: %v", err)
	}
	loader := gojsonschema.NewStringLoader(schema)
	all := append(fixtures[:len(fixtures):len(fixtures)], struct {
		name string
		make func() *finding.Report
	}{"many", func() *finding.Report { return manyFindings(30, finding.Error, finding.Warning, finding.Info) }})
	for _, fx := range all {
		t.Run(fx.name, func(t *testing.T) {
			out := write(t, "sarif", fx.make())
			res, err := gojsonschema.Validate(loader, gojsonschema.NewBytesLoader(out))
			if err != nil {
				t.Fatal(err)
			}
			for _, e := range res.Errors() {
				t.Errorf("not valid SARIF 2.1.0: %s", e)
			}
			// The library reads it back.
			if _, err := sarif.FromBytes(out); err != nil {
				t.Errorf("go-sarif cannot read the output: %v", err)
			}
		})
	}
}

// TestSARIFSchemaCatchesErrors proves the validation above can fail.
func TestSARIFSchemaCatchesErrors(t *testing.T) {
	schema, err := sarifSchema()
	if err != nil {
		t.Fatalf("SARIF schema not available offline: %v", err)
	}
	out := string(write(t, "sarif", lintReport()))
	for i, bad := range []string{
		strings.Replace(out, `"level": "error"`, `"level": "fatal"`, 1),
		strings.Replace(out, `"startLine": 14`, `"startLine": 0`, 1),
		strings.Replace(out, `"helpUri": "https://`, `"helpUri": "not a uri `, 1),
		strings.Replace(out, `"ruleId":`, `"rule_id":`, 1),
	} {
		if bad == out {
			t.Fatalf("case %d: the replacement did not apply", i)
		}
		res, err := gojsonschema.Validate(gojsonschema.NewStringLoader(schema), gojsonschema.NewStringLoader(bad))
		if err != nil {
			t.Fatal(err)
		}
		if res.Valid() {
			t.Errorf("case %d: a broken document passed validation", i)
		}
	}
}

// sarifDoc is the subset of SARIF the assertions below read.
type sarifDoc struct {
	Runs []struct {
		Tool struct {
			Driver struct {
				Rules []struct {
					ID      string `json:"id"`
					HelpURI string `json:"helpUri"`
					Help    struct {
						Text     string `json:"text"`
						Markdown string `json:"markdown"`
					} `json:"help"`
				} `json:"rules"`
			} `json:"driver"`
		} `json:"tool"`
		Results []struct {
			RuleID              string            `json:"ruleId"`
			Rank                *float64          `json:"rank"`
			RuleIndex           int               `json:"ruleIndex"`
			Level               string            `json:"level"`
			PartialFingerprints map[string]string `json:"partialFingerprints"`
			Locations           []struct {
				Physical *struct {
					Artifact struct {
						URI       string `json:"uri"`
						URIBaseID string `json:"uriBaseId"`
					} `json:"artifactLocation"`
					Region struct {
						StartLine   int `json:"startLine"`
						StartColumn int `json:"startColumn"`
					} `json:"region"`
				} `json:"physicalLocation"`
				Logical []struct {
					Name string `json:"name"`
				} `json:"logicalLocations"`
			} `json:"locations"`
		} `json:"results"`
		Invocations []struct {
			Notifications []struct {
				Level   string `json:"level"`
				Message struct {
					Text string `json:"text"`
				} `json:"message"`
			} `json:"toolExecutionNotifications"`
		} `json:"invocations"`
		OriginalURIBaseIDs map[string]struct {
			URI string `json:"uri"`
		} `json:"originalUriBaseIds"`
	} `json:"runs"`
}

func decodeSARIF(t *testing.T, out []byte) sarifDoc {
	t.Helper()
	var d sarifDoc
	if err := json.Unmarshal(out, &d); err != nil {
		t.Fatal(err)
	}
	if len(d.Runs) != 1 {
		t.Fatalf("want one run, got %d", len(d.Runs))
	}
	return d
}

func TestSARIFMapsEachMode(t *testing.T) {
	t.Run("lint", func(t *testing.T) {
		d := decodeSARIF(t, write(t, "sarif", lintReport()))
		run := d.Runs[0]
		if len(run.Results) != 3 {
			t.Fatalf("results = %d, want 3", len(run.Results))
		}
		r0 := run.Results[0]
		if r0.RuleID != "GHA001" || r0.Level != "error" || run.Results[2].Level != "note" {
			t.Errorf("rule/level: %+v", r0)
		}
		loc := r0.Locations[0].Physical
		if loc.Artifact.URI != ".github/workflows/release.yml" || loc.Artifact.URIBaseID != "%SRCROOT%" || loc.Region.StartLine != 14 || loc.Region.StartColumn != 5 {
			t.Errorf("location = %+v", loc)
		}
		if got := run.OriginalURIBaseIDs["%SRCROOT%"].URI; got != "file:///src/repo/" {
			t.Errorf("%%SRCROOT%% = %q", got)
		}
		if rule := run.Tool.Driver.Rules[r0.RuleIndex]; rule.ID != "GHA001" || rule.HelpURI != DocsBase+"docs/rules/GHA001.md" {
			t.Errorf("rule = %+v", rule)
		}
		if fp := r0.PartialFingerprints[fingerprintKey]; len(fp) != 64 {
			t.Errorf("partial fingerprint %q", fp)
		}
	})
	t.Run("explain", func(t *testing.T) {
		d := decodeSARIF(t, write(t, "sarif", explainReport()))
		r0 := d.Runs[0].Results[0]
		if r0.RuleID != "gh-token-packages-permission" {
			t.Errorf("explain ruleId must be the cause id, got %q", r0.RuleID)
		}
		loc := r0.Locations[0].Physical
		if loc.Artifact.URI != "logs/build%20job.log" || loc.Region.StartLine != 412 {
			t.Errorf("explain location = %+v, want the log at the first evidence line", loc)
		}
		if r0.Rank == nil || *r0.Rank != 90 {
			t.Errorf("explain rank = %v, want the confidence 0.9 as 90", r0.Rank)
		}
	})
	t.Run("probe", func(t *testing.T) {
		d := decodeSARIF(t, write(t, "sarif", probeReport()))
		r0 := d.Runs[0].Results[0]
		if r0.Locations[0].Physical != nil || len(r0.Locations[0].Logical) != 1 || r0.Locations[0].Logical[0].Name != "ghcr.io/acme/app" {
			t.Errorf("probe location = %+v", r0.Locations)
		}
		notes := d.Runs[0].Invocations[0].Notifications
		if len(notes) != 4 || notes[2].Level != "error" || !strings.Contains(notes[2].Message.Text, "probe step token: fail") {
			t.Errorf("step notifications = %+v", notes)
		}
	})
}

func TestSARIFLintSnippet(t *testing.T) {
	var buf bytes.Buffer
	src := func(file string, line int) (string, bool) {
		if file == ".github/workflows/release.yml" && line == 14 {
			return "    permissions: {contents: read} # token ghp_abcdefghijklmnopqrstuvwxyz0123456789", true
		}
		return "", false
	}
	if err := Write(&buf, "sarif", lintReport(), Options{Source: src}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), `"text": "    permissions: {contents: read} # token ***"`) {
		t.Errorf("no redacted snippet in\n%s", buf.String())
	}
}

// TestSARIFHelpFromCatalog checks the rule help for a real cause comes from
// the catalog and links to the cause's doc page.
func TestSARIFHelpFromCatalog(t *testing.T) {
	ids := catalog.IDs()
	if len(ids) == 0 {
		t.Fatal("catalog is empty")
	}
	c := catalog.MustGet(ids[0])
	r := &finding.Report{Mode: finding.Explain, Input: "job.log", Findings: []finding.Finding{{
		Cause: c.ID, Severity: finding.Error, Source: finding.Explain, Message: "m", Evidence: []finding.Evidence{{Line: 2, Text: "x"}}}}}
	d := decodeSARIF(t, write(t, "sarif", r))
	rule := d.Runs[0].Tool.Driver.Rules[0]
	if rule.ID != c.ID || rule.HelpURI != DocsBase+c.DocPath() || rule.Help.Markdown != catalog.Markdown(c) {
		t.Errorf("rule %+v does not carry the catalog's page for %s", rule, c.ID)
	}
}

func TestSARIFResultLimit(t *testing.T) {
	r := manyFindings(MaxSARIFResults+7, finding.Warning)
	d := decodeSARIF(t, write(t, "sarif", r))
	if n := len(d.Runs[0].Results); n != MaxSARIFResults {
		t.Fatalf("results = %d, want %d", n, MaxSARIFResults)
	}
	notes := d.Runs[0].Invocations[0].Notifications
	if len(notes) != 1 || !strings.Contains(notes[0].Message.Text, "7 of 5007 results omitted") {
		t.Errorf("notifications = %+v", notes)
	}
}

func TestFingerprintsStableAndDistinct(t *testing.T) {
	r := lintReport()
	before := fingerprints(r)
	// Moving every finding down (lines added above) keeps the fingerprints.
	for i := range r.Findings {
		r.Findings[i].Line += 10
	}
	after := fingerprints(r)
	if !reflect.DeepEqual(before, after) {
		t.Errorf("fingerprints changed when lines shifted:\n%v\n%v", before, after)
	}
	// Two findings equal but for their line get different fingerprints.
	h := fingerprints(hostileReport())
	if h[0] == h[1] {
		t.Errorf("equal findings share a fingerprint %s", h[0])
	}
	seen := map[string]bool{}
	for _, fp := range fingerprints(manyFindings(100, finding.Error)) {
		if seen[fp] {
			t.Fatalf("duplicate fingerprint %s", fp)
		}
		seen[fp] = true
	}
}

// ghCommand is one workflow command parsed the way the runner parses it
// (actions/runner ActionCommand.TryParseV2): "::name props::data", props
// split on ',' then '=', values and data unescaped.
type ghCommand struct {
	Name  string
	Props map[string]string
	Data  string
}

func parseGHCommands(t *testing.T, out string) (cmds []ghCommand, plain []string) {
	t.Helper()
	unprop := strings.NewReplacer("%0D", "\r", "%0A", "\n", "%3A", ":", "%2C", ",", "%25", "%")
	undata := strings.NewReplacer("%0D", "\r", "%0A", "\n", "%25", "%")
	for _, line := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
		trim := strings.TrimSpace(line)
		if !strings.HasPrefix(trim, "::") {
			plain = append(plain, line)
			continue
		}
		end := strings.Index(trim[2:], "::")
		if end < 0 {
			t.Fatalf("malformed command %q", line)
		}
		head, data := trim[2:2+end], trim[4+end:]
		c := ghCommand{Props: map[string]string{}, Data: undata.Replace(data)}
		name, props, _ := strings.Cut(head, " ")
		c.Name = name
		if props != "" {
			for _, kv := range strings.Split(props, ",") {
				k, v, ok := strings.Cut(kv, "=")
				if !ok {
					t.Fatalf("property without '=' in %q", line)
				}
				c.Props[k] = unprop.Replace(v)
			}
		}
		cmds = append(cmds, c)
	}
	return cmds, plain
}

func TestGitHubEscapingRoundTrips(t *testing.T) {
	r := hostileReport()
	cmds, plain := parseGHCommands(t, string(write(t, "github", r)))
	if len(plain) != 0 {
		t.Errorf("unexpected plain lines %q", plain)
	}
	if len(cmds) != 2 {
		t.Fatalf("commands = %d, want 2: %+v", len(cmds), cmds)
	}
	c := cmds[0]
	if c.Name != "error" || c.Props["file"] != "dir, with: odd%chars/ü.yml" || c.Props["line"] != "7" || c.Props["col"] != "3" {
		t.Errorf("properties did not survive escaping: %+v", c.Props)
	}
	if want := "regdoctor: Bad credentials | 100% :: [GHA002]"; c.Props["title"] != want {
		t.Errorf("title = %q, want %q", c.Props["title"], want)
	}
	wantMsg := "line one\r\nline two: 50%25 done, ::error::injected\n::set-output name=x::y"
	if !strings.HasPrefix(c.Data, wantMsg) {
		t.Errorf("message = %q, want prefix %q", c.Data, wantMsg)
	}
	if !strings.Contains(c.Data, "\nfix:\n- step one\nstep two") {
		t.Errorf("fix steps missing from %q", c.Data)
	}
}

func TestGitHubExplainAlternativesAreNotices(t *testing.T) {
	cmds, _ := parseGHCommands(t, string(write(t, "github", explainReport())))
	if len(cmds) != 2 || cmds[0].Name != "error" || cmds[1].Name != "notice" {
		t.Fatalf("commands = %+v, want the likely cause as error and the alternative as notice", cmds)
	}
	if !strings.Contains(cmds[1].Props["title"], "also possible, confidence 0.40") || cmds[1].Props["file"] != "logs/build job.log" || cmds[1].Props["line"] != "412" {
		t.Errorf("alternative = %+v", cmds[1])
	}
}

func TestGitHubAnnotationLimit(t *testing.T) {
	r := manyFindings(28, finding.Error, finding.Error, finding.Warning, finding.Error) // 21 errors, 7 warnings
	cmds, plain := parseGHCommands(t, string(write(t, "github", r)))
	count := map[string]int{}
	for _, c := range cmds {
		count[c.Name]++
	}
	if count["error"] != MaxAnnotationsPerLevel || count["warning"] != 7 {
		t.Errorf("annotations per level = %v, want 10 errors and 7 warnings", count)
	}
	last := cmds[len(cmds)-1]
	if last.Name != "error" || !strings.HasPrefix(last.Data, "12 more errors not annotated") {
		t.Errorf("last command = %+v, want the overflow note", last)
	}
	if len(plain) != 12 {
		t.Fatalf("plain lines = %d, want the 12 findings not annotated", len(plain))
	}
	if !strings.HasPrefix(plain[0], "regdoctor: .github/workflows/") || !strings.Contains(plain[0], ": error: finding number") {
		t.Errorf("plain line %q", plain[0])
	}
}

func TestPlainLineNeverACommand(t *testing.T) {
	for _, s := range []string{"::error::x", "  ::warning::y", "a\n::error::z", "a\r::debug::q"} {
		got := plainLine(s)
		for _, l := range strings.Split(strings.TrimSuffix(got, "\n"), "\n") {
			if strings.HasPrefix(strings.TrimSpace(l), "::") {
				t.Errorf("plainLine(%q) = %q starts a command", s, got)
			}
		}
		if strings.Count(got, "\n") != 1 {
			t.Errorf("plainLine(%q) = %q is not one line", s, got)
		}
	}
}

func TestCodeQualityRequiredFields(t *testing.T) {
	for _, fx := range fixtures {
		t.Run(fx.name, func(t *testing.T) {
			r := fx.make()
			var issues []map[string]any
			if err := json.Unmarshal(write(t, "codequality", r), &issues); err != nil {
				t.Fatal(err)
			}
			if issues == nil || len(issues) != len(r.Findings) {
				t.Fatalf("issues = %v, want an array of %d", issues, len(r.Findings))
			}
			for _, is := range issues {
				for _, k := range []string{"description", "check_name", "fingerprint"} {
					if s, _ := is[k].(string); s == "" {
						t.Errorf("%s missing in %v", k, is)
					}
				}
				switch is["severity"] {
				case "info", "minor", "major", "critical", "blocker":
				default:
					t.Errorf("severity %v", is["severity"])
				}
				loc, _ := is["location"].(map[string]any)
				lines, _ := loc["lines"].(map[string]any)
				if p, _ := loc["path"].(string); p == "" {
					t.Errorf("location.path missing in %v", is)
				}
				if b, _ := lines["begin"].(float64); b < 1 {
					t.Errorf("location.lines.begin = %v", lines["begin"])
				}
			}
		})
	}
}

func TestMarkdownSizeLimit(t *testing.T) {
	t.Run("many findings", func(t *testing.T) {
		const limit = 64 * 1024 // the logic is the same at MaxMarkdownBytes; smaller is faster
		r := manyFindings(400, finding.Error, finding.Warning)
		var buf bytes.Buffer
		if err := writeMarkdownLimit(&buf, r, limit); err != nil {
			t.Fatal(err)
		}
		out := buf.Bytes()
		if len(out) > limit {
			t.Fatalf("summary is %d bytes, over %d", len(out), limit)
		}
		if !bytes.Contains(out, []byte("more findings not shown: a job summary holds at most 64 KiB")) {
			t.Errorf("no truncation note at the end: %q", out[len(out)-300:])
		}
		if !bytes.Contains(out, []byte("#### 1. ")) || bytes.Contains(out, []byte("#### 400. ")) {
			t.Error("want the first findings in full and the last left out")
		}
	})
	t.Run("huge evidence", func(t *testing.T) {
		r := explainReport()
		r.Findings[0].Evidence = nil
		for i := range 30 {
			r.Findings[0].Evidence = append(r.Findings[0].Evidence, finding.Evidence{Line: i + 1, Text: strings.Repeat("é", 400)})
		}
		out := write(t, "markdown", r)
		if len(out) > 16*1024 {
			t.Errorf("one finding's evidence produced %d bytes", len(out))
		}
		if bytes.Contains(out, []byte(strings.Repeat("é", mdLineRunes+1))) || !bytes.Contains(out, []byte(strings.Repeat("é", mdLineRunes)+"…")) {
			t.Error("long evidence lines are not cut at mdLineRunes with a mark")
		}
		if !bytes.Contains(out, []byte("… 10 more lines")) {
			t.Error("evidence cut without saying so")
		}
	})
	t.Run("under the limit is untouched", func(t *testing.T) {
		out := write(t, "markdown", manyFindings(20, finding.Error))
		if bytes.Contains(out, []byte("not shown")) || bytes.Count(out, []byte("\n#### ")) != 20 {
			t.Error("a small report was truncated")
		}
	})
}

func TestMarkdownEscaping(t *testing.T) {
	for in, want := range map[string]string{
		"# heading":                        `\# heading`,
		"- item":                           `\- item`,
		"1. first":                         `1\. first`,
		"```go":                            "\\```go",
		"a\n# b":                           "a<br># b",
		"<img src=x onerror=alert(1)>":     "&lt;img src=x onerror=alert(1)&gt;",
		"use `a && <b>` here & <i>there":   "use `a && <b>` here &amp; &lt;i&gt;there",
		"unbalanced ` tick <b>":            "unbalanced ` tick &lt;b&gt;",
		"  indented code":                  "indented code",
		"plain `code\nspan` text":          "plain `code span` text",
		"ünïcødé 🚢 > quote":                "ünïcødé 🚢 &gt; quote",
		"> quote at start":                 "&gt; quote at start",
		"| table":                          `\| table`,
		"permissions: packages: write, ok": "permissions: packages: write, ok",
	} {
		if got := block(in); got != want {
			t.Errorf("block(%q) = %q, want %q", in, got, want)
		}
	}
	yaml := "Grant it on the job:\njobs:\n  publish:\n    permissions:\n      packages: write"
	if got, want := mdListItem(yaml), "- Grant it on the job:\n\n  ```text\n  jobs:\n    publish:\n      permissions:\n        packages: write\n  ```\n"; got != want {
		t.Errorf("mdListItem = %q, want %q", got, want)
	}
	if got := mdListItem("# one line"); got != "- \\# one line\n" {
		t.Errorf("mdListItem one line = %q", got)
	}
	if got := cell("a | b\nc"); got != `a \| b<br>c` {
		t.Errorf("cell = %q", got)
	}
	if got := codeSpan("a`b"); got != "``a`b``" {
		t.Errorf("codeSpan = %q", got)
	}
	if got := fence("x ```` y\n"); !strings.HasPrefix(got, "`````text\n") || !strings.HasSuffix(got, "\n`````\n") {
		t.Errorf("fence = %q", got)
	}
}

func TestWorkspacePath(t *testing.T) {
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ root, file, want string }{
		{"", ".github/workflows/a.yml", ".github/workflows/a.yml"},
		{".", ".github/workflows/a.yml", ".github/workflows/a.yml"},
		{"sub/repo/", ".gitlab-ci.yml", "sub/repo/.gitlab-ci.yml"},
		{"./sub", "ci/x.yml", "sub/ci/x.yml"},
		{filepath.Join(wd, "sub"), "ci/x.yml", "sub/ci/x.yml"},
		{wd, "ci/x.yml", "ci/x.yml"},
		{filepath.Dir(wd), "ci/x.yml", "ci/x.yml"}, // outside the working directory: unchanged
	} {
		if got := workspacePath(c.root, c.file); got != c.want {
			t.Errorf("workspacePath(%q, %q) = %q, want %q", c.root, c.file, got, c.want)
		}
	}
	// The GitHub and Code Quality writers use it for lint paths.
	var buf bytes.Buffer
	if err := Write(&buf, "github", lintReport(), Options{Root: "sub"}); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(buf.String(), "::error file=sub/.github/workflows/release.yml,line=14,") {
		t.Errorf("github output %q", buf.String())
	}
	buf.Reset()
	if err := Write(&buf, "codequality", lintReport(), Options{Root: "sub"}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), `"path": "sub/.github/workflows/release.yml"`) {
		t.Errorf("codequality output %q", buf.String())
	}
}

// TestFixStepsKeptAsWritten: fix steps are regdoctor's own text; a command
// such as `mkdir -p DIR` must reach the user intact in every format (the
// password-flag redaction would turn it into `mkdir -p ***`).
func TestFixStepsKeptAsWritten(t *testing.T) {
	for _, format := range Formats() {
		out := write(t, format, hostileReport())
		if !bytes.Contains(out, []byte("mkdir -p /kaniko/.docker")) {
			t.Errorf("%s: fix step altered:\n%s", format, out)
		}
	}
}
