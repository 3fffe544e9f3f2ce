package github_test

import (
	"strings"
	"testing"
)

// A fault in a pushed reference's text is reported where the text is
// written: the env: entry (workflow, job, step) or the script assignment
// the reference's variable comes from, and the message names the push line.
func TestReferenceOrigin(t *testing.T) {
	const login = `      - uses: docker/login-action@v3
        with:
          registry: ghcr.io
          username: ${{ github.actor }}
          password: ${{ secrets.GITHUB_TOKEN }}
`
	cases := []struct {
		name, wf, want string
	}{
		{"workflow env", "on: push\nenv:\n  IMAGE: ghcr.io/oldorg/app\njobs:\n  image:\n    if: github.repository == 'acme/app'\n    runs-on: ubuntu-latest\n    steps:\n" + login +
			"      - run: docker push \"${IMAGE}:1\"\n", "ci.yml:3:10: warning job \"image\" pushes ghcr.io/oldorg/app:1 (pushed at line 14)"},
		{"step env", "on: push\njobs:\n  image:\n    if: github.repository == 'acme/app'\n    runs-on: ubuntu-latest\n    steps:\n" + login +
			"      - env:\n          IMAGE: ghcr.io/oldorg/app\n        run: docker push $IMAGE:1\n", "ci.yml:13:18: warning job \"image\" pushes ghcr.io/oldorg/app:1 (pushed at line 14)"},
		{"script assignment", "on: push\njobs:\n  image:\n    if: github.repository == 'acme/app'\n    runs-on: ubuntu-latest\n    steps:\n" + login +
			"      - run: |\n          IMAGE=ghcr.io/oldorg/app\n          docker build -t $IMAGE:1 .\n          docker push $IMAGE:1\n", "ci.yml:13:17: warning job \"image\" pushes ghcr.io/oldorg/app:1 (pushed at line 15)"},
		{"nested script variable", "on: push\njobs:\n  image:\n    if: github.repository == 'acme/app'\n    runs-on: ubuntu-latest\n    steps:\n" + login +
			"      - run: |\n          OWNER=oldorg\n          IMAGE=\"ghcr.io/${OWNER}/app\"\n          docker push $IMAGE:1\n", "ci.yml:13:17: warning job \"image\" pushes ghcr.io/oldorg/app:1 (pushed at line 15)"},
		{"nested env value", "on: push\nenv:\n  OWNER: oldorg\njobs:\n  image:\n    if: github.repository == 'acme/app'\n    runs-on: ubuntu-latest\n    env:\n      IMAGE: ghcr.io/${{ env.OWNER }}/app\n    steps:\n" + login +
			"      - run: docker push $IMAGE:1\n", "ci.yml:3:10: warning job \"image\" pushes ghcr.io/oldorg/app:1 (pushed at line 16)"},
		{"host only from variable", "on: push\nenv:\n  REGISTRY: ghcr.io\njobs:\n  image:\n    if: github.repository == 'acme/app'\n    runs-on: ubuntu-latest\n    steps:\n" + login +
			"      - run: docker push $REGISTRY/oldorg/app:1\n", "ci.yml:14:"},
		{"build-push-action env", "on: push\nenv:\n  IMAGE: ghcr.io/oldorg/app\njobs:\n  image:\n    if: github.repository == 'acme/app'\n    runs-on: ubuntu-latest\n    steps:\n" + login +
			"      - uses: docker/build-push-action@v6\n        with:\n          push: true\n          tags: ${{ env.IMAGE }}:1\n", "ci.yml:3:10: warning"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			out := findings(t, map[string]string{".github/workflows/ci.yml": tc.wf})
			var got string
			for _, l := range strings.Split(out, "\n") {
				if strings.Contains(l, "GHA023") {
					got = l
				}
			}
			if !strings.Contains(got, tc.want) {
				t.Errorf("GHA023 finding = %q, want it to contain %q\nall:\n%s", got, tc.want, out)
			}
		})
	}
}

// Uppercase letters written in an env value are reported at the value.
func TestReferenceOriginUppercase(t *testing.T) {
	out := findings(t, map[string]string{".github/workflows/ci.yml": "on: push\njobs:\n  image:\n    runs-on: ubuntu-latest\n    env:\n      IMAGE: ghcr.io/Acme/app\n    steps:\n      - run: docker push \"$IMAGE:1\"\n"})
	if !strings.Contains(out, "ci.yml:6:14: error image reference ghcr.io/Acme/app:1 (pushed at line 8)") {
		t.Errorf("GHA009 not at the env value:\n%s", out)
	}
}

// GHA031: a near-miss namespace with GITHUB_TOKEN is GHA023's finding (one
// report), and without a known owner nothing is reported.
func TestNamespaceTypoNotTwice(t *testing.T) {
	const wf = `on: push
jobs:
  image:
    %s
    runs-on: ubuntu-latest
    steps:
      - uses: docker/login-action@v3
        with:
          registry: ghcr.io
          username: ${{ github.actor }}
          password: ${{ %s }}
      - run: docker push ghcr.io/danteev/texlive:1
`
	out := findings(t, map[string]string{".github/workflows/ci.yml": fmtWF(wf, "if: github.repository == 'dante-ev/texlive'", "secrets.GITHUB_TOKEN")})
	if !strings.Contains(out, "GHA023") || strings.Contains(out, "GHA031") {
		t.Errorf("want GHA023 only:\n%s", out)
	}
	out = findings(t, map[string]string{".github/workflows/ci.yml": fmtWF(wf, "if: github.repository == 'dante-ev/texlive'", "secrets.CR_PAT")})
	if !strings.Contains(out, "ci.yml:12:26: warning") || !strings.Contains(out, "GHA031") {
		t.Errorf("want GHA031 at the namespace:\n%s", out)
	}
	out = findings(t, map[string]string{".github/workflows/ci.yml": fmtWF(wf, "if: always()", "secrets.CR_PAT")})
	if strings.Contains(out, "GHA031") {
		t.Errorf("owner unknown, want no GHA031:\n%s", out)
	}
}

func fmtWF(wf, cond, pass string) string {
	return strings.Replace(strings.Replace(wf, "%s", cond, 1), "%s", pass, 1)
}

// Several pushes of one env: value make one finding at the value, naming
// every push line.
func TestReferenceOriginOneFindingPerDefinition(t *testing.T) {
	out := findings(t, map[string]string{".github/workflows/ci.yml": `on: push
jobs:
  image:
    if: github.repository == 'acme/app'
    runs-on: ubuntu-latest
    env:
      IMAGE: ghcr.io/oldorg/app
    steps:
      - uses: docker/login-action@v3
        with:
          registry: ghcr.io
          username: ${{ github.actor }}
          password: ${{ secrets.GITHUB_TOKEN }}
      - run: |
          docker push "$IMAGE:latest"
          docker push "$IMAGE:1.0"
`})
	if n := strings.Count(out, "GHA023"); n != 1 || !strings.Contains(out, "ci.yml:7:14: warning") || !strings.Contains(out, "(pushed at lines 15, 16)") {
		t.Errorf("want one GHA023 at line 7 naming lines 15 and 16, got %d:\n%s", n, out)
	}
}
