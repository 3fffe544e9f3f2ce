package cli

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/regdoctor/regdoctor/internal/testenv"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/explain")

// TestExplainGolden runs `regdoctor explain` on every example log of
// examples/ in text and JSON and compares with testdata/explain/<name>.{txt,json}.
// Run `go test ./internal/cli -run TestExplainGolden -update` to rewrite them.
func TestExplainGolden(t *testing.T) {
	logs, err := filepath.Glob(filepath.Join(testenv.RepoRoot(), "examples", "*.log"))
	if err != nil || len(logs) == 0 {
		t.Fatalf("no example logs: %v", err)
	}
	for _, log := range logs {
		name := strings.TrimSuffix(filepath.Base(log), ".log")
		rel := filepath.Join("..", "..", "examples", filepath.Base(log))
		for _, format := range []string{"text", "json"} {
			t.Run(name+"/"+format, func(t *testing.T) {
				var out, errb bytes.Buffer
				code := Main([]string{"explain", "--format", format, "--color", "never", rel}, &out, &errb)
				if code != ExitFindings {
					t.Fatalf("exit %d, want %d (stderr %q)", code, ExitFindings, errb.String())
				}
				if format == "json" {
					var v struct {
						Findings []struct {
							Cause      string  `json:"cause"`
							Confidence float64 `json:"confidence"`
							Evidence   []struct {
								Line int    `json:"line"`
								Text string `json:"text"`
							} `json:"evidence"`
						} `json:"findings"`
					}
					if err := json.Unmarshal(out.Bytes(), &v); err != nil || len(v.Findings) == 0 || v.Findings[0].Cause == "" {
						t.Fatalf("JSON does not follow the score contract: %v\n%s", err, out.String())
					}
				}
				ext := map[string]string{"text": ".txt", "json": ".json"}[format]
				golden := filepath.Join("testdata", "explain", name+ext)
				if *update {
					if err := os.WriteFile(golden, out.Bytes(), 0o644); err != nil {
						t.Fatal(err)
					}
					return
				}
				want, err := os.ReadFile(golden)
				if err != nil {
					t.Fatalf("%v (run with -update to create it)", err)
				}
				if !bytes.Equal(out.Bytes(), want) {
					t.Errorf("output differs from %s (run with -update after checking):\n%s", golden, out.String())
				}
			})
		}
	}
}

func TestExplainExitCodes(t *testing.T) {
	dir := t.TempDir()
	quiet := filepath.Join(dir, "ok.log")
	os.WriteFile(quiet, []byte("Login Succeeded\nThe push refers to repository [registry.example.org/a/b]\nlatest: digest: sha256:0123 size: 528\n"), 0o644)
	failing := filepath.Join(dir, "fail.log")
	os.WriteFile(failing, []byte("no basic auth credentials\n"), 0o644)
	binary := filepath.Join(dir, "bin.log")
	os.WriteFile(binary, []byte("\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x03\x00>\x00\x01\x00\x00\x00"+strings.Repeat("\x00", 200)), 0o644)
	cases := []struct {
		name string
		args []string
		code int
		err  string
	}{
		{"nothing found", []string{"explain", quiet}, ExitClean, ""},
		{"finding", []string{"explain", failing}, ExitFindings, ""},
		{"missing file", []string{"explain", filepath.Join(dir, "nope.log")}, ExitError, "no such file"},
		{"directory", []string{"explain", dir}, ExitError, "directory"},
		{"binary file", []string{"explain", binary}, ExitError, "cannot read"},
		{"bad max", []string{"explain", "--max", "0", failing}, ExitUsage, "--max"},
		{"bad format", []string{"explain", "--format", "yaml", failing}, ExitUsage, "format"},
		{"two args", []string{"explain", failing, quiet}, ExitUsage, ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var out, errb bytes.Buffer
			code := Main(tc.args, &out, &errb)
			if code != tc.code {
				t.Fatalf("exit %d, want %d (stdout %q stderr %q)", code, tc.code, out.String(), errb.String())
			}
			if tc.err != "" && !strings.Contains(errb.String(), tc.err) {
				t.Errorf("stderr %q lacks %q", errb.String(), tc.err)
			}
			if strings.Count(errb.String(), "\n") > 2 || strings.Contains(errb.String(), "goroutine") {
				t.Errorf("stderr is not one clear line: %q", errb.String())
			}
		})
	}
}

func TestExplainStdin(t *testing.T) {
	root := NewRoot()
	var out, errb bytes.Buffer
	root.SetArgs([]string{"explain", "--format", "json", "-"})
	root.SetIn(strings.NewReader("Error: Username and password required\n"))
	root.SetOut(&out)
	root.SetErr(&errb)
	err := root.Execute()
	if err == nil || !strings.Contains(out.String(), `"cause": "empty-credential"`) && !strings.Contains(out.String(), `"cause":"empty-credential"`) {
		t.Fatalf("err %v, out %s", err, out.String())
	}
}
