package gitlab

import (
	"fmt"
	"testing"
)

// TestPositions: findings point at the word in the file for every scalar
// style a script line can use.
func TestPositions(t *testing.T) {
	const head = "push:\n  image: docker:27\n  services: [docker:27-dind]\n  variables: {DOCKER_TLS_CERTDIR: /certs}\n  script:\n"
	cases := []struct {
		name, script string
		line, col    int
	}{
		{"plain", "    - docker push \"$CI_REGISTRY_IMAGE\"\n", 6, 19},
		{"double quoted", "    - \"docker push $CI_REGISTRY_IMAGE\"\n", 6, 20},
		{"literal block", "    - |\n      echo start\n      docker push \"$CI_REGISTRY_IMAGE\"\n", 8, 19},
		{"folded block", "    - >-\n      docker\n      push\n      \"$CI_REGISTRY_IMAGE\"\n", 9, 7},
		{"plain multi-line", "    - docker push\n      \"$CI_REGISTRY_IMAGE\"\n", 7, 7},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			fs := lintYAML(t, head+c.script)
			for _, f := range fs {
				if f.Rule == "GLC001" {
					if f.Line != c.line || f.Column != c.col {
						t.Errorf("GLC001 at %d:%d, want %d:%d", f.Line, f.Column, c.line, c.col)
					}
					return
				}
			}
			t.Errorf("no GLC001: %s", fmt.Sprint(render(fs)))
		})
	}
}
