package catalog

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"go.yaml.in/yaml/v4"
	"mvdan.cc/sh/v3/syntax"
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
		for _, st := range allSteps(c) {
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

// Every literal block in the catalog is valid in the language its fence
// names, so the examples users copy parse: YAML with go.yaml.in/yaml/v4,
// JSON with encoding/json, shell with mvdan.cc/sh (bash dialect).
func TestStepBlocksParse(t *testing.T) {
	parser := syntax.NewParser(syntax.Variant(syntax.LangBash))
	for _, c := range All() {
		for _, st := range allSteps(c) {
			prose, block := SplitStep(st)
			if block == "" {
				continue
			}
			var err error
			switch lang := BlockLang(block); lang {
			case "yaml":
				var v any
				err = yaml.Load([]byte(block), &v)
			case "json":
				if !json.Valid([]byte(block)) {
					err = errors.New("invalid JSON")
				}
			default:
				_, err = parser.Parse(strings.NewReader(block), "")
			}
			if err != nil {
				t.Errorf("%s: block of %q does not parse as %s: %v", c.ID, prose, BlockLang(block), err)
			}
		}
	}
}
