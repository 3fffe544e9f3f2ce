package cli

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/regdoctor/regdoctor/internal/testenv"
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

// A literal password in the workflow never reaches the output.
func TestLintSnippetRedacted(t *testing.T) {
	root := writeFiles(t, map[string]string{".github/workflows/ci.yml": "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: docker login -u me -p hunter2secret registry.example.com\n"})
	code, out, _ := runLint("lint", root, "--color", "never")
	if code != ExitFindings || strings.Contains(out, "hunter2secret") || !strings.Contains(out, "GHA026") {
		t.Errorf("exit %d\n%s", code, out)
	}
	_, out, _ = runLint("lint", root, "--format", "json")
	if strings.Contains(out, "hunter2secret") {
		t.Errorf("json leaks the password:\n%s", out)
	}
}

// Linting every corpus configuration case in one invocation (several roots,
// in parallel) reports, root by root, exactly what linting each case alone
// reports: the same findings in the same order, File relative to its root,
// and Root naming it; text shows ROOT/FILE.
func TestLintSeveralRootsMatchesOneByOne(t *testing.T) {
	shared := testenv.SharedDir(t)
	var dirs []string
	for _, pat := range []string{"broken/*", "fixed/*", "good/*"} {
		ms, _ := filepath.Glob(filepath.Join(shared, "corpus", "configs", pat))
		for _, d := range ms {
			if fi, err := os.Stat(d); err == nil && fi.IsDir() {
				dirs = append(dirs, d)
			}
		}
	}
	type report struct {
		Findings []map[string]any `json:"findings"`
	}
	decode := func(out string) report {
		t.Helper()
		var r report
		if err := json.Unmarshal([]byte(out), &r); err != nil {
			t.Fatalf("json: %v", err)
		}
		return r
	}
	alone := map[string]string{}
	var withCI []string // cases with a CI file at their root (b-031's is in a template directory)
	for _, d := range dirs {
		if code, out, _ := runLint("lint", "--format", "json", d); code != ExitUsage {
			alone[d] = out
			withCI = append(withCI, d)
		}
	}
	dirs = withCI
	if len(dirs) < 10 {
		t.Skipf("only %d corpus configuration cases", len(dirs))
	}
	code, out, errs := runLint(append([]string{"lint", "--format", "json"}, dirs...)...)
	if code != ExitFindings && code != ExitError {
		t.Fatalf("all roots: exit %d\n%s", code, errs)
	}
	byRoot := map[string][]map[string]any{}
	var order []string
	for _, f := range decode(out).Findings {
		root, _ := f["root"].(string)
		if root == "" {
			t.Fatalf("finding without root: %v", f)
		}
		if len(order) == 0 || order[len(order)-1] != root {
			order = append(order, root)
		}
		delete(f, "root")
		byRoot[root] = append(byRoot[root], f)
	}
	next := 0 // roots must come in the order given
	for i, d := range dirs {
		want := decode(alone[d]).Findings
		got := byRoot[d]
		a, _ := json.Marshal(want)
		b, _ := json.Marshal(got)
		if (len(want) > 0 || len(got) > 0) && !bytes.Equal(a, b) {
			t.Errorf("%s: alone %d findings, with the others %d:\nalone %s\nwith  %s", d, len(want), len(got), a, b)
		}
		if len(got) > 0 {
			if next >= len(order) || order[next] != d {
				t.Errorf("root %d (%s) out of order", i, d)
			}
			next++
		}
	}
	_, text, _ := runLint(append([]string{"lint", "--color", "never"}, dirs[:3]...)...)
	for _, d := range dirs[:3] {
		if byRoot[d] != nil && !strings.Contains(text, d+"/"+byRoot[d][0]["file"].(string)+":") {
			t.Errorf("text does not name %s/FILE:\n%s", d, text)
		}
	}
}

// Hostile YAML in several roots linted at once (in parallel): each file is
// refused (too deep, recursive alias) or linted within the per-file limits
// (the alias bomb), no panic, the other roots' findings are printed, exit 3,
// and the run stays small in memory.
func TestLintSeveralHostileRoots(t *testing.T) {
	var bomb strings.Builder
	bomb.WriteString("a0: &a0 [\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\"]\n")
	for i := 1; i < 12; i++ {
		fmt.Fprintf(&bomb, "a%d: &a%d [", i, i)
		for k := range 10 {
			if k > 0 {
				bomb.WriteString(",")
			}
			fmt.Fprintf(&bomb, "*a%d", i-1)
		}
		bomb.WriteString("]\n")
	}
	bomb.WriteString("on: push\njobs:\n  x:\n    runs-on: *a11\n    steps: *a11\n    env: {A: *a11}\n")
	var args []string
	for i := range 6 {
		args = append(args, writeFiles(t, map[string]string{
			".github/workflows/bomb.yml": bomb.String(),
			".github/workflows/deep.yml": "on: push\njobs: " + strings.Repeat("[", 20000) + strings.Repeat("]", 20000) + "\n",
			".gitlab-ci.yml":             fmt.Sprintf("x%d: &x [*x, *x]\nbuild:\n  script: [docker push registry.example.com/a:1]\n", i),
		}))
	}
	good := writeFiles(t, map[string]string{".github/workflows/ci.yml": brokenWF})
	args = append(args, good)
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	code, out, errs := runLint(append([]string{"lint", "--color", "never"}, args...)...)
	runtime.ReadMemStats(&after)
	if code != ExitError || strings.Contains(errs, "goroutine") || strings.Contains(errs, "panic") {
		t.Fatalf("exit %d\nstderr %s", code, errs)
	}
	if !strings.Contains(out, good+"/.github/workflows/ci.yml:2:1: error:") {
		t.Errorf("the well-formed root's finding is missing:\n%s", out)
	}
	for _, a := range args[:6] {
		if !strings.Contains(errs, a+"/.github/workflows/deep.yml:") || !strings.Contains(errs, a+"/.gitlab-ci.yml:") {
			t.Errorf("%s: hostile files not reported:\n%s", a, errs)
		}
	}
	if grown := after.TotalAlloc - before.TotalAlloc; grown > 256<<20 {
		t.Errorf("linting 6 hostile roots allocated %d MB", grown>>20)
	}
}
