package gitlab

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/regdoctor/regdoctor/internal/testenv"
)

func load(t *testing.T, files map[string]string) *Pipeline {
	t.Helper()
	dir := t.TempDir()
	for name, body := range files {
		fp := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(fp), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(fp, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	p, err := Load(dir, ".gitlab-ci.yml", DefaultLimits)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func texts(ls []Line) string {
	var s []string
	for _, l := range ls {
		s = append(s, l.Text)
	}
	return strings.Join(s, " | ")
}

func TestDefaultBeforeScriptReplacedByJob(t *testing.T) {
	p := load(t, map[string]string{".gitlab-ci.yml": `
default:
  image: docker:27
  before_script:
    - docker login -u "$CI_REGISTRY_USER" -p "$CI_REGISTRY_PASSWORD" "$CI_REGISTRY"
a:
  script: [docker push x]
b:
  before_script: [echo hi]
  script: [docker push x]
c:
  inherit:
    default: [image]
  script: [docker push x]
d:
  inherit:
    default: false
  script: [echo]
`})
	a, b, c, d := p.Job("a"), p.Job("b"), p.Job("c"), p.Job("d")
	if a.BeforeScriptFrom != "default" || !strings.Contains(texts(a.BeforeScript), "docker login") || a.DefaultBeforeScriptDropped {
		t.Errorf("a: %+v %q", a.BeforeScriptFrom, texts(a.BeforeScript))
	}
	if b.BeforeScriptFrom != "job" || texts(b.BeforeScript) != "echo hi" || !b.DefaultBeforeScriptDropped {
		t.Errorf("b: %+v %q", b.BeforeScriptFrom, texts(b.BeforeScript))
	}
	if len(c.BeforeScript) != 0 || !c.DefaultBeforeScriptDropped || c.Image == nil || c.Image.Name != "docker:27" {
		t.Errorf("c: %q dropped=%v image=%v", texts(c.BeforeScript), c.DefaultBeforeScriptDropped, c.Image)
	}
	if d.Image != nil || len(d.BeforeScript) != 0 {
		t.Errorf("d inherited defaults: %v %q", d.Image, texts(d.BeforeScript))
	}
	if got := a.BeforeScript[0].Pos.Line; got != 5 {
		t.Errorf("login line = %d, want 5", got)
	}
}

func TestExtendsMergesMapsReplacesListsNullDeletes(t *testing.T) {
	p := load(t, map[string]string{".gitlab-ci.yml": `
variables:
  G: global
.base:
  variables: {A: "1", B: "2"}
  script: [one, two]
  tags: [x]
.mid:
  extends: .base
  variables: {B: "3"}
job:
  extends: [.mid]
  variables: {C: "4", G: job}
  script: [three]
  tags: null
`})
	j := p.Job("job")
	if texts(j.Script) != "three" {
		t.Errorf("script = %q, want list replaced", texts(j.Script))
	}
	got := strings.Join([]string{j.Variables["A"].Value, j.Variables["B"].Value, j.Variables["C"].Value, j.Variables["G"].Value}, " ")
	if got != "1 3 4 job" {
		t.Errorf("variables = %s", got)
	}
	if j.Variables["G"].Scope != "job" {
		t.Errorf("job variable should win over global")
	}
	if j.Tags != nil {
		t.Errorf("tags: null should delete, got %v", j.Tags)
	}
	if !p.Job(".base").Hidden || p.Job("job").Hidden {
		t.Error("hidden flags")
	}
}

func TestReferenceAnchorsMergeKeys(t *testing.T) {
	p := load(t, map[string]string{".gitlab-ci.yml": `
.login:
  script:
    - echo "$CI_REGISTRY_PASSWORD" | docker login -u "$CI_REGISTRY_USER" --password-stdin "$CI_REGISTRY"
.vars: &vars
  variables:
    DOCKER_HOST: tcp://docker:2376
    X: anchored
job:
  <<: *vars
  variables:
    X: local
  before_script:
    - !reference [.login, script]
    - echo after
  script:
    - &push docker push "$CI_REGISTRY_IMAGE"
other:
  script:
    - *push
`})
	j := p.Job("job")
	if !strings.HasPrefix(texts(j.BeforeScript), "echo \"$CI_REGISTRY_PASSWORD\" | docker login") || len(j.BeforeScript) != 2 {
		t.Errorf("before_script = %q", texts(j.BeforeScript))
	}
	if j.BeforeScript[0].Pos.Line != 4 {
		t.Errorf("referenced line keeps its position: %d", j.BeforeScript[0].Pos.Line)
	}
	if v := j.Variables["X"].Value; v != "local" {
		t.Errorf("merge key: local keys win, got %q", v)
	}
	if _, ok := j.Variables["DOCKER_HOST"]; ok {
		t.Errorf("variables is replaced by the local map (merge keys are shallow)")
	}
	if texts(p.Job("other").Script) != `docker push "$CI_REGISTRY_IMAGE"` {
		t.Errorf("alias: %q", texts(p.Job("other").Script))
	}
}

func TestIncludeLocalAndUnresolved(t *testing.T) {
	p := load(t, map[string]string{
		".gitlab-ci.yml": `
include:
  - local: /ci/base.yml
  - project: group/templates
    file: docker.yml
  - remote: https://example.com/x.yml
  - template: Docker.gitlab-ci.yml
  - 'ci/extra/*.yml'
variables:
  V: main
build:
  extends: .build
  script: [docker push "$CI_REGISTRY_IMAGE"]
`,
		"ci/base.yml":      "variables:\n  V: base\n  W: base\n.build:\n  image: docker:27\n  services: [{name: docker:27-dind, alias: docker}]\n",
		"ci/extra/one.yml": "one:\n  script: [echo one]\n",
	})
	if len(p.Files) != 3 {
		t.Errorf("files = %v", p.Files)
	}
	b := p.Job("build")
	if b.Image == nil || b.Image.Name != "docker:27" || b.Image.Pos.File != "ci/base.yml" {
		t.Errorf("image from include: %+v", b.Image)
	}
	if len(b.Services) != 1 || b.Services[0].Alias != "docker" {
		t.Errorf("services: %+v", b.Services)
	}
	if b.Variables["V"].Value != "main" || b.Variables["W"].Value != "base" {
		t.Errorf("main file wins, includes merged: %+v", b.Variables)
	}
	if p.Job("one") == nil {
		t.Error("wildcard include not merged")
	}
	var unresolved []string
	for _, inc := range p.Includes {
		if !inc.Resolved {
			unresolved = append(unresolved, inc.Kind)
		}
	}
	if strings.Join(unresolved, ",") != "project,remote,template" {
		t.Errorf("unresolved = %v", unresolved)
	}
}

func TestHostileYAMLBounded(t *testing.T) {
	bomb := "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
	prev := "a"
	for i := 0; i < 12; i++ {
		name := fmt.Sprintf("l%d", i)
		bomb += fmt.Sprintf("%s: &%s [*%s, *%s, *%s, *%s, *%s, *%s, *%s, *%s, *%s, *%s]\n", name, name, prev, prev, prev, prev, prev, prev, prev, prev, prev, prev)
		prev = name
	}
	deep := strings.Repeat("[", 100000) + strings.Repeat("]", 100000)
	deepBlock := ""
	for i := 0; i < 1000; i++ {
		deepBlock += strings.Repeat(" ", i) + "k:\n"
	}
	big := make([]byte, 100<<20)
	for i := range big {
		big[i] = 'a'
	}
	cases := []struct {
		name string
		data []byte
		want error
	}{
		{"alias bomb", []byte(bomb), ErrAliasBomb},
		{"deep flow nesting", []byte(deep), nil},
		{"deep block nesting", []byte(deepBlock), ErrTooDeep},
		{"100 MB", big, ErrTooLarge},
	}
	for _, c := range cases {
		start := time.Now()
		_, err := ParseFile("x.yml", c.data, DefaultLimits)
		if err == nil {
			t.Errorf("%s: accepted", c.name)
			continue
		}
		if c.want != nil && !errors.Is(err, c.want) {
			t.Errorf("%s: err = %v, want %v", c.name, err, c.want)
		}
		if strings.Count(err.Error(), "\n") > 0 {
			t.Errorf("%s: error is not one line: %q", c.name, err)
		}
		t.Logf("%s: rejected in %v: %v", c.name, time.Since(start).Round(time.Millisecond), err)
	}
}

// TestCorpusConfigsLoad evaluates every GitLab config of the shared corpus:
// it must parse (except the cookiecutter template) and find jobs.
func TestCorpusConfigsLoad(t *testing.T) {
	shared := testenv.SharedDir(t)
	dirs, _ := filepath.Glob(filepath.Join(shared, "corpus", "configs", "*", "*"))
	n := 0
	for _, d := range dirs {
		main := filepath.Join(d, ".gitlab-ci.yml")
		if _, err := os.Stat(main); err != nil {
			continue
		}
		p, err := Load(d, ".gitlab-ci.yml", DefaultLimits)
		if err != nil {
			t.Errorf("%s: %v", d, err)
			continue
		}
		n++
		runnable := 0
		for _, j := range p.Jobs {
			if !j.Hidden {
				runnable++
			}
		}
		if runnable == 0 {
			t.Errorf("%s: no jobs", d)
		}
		t.Logf("%s: %d files, %d jobs, %d includes, %d problems", filepath.Base(filepath.Dir(d))+"/"+filepath.Base(d), len(p.Files), runnable, len(p.Includes), len(p.Problems))
	}
	if n < 20 {
		t.Errorf("only %d corpus configs loaded", n)
	}
}

func TestSpecHeaderServicesAndProblems(t *testing.T) {
	p := load(t, map[string]string{".gitlab-ci.yml": `spec:
  inputs:
    tag: {default: latest}
---
include:
  - local: missing.yml
.tpl:
  services:
    - name: registry.example.com/library/docker:27-dind
      alias: docker,dind
      variables: {DOCKER_TLS_CERTDIR: ""}
      command: ["--tls=false"]
job:
  extends: [.tpl, .nowhere]
  script:
    - !reference [.nothing, script]
    - echo ok
loop1:
  extends: loop2
  script: [a]
loop2:
  extends: loop1
`})
	j := p.Job("job")
	if j == nil || len(j.Services) != 1 {
		t.Fatalf("job after spec header: %+v", j)
	}
	s := j.Services[0]
	if got := strings.Join(s.Aliases(), " "); got != "docker dind registry.example.com__library__docker registry.example.com-library-docker" {
		t.Errorf("aliases = %q", got)
	}
	if len(s.Variables) != 1 || s.Variables[0].Scope != "service" || s.Variables[0].Value != "" || len(s.Command) != 1 {
		t.Errorf("service = %+v", s)
	}
	if texts(j.Script) != "echo ok" {
		t.Errorf("script = %q", texts(j.Script))
	}
	var msgs []string
	for _, pr := range p.Problems {
		msgs = append(msgs, pr.Msg)
	}
	all := strings.Join(msgs, "\n")
	for _, want := range []string{`include local "missing.yml" not resolved`, `extends ".nowhere"`, "!reference [.nothing, script] not found", "extends loop"} {
		if !strings.Contains(all, want) {
			t.Errorf("problems lack %q:\n%s", want, all)
		}
	}
}
