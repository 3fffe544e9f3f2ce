// Package gitlab is the GitLab CI checker of `regdoctor lint`: it evaluates a
// .gitlab-ci.yml with internal/workflow/gitlab (includes, extends, default,
// !reference, variables) and runs the GLC rules (one file per rule) and the
// shell rules of internal/lint/shellrules over every job's effective script.
package gitlab

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"sync"

	"go.yaml.in/yaml/v4"

	"github.com/regdoctor/regdoctor/internal/catalog"
	"github.com/regdoctor/regdoctor/internal/finding"
	"github.com/regdoctor/regdoctor/internal/lint"
	"github.com/regdoctor/regdoctor/internal/lint/shellrules"
	"github.com/regdoctor/regdoctor/internal/redact"
	"github.com/regdoctor/regdoctor/internal/reghost"
	gl "github.com/regdoctor/regdoctor/internal/workflow/gitlab"
)

// Platform is the platform name used in findings.
const Platform = "gitlab-ci"

// Checker implements lint.Checker for GitLab CI.
type Checker struct {
	// Limits bound parsing; zero means gl.DefaultLimits.
	Limits gl.Limits
	notes  []string
}

// Notes returns what the last Check could not evaluate, one line each
// (for the report's context): includes not resolved (project, remote,
// template, component, or a missing local file), by name, and extends or
// !reference targets not found. Nothing is ever fetched.
func (c *Checker) Notes() []string { return c.notes }

func init() { lint.RegisterChecker(&Checker{}) }

// Fork returns a fresh checker with the same limits for one run
// (lint.Forker), so that runs over several roots keep their notes apart.
func (c *Checker) Fork() lint.Checker { return &Checker{Limits: c.Limits} }

// Platform returns "gitlab-ci".
func (*Checker) Platform() string { return Platform }

// Discover returns the root .gitlab-ci.yml (or .gitlab-ci.yaml) when present.
// Files it includes are read through it; other custom CI file names must be
// named on the command line.
func (*Checker) Discover(root string) ([]string, error) {
	var out []string
	for _, n := range []string{".gitlab-ci.yml", ".gitlab-ci.yaml"} {
		if st, err := os.Stat(filepath.Join(root, n)); err == nil && st.Mode().IsRegular() {
			out = append(out, n)
		}
	}
	return out, nil
}

var topJobKey = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?m)^(stages|before_script|include|default|workflow):`)
})

// Owns reports whether rel is a GitLab CI file: a name ending in
// .gitlab-ci.yml/.yaml, or YAML outside .github/ that is GitLab-shaped:
// GitLab top-level keywords with a script, include or trigger (custom CI
// file names such as .nvidia-ci.yml, include-only pipelines), or a
// top-level job: a mapping holding script, extends or trigger (the files
// a pipeline includes, e.g. .gitlab/ci/docker.yml, which need not repeat
// stages or include; https://docs.gitlab.com/ci/yaml/#include).
func (*Checker) Owns(rel string, content []byte) bool {
	rel = filepath.ToSlash(rel)
	base := path.Base(rel)
	if strings.HasSuffix(base, ".gitlab-ci.yml") || strings.HasSuffix(base, ".gitlab-ci.yaml") {
		return true
	}
	if strings.HasPrefix(rel, ".github/") || strings.Contains(rel, "/.github/") {
		return false
	}
	if ext := path.Ext(base); ext != ".yml" && ext != ".yaml" {
		return false
	}
	if bytes.Contains(content, []byte("\non:")) || bytes.HasPrefix(content, []byte("on:")) {
		return false
	}
	if topJobKey().Match(content) && (bytes.Contains(content, []byte("script:")) ||
		bytes.Contains(content, []byte("include:")) || bytes.Contains(content, []byte("trigger:"))) {
		return true
	}
	return hasTopLevelJob(content)
}

// jobOnlyKeys are job keywords a top-level mapping of another kind of YAML
// file (compose, Kubernetes, Helm values) does not hold directly.
var jobOnlyKeys = map[string]bool{"script": true, "extends": true, "trigger": true}

// hasTopLevelJob reports whether a document of content (a GitLab file may
// hold a spec: header document, then the jobs) maps a top-level key to a
// mapping with script, extends or trigger. Undecodable YAML is not owned.
func hasTopLevelJob(content []byte) bool {
	if !bytes.Contains(content, []byte("script:")) && !bytes.Contains(content, []byte("extends:")) &&
		!bytes.Contains(content, []byte("trigger:")) {
		return false
	}
	dec := yaml.NewDecoder(bytes.NewReader(content))
	for range 8 {
		var doc yaml.Node
		if err := dec.Decode(&doc); err != nil {
			return false
		}
		if doc.Kind != yaml.DocumentNode || len(doc.Content) == 0 || doc.Content[0].Kind != yaml.MappingNode {
			continue
		}
		top := doc.Content[0].Content
		for i := 1; i < len(top); i += 2 {
			v := top[i]
			if v.Kind != yaml.MappingNode {
				continue
			}
			for j := 0; j+1 < len(v.Content); j += 2 {
				if jobOnlyKeys[v.Content[j].Value] {
					return true
				}
			}
		}
	}
	return false
}

// Check lints each main file (with the local files it includes). A file
// already read as an include of an earlier main file is not linted again.
// YAML syntax errors, rejected hostile input and unreadable files are
// returned as lint.FileErrors (one line each); findings of the other files
// are still returned.
func (c *Checker) Check(root string, files []string) ([]finding.Finding, error) {
	lim := c.Limits
	if lim.MaxNodes == 0 {
		lim = gl.DefaultLimits
	}
	ordered := append([]string(nil), files...)
	sort.SliceStable(ordered, func(i, j int) bool { return mainRank(ordered[i]) < mainRank(ordered[j]) })
	done := map[string]bool{}
	c.notes = nil
	var out []finding.Finding
	var errs lint.FileErrors
	for _, f := range ordered {
		f = filepath.ToSlash(f)
		if done[f] {
			continue
		}
		p, err := gl.Load(root, f, lim)
		if err != nil {
			var pe *gl.ParseError
			if errors.As(err, &pe) {
				// A file that is not YAML yet (a template) still gets the
				// line-level checks that need no YAML; hostile input does not.
				if !errors.Is(err, gl.ErrTooLarge) && !errors.Is(err, gl.ErrTooDeep) && !errors.Is(err, gl.ErrAliasBomb) {
					out = append(out, fallbackFindings(root, f)...)
				}
				errs = append(errs, lint.FileError{File: pe.File, Err: errors.New(pe.Detail())})
				continue
			}
			errs = append(errs, lint.FileError{File: f, Err: err})
			continue
		}
		for _, inc := range p.Files {
			done[inc] = true
		}
		for _, pr := range p.Problems {
			c.notes = append(c.notes, fmt.Sprintf("%s:%d: %s", pr.Pos.File, pr.Pos.Line, pr.Msg))
		}
		out = append(out, Lint(p)...)
	}
	if len(errs) > 0 {
		return out, errs
	}
	return out, nil
}

func mainRank(f string) int {
	switch path.Base(f) {
	case ".gitlab-ci.yml", ".gitlab-ci.yaml":
		return strings.Count(f, "/")
	}
	return 100 + strings.Count(f, "/")
}

// Lint runs every GitLab and shell rule over an evaluated pipeline.
func Lint(p *gl.Pipeline) []finding.Finding {
	c := newPipelineCtx(p)
	for _, r := range rules {
		r.check(c)
	}
	at := map[gl.Pos]bool{}
	for _, f := range c.out {
		at[gl.Pos{File: f.File, Line: f.Line, Col: f.Column}] = true
	}
	for _, jc := range c.jobs {
		for _, h := range shellrules.Check(jc.commands()) {
			cmd := jc.cmds[h.Cmd]
			pos := jc.at(cmd, h.Pos)
			if at[pos] {
				continue // a GitLab rule already explains this word
			}
			c.add(finding.Finding{
				Rule: h.Rule, Cause: h.Cause, Severity: h.Severity, Message: h.Message,
				File: pos.File, Line: pos.Line, Column: pos.Col, Registry: h.Registry,
			}, jc)
		}
	}
	out := c.grouped()
	finding.Sort(out)
	return out
}

// grouped merges findings of one rule at one position (a global variable, a
// shared template) reported for several jobs into one finding naming them.
func (c *pctx) grouped() []finding.Finding {
	type key struct {
		rule, file, sev, cause string
		line, col              int
	}
	idx := map[key]int{}
	var out []finding.Finding
	var jobs [][]string
	for i, f := range c.out {
		k := key{f.Rule, f.File, string(f.Severity), f.Cause, f.Line, f.Column}
		j, ok := idx[k]
		if !ok {
			idx[k] = len(out)
			out = append(out, f)
			jobs = append(jobs, nil)
			j = len(out) - 1
		}
		if c.jobsOf[i] != "" {
			jobs[j] = append(jobs[j], c.jobsOf[i])
		}
	}
	for i := range out {
		js := uniq(jobs[i])
		switch {
		case len(js) == 1:
			out[i].Message = fmt.Sprintf("job `%s`: %s", js[0], out[i].Message)
		case len(js) > 1 && len(js) <= 3:
			out[i].Message = fmt.Sprintf("jobs `%s`: %s", strings.Join(js, "`, `"), out[i].Message)
		case len(js) > 3:
			out[i].Message = fmt.Sprintf("jobs `%s` and %d more: %s", strings.Join(js[:3], "`, `"), len(js)-3, out[i].Message)
		}
	}
	return out
}

type glRule struct {
	meta  lint.Meta
	check func(*pctx)
}

var rules []glRule

func register(m lint.Meta, check func(*pctx)) {
	m.Platform = Platform
	lint.Register(m)
	rules = append(rules, glRule{meta: m, check: check})
}

// report fills the common fields of a finding for rule id at pos.
func (c *pctx) report(id string, pos gl.Pos, jc *jobCtx, registry, msg string) {
	m, ok := lint.Rule(id)
	if !ok {
		panic("gitlab: unregistered rule " + id)
	}
	c.add(finding.Finding{Rule: id, Cause: m.Cause, Severity: m.Severity, Message: msg,
		File: pos.File, Line: pos.Line, Column: pos.Col, Registry: registry}, jc)
}

// reportSev is report with a severity other than the rule's default.
func (c *pctx) reportSev(id string, sev finding.Severity, pos gl.Pos, jc *jobCtx, registry, msg string) {
	m, _ := lint.Rule(id)
	c.add(finding.Finding{Rule: id, Cause: m.Cause, Severity: sev, Message: msg,
		File: pos.File, Line: pos.Line, Column: pos.Col, Registry: registry}, jc)
}

func (c *pctx) add(f finding.Finding, jc *jobCtx) {
	cause, ok := catalog.Get(f.Cause)
	if ok {
		f.Title = cause.Title
		kind := ""
		if f.Registry != "" && !strings.Contains(f.Registry, "$") {
			kind = string(reghost.Classify(f.Registry))
		}
		f.Fix = cause.FixFor(Platform, kind)
	}
	if f.Line == 0 {
		f.Line, f.Column = 1, 1
	}
	if f.Column == 0 {
		f.Column = 1
	}
	f.Message = redact.String(f.Message)
	job := ""
	if jc != nil {
		job = jc.job.Name
	}
	c.jobsOf = append(c.jobsOf, job)
	f.Confidence = 1
	f.Source = finding.Lint
	f.Platform = Platform
	f.Doc = "docs/rules/" + f.Rule + ".md"
	c.out = append(c.out, f)
}
