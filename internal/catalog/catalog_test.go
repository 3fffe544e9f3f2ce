package catalog

import (
	"bufio"
	"net/url"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/regdoctor/regdoctor/internal/reghost"
	"github.com/regdoctor/regdoctor/internal/testenv"
)

func TestCatalogDecodes(t *testing.T) {
	if err := Err(); err != nil {
		t.Fatal(err)
	}
	if len(All()) == 0 {
		t.Fatal("catalog is empty")
	}
}

// causesYAML reads the catalog source, causes.yaml, from the package folder.
func causesYAML(tb testing.TB) []byte {
	tb.Helper()
	data, err := os.ReadFile("causes.yaml")
	if err != nil {
		tb.Fatal(err)
	}
	return data
}

// TestGeneratedMatchesCausesYAML: the run-time catalog (causes_gen.go) is
// exactly causes.yaml decoded, nil and empty fields alike; it fails when
// causes.yaml was edited without `go generate ./internal/catalog`.
func TestGeneratedMatchesCausesYAML(t *testing.T) {
	want, err := Parse(causesYAML(t))
	if err != nil {
		t.Fatal(err)
	}
	got := All()
	if len(got) != len(want) {
		t.Fatalf("causes_gen.go has %d causes, causes.yaml %d; run `go generate ./internal/catalog`", len(got), len(want))
	}
	for i := range want {
		if !reflect.DeepEqual(got[i], want[i]) {
			t.Errorf("cause %d (%s): causes_gen.go differs from causes.yaml; run `go generate ./internal/catalog`", i+1, want[i].ID)
		}
	}
	for _, c := range want {
		if g, ok := Get(c.ID); !ok || g.ID != c.ID {
			t.Errorf("Get(%q) = %q, %v", c.ID, g.ID, ok)
		}
	}
}

func TestParseIsStrict(t *testing.T) {
	for name, doc := range map[string]string{
		"unknown field": "- id: a\n  layer: authn\n  titel: typo\n",
		"duplicate id":  "- id: a\n  layer: authn\n- id: a\n  layer: authz\n",
		"missing id":    "- layer: authn\n  title: x\n",
		"wrong type":    "- id: a\n  confirm: just one string\n",
	} {
		if _, _, err := parse([]byte(doc)); err == nil {
			t.Errorf("%s: parse accepted %q", name, doc)
		}
	}
	cs, idx, err := parse([]byte("- id: a\n  layer: authn\n  fix:\n    shell: [x]\n"))
	if err != nil || len(cs) != 1 || idx["a"] != 0 || cs[0].Fix[Shell][0] != "x" {
		t.Fatalf("parse of a valid document: %v %v %v", cs, idx, err)
	}
}

// contractRow matches a row of the table in shared/domain/causes.md:
// "| id | layer | the real reason | signals |".
var contractRow = regexp.MustCompile("^\\|\\s*([a-z0-9]+(?:-[a-z0-9]+)*)\\s*\\|\\s*([a-z]+)\\s*\\|")

// contract reads the ids and layers of shared/domain/causes.md, in order.
func contract(t *testing.T) (ids []string, layers map[string]string) {
	t.Helper()
	f, err := os.Open(filepath.Join(testenv.SharedDir(t), "domain", "causes.md"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	layers = map[string]string{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		m := contractRow.FindStringSubmatch(sc.Text())
		if m == nil || m[1] == "id" {
			continue
		}
		ids = append(ids, m[1])
		layers[m[1]] = m[2]
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if len(ids) < 30 {
		t.Fatalf("read only %d ids from causes.md: has the table format changed?", len(ids))
	}
	return ids, layers
}

func TestCatalogMatchesContract(t *testing.T) {
	ids, layers := contract(t)
	var have []string
	for _, c := range All() {
		have = append(have, c.ID)
		want, ok := layers[c.ID]
		if !ok {
			t.Errorf("%s: in causes.yaml but not in shared/domain/causes.md (ids are the contract: add it there first)", c.ID)
			continue
		}
		if c.Layer != want {
			t.Errorf("%s: layer %q, causes.md says %q", c.ID, c.Layer, want)
		}
	}
	for _, id := range ids {
		if _, ok := Get(id); !ok {
			t.Errorf("%s: in shared/domain/causes.md but missing from causes.yaml", id)
		}
	}
	if !slices.Equal(have, ids) && !t.Failed() {
		t.Errorf("causes.yaml order differs from causes.md:\n have %v\n want %v", have, ids)
	}
}

// platformNotNeeded lists the causes where a platform needs no fix of its
// own (FixFor then falls back to the shell steps), with the reason.
var platformNotNeeded = map[string]map[string]string{
	"clock-skew":                   {GitHubActions: "runner clock: same fix everywhere", GitLabCI: "runner clock: same fix everywhere"},
	"registry-fault":               {GitHubActions: "server side: nothing to change in the workflow"},
	"insufficient-role":            {GitHubActions: "GHCR access is per package (ghcr-package-actions-access); other registries in registry_fix"},
	"gh-token-packages-permission": {GitLabCI: "GITHUB_TOKEN exists only on GitHub Actions"},
	"ghcr-package-actions-access":  {GitLabCI: "Actions access of a GHCR package: GitHub only"},
	"ghcr-org-policy":              {GitLabCI: "GitHub organization settings"},
	"dependency-proxy-auth":        {GitHubActions: "GitLab dependency proxy: GitLab only"},
	"job-token-cross-project":      {GitHubActions: "CI_JOB_TOKEN exists only on GitLab CI"},
	"registry-disabled":            {GitHubActions: "a GitLab project setting"},
}

func TestEveryCauseIsComplete(t *testing.T) {
	kinds := map[string]bool{}
	for _, k := range reghost.Kinds {
		kinds[string(k)] = true
	}
	for _, c := range All() {
		errorf := func(format string, a ...any) { t.Helper(); t.Errorf(c.ID+": "+format, a...) }
		if !slices.Contains(Layers, c.Layer) {
			errorf("layer %q is not one of %v", c.Layer, Layers)
		}
		if strings.TrimSpace(c.Title) == "" || strings.HasSuffix(c.Title, ".") || len(c.Title) > 80 {
			errorf("title %q: want a short headline (1-80 characters, no final period)", c.Title)
		}
		if strings.TrimSpace(c.Summary) == "" {
			errorf("no summary")
		}
		if len(strings.Fields(c.Meaning)) < 30 {
			errorf("meaning has %d words; want a paragraph", len(strings.Fields(c.Meaning)))
		}
		if len(c.Confirm) < 2 {
			errorf("%d confirm steps; want at least 2", len(c.Confirm))
		}
		for p := range c.Fix {
			if p != GitHubActions && p != GitLabCI && p != Shell {
				errorf("fix has unknown platform key %q", p)
			}
		}
		if len(c.Fix[Shell]) == 0 {
			errorf("no shell fix (the fallback for every other CI)")
		}
		for _, p := range []string{GitHubActions, GitLabCI} {
			if len(c.Fix[p]) == 0 && platformNotNeeded[c.ID][p] == "" {
				errorf("no %s fix", p)
			}
			if len(c.Fix[p]) > 0 && platformNotNeeded[c.ID][p] != "" {
				errorf("has a %s fix but platformNotNeeded exempts it: drop the exemption", p)
			}
		}
		for k, steps := range c.RegistryFix {
			if !kinds[k] {
				errorf("registry_fix key %q is not a reghost kind", k)
			}
			if len(steps) == 0 {
				errorf("registry_fix %q is empty", k)
			}
		}
		if len(c.Signals) == 0 {
			errorf("no signals")
		}
		if len(c.Sources) == 0 {
			errorf("no sources")
		}
		for _, s := range c.Sources {
			u, err := url.Parse(s)
			if err != nil || u.Scheme != "https" || u.Host == "" {
				errorf("source %q is not an https URL", s)
			}
		}
		for _, st := range allSteps(c) {
			if prose, _ := SplitStep(st); prose == "" {
				errorf("a step has no prose line: %q", st)
			}
		}
	}
}

// allSteps returns every confirm, fix and registry_fix step of c.
func allSteps(c Cause) []string {
	steps := slices.Clone(c.Confirm)
	for _, s := range c.Fix {
		steps = append(steps, s...)
	}
	for _, s := range c.RegistryFix {
		steps = append(steps, s...)
	}
	return steps
}

func TestFixForPicksRegistryThenPlatformThenShell(t *testing.T) {
	c := Cause{
		Fix:         map[string][]string{GitHubActions: {"gha"}, Shell: {"sh"}},
		RegistryFix: map[string][]string{"ecr": {"ecr"}},
	}
	for _, tc := range []struct {
		platform, kind string
		want           []string
	}{
		{GitHubActions, "ecr", []string{"ecr", "gha"}},
		{GitHubActions, "", []string{"gha"}},
		{GitHubActions, "quay", []string{"gha"}},
		{GitLabCI, "ecr", []string{"ecr", "sh"}}, // no gitlab-ci steps: shell
		{"jenkins", "", []string{"sh"}},
		{"", "ecr", []string{"ecr", "sh"}},
	} {
		if got := c.FixFor(tc.platform, tc.kind); !slices.Equal(got, tc.want) {
			t.Errorf("FixFor(%q, %q) = %v, want %v", tc.platform, tc.kind, got, tc.want)
		}
	}
}

func TestFixForOnTheCatalog(t *testing.T) {
	nl := MustGet("no-login")
	got := nl.FixFor(GitHubActions, string(reghost.ECR))
	want := append(slices.Clone(nl.RegistryFix["ecr"]), nl.Fix[GitHubActions]...)
	if len(nl.RegistryFix["ecr"]) == 0 || !slices.Equal(got, want) {
		t.Errorf("no-login on GitHub Actions + ECR: got %q, want the ECR steps then the Actions steps", got)
	}
	gh := MustGet("gh-token-packages-permission")
	if got := gh.FixFor(GitLabCI, ""); !slices.Equal(got, gh.Fix[Shell]) || len(got) == 0 {
		t.Errorf("gh-token-packages-permission on GitLab falls back to shell: got %q", got)
	}
	for _, c := range All() {
		for _, p := range []string{GitHubActions, GitLabCI, "jenkins", ""} {
			if len(c.FixFor(p, "")) == 0 {
				t.Errorf("%s: FixFor(%q) is empty", c.ID, p)
			}
		}
	}
}

func TestDocsAreGenerated(t *testing.T) {
	docs, err := Docs()
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(testenv.RepoRoot(), filepath.FromSlash(DocsDir))
	const hint = "; run `go generate ./internal/catalog` and commit docs/causes"
	for name, want := range docs {
		got, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Errorf("%s/%s is missing%s", DocsDir, name, hint)
			continue
		}
		if string(got) != want {
			t.Errorf("%s/%s is stale (causes.yaml or the renderer changed)%s", DocsDir, name, hint)
		}
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*.md"))
	for _, f := range files {
		if _, ok := docs[filepath.Base(f)]; !ok {
			t.Errorf("%s/%s belongs to no cause%s", DocsDir, filepath.Base(f), hint)
		}
	}
	if len(docs) != len(All())+1 {
		t.Errorf("Docs() has %d pages, want one per cause plus README.md", len(docs))
	}
}

// BenchmarkParse measures decoding causes.yaml, the cost every regdoctor run
// that named a cause paid once before the catalog was generated as Go source.
func BenchmarkParse(b *testing.B) {
	data := causesYAML(b)
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, _, err := parse(data); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLoad measures building the run-time catalog from the generated
// static data (the maps), the cost a run that names a cause pays once now.
func BenchmarkLoad(b *testing.B) {
	for b.Loop() {
		load()
	}
	if loadErr != nil {
		b.Fatal(loadErr)
	}
}

func BenchmarkMarkdownAll(b *testing.B) {
	for b.Loop() {
		for _, c := range All() {
			_ = Markdown(c)
		}
	}
}
