// Package catalog is regdoctor's one list of causes of container-registry
// push, pull and login failures. Every finding from explain, lint and probe
// names one Cause by its stable id (the contract: shared/domain/causes.md).
//
// The data lives in causes.yaml, decoded strictly (unknown fields are an
// error) by `go generate ./internal/catalog`, which writes it as Go source
// (causes_gen.go: static data, no decoding at run time, so every regdoctor
// run that names a cause starts fast). The package tests fail when
// causes_gen.go is stale.
package catalog

import (
	"fmt"
	"sort"
	"sync"

	"go.yaml.in/yaml/v4"
)

// Platform keys used in Cause.Fix.
const (
	GitHubActions = "github-actions"
	GitLabCI      = "gitlab-ci"
	Shell         = "shell" // plain shell and any other CI (Jenkins, Azure Pipelines, CircleCI, ...)
)

// Cause is one entry of the catalog.
type Cause struct {
	ID      string `yaml:"id"`
	Layer   string `yaml:"layer"`   // authn, authz, client, policy, ratelimit, name, transport, server
	Title   string `yaml:"title"`   // short, imperative-free headline
	Summary string `yaml:"summary"` // the real reason, one sentence
	// Meaning explains what happened, in a paragraph a DevOps engineer reads once.
	Meaning string `yaml:"meaning"`
	// Confirm lists checks the user runs to confirm this cause (commands,
	// where a setting lives), most telling first.
	Confirm []string `yaml:"confirm"`
	// Fix maps a platform key (GitHubActions, GitLabCI, Shell) to fix steps.
	Fix map[string][]string `yaml:"fix"`
	// RegistryFix maps a reghost.Kind ("ghcr", "dockerhub", "ecr", ...) to
	// fix steps specific to that registry, shown before the platform steps.
	RegistryFix map[string][]string `yaml:"registry_fix"`
	// Signals are message fragments seen in real logs (documentation only;
	// explain's matching lives in internal/diagnose).
	Signals []string `yaml:"signals"`
	// Sources are URLs of the documentation or threads the facts come from.
	Sources []string `yaml:"sources"`
}

var (
	loadOnce sync.Once
	causes   []Cause
	byID     map[string]int
	loadErr  error
)

// genCause is one entry of the generated catalog (causes_gen.go): the Cause
// without its maps, which the compiler cannot lay out as static data, plus
// the maps' entries sorted by key.
type genCause struct {
	Cause
	fix, registryFix []genSteps
}

type genSteps struct {
	key   string
	steps []string
}

func load() {
	causes = make([]Cause, len(generated))
	byID = make(map[string]int, len(generated))
	for i := range generated {
		g := &generated[i]
		c := g.Cause
		c.Fix = stepsMap(g.fix)
		c.RegistryFix = stepsMap(g.registryFix)
		if _, dup := byID[c.ID]; dup && loadErr == nil {
			loadErr = fmt.Errorf("catalog: duplicate id %q", c.ID)
		}
		causes[i] = c
		byID[c.ID] = i
	}
}

func stepsMap(kv []genSteps) map[string][]string {
	if kv == nil {
		return nil
	}
	m := make(map[string][]string, len(kv))
	for _, e := range kv {
		m[e.key] = e.steps
	}
	return m
}

// Parse decodes a catalog document (the format of causes.yaml) strictly:
// unknown fields, a missing id and a duplicate id are errors. The run-time
// catalog is causes.yaml decoded by Parse at generation time.
func Parse(data []byte) ([]Cause, error) {
	cs, _, err := parse(data)
	return cs, err
}

// parse decodes a catalog strictly: unknown fields, a missing id and a
// duplicate id are errors.
func parse(data []byte) ([]Cause, map[string]int, error) {
	var cs []Cause
	if err := yaml.Load(data, &cs, yaml.WithKnownFields()); err != nil {
		return nil, nil, fmt.Errorf("catalog: causes.yaml: %w", err)
	}
	idx := make(map[string]int, len(cs))
	for i, c := range cs {
		if c.ID == "" {
			return nil, nil, fmt.Errorf("catalog: cause %d has no id", i+1)
		}
		if _, dup := idx[c.ID]; dup {
			return nil, nil, fmt.Errorf("catalog: duplicate id %q", c.ID)
		}
		idx[c.ID] = i
	}
	return cs, idx, nil
}

// Err reports a catalog that is not valid (a build defect; tests catch it).
func Err() error { loadOnce.Do(load); return loadErr }

// All returns every cause in catalog order (the order of causes.md).
func All() []Cause {
	loadOnce.Do(load)
	return causes
}

// IDs returns every cause id, sorted.
func IDs() []string {
	var ids []string
	for _, c := range All() {
		ids = append(ids, c.ID)
	}
	sort.Strings(ids)
	return ids
}

// Get returns the cause with id, or false.
func Get(id string) (Cause, bool) {
	loadOnce.Do(load)
	i, ok := byID[id]
	if !ok {
		return Cause{}, false
	}
	return causes[i], true
}

// MustGet returns the cause with id and panics when it is not in the catalog:
// use it only with ids written in code, which the tests check.
func MustGet(id string) Cause {
	c, ok := Get(id)
	if !ok {
		panic("catalog: unknown cause id " + id)
	}
	return c
}

// PlatformKey maps a detected CI platform ("github-actions", "gitlab-ci",
// "jenkins", "", ...) to the key used in Cause.Fix.
func PlatformKey(platform string) string {
	switch platform {
	case GitHubActions, GitLabCI:
		return platform
	}
	return Shell
}

// FixFor returns the fix steps for a platform ("github-actions", "gitlab-ci",
// anything else = shell) and a registry kind (reghost.Kind as a string, ""
// when unknown): registry-specific steps first, then the platform's steps,
// falling back to the shell steps when the platform has none.
func (c Cause) FixFor(platform, registryKind string) []string {
	var out []string
	if registryKind != "" {
		out = append(out, c.RegistryFix[registryKind]...)
	}
	steps := c.Fix[PlatformKey(platform)]
	if len(steps) == 0 {
		steps = c.Fix[Shell]
	}
	return append(out, steps...)
}

// DocPath is the repository-relative path of the cause's generated doc page.
func (c Cause) DocPath() string { return "docs/causes/" + c.ID + ".md" }
