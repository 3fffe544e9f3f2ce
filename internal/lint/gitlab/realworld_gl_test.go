package gitlab

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/regdoctor/regdoctor/internal/finding"
)

// Constructs met in a second set of public GitLab pipelines that push
// images (the gitlab-realworld triage), each written here as a minimal
// pipeline of our own next to the counterpart that must still be flagged.
func TestRealWorldGitLabConstructs(t *testing.T) {
	const dind = "  image: docker:27\n  services: [docker:27-dind]\n  variables: {DOCKER_TLS_CERTDIR: /certs}\n"
	const login = "    - docker login -u gitlab-ci-token -p \"$CI_JOB_TOKEN\" \"$CI_REGISTRY\"\n"
	cases := []struct {
		name, yml string
		want      string // "RULE/severity" joined by ","; "" = nothing at warning or above
	}{
		// A tag computed by a command substitution whose sed expression holds
		// '/', ':' and nested parentheses: the levels below the project are
		// counted outside the substitution.
		{"command substitution in the tag", "images:\n" + dind + "  script: |\n" +
			"    TAG=$(grep \"^FROM rust:\" Dockerfile | sed -r \"s/[^:]*:([0-9]+\\.[0-9]+).*/\\1/\")\n" +
			"    REF=\"$CI_REGISTRY_IMAGE/images/rust:${TAG}-x86_64\"\n" +
			"    docker login -u gitlab-ci-token -p $CI_JOB_TOKEN $CI_REGISTRY\n" +
			"    docker build -t $REF .\n    docker push $REF\n", ""},
		{"command substitution in the path still counts the literal levels", "images:\n" + dind + "  script:\n" + login +
			"    - docker push \"$CI_REGISTRY_IMAGE/a/b/c:$(date +%Y/%m)\"\n", "GLC015/error"},
		{"default value with a slash", "images:\n" + dind + "  script:\n" + login +
			"    - docker push \"$CI_REGISTRY_IMAGE/tools:${VERSION:-dev/latest}\"\n", ""},
		// A job whose rules may come from a template of an include that was
		// not read: where it runs is unknown.
		{"tag push in a job extending an unseen template", "include:\n  - project: group/ci\n    file: rules.yml\n" +
			"release:\n  extends: [.docker, .rules-release]\n" + dind + "  script:\n" + login +
			"    - docker push \"$CI_REGISTRY_IMAGE:$CI_COMMIT_TAG\"\n", ""},
		{"tag push in a job extending a known template without rules", ".docker:\n" + dind + "release:\n  extends: .docker\n  script:\n" + login +
			"    - docker push \"$CI_REGISTRY_IMAGE:$CI_COMMIT_TAG\"\n", "GLC019/error"},
		{"own rules win over an unseen template", "release:\n  extends: .rules-release\n" + dind + "  rules:\n    - if: $CI_COMMIT_BRANCH == \"main\"\n  script:\n" + login +
			"    - docker push \"$CI_REGISTRY_IMAGE:$CI_COMMIT_TAG\"\n", "GLC019/warning"},
	}
	cases = append(cases, struct{ name, yml, want string }{
		// one literal path written once, reached through derived variables
		// by several jobs: one question, asked once where the path is written
		"literal project path written once", "variables:\n  BASE: $CI_REGISTRY/theo/app\n  TEST: $BASE:$CI_COMMIT_REF_SLUG\n  REL: $BASE:$CI_COMMIT_SHORT_SHA\n" +
			".dk:\n" + dind + "  before_script:\n    - echo \"$CI_REGISTRY_PASSWORD\" | docker login $CI_REGISTRY -u $CI_REGISTRY_USER --password-stdin\n" +
			"build:\n  extends: .dk\n  script:\n    - docker build -t $TEST .\n    - docker push $TEST\n" +
			"release:\n  extends: .dk\n  script:\n    - docker pull $TEST\n    - docker tag $TEST $REL\n    - docker push $REL\n", "GLC006/warning"})
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			fs := lintYAML(t, c.yml)
			var got []string
			for _, f := range fs {
				if f.Severity != finding.Info {
					got = append(got, f.Rule+"/"+string(f.Severity))
				}
			}
			if strings.Join(got, ",") != c.want {
				t.Errorf("got %q, want %q\n%s", strings.Join(got, ","), c.want, render(fs))
			}
		})
	}
}

func TestExpansionSpans(t *testing.T) {
	for _, c := range []struct{ in, lit, masked string }{
		{"$A/b", "/b", "$_/b"},
		{"x:$(sed \"s/(a)/\\1/\")-y", "x:-y", "x:$_________________-y"},
		{"${V:-a/b}:t", ":t", "$________:t"},
		{"`date +%m/%d`", "", "`____________"},
		{"$((1+2))/z", "/z", "$_______/z"},
		{"$(unclosed/x", "", "$___________"},
	} {
		if got := literalPart(c.in); got != c.lit {
			t.Errorf("literalPart(%q) = %q, want %q", c.in, got, c.lit)
		}
		if got := maskExpansions(c.in); got != c.masked {
			t.Errorf("maskExpansions(%q) = %q, want %q", c.in, got, c.masked)
		}
	}
}

// Files a pipeline includes (.gitlab/ci/*.yml) rarely repeat stages or
// include; named on the command line they are GitLab CI files all the same.
func TestOwnsIncludedFiles(t *testing.T) {
	c := &Checker{}
	for _, tc := range []struct {
		rel, body string
		want      bool
	}{
		{".gitlab/ci/docker.yml", "variables:\n  IMAGE: x\n\nbuild image:\n  stage: build\n  script:\n    - docker build .\n", true},
		{".gitlab/ci/build.yml", "# comment\n.tpl:\n  image: docker:27\nbuild:\n  extends: .tpl\n", true},
		{"ci/templates.yml", "spec:\n  inputs:\n    stage:\n      default: build\n---\n\"$[[ inputs.stage ]]-job\":\n  script: [make]\n", true},
		{"pipelines/mirror.yml", "spec:\n  inputs:\n    a: {}\n---\nworkflow:\n  rules:\n    - when: always\ninclude:\n  - local: /x.yml\n", true},
		{"docker-compose.yml", "services:\n  web:\n    image: nginx\n    extends:\n      file: base.yml\n      service: web\n", false},
		{"k8s/deploy.yaml", "apiVersion: apps/v1\nkind: Deployment\nspec:\n  template:\n    spec:\n      containers: []\n", false},
		{".github/workflows/ci.yml", "on: push\njobs:\n  a:\n    steps: []\n", false},
		{"broken.yml", "a: [\nscript: x\n", false},
	} {
		if got := c.Owns(tc.rel, []byte(tc.body)); got != tc.want {
			t.Errorf("Owns(%s) = %v, want %v", tc.rel, got, tc.want)
		}
	}
}

// The GLC006 question about a literal path points at the line writing it.
func TestGLC006AtLiteralPath(t *testing.T) {
	yml := "variables:\n  BASE: $CI_REGISTRY/theo/app\n  REL: $BASE:$CI_COMMIT_SHORT_SHA\n" +
		"release:\n  image: docker:27\n  services: [docker:27-dind]\n  script:\n" +
		"    - docker login -u gitlab-ci-token -p $CI_JOB_TOKEN $CI_REGISTRY\n    - docker push $REL\n"
	var lines []int
	for _, f := range lintYAML(t, yml) {
		if f.Rule == "GLC006" {
			lines = append(lines, f.Line)
		}
	}
	if len(lines) != 1 || lines[0] != 2 {
		t.Errorf("GLC006 lines = %v, want [2]", lines)
	}
}

// A job-token push to a literal path is a push to the project itself when
// the path is the checkout's git remote (the project whose job token the
// pipeline gets); another path is still questioned.
func TestGLC006ProjectFromGitRemote(t *testing.T) {
	pipeline := func(ref string) string {
		return "release:\n  image: docker:27\n  services: [docker:27-dind]\n  script:\n" +
			"    - docker login -u gitlab-ci-token -p $CI_JOB_TOKEN $CI_REGISTRY\n    - docker push " + ref + "\n"
	}
	for _, c := range []struct {
		name, config, ref string
		want              int
	}{
		{"scp remote, $CI_REGISTRY path", "[core]\n\tbare = false\n[remote \"origin\"]\n\turl = git@gitlab.devau.co:theo/simple-video-cms.git\n", "$CI_REGISTRY/theo/simple-video-cms:1", 0},
		{"https remote, image under the project", "[remote \"origin\"]\n\turl = https://gitlab.example.com/Group/App\n", "$CI_REGISTRY/group/app/ci:1", 0},
		{"literal registry host of the remote's host", "[remote \"origin\"]\n\turl = ssh://git@gitlab.example.com:2222/frontend/core.git\n", "gitlab.example.com:4567/frontend/core:1", 0},
		{"other project", "[remote \"origin\"]\n\turl = git@gitlab.example.com:theo/app.git\n", "$CI_REGISTRY/theo/other:1", 1},
		{"same path on another host", "[remote \"origin\"]\n\turl = git@github.com:theo/app.git\n", "registry.gitlab.com/theo/app:1", 1},
		{"no remote", "[core]\n\tbare = false\n", "$CI_REGISTRY/theo/app:1", 1},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			if err := os.MkdirAll(filepath.Join(dir, ".git"), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(dir, ".git", "config"), []byte(c.config), 0o644); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(dir, ".gitlab-ci.yml"), []byte(pipeline(c.ref)), 0o644); err != nil {
				t.Fatal(err)
			}
			fs, err := (&Checker{}).Check(dir, []string{".gitlab-ci.yml"})
			if err != nil {
				t.Fatal(err)
			}
			n := 0
			for _, f := range fs {
				if f.Rule == "GLC006" {
					n++
				}
			}
			if n != c.want {
				t.Errorf("GLC006 findings = %d, want %d\n%s", n, c.want, render(fs))
			}
		})
	}
}
