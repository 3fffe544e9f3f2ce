package github_test

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/regdoctor/regdoctor/internal/lint"
)

func repoWith(t *testing.T, files map[string]string) string {
	t.Helper()
	root := t.TempDir()
	for name, body := range files {
		p := filepath.Join(root, filepath.FromSlash(name))
		must(t, os.MkdirAll(filepath.Dir(p), 0o755))
		must(t, os.WriteFile(p, []byte(body), 0o644))
	}
	return root
}

// Hostile YAML is rejected or linted with bounded work; it never panics and
// never stops the other files from being linted.
func TestHostileWorkflows(t *testing.T) {
	var bomb strings.Builder
	bomb.WriteString("a0: &a0 [\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\"]\n")
	for i := 1; i < 12; i++ {
		bomb.WriteString("a" + itoa(i) + ": &a" + itoa(i) + " [")
		for k := 0; k < 10; k++ {
			if k > 0 {
				bomb.WriteString(",")
			}
			bomb.WriteString("*a" + itoa(i-1))
		}
		bomb.WriteString("]\n")
	}
	bomb.WriteString("on: push\njobs:\n  x:\n    runs-on: *a11\n    steps: *a11\n    env: {A: *a11}\n")
	good := "on: push\njobs:\n  image:\n    runs-on: ubuntu-latest\n    steps:\n      - run: docker push ghcr.io/acme/app:1\n"
	root := repoWith(t, map[string]string{
		".github/workflows/bomb.yml":   bomb.String(),
		".github/workflows/deep.yml":   "on: push\njobs: " + strings.Repeat("[", 20000) + strings.Repeat("]", 20000) + "\n",
		".github/workflows/syntax.yml": "on: push\njobs:\n  a: [\n",
		".github/workflows/good.yml":   good,
	})
	// 100 MB file: sparse, refused by size before it is read.
	f, err := os.Create(filepath.Join(root, ".github", "workflows", "huge.yml"))
	must(t, err)
	must(t, f.Truncate(100<<20))
	f.Close()

	res, err := lint.Run(root, nil, lint.Config{})
	if err != nil {
		t.Fatal(err)
	}
	bad := map[string]bool{}
	for _, e := range res.Errors {
		bad[e.File] = true
		t.Logf("rejected: %v", e)
	}
	for _, name := range []string{"deep.yml", "syntax.yml", "huge.yml"} {
		if !bad[".github/workflows/"+name] {
			t.Errorf("%s was not reported as a file error", name)
		}
	}
	found := false
	for _, f := range res.Findings {
		if f.File == ".github/workflows/good.yml" && f.Rule == "GHA010" {
			found = true
		}
	}
	if !found {
		t.Errorf("the good file was not linted next to the hostile ones: %+v", res.Findings)
	}
}

func itoa(i int) string { return strconv.Itoa(i) }

// Inline ignore comments and the config file drop findings.
func TestIgnoreAndConfig(t *testing.T) {
	wfText := `on: push
jobs:
  image:
    runs-on: ubuntu-latest
    steps:
      # regdoctor:ignore GHA010 pushed from a runner with a stored login
      - run: docker push ghcr.io/acme/app:1
      - run: docker push quay.io/acme/app:1 # regdoctor:ignore GHA010
      - run: docker push registry.example.com/acme/app:1
`
	root := repoWith(t, map[string]string{".github/workflows/ci.yml": wfText})
	res, err := lint.Run(root, nil, lint.Config{})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Findings) != 1 || res.Findings[0].Registry != "registry.example.com" || res.Ignored != 2 {
		t.Fatalf("findings = %+v ignored %d", res.Findings, res.Ignored)
	}
	must(t, os.WriteFile(filepath.Join(root, ".regdoctor.yaml"), []byte("lint:\n  severity: {GHA010: warning}\n"), 0o644))
	cfg, _, err := lint.LoadConfig(root, "")
	must(t, err)
	res, _ = lint.Run(root, nil, cfg)
	if len(res.Findings) != 1 || res.Findings[0].Severity != "warning" {
		t.Fatalf("severity override: %+v", res.Findings)
	}
	must(t, os.WriteFile(filepath.Join(root, ".regdoctor.yaml"), []byte("lint:\n  ignore: [{rule: GHA010, path: \".github/workflows/*.yml\"}]\n"), 0o644))
	cfg, _, err = lint.LoadConfig(root, "")
	must(t, err)
	res, _ = lint.Run(root, nil, cfg)
	if len(res.Findings) != 0 {
		t.Fatalf("path ignore: %+v", res.Findings)
	}
	for _, bad := range []string{"lint:\n  disable: [NOPE1]\n", "lint:\n  severity: {GHA010: fatal}\n", "lint:\n  unknown: 1\n"} {
		must(t, os.WriteFile(filepath.Join(root, ".regdoctor.yaml"), []byte(bad), 0o644))
		if _, _, err := lint.LoadConfig(root, ""); err == nil {
			t.Errorf("config %q accepted", bad)
		}
	}
}
