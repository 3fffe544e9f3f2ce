package github_test

import (
	"fmt"
	"reflect"
	"runtime"
	"testing"

	"github.com/regdoctor/regdoctor/internal/lint"
	_ "github.com/regdoctor/regdoctor/internal/lint/github"
)

// Files of one repository are linted in parallel; the findings are the same,
// in the same order, as one file after the other, including what files
// share: a composite action two workflows use (GHA007 reported once) and a
// reusable workflow called from another file.
func TestParallelSameAsSequential(t *testing.T) {
	action := `name: publish
runs:
  using: composite
  steps:
    - shell: bash
      run: echo "${{ secrets.DOCKERHUB_TOKEN }}" | docker login -u acme --password-stdin
    - shell: bash
      run: docker push acme/app:1
`
	uses := `on: push
jobs:
  image:
    runs-on: ubuntu-latest
    steps:
      - uses: ./.github/actions/publish
`
	called := `on: workflow_call
jobs:
  push:
    runs-on: ubuntu-latest
    steps:
      - uses: docker/login-action@v3
        with:
          registry: ghcr.io
          username: ${{ github.actor }}
          password: ${{ secrets.GITHUB_TOKEN }}
      - run: docker push ghcr.io/acme/app:1
`
	caller := `on: push
permissions:
  contents: read
jobs:
  call:
    uses: ./.github/workflows/called.yml
`
	files := map[string]string{
		".github/actions/publish/action.yml": action,
		".github/workflows/called.yml":       called,
		".github/workflows/caller.yml":       caller,
	}
	for i := range 6 {
		files[fmt.Sprintf(".github/workflows/uses%d.yml", i)] = uses
		files[fmt.Sprintf(".github/workflows/push%d.yml", i)] = fmt.Sprintf("on: pull_request\njobs:\n  j:\n    runs-on: ubuntu-latest\n    steps:\n      - run: docker push ghcr.io/acme/app%d:1\n", i)
	}
	root := repoWith(t, files)
	run := func(procs int) *lint.Result {
		defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(procs))
		res, err := lint.Run(root, nil, lint.Config{})
		if err != nil {
			t.Fatal(err)
		}
		return res
	}
	seq := run(1)
	gha007 := 0
	for _, f := range seq.Findings {
		if f.Rule == "GHA007" {
			gha007++
		}
	}
	if gha007 != 1 || len(seq.Findings) < 8 {
		t.Fatalf("sequential run: %d GHA007 findings (want 1) of %d: %+v", gha007, len(seq.Findings), seq.Findings)
	}
	for _, procs := range []int{2, 4, 16} {
		for range 5 {
			if par := run(procs); !reflect.DeepEqual(par.Findings, seq.Findings) || par.Ignored != seq.Ignored {
				t.Fatalf("GOMAXPROCS=%d: %d findings (%d ignored), sequential %d (%d):\n%+v\n%+v",
					procs, len(par.Findings), par.Ignored, len(seq.Findings), seq.Ignored, par.Findings, seq.Findings)
			}
		}
	}
}
