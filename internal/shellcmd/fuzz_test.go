package shellcmd

import "testing"

// FuzzParse: any script parses or fails with an error, never a panic, and
// every command position is inside the script.
func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"echo \"${{ secrets.X }}\" | docker login ghcr.io -u a --password-stdin",
		"docker buildx build --push -t ${{ env.A }}/b:${{ github.sha }} .",
		"$(aws ecr get-login --region x)\nskopeo copy docker://a docker://b",
		"if [ x ]; then crane cp a b; fi; for t in 1 2; do docker push a:$t; done",
		"${{", "}}${{ a }}", "docker login -p", "echo x > ~/.docker/config.json", "(((((", "<<EOF\ndocker push a\nEOF",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, script string) {
		sc, _ := Parse("fuzz", script, Options{Env: map[string]string{"A": "ghcr.io"}})
		if sc == nil {
			t.Fatal("nil script")
		}
		lines := 1
		for _, c := range script {
			if c == '\n' {
				lines++
			}
		}
		for _, c := range sc.Commands {
			if c.Pos.Line < 1 || c.Pos.Line > lines {
				t.Fatalf("command %q at line %d of %d", c.Text, c.Pos.Line, lines)
			}
		}
	})
}
