package github_test

import (
	"strings"
	"testing"

	"github.com/regdoctor/regdoctor/internal/finding"
	"github.com/regdoctor/regdoctor/internal/lint"
)

// Constructs met in public workflows that push images (see the real-world
// triage of the lint-realworld branch), each written here as a minimal
// workflow of our own, with its counterpart that must still be flagged.
func TestRealWorldConstructs(t *testing.T) {
	const meta = `      - id: meta
        uses: docker/metadata-action@v5
        with:
          images: |
            %IMAGES%
`
	const dhLogin = `      - uses: docker/login-action@v3
        if: github.repository == 'acme/app'
        with:
          username: ${{ secrets.DOCKERHUB_USERNAME }}
          password: ${{ secrets.DOCKERHUB_TOKEN }}
`
	const ghcrLogin = `      - uses: docker/login-action@v3
        with:
          registry: ghcr.io
          username: ${{ github.actor }}
          password: ${{ secrets.GITHUB_TOKEN }}
`
	const bpMeta = `      - uses: docker/build-push-action@v6
        with:
          push: true
          tags: ${{ steps.meta.outputs.tags }}
`
	job := func(on, steps string) string {
		return "on: " + on + "\njobs:\n  image:\n    runs-on: ubuntu-latest\n    permissions:\n      contents: read\n      packages: write\n    steps:\n" + steps
	}
	cases := []struct {
		name, yml string
		want      string // "RULE/severity" joined by ","; "" = nothing at warning or above
	}{
		// docker/metadata-action images: `name,enable=${{ expr }}` pushes that
		// image only when expr holds, like the login gated by the same expr.
		{"metadata image enabled by the login's condition", job("push", dhLogin+ghcrLogin+strings.Replace(meta, "%IMAGES%", "acme/app,enable=${{ github.repository == 'acme/app' }}\n            ghcr.io/acme/app", 1)+bpMeta), ""},
		{"metadata image always enabled, login conditional", job("push", dhLogin+ghcrLogin+strings.Replace(meta, "%IMAGES%", "acme/app\n            ghcr.io/acme/app", 1)+bpMeta), "GHA013/warning"},
		{"metadata image enable=false is not pushed", job("push", ghcrLogin+strings.Replace(meta, "%IMAGES%", "docker.io/acme/app,enable=false\n            ghcr.io/acme/app", 1)+bpMeta), ""},
		{"metadata image without login", job("push", ghcrLogin+strings.Replace(meta, "%IMAGES%", "docker.io/acme/app\n            ghcr.io/acme/app", 1)+bpMeta), "GHA011/error"},

		// a login skipped on pull_request, in a workflow no pull_request starts
		{"event_name condition true on every trigger", job("[push, workflow_dispatch]", strings.Replace(dhLogin, "github.repository == 'acme/app'", "github.event_name != 'pull_request'", 1)+
			"      - uses: docker/build-push-action@v6\n        with:\n          push: true\n          tags: acme/app:1\n"), ""},
		{"event_name condition false on a trigger", job("[push, pull_request]", strings.Replace(dhLogin, "github.repository == 'acme/app'", "github.event_name != 'pull_request'", 1)+
			"      - uses: docker/build-push-action@v6\n        with:\n          push: true\n          tags: acme/app:1\n"), "GHA013/warning"},
		{"event_name condition in a reusable workflow is the caller's", "on:\n  workflow_call:\n" + job("", strings.Replace(dhLogin, "github.repository == 'acme/app'", "github.event_name != 'pull_request'", 1)+
			"      - uses: docker/build-push-action@v6\n        with:\n          push: true\n          tags: acme/app:1\n")[len("on: \n"):], "GHA013/warning"},

		// push by digest: the image exporter's names are what is pushed
		{"exporter name on Docker Hub without login", job("push", "      - uses: docker/build-push-action@v6\n        with:\n          outputs: type=image,name=docker.io/acme/app,push-by-digest=true,name-canonical=true,push=true\n"), "GHA010/error"},
		{"exporter name on Docker Hub with login", job("push", strings.Replace(dhLogin, "        if: github.repository == 'acme/app'\n", "", 1)+
			"      - uses: docker/build-push-action@v6\n        with:\n          outputs: type=image,\"name=docker.io/acme/app\",push-by-digest=true,push=true\n"), ""},
		// a GHCR token login in a job that pushes only to a Docker Hub
		// namespace held in a secret (`${{ secrets.X_NAMESPACE }}/app`)
		{"namespace secret is a Docker Hub account", "on: push\njobs:\n  image:\n    runs-on: ubuntu-latest\n    steps:\n" + strings.Replace(dhLogin, "        if: github.repository == 'acme/app'\n", "", 1) + ghcrLogin +
			"      - uses: docker/build-push-action@v6\n        with:\n          outputs: type=image,name=${{ secrets.DOCKERHUB_NAMESPACE }}/app,push-by-digest=true,push=true\n", ""},
		{"same job pushing to ghcr.io", "on: push\njobs:\n  image:\n    runs-on: ubuntu-latest\n    steps:\n" + strings.Replace(dhLogin, "        if: github.repository == 'acme/app'\n", "", 1) + ghcrLogin +
			"      - uses: docker/build-push-action@v6\n        with:\n          outputs: type=image,name=ghcr.io/acme/app,push-by-digest=true,push=true\n", "GHA001/warning"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			res := lintWorkflow(t, c.yml)
			var got []string
			for _, f := range res.Findings {
				if f.Severity != finding.Info {
					got = append(got, f.Rule+"/"+string(f.Severity))
				}
			}
			if strings.Join(got, ",") != c.want {
				t.Errorf("got %q, want %q\n%s", strings.Join(got, ","), c.want, render(res))
			}
		})
	}
}

// GHA009 points at the env definition that brings the uppercase-prone value
// (IMAGE_NAME, line 4), not the first env the tag names (REGISTRY, line 3),
// and names ${VAR} sources whole.
func TestRealWorldGHA009Origin(t *testing.T) {
	res := lintWorkflow(t, `on: push
env:
  REGISTRY: ghcr.io
  IMAGE_NAME: ${{ github.repository }}
jobs:
  image:
    runs-on: ubuntu-latest
    permissions:
      packages: write
    steps:
      - uses: docker/login-action@v3
        with:
          registry: ghcr.io
          username: ${{ github.actor }}
          password: ${{ secrets.GITHUB_TOKEN }}
      - uses: docker/build-push-action@v6
        with:
          push: true
          tags: ${{ env.REGISTRY }}/${{ env.IMAGE_NAME }}:dev
      - run: helm push chart.tgz "oci://ghcr.io/${GITHUB_REPOSITORY_OWNER}/charts"
`)
	var lines []int
	for _, f := range res.Findings {
		if f.Rule != "GHA009" {
			continue
		}
		lines = append(lines, f.Line)
		if strings.Contains(f.Message, "${GITHUB_REPOSITORY_OWNER in") {
			t.Errorf("source named with a dangling brace: %s", f.Message)
		}
	}
	if len(lines) == 0 || lines[0] != 4 {
		t.Errorf("GHA009 lines %v, want the first at 4 (IMAGE_NAME)\n%s", lines, render(res))
	}
}

func lintWorkflow(t *testing.T, yml string) *lint.Result {
	t.Helper()
	root := writeRepo(t, "realworld", "case", yml)
	res, err := lint.Run(root, nil, lint.Config{})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Errors) > 0 {
		t.Fatalf("%v\n%s", res.Errors, yml)
	}
	return res
}

// A workflow env that several jobs push from is one GHA009 finding, not one
// per job at the same line.
func TestRealWorldGHA009OncePerPlace(t *testing.T) {
	job := func(id string) string {
		return "  " + id + ":\n    runs-on: ubuntu-latest\n    permissions:\n      packages: write\n    steps:\n" +
			"      - uses: docker/login-action@v3\n        with:\n          registry: ghcr.io\n          username: ${{ github.actor }}\n          password: ${{ secrets.GITHUB_TOKEN }}\n" +
			"      - run: docker buildx imagetools create -t ${{ env.IMAGE }}:" + id + " ${{ env.IMAGE }}:dev\n"
	}
	res := lintWorkflow(t, "on: push\nenv:\n  IMAGE: ghcr.io/${{ github.repository }}\njobs:\n"+job("one")+job("two")+job("three"))
	n := 0
	for _, f := range res.Findings {
		if f.Rule == "GHA009" {
			n++
			if f.Line != 3 {
				t.Errorf("GHA009 at line %d, want 3 (the env definition)", f.Line)
			}
		}
	}
	if n != 1 {
		t.Errorf("%d GHA009 findings, want 1\n%s", n, render(res))
	}
}
