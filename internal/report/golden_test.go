package report

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/regdoctor/regdoctor/internal/catalog"
	"github.com/regdoctor/regdoctor/internal/finding"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden from the current output")

// The fixtures below are hand-built reports in the shape each mode produces
// (this is a unit test of the formatters). Their text is written for the
// test; the error strings follow the grammar of real registry responses.

func explainReport() *finding.Report {
	return &finding.Report{
		Tool: "regdoctor", Version: "v0.0.0-test", Mode: finding.Explain, Input: "logs/build job.log",
		Context: []string{"platform: github-actions", "registry: ghcr.io"},
		Findings: []finding.Finding{
			{
				Cause: "gh-token-packages-permission", Title: "GITHUB_TOKEN cannot write packages", Confidence: 0.9,
				Severity: finding.Error, Source: finding.Explain, Rule: "ghcr-denied-write-package",
				Message:  "ghcr.io refused the blob upload for acme/app with permission_denied: write_package.",
				Evidence: []finding.Evidence{{Line: 412, Text: "ERROR: failed to push ghcr.io/acme/app:1.2: denied: permission_denied: write_package"}, {Line: 398, Text: "#12 pushing layers"}},
				Platform: "github-actions", Registry: "ghcr.io", Repository: "acme/app",
				Fix:         []string{"Add `permissions: packages: write` to the job.", "Check the package's Manage Actions access."},
				Distinguish: "a missing login says `unauthorized`, not `denied`",
			},
			{
				Cause: "ghcr-package-actions-access", Title: "The package does not grant this repository write access", Confidence: 0.4,
				Severity: finding.Error, Source: finding.Explain, Rule: "ghcr-denied-write-package",
				Message:  "The same denial happens when the package belongs to another repository.",
				Evidence: []finding.Evidence{{Line: 412, Text: "ERROR: failed to push ghcr.io/acme/app:1.2: denied: permission_denied: write_package"}},
				Registry: "ghcr.io", Repository: "acme/app",
			},
		},
	}
}

func lintReport() *finding.Report {
	return &finding.Report{
		Tool: "regdoctor", Version: "v0.0.0-test", Mode: finding.Lint, Input: ".",
		Findings: []finding.Finding{
			{
				Cause: "gh-token-packages-permission", Title: "GITHUB_TOKEN cannot write packages", Confidence: 1,
				Severity: finding.Error, Source: finding.Lint, Rule: "GHA001",
				Message: "job \"push\" pushes to ghcr.io with GITHUB_TOKEN but its permissions do not include packages: write",
				File:    ".github/workflows/release.yml", Line: 14, Column: 5, EndLine: 14, EndColumn: 16,
				Platform: "github-actions", Registry: "ghcr.io", Fix: []string{"Add `packages: write` under `permissions:` of job \"push\"."},
			},
			{
				Cause: "empty-credential", Title: "The credential expanded to empty", Confidence: 1,
				Severity: finding.Warning, Source: finding.Lint, Rule: "GHA004",
				Message: "`env.REGISTRY_TOKEN` is not a secret; use `secrets.REGISTRY_TOKEN`",
				File:    ".github/workflows/release.yml", Line: 22, Column: 21,
			},
			{
				Cause: "dependency-proxy-auth", Title: "Dependency proxy used without login", Confidence: 1,
				Severity: finding.Info, Source: finding.Lint, Rule: "GLC006",
				Message: "image pulls through the dependency proxy but no job logs in with CI_DEPENDENCY_PROXY_USER",
				File:    "ci/templates/build.gitlab-ci.yml", Line: 3, Column: 1,
			},
		},
	}
}

func probeReport() *finding.Report {
	return &finding.Report{
		Tool: "regdoctor", Version: "v0.0.0-test", Mode: finding.Probe, Input: "ghcr.io/acme/app:1.2",
		Steps: []finding.Step{
			{Name: "reference", Outcome: finding.StepOK, Detail: "ghcr.io/acme/app:1.2"},
			{Name: "ping", Outcome: finding.StepOK, Detail: "401 Bearer realm=\"https://ghcr.io/token\"", Duration: 41 * time.Millisecond},
			{Name: "token", Outcome: finding.StepFail, Detail: "403: scope repository:acme/app:push,pull denied", Duration: 87 * time.Millisecond},
			{Name: "upload", Outcome: finding.StepSkipped},
		},
		Findings: []finding.Finding{{
			Cause: "token-missing-scope", Title: "The token lacks the write scope", Confidence: 1,
			Severity: finding.Error, Source: finding.Probe, Step: "token",
			Message:  "the token service granted pull but not push on repository acme/app",
			Registry: "ghcr.io", Repository: "acme/app",
			Fix: []string{"Create a token with write:packages."},
		}},
	}
}

func emptyReport(mode finding.Source) func() *finding.Report {
	return func() *finding.Report {
		return &finding.Report{Tool: "regdoctor", Version: "v0.0.0-test", Mode: mode, Input: "-"}
	}
}

// hostileReport carries text that breaks naive writers: newlines and CR,
// workflow-command syntax, '%', ',' and ':' in properties, Markdown and
// HTML, backtick fences, unicode, and a token that must be redacted.
func hostileReport() *finding.Report {
	return &finding.Report{
		Tool: "regdoctor", Version: "v0.0.0-test", Mode: finding.Lint, Input: ".",
		Findings: []finding.Finding{{
			Cause: "bad-credentials", Title: "Bad\ncredentials | 100% ::", Confidence: 1,
			Severity: finding.Error, Source: finding.Lint, Rule: "GHA002",
			Message: "line one\r\nline two: 50%25 done, ::error::injected\n::set-output name=x::y <script>alert(1)</script> | pipe ```fence``` ünïcødé 🚢 token ghp_abcdefghijklmnopqrstuvwxyz0123456789",
			File:    "dir, with: odd%chars/ü.yml", Line: 7, Column: 3,
			Fix:         []string{"step one\nstep two with `code` and | pipe", "mkdir -p /kaniko/.docker"},
			Evidence:    []finding.Evidence{{Line: 7, Text: "run: docker login -p hunter2 ghcr.io\n::warning::x"}},
			Registry:    "ghcr.io",
			Platform:    "github-actions",
			Distinguish: "<b>bold</b>",
		}, {
			Cause: "bad-credentials", Title: "Bad credentials", Confidence: 1,
			Severity: finding.Error, Source: finding.Lint, Rule: "GHA002",
			Message: "line one\r\nline two: 50%25 done, ::error::injected\n::set-output name=x::y <script>alert(1)</script> | pipe ```fence``` ünïcødé 🚢 token ghp_abcdefghijklmnopqrstuvwxyz0123456789",
			File:    "dir, with: odd%chars/ü.yml", Line: 9, Column: 3,
		}},
	}
}

// hostileExplainReport is an explain report read from stdin with hostile evidence.
func hostileExplainReport() *finding.Report {
	return &finding.Report{
		Tool: "regdoctor", Version: "v0.0.0-test", Mode: finding.Explain, Input: "-",
		Findings: []finding.Finding{{
			Cause: "no-login", Title: "No credential reached the client", Confidence: 0.75,
			Severity: finding.Error, Source: finding.Explain, Rule: "unauthorized-authentication-required",
			Message:  "the push was anonymous: 100% sure, no `docker login` ran\nfor ghcr.io",
			Evidence: []finding.Evidence{{Line: 0, Text: "(summary)"}, {Line: 3, Text: "unauthorized: authentication required | ``` %0A ::error::x Authorization: Bearer abcdefghijklmnopqrstuvwxyz"}},
		}},
	}
}

var fixtures = []struct {
	name string
	make func() *finding.Report
}{
	{"explain", explainReport},
	{"lint", lintReport},
	{"probe", probeReport},
	{"explain-empty", emptyReport(finding.Explain)},
	{"lint-empty", emptyReport(finding.Lint)},
	{"probe-empty", emptyReport(finding.Probe)},
	{"hostile-lint", hostileReport},
	{"hostile-explain", hostileExplainReport},
}

// TestGolden writes every fixture in every format and compares the output
// with testdata/<format>/<fixture>.golden; `go test -update` rewrites them.
func TestGolden(t *testing.T) {
	defer func(old func(string) (catalog.Cause, bool)) { causeLookup = old }(causeLookup)
	causeLookup = func(string) (catalog.Cause, bool) { return catalog.Cause{}, false }
	for _, format := range Formats() {
		for _, fx := range fixtures {
			t.Run(format+"/"+fx.name, func(t *testing.T) {
				var buf bytes.Buffer
				if err := Write(&buf, format, fx.make(), Options{Root: "/src/repo"}); err != nil {
					t.Fatalf("Write: %v", err)
				}
				got := buf.Bytes()
				file := filepath.Join("testdata", format, fx.name+".golden")
				if *update {
					if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
						t.Fatal(err)
					}
					if err := os.WriteFile(file, got, 0o644); err != nil {
						t.Fatal(err)
					}
					return
				}
				want, err := os.ReadFile(file)
				if err != nil {
					t.Fatalf("%v (run go test ./internal/report -update to create it)", err)
				}
				if !bytes.Equal(got, want) {
					t.Errorf("%s differs from the output (run with -update if the change is intended):\n%s", file, diffLines(string(want), string(got)))
				}
			})
		}
	}
}

// TestNoSecretInAnyFormat checks redaction end to end: the hostile fixtures
// carry a GitHub token and passwords, which no format may print.
func TestNoSecretInAnyFormat(t *testing.T) {
	for _, format := range Formats() {
		if format == "text" || format == "json" {
			continue // text and json print what producers redacted; they do not re-redact
		}
		for _, mk := range []func() *finding.Report{hostileReport, hostileExplainReport} {
			var buf bytes.Buffer
			if err := Write(&buf, format, mk(), Options{}); err != nil {
				t.Fatal(err)
			}
			for _, secret := range []string{"ghp_abcdefghijklmnopqrstuvwxyz0123456789", "hunter2", "abcdefghijklmnopqrstuvwxyz"} {
				if strings.Contains(buf.String(), secret) {
					t.Errorf("%s output contains the secret %q", format, secret)
				}
			}
		}
	}
}

// diffLines shows the first differing line with some context.
func diffLines(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < len(w) || i < len(g); i++ {
		var a, b string
		if i < len(w) {
			a = w[i]
		}
		if i < len(g) {
			b = g[i]
		}
		if a != b {
			return fmt.Sprintf("line %d:\n  want: %q\n  got:  %q", i+1, a, b)
		}
	}
	return "(same lines, different bytes)"
}
