package report

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"net/url"
	"path"
	"path/filepath"
	"strings"

	"github.com/owenrumney/go-sarif/v3/pkg/report/v210/sarif"

	"github.com/regdoctor/regdoctor/internal/finding"
	"github.com/regdoctor/regdoctor/internal/redact"
)

func init() {
	Register("sarif", "SARIF 2.1.0 for GitHub code scanning (github/codeql-action/upload-sarif) and other SARIF viewers", writeSARIF)
}

// MaxSARIFResults is the most results one run carries: GitHub code scanning
// keeps at most 5,000 results per run ("SARIF support for code scanning",
// docs.github.com/en/code-security/code-scanning/integrating-with-code-scanning/sarif-support-for-code-scanning).
// Findings beyond it are dropped (they are ranked best first) and a
// tool execution notification says how many.
const MaxSARIFResults = 5000

// fingerprintKey names regdoctor's partial fingerprint; the "/v1" suffix
// versions the hash input (see fingerprint).
const fingerprintKey = "regdoctor/v1"

// srcRoot is the uriBaseId lint paths are relative to.
const srcRoot = "%SRCROOT%"

func writeSARIF(w io.Writer, r *finding.Report, o Options) error {
	doc, err := buildSARIF(r, o)
	if err != nil {
		return err
	}
	return writeCompactSARIF(w, doc)
}

// writeCompactSARIF writes doc without the empty arrays and -1 "absent"
// sentinels the library fills in (their schema defaults), so the file is a
// third the size and readable; keys come out sorted. Only optional members
// are dropped, so the result stays valid against the SARIF 2.1.0 schema
// (the package tests check it).
func writeCompactSARIF(w io.Writer, doc *sarif.Report) error {
	raw, err := json.Marshal(doc)
	if err != nil {
		return fmt.Errorf("sarif: %w", err)
	}
	var v any
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	if err := dec.Decode(&v); err != nil {
		return fmt.Errorf("sarif: %w", err)
	}
	v, _ = compactSARIF("", v)
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

// sentinelKeys are integer members whose -1 value means "not given" in
// SARIF 2.1.0 (e.g. §3.4.5 artifactLocation.index, §3.28.2 location.id,
// §3.30.11 region.charOffset, §3.27.24 result.rank, artifact.length).
var sentinelKeys = map[string]bool{"index": true, "id": true, "byteOffset": true, "charOffset": true,
	"rank": true, "length": true, "parentIndex": true, "ruleIndex": true}

// defaultMembers are members the library always sets to their schema
// default (§3.14.14 language, §3.14.24 newlineSequences, §3.19.26
// contents, §3.19.27 isComprehensive, §3.27.9 kind, §3.50.3 enabled);
// leaving them out means the same.
var defaultMembers = map[string]string{
	"language":         `"en-US"`,
	"newlineSequences": `["\r\n","\n"]`,
	"contents":         `["localizedData","nonLocalizedData"]`,
	"isComprehensive":  `false`,
	"kind":             `"fail"`,
	"enabled":          `true`,
}

// keepEmpty are members kept even when empty: a run's results array says
// "analysed, nothing found" to code scanning, which closes fixed alerts.
var keepEmpty = map[string]bool{"results": true, "runs": true}

// compactSARIF prunes v (decoded JSON) and reports whether it is worth keeping.
func compactSARIF(key string, v any) (any, bool) {
	switch t := v.(type) {
	case map[string]any:
		for k, c := range t {
			if n, ok := c.(json.Number); ok && sentinelKeys[k] && n.String() == "-1" {
				delete(t, k)
				continue
			}
			if def, ok := defaultMembers[k]; ok {
				if b, err := json.Marshal(c); err == nil && string(b) == def {
					delete(t, k)
					continue
				}
			}
			pc, keep := compactSARIF(k, c)
			if !keep {
				delete(t, k)
				continue
			}
			t[k] = pc
		}
		return t, len(t) > 0 || keepEmpty[key]
	case []any:
		out := t[:0]
		for _, c := range t {
			if pc, keep := compactSARIF("", c); keep {
				out = append(out, pc)
			}
		}
		return out, len(out) > 0 || keepEmpty[key]
	}
	return v, true
}

// buildSARIF maps a report to one SARIF run:
//   - ruleId is the lint rule id (lint) or the cause id (explain, probe), with
//     help from the rule registry or the catalog and helpUri to its doc page;
//   - lint results are located at file:line:col relative to %SRCROOT%;
//   - explain results are located in the log (the artifact) at the first
//     evidence line, later evidence lines are related locations;
//   - probe results have a logical location (the image reference) and the
//     probe steps become tool execution notifications.
func buildSARIF(r *finding.Report, o Options) (*sarif.Report, error) {
	r = redacted(r)
	doc := sarif.NewReport()
	run := sarif.NewRunWithInformationURI(nonEmpty(r.Tool, "regdoctor"), "https://github.com/regdoctor/regdoctor")
	if r.Version != "" {
		run.Tool.Driver.WithVersion(r.Version)
	}
	if o.Root != "" && r.Mode == finding.Lint {
		abs, err := filepath.Abs(o.Root)
		if err != nil {
			return nil, fmt.Errorf("sarif: root %q: %w", o.Root, err)
		}
		u := (&url.URL{Scheme: "file", Path: strings.TrimSuffix(filepath.ToSlash(abs), "/") + "/"}).String()
		run.WithOriginalUriBaseIds(map[string]sarif.ArtifactLocation{srcRoot: *sarif.NewArtifactLocation().WithURI(u)})
	}
	inv := sarif.NewInvocation().WithExecutionSuccessful(true)
	for _, s := range r.Steps {
		inv.AddToolExecutionNotification(stepNotification(s))
	}

	fps := fingerprints(r)
	for i, f := range r.Findings {
		if i == MaxSARIFResults {
			inv.AddToolExecutionNotification(sarif.NewNotification().WithLevel("warning").WithMessage(sarif.NewTextMessage(
				fmt.Sprintf("%d of %d results omitted: GitHub code scanning keeps at most %d results per run; use --format json for all",
					len(r.Findings)-MaxSARIFResults, len(r.Findings), MaxSARIFResults))))
			break
		}
		ri := lookupRule(f)
		level := sarifLevel(f.Severity)
		if run.GetRuleIndex(ri.ID) < 0 {
			props := sarif.NewPropertyBag()
			props.AddTag("container-registry")
			if f.Cause != "" && f.Cause != ri.ID {
				props.Add("cause", f.Cause)
			}
			run.AddRule(ri.ID).
				WithName(ri.Name).
				WithShortDescription(sarif.NewMultiformatMessageString().WithText(oneLine(ri.Summary))).
				WithFullDescription(sarif.NewMultiformatMessageString().WithText(oneLine(ri.Summary))).
				WithHelp(sarif.NewMultiformatMessageString().WithText(ri.Summary + "\n" + docURL(f)).WithMarkdown(ri.Markdown)).
				WithHelpURI(docURL(f)).
				WithDefaultConfiguration(sarif.NewReportingConfiguration().WithLevel(level)).
				WithProperties(props)
		}
		res := run.CreateResultForRule(ri.ID).
			WithLevel(level).
			WithMessage(sarif.NewTextMessage(resultText(f))).
			WithPartialFingerprints(map[string]string{fingerprintKey: fps[i]})
		if nonEmptySource(f.Source, r.Mode) == finding.Explain {
			// §3.27.24 rank: 0..100, the tool's confidence in the result.
			res.WithRank(math.Round(f.Confidence*1000) / 10)
		}
		props := sarif.NewPropertyBag()
		props.Add("cause", f.Cause)
		props.Add("confidence", f.Confidence)
		props.Add("source", string(nonEmptySource(f.Source, r.Mode)))
		for k, v := range map[string]string{"signature": sigOf(f), "registry": f.Registry, "repository": f.Repository,
			"platform": f.Platform, "step": f.Step} {
			if v != "" {
				props.Add(k, v)
			}
		}
		if len(f.Fix) > 0 {
			fix := make([]string, len(f.Fix))
			for j, s := range f.Fix {
				fix[j] = s
			}
			props.Add("fix", fix)
		}
		res.WithProperties(props)

		p := placeOf(r, f)
		switch {
		case p.lint:
			if o.Source != nil && p.Line > 0 {
				if src, ok := o.Source(p.Path, p.Line); ok {
					p.Snippet = redact.String(src)
				}
			}
			art := sarif.NewArtifactLocation().WithURI(relURI(p.Path)).WithURIBaseID(srcRoot)
			if path.IsAbs(p.Path) { // a root outside the working directory (several roots)
				art = sarif.NewArtifactLocation().WithURI(logURI(p.Path))
			}
			res.AddLocation(sarif.NewLocationWithPhysicalLocation(sarif.NewPhysicalLocation().
				WithArtifactLocation(art).WithRegion(sarifRegion(p))))
		case p.Path != "":
			art := sarif.NewArtifactLocation().WithURI(logURI(p.Path))
			pl := sarif.NewPhysicalLocation().WithArtifactLocation(art)
			if p.Line > 0 {
				pl.WithRegion(sarifRegion(p))
			}
			res.AddLocation(sarif.NewLocationWithPhysicalLocation(pl))
			first := true
			for _, e := range f.Evidence {
				if e.Line <= 0 {
					continue
				}
				if first && e.Line == p.Line {
					first = false
					continue
				}
				res.AddRelatedLocation(sarif.NewLocationWithPhysicalLocation(sarif.NewPhysicalLocation().
					WithArtifactLocation(sarif.NewArtifactLocation().WithURI(logURI(p.Path))).
					WithRegion(sarif.NewRegion().WithStartLine(e.Line).WithSnippet(sarif.NewArtifactContent().WithText(e.Text)))).
					WithMessage(sarif.NewTextMessage("evidence")))
			}
		default:
			ref := r.Input
			if f.Registry != "" || f.Repository != "" {
				ref = strings.Trim(f.Registry+"/"+f.Repository, "/")
			}
			if ref != "" {
				ll := sarif.NewLogicalLocation().WithName(ref).WithKind("resource")
				if r.Input != "" && r.Input != ref {
					ll.WithFullyQualifiedName(r.Input)
				}
				res.AddLocation(sarif.NewLocation().AddLogicalLocation(ll))
			}
		}
	}
	run.AddInvocation(inv)
	doc.AddRun(run)
	return doc, nil
}

// resultText is the result message: the finding's message, then the fix
// steps, so a viewer that shows only the message still says what to change.
func resultText(f finding.Finding) string {
	var b strings.Builder
	b.WriteString(message(f))
	if f.Step != "" {
		fmt.Fprintf(&b, " (probe step: %s)", f.Step)
	}
	if len(f.Fix) > 0 {
		b.WriteString("\nFix:")
		for _, s := range f.Fix {
			b.WriteString("\n- " + s)
		}
	}
	return b.String()
}

func sarifRegion(p place) *sarif.Region {
	reg := sarif.NewRegion().WithStartLine(max(p.Line, 1))
	if p.Column > 0 {
		reg.WithStartColumn(p.Column)
	}
	if p.EndLine >= p.Line && p.EndLine > 0 {
		reg.WithEndLine(p.EndLine)
	}
	if p.EndColumn > 0 && (p.EndLine > p.Line || p.EndColumn > p.Column) {
		reg.WithEndColumn(p.EndColumn)
	}
	if p.Snippet != "" {
		reg.WithSnippet(sarif.NewArtifactContent().WithText(p.Snippet))
	}
	return reg
}

func stepNotification(s finding.Step) *sarif.Notification {
	level := map[finding.StepOutcome]string{finding.StepOK: "note", finding.StepFail: "error",
		finding.StepWarn: "warning", finding.StepSkipped: "none"}[s.Outcome]
	if level == "" {
		level = "note"
	}
	text := fmt.Sprintf("probe step %s: %s", s.Name, s.Outcome)
	if s.Detail != "" {
		text += ": " + oneLine(s.Detail)
	}
	props := sarif.NewPropertyBag()
	props.Add("step", s.Name)
	props.Add("outcome", string(s.Outcome))
	props.Add("duration_ns", s.Duration.Nanoseconds())
	return sarif.NewNotification().WithLevel(level).WithMessage(sarif.NewTextMessage(text)).WithProperties(props)
}

// sarifLevel maps a severity to a SARIF result level (§3.27.10).
func sarifLevel(s finding.Severity) string {
	switch s {
	case finding.Error:
		return "error"
	case finding.Warning:
		return "warning"
	}
	return "note"
}

// relURI turns a slash-separated relative path into a relative URI reference.
func relURI(p string) string {
	return (&url.URL{Path: path.Clean(p)}).String()
}

// logURI is the artifact URI of a log: a file URI for an absolute path,
// otherwise a relative reference.
func logURI(p string) string {
	if strings.HasPrefix(p, "/") {
		return (&url.URL{Scheme: "file", Path: p}).String()
	}
	return relURI(p)
}

func sigOf(f finding.Finding) string {
	if f.Source != finding.Lint {
		return f.Rule
	}
	return ""
}

func nonEmpty(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

func nonEmptySource(s, def finding.Source) finding.Source {
	if s == "" {
		return def
	}
	return s
}
