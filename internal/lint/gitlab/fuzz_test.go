package gitlab

import (
	"testing"

	"github.com/regdoctor/regdoctor/internal/lint"
	gl "github.com/regdoctor/regdoctor/internal/workflow/gitlab"
)

// FuzzLint: any bytes as .gitlab-ci.yml give findings or an error, never a
// panic (go test -fuzz FuzzLint ./internal/lint/gitlab).
func FuzzLint(f *testing.F) {
	for _, m := range lint.Rules() {
		if m.Platform == Platform || m.Platform == "shell" {
			f.Add([]byte(m.Broken))
			f.Add([]byte(m.Fixed))
		}
	}
	f.Add([]byte("a: &a [*a]\n"))
	f.Add([]byte("x:\n  extends: x\n  script: !reference [x, script]\n"))
	f.Add([]byte("spec:\n  inputs:\n    n: {default: [a, b]}\n---\ninclude:\n  - local: t.yml\n    inputs: {n: [c]}\n\"j-$[[ inputs.n ]]\":\n  tags: $[[ inputs.n ]]\n  script: [\"docker push $CI_REGISTRY_IMAGE/$(sed 's/(a)/\\\\1/'):${V:-a/b}\"]\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		read := func(rel string) ([]byte, error) { return data, nil }
		lim := gl.DefaultLimits
		lim.MaxNodes = 100000
		p, err := gl.LoadWith("", ".gitlab-ci.yml", read, lim)
		if err != nil {
			return
		}
		_ = Lint(p)
	})
}
