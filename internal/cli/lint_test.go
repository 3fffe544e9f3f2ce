package cli

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func writeFiles(t *testing.T, files map[string]string) string {
	t.Helper()
	root := t.TempDir()
	for name, body := range files {
		p := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return root
}

func runLint(args ...string) (int, string, string) {
	var out, errb bytes.Buffer
	code := Main(args, &out, &errb)
	return code, out.String(), errb.String()
}

const brokenWF = `on: push
permissions:
  contents: read
jobs:
  image:
    runs-on: ubuntu-latest
    steps:
      - uses: docker/login-action@v3
        with:
          registry: ghcr.io
          username: ${{ github.actor }}
          password: ${{ secrets.GITHUB_TOKEN }}
      - run: docker push ghcr.io/acme/app:1
`

const fixedWF = `on: push
permissions:
  contents: read
  packages: write
jobs:
  image:
    runs-on: ubuntu-latest
    steps:
      - uses: docker/login-action@v3
        with:
          registry: ghcr.io
          username: ${{ github.actor }}
          password: ${{ secrets.GITHUB_TOKEN }}
      - run: docker push ghcr.io/acme/app:1
`

func TestLintExitCodesAndJSON(t *testing.T) {
	root := writeFiles(t, map[string]string{".github/workflows/ci.yml": brokenWF})
	code, out, errs := runLint("lint", root, "--format", "json")
	if code != ExitFindings {
		t.Fatalf("exit %d, stderr %s", code, errs)
	}
	var rep struct {
		Findings []struct {
			Cause, Rule, Severity, File, Message string
			Line, Column                         int
		} `json:"findings"`
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatalf("json: %v\n%s", err, out)
	}
	if len(rep.Findings) != 1 {
		t.Fatalf("findings = %+v", rep.Findings)
	}
	f := rep.Findings[0]
	if f.Rule != "GHA001" || f.Cause != "gh-token-packages-permission" || f.Severity != "error" || f.File != ".github/workflows/ci.yml" || f.Line != 2 || f.Column != 1 || f.Message == "" {
		t.Errorf("finding = %+v", f)
	}

	code, out, _ = runLint("lint", root, "--color", "never")
	if code != ExitFindings || !strings.Contains(out, ".github/workflows/ci.yml:2:1: error:") || !strings.Contains(out, "   2 | permissions:") {
		t.Errorf("text output (exit %d):\n%s", code, out)
	}

	clean := writeFiles(t, map[string]string{".github/workflows/ci.yml": fixedWF})
	if code, out, errs := runLint("lint", clean); code != ExitClean {
		t.Errorf("clean repo: exit %d\n%s%s", code, out, errs)
	}
	// explicit file
	if code, _, errs := runLint("lint", filepath.Join(root, ".github", "workflows", "ci.yml")); code != ExitFindings {
		t.Errorf("explicit file: exit %d %s", code, errs)
	}
}

func TestLintErrors(t *testing.T) {
	if code, _, errs := runLint("lint", "/no/such/dir"); code != ExitUsage || !strings.Contains(errs, "no such file") {
		t.Errorf("missing path: exit %d %q", code, errs)
	}
	empty := t.TempDir()
	if code, _, errs := runLint("lint", empty); code != ExitUsage || !strings.Contains(errs, "no GitHub Actions workflow") {
		t.Errorf("empty dir: exit %d %q", code, errs)
	}
	if code, _, _ := runLint("lint", empty, "--format", "nope"); code != ExitUsage {
		t.Errorf("bad format: exit %d", code)
	}
	root := writeFiles(t, map[string]string{
		".github/workflows/bad.yml": "on: push\njobs: [\n",
		".github/workflows/ci.yml":  brokenWF,
	})
	code, out, errs := runLint("lint", root, "--color", "never")
	if code != ExitError || !strings.Contains(errs, "bad.yml") || strings.Contains(errs, "goroutine") || !strings.Contains(out, "GHA001") {
		t.Errorf("syntax error: exit %d\nstdout %s\nstderr %s", code, out, errs)
	}
	if code, _, errs := runLint("lint", root, "--config", filepath.Join(root, "missing.yaml")); code != ExitUsage {
		t.Errorf("missing config: exit %d %s", code, errs)
	}
}

func TestLintListRules(t *testing.T) {
	code, out, _ := runLint("lint", "--list-rules")
	if code != ExitClean || !strings.Contains(out, "GHA001") || !strings.Contains(out, "gh-token-packages-permission") {
		t.Errorf("exit %d\n%s", code, out)
	}
}

// A repository with both platforms is linted by both checkers, and a
// GitLab file can be named explicitly.
func TestLintDispatchesToGitLab(t *testing.T) {
	gitlab := `build:
  image: docker:27
  services: [docker:27-dind]
  variables:
    DOCKER_TLS_CERTDIR: "/certs"
  script:
    - docker build -t $CI_REGISTRY_IMAGE:$CI_COMMIT_SHORT_SHA .
    - docker push $CI_REGISTRY_IMAGE:$CI_COMMIT_SHORT_SHA
`
	root := writeFiles(t, map[string]string{".github/workflows/ci.yml": brokenWF, ".gitlab-ci.yml": gitlab})
	code, out, errs := runLint("lint", root, "--format", "json")
	if code != ExitFindings || !strings.Contains(out, `"rule": "GLC001"`) || !strings.Contains(out, `"rule": "GHA001"`) {
		t.Errorf("exit %d, stderr %s\n%s", code, errs, out)
	}
	code, out, _ = runLint("lint", filepath.Join(root, ".gitlab-ci.yml"), "--format", "json")
	if code != ExitFindings || !strings.Contains(out, `"rule": "GLC001"`) || strings.Contains(out, "GHA001") {
		t.Errorf("explicit GitLab file: exit %d\n%s", code, out)
	}
}
