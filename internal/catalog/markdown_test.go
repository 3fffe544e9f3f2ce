package catalog

import (
	"strings"
	"testing"
)

func TestSplitStep(t *testing.T) {
	for _, tc := range []struct{ in, prose, block string }{
		{"Just prose.", "Just prose.", ""},
		{"Run it:\ndocker info\n", "Run it:", "docker info"},
		{"YAML:\njobs:\n  a:\n    x: 1", "YAML:", "jobs:\n  a:\n    x: 1"},
	} {
		p, b := SplitStep(tc.in)
		if p != tc.prose || b != tc.block {
			t.Errorf("SplitStep(%q) = %q, %q; want %q, %q", tc.in, p, b, tc.prose, tc.block)
		}
	}
}

func TestBlockLang(t *testing.T) {
	for block, want := range map[string]string{
		"permissions:\n  packages: write":           "yaml",
		"- uses: docker/login-action@v3":            "yaml",
		"before_script:\n  - docker login":          "yaml",
		"docker login ghcr.io -u me":                "sh",
		"echo \"$X\" | docker login":                "sh",
		"aws ecr get-login-password --region r":     "sh",
		"TOKEN=$(curl -s https://auth.docker.io/x)": "sh",
		"{\"Effect\": \"Allow\"}":                   "json",
		"LABEL org.opencontainers.image.source=x":   "sh",
	} {
		if got := BlockLang(block); got != want {
			t.Errorf("BlockLang(%q) = %q, want %q", block, got, want)
		}
	}
}

// Every page renders each step's block inside a fence, and fences balance.
func TestMarkdownKeepsEveryStep(t *testing.T) {
	for _, c := range All() {
		md := Markdown(c)
		if n := strings.Count(md, "```"); n%2 != 0 {
			t.Errorf("%s: %d fence markers (unbalanced)", c.ID, n)
		}
		if !strings.HasPrefix(md, "# "+c.Title+"\n") {
			t.Errorf("%s: page does not start with its title", c.ID)
		}
		steps := append([]string{}, c.Confirm...)
		for _, s := range c.Fix {
			steps = append(steps, s...)
		}
		for _, s := range c.RegistryFix {
			steps = append(steps, s...)
		}
		for _, st := range steps {
			prose, block := SplitStep(st)
			if !strings.Contains(md, prose) {
				t.Errorf("%s: page lacks step %q", c.ID, prose)
			}
			for _, l := range strings.Split(block, "\n") {
				if strings.TrimSpace(l) != "" && !strings.Contains(md, l) {
					t.Errorf("%s: page lacks block line %q", c.ID, l)
				}
			}
		}
		for _, s := range c.Sources {
			if !strings.Contains(md, "<"+s+">") {
				t.Errorf("%s: page lacks source %s", c.ID, s)
			}
		}
	}
}
