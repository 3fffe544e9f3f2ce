package github_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/regdoctor/regdoctor/internal/lint"
	"github.com/regdoctor/regdoctor/internal/testenv"
)

// Odd shapes (a list where a map belongs, numbers, nulls, anchors) are
// linted without a panic.
func TestOddShapes(t *testing.T) {
	for i, body := range []string{
		"",
		"~\n",
		"- a\n- b\n",
		"on: 5\njobs: 7\n",
		"on: [push]\njobs:\n  a: [1, 2]\n",
		"on: push\njobs:\n  a:\n    steps: {x: 1}\n",
		"on: push\njobs:\n  a:\n    steps:\n      - 1\n      - [x]\n      - uses: docker/login-action@v3\n        with: [a, b]\n",
		"on: push\npermissions: [packages]\njobs:\n  a:\n    permissions: 3\n    steps:\n      - run: [docker push a/b]\n",
		"on: push\njobs:\n  a:\n    strategy: {matrix: [1]}\n    needs: {x: 1}\n    secrets: [1]\n    uses: 5\n",
		"on: push\nx: &x {run: docker push ghcr.io/a/b}\njobs:\n  a:\n    steps: [*x, *x, {<<: *x}]\n",
		"on: push\njobs:\n  a:\n    steps:\n      - uses: ./\n      - uses: ./missing\n      - uses: docker/build-push-action@\n        with: {push: true, tags: \"\\n,,\\n\"}\n",
		"on: {pull_request: null, push: {branches: 1}}\njobs:\n  a:\n    if: ${{\n    steps:\n      - run: \"docker login -p\"\n      - run: \"$(\"\n",
	} {
		root := repoWith(t, map[string]string{".github/workflows/ci.yml": body, "action.yml": "runs: {using: composite, steps: 5}\n"})
		if _, err := lint.Run(root, nil, lint.Config{}); err != nil {
			t.Errorf("case %d: %v", i, err)
		}
	}
}

// Every prefix cut of the corpus workflows (a file truncated mid-way) is
// either linted or reported as a file error, never a panic.
func TestTruncatedCorpusFiles(t *testing.T) {
	dir := filepath.Join(testenv.SharedDir(t), "corpus", "configs", "good")
	files, _ := filepath.Glob(filepath.Join(dir, "g-00*", ".github", "workflows", "*.y*ml"))
	if len(files) == 0 {
		t.Skip("no corpus workflows")
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, frac := range []int{3, 5, 7, 9} {
			cut := string(b[:len(b)*frac/10])
			root := repoWith(t, map[string]string{".github/workflows/ci.yml": cut})
			if _, err := lint.Run(root, nil, lint.Config{}); err != nil && !strings.Contains(err.Error(), "no CI") {
				t.Errorf("%s cut at %d0%%: %v", f, frac, err)
			}
		}
	}
}
