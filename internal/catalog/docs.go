package catalog

//go:generate go run ./gen -go causes_gen.go
//go:generate go run ./gen -dir ../../docs/causes

import (
	"fmt"
	"strings"
)

// DocsDir is the repository-relative folder of the generated cause pages.
const DocsDir = "docs/causes"

// Layers lists the cause layers in the order of shared/domain/causes.md, from
// "no credential arrived" to "the registry itself failed".
var Layers = []string{"authn", "authz", "client", "policy", "ratelimit", "name", "transport", "server"}

// LayerNames describes each layer in a few words.
var LayerNames = map[string]string{
	"authn":     "authentication: no valid credential reached the registry",
	"authz":     "authorization: the identity is known but may not do this",
	"client":    "client: the docker/podman/buildx side broke before the registry was asked",
	"policy":    "registry policy: the repository, tag or feature does not allow it",
	"ratelimit": "rate limits",
	"name":      "image reference: the name itself is wrong",
	"transport": "transport: DNS, TCP, TLS or HTTP between client and registry",
	"server":    "server: the registry failed",
}

const generatedNote = "<!-- Generated from internal/catalog/causes.yaml by `go generate ./internal/catalog`. DO NOT EDIT. -->\n\n"

// Docs renders the generated documentation: file name (inside DocsDir) to
// content, one <id>.md per cause plus README.md, the index.
func Docs() (map[string]string, error) {
	if err := Err(); err != nil {
		return nil, err
	}
	out := map[string]string{"README.md": generatedNote + index()}
	for _, c := range All() {
		out[c.ID+".md"] = generatedNote + Markdown(c)
	}
	return out, nil
}

func index() string {
	var b strings.Builder
	b.WriteString("# Causes of container-registry failures\n\n")
	b.WriteString("Every finding of `regdoctor explain`, `lint` and `probe` names one of these causes. The ids are stable\n")
	b.WriteString("(JSON output, SARIF rule ids and these pages use them); `regdoctor causes ID` prints a page in the terminal.\n\n")
	for _, l := range Layers {
		var rows []Cause
		for _, c := range All() {
			if c.Layer == l {
				rows = append(rows, c)
			}
		}
		if len(rows) == 0 {
			continue
		}
		fmt.Fprintf(&b, "## %s\n\n%s.\n\n| id | cause |\n|---|---|\n", l, upperFirst(LayerNames[l]))
		for _, c := range rows {
			fmt.Fprintf(&b, "| [`%s`](%s.md) | %s |\n", c.ID, c.ID, strings.ReplaceAll(c.Title, "|", `\|`))
		}
		b.WriteString("\n")
	}
	return strings.TrimRight(b.String(), "\n") + "\n"
}

func upperFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
