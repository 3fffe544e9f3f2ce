package github

import (
	"strings"
	"testing"
)

const sample = `name: ci
on:
  push:
  pull_request:
  workflow_call:
    secrets:
      TOKEN: {required: true}
permissions:
  contents: read
env:
  REGISTRY: ghcr.io
jobs:
  build:
    runs-on: ubuntu-latest
    permissions: write-all
    needs: [a, b]
    strategy:
      matrix:
        os: [x, y]
        include:
          - os: z
    steps:
      - uses: docker/login-action@v3
        with:
          registry: ghcr.io
      - name: push
        run: |
          echo hi
          docker push ghcr.io/a/b
      - run: docker push x
  call:
    uses: ./.github/workflows/r.yml
    secrets: inherit
    permissions: {}
`

func TestParse(t *testing.T) {
	w, err := Parse("w.yml", []byte(sample))
	if err != nil {
		t.Fatal(err)
	}
	if len(w.Triggers) != 3 || !w.HasTrigger("pull_request") || !w.CallSecrets["TOKEN"].Required {
		t.Errorf("triggers = %+v secrets %+v", w.Triggers, w.CallSecrets)
	}
	if w.Permissions == nil || w.Permissions.Line != 8 || w.Permissions.Level("contents") != "read" || w.Permissions.Level("packages") != "none" {
		t.Errorf("workflow permissions = %+v", w.Permissions)
	}
	if len(w.Jobs) != 2 {
		t.Fatalf("jobs = %d", len(w.Jobs))
	}
	b := w.Jobs[0]
	if b.Permissions.Level("packages") != "write" || strings.Join(b.Needs, ",") != "a,b" || strings.Join(b.Matrix["os"], ",") != "x,y,z" {
		t.Errorf("job = %+v", b)
	}
	if len(b.Steps) != 3 || b.Steps[0].Action() != "docker/login-action" || b.Steps[0].With["registry"].Str != "ghcr.io" {
		t.Fatalf("steps = %+v", b.Steps)
	}
	s := b.Steps[1]
	if p := s.ScriptPos(2, 1); p != (Pos{Line: 29, Col: 11}) {
		t.Errorf("block script pos = %+v", p)
	}
	if p := b.Steps[2].ScriptPos(1, 1); p != (Pos{Line: 30, Col: 14}) {
		t.Errorf("plain script pos = %+v", p)
	}
	c := w.Jobs[1]
	if !c.SecretsInherit || c.Permissions == nil || len(c.Permissions.Scopes) != 0 || c.Permissions.Level("packages") != "none" {
		t.Errorf("call job = %+v perms %+v", c, c.Permissions)
	}
}

func TestHostileYAML(t *testing.T) {
	bomb := `a: &a ["x","x","x","x","x","x","x","x","x"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
on: push
jobs:
  x: *i
`
	if _, err := Parse("bomb.yml", []byte(bomb)); err != nil {
		t.Logf("alias bomb rejected: %v", err)
	}
	deep := "on: push\njobs: " + strings.Repeat("[", 10000) + strings.Repeat("]", 10000) + "\n"
	if _, err := Parse("deep.yml", []byte(deep)); err == nil {
		t.Error("deep nesting accepted")
	}
	big := make([]byte, MaxFileSize+1)
	if _, err := Parse("big.yml", big); err == nil {
		t.Error("oversized file accepted")
	}
}
