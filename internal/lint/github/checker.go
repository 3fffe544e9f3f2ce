// Package github is regdoctor's GitHub Actions checker: it reads workflows
// (internal/workflow/github), works out per job who logs in where and who
// pushes what (actions and run: shell via internal/shellcmd), and runs the
// GHA rules, one file per rule. Rule facts come from
// shared/domain/ci-rules.md (Part 1 and Part 4).
package github

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"sync"

	"github.com/regdoctor/regdoctor/internal/catalog"
	"github.com/regdoctor/regdoctor/internal/finding"
	"github.com/regdoctor/regdoctor/internal/lint"
	"github.com/regdoctor/regdoctor/internal/redact"
	"github.com/regdoctor/regdoctor/internal/reghost"
	wf "github.com/regdoctor/regdoctor/internal/workflow/github"
)

// Platform is the checker's platform key.
const Platform = catalog.GitHubActions

type rule struct {
	meta  lint.Meta
	check func(c *lintCtx, w *wf.Workflow)
}

var rules []rule

// register adds a rule: its metadata to the lint registry and its check here.
func register(m lint.Meta, check func(c *lintCtx, w *wf.Workflow)) {
	m.Platform = Platform
	lint.Register(m)
	rules = append(rules, rule{m, check})
}

type checker struct {
	cfg  lint.Config
	repo *wf.Repo // the last Check's, for SourceLines
}

func init() { lint.RegisterChecker(&checker{}) }

func (*checker) Platform() string { return Platform }

func (*checker) Discover(root string) ([]string, error) { return wf.Discover(root) }

func (*checker) Owns(rel string, content []byte) bool {
	rel = filepath.ToSlash(rel)
	if !(strings.HasSuffix(rel, ".yml") || strings.HasSuffix(rel, ".yaml")) {
		return false
	}
	return strings.Contains(rel, ".github/workflows/") || wf.LooksLikeWorkflow(content)
}

// Fork returns a fresh checker for one run (lint.Forker).
func (*checker) Fork() lint.Checker { return &checker{} }

// SourceLines returns the lines of the files the last Check read
// (lint.SourceLiner), so the run does not read them again for ignore
// comments and snippets.
func (ch *checker) SourceLines() map[string][]string {
	if ch.repo == nil {
		return nil
	}
	return ch.repo.Lines()
}

// Configure receives the lint configuration (owner, ...).
func (ch *checker) Configure(cfg lint.Config) { ch.cfg = cfg }

func (ch *checker) Check(root string, files []string) ([]finding.Finding, error) {
	ch.repo = wf.NewRepo(root)
	c := &lintCtx{repo: ch.repo, models: map[*wf.Job]*jobModel{}, vcache: map[*wf.Workflow][]verdict{}, seenAction: map[string]bool{}, callerCache: map[string]bool{}, owner: ch.cfg.Owner}
	if c.owner == "" {
		c.owner = gitOwner(root)
	}
	var errs lint.FileErrors
	if len(files) >= 4 {
		// parallel parsing pays for its threads only with several files
		c.repo.Preload(files, runtime.GOMAXPROCS(0))
	}
	var ws []*wf.Workflow
	for _, f := range files {
		if w, err := c.repo.Workflow(f); err == nil {
			ws = append(ws, w)
		}
	}
	c.repo.PreloadActions(ws, runtime.GOMAXPROCS(0))
	if workers := min(runtime.GOMAXPROCS(0), len(files)); workers >= 2 {
		return c.checkParallel(files, workers)
	}
	for _, f := range files {
		w, err := c.repo.Workflow(f)
		if err != nil {
			errs = append(errs, lint.FileError{File: f, Err: err})
			continue
		}
		if err := c.runRulesSafe(w); err != nil {
			errs = append(errs, lint.FileError{File: f, Err: err})
		}
	}
	if len(errs) > 0 {
		return c.out, errs
	}
	return c.out, nil
}

// checkParallel runs the rules of each file in its own lintCtx (sharing
// the repository reader and the owner), at most workers files at a time,
// and joins the findings in the files' order: the same findings, in the
// same order, as one lintCtx going through the files one by one. (A
// finding two files both report, GHA007 on a composite action they both
// use, comes out twice and lint.Run keeps the first, as the sequential run
// reports it once.)
func (c *lintCtx) checkParallel(files []string, workers int) ([]finding.Finding, error) {
	outs := make([][]finding.Finding, len(files))
	errs := make([]error, len(files))
	next := make(chan int)
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for i := range next {
				fc := c.fork()
				w, err := fc.repo.Workflow(files[i])
				if err == nil {
					err = fc.runRulesSafe(w)
				}
				outs[i], errs[i] = fc.out, err
			}
		})
	}
	for i := range files {
		next <- i
	}
	close(next)
	wg.Wait()
	var out []finding.Finding
	var ferrs lint.FileErrors
	for i, f := range files {
		out = append(out, outs[i]...)
		if errs[i] != nil {
			ferrs = append(ferrs, lint.FileError{File: f, Err: errs[i]})
		}
	}
	if len(ferrs) > 0 {
		return out, ferrs
	}
	return out, nil
}

// fork returns an empty lintCtx for one file that shares c's repository
// reader (safe for concurrent use) and owner.
func (c *lintCtx) fork() *lintCtx {
	return &lintCtx{repo: c.repo, owner: c.owner, models: map[*wf.Job]*jobModel{}, vcache: map[*wf.Workflow][]verdict{},
		seenAction: map[string]bool{}, callerCache: map[string]bool{}}
}

// runRulesSafe runs the rules and turns a defect (a panic) into a one-line
// file error, so one odd file never stops the run or prints a stack trace.
func (c *lintCtx) runRulesSafe(w *wf.Workflow) (err error) {
	n := len(c.out)
	defer func() {
		if r := recover(); r != nil {
			c.out = c.out[:n]
			err = fmt.Errorf("internal error while linting (please report it): %v", r)
		}
	}()
	c.runRules(w)
	return nil
}

func (c *lintCtx) runRules(w *wf.Workflow) {
	owner := c.owner
	if owner == "" {
		c.owner = ownerFromConditions(w)
	}
	for _, r := range rules {
		r.check(c, w)
	}
	c.runShellRules(w)
	c.owner = owner
}

// jobs returns the models of every job of w that has steps.
func (c *lintCtx) jobs(w *wf.Workflow) []*jobModel {
	var out []*jobModel
	for _, j := range w.Jobs {
		out = append(out, c.build(w, j))
	}
	return out
}

// report adds a finding for rule id at l. sev "" means the rule's default.
// fix steps given here come before the catalog's steps.
func (c *lintCtx) report(id string, l loc, sev finding.Severity, host, msg string, fix ...string) {
	m, ok := lint.Rule(id)
	if !ok {
		panic("github lint: unknown rule " + id)
	}
	if sev == "" {
		sev = m.Severity
	}
	cause := catalog.MustGet(m.Cause)
	kind := ""
	if hostKnown(host) {
		kind = string(reghost.Classify(host))
	}
	var steps []string
	for _, f := range fix {
		steps = append(steps, redact.String(f))
	}
	steps = append(steps, cause.FixFor(Platform, kind)...)
	col := l.Col
	if col < 1 {
		col = 1
	}
	reg := ""
	if hostKnown(host) {
		reg = host
	}
	c.out = append(c.out, finding.Finding{
		Cause: m.Cause, Title: cause.Title, Confidence: 1, Severity: sev, Source: finding.Lint, Rule: id,
		Message: redact.String(msg), File: l.file, Line: l.Line, Column: col, Platform: Platform, Registry: reg,
		Fix: steps, Doc: "docs/rules/" + id + ".md",
	})
}

// effectivePerm returns the level of scope for job j (F-GH-03): the job
// block replaces the workflow block; with neither, the level is unknown
// (repository default, F-GH-05). block is the block that decides.
func effectivePerm(w *wf.Workflow, j *wf.Job, scope string) (level string, block *wf.Permissions, fromJob, known bool) {
	switch {
	case j.Permissions != nil:
		if j.Permissions.Unknown {
			return "", j.Permissions, true, false
		}
		return j.Permissions.Level(scope), j.Permissions, true, true
	case w.Permissions != nil:
		if w.Permissions.Unknown {
			return "", w.Permissions, false, false
		}
		return w.Permissions.Level(scope), w.Permissions, false, true
	}
	return "", nil, false, false
}

func rank(level string) int {
	switch level {
	case "write":
		return 2
	case "read":
		return 1
	}
	return 0
}

var reGitRemote = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?m)^\s*url\s*=\s*(?:https://github\.com/|git@github\.com:|ssh://git@github\.com/)([^/\s]+)/`)
})

// gitOwner reads the GitHub owner of root's origin remote from .git/config.
func gitOwner(root string) string {
	b, err := os.ReadFile(filepath.Join(root, ".git", "config"))
	if err != nil || len(b) > 1<<20 {
		return ""
	}
	if m := reGitRemote().FindSubmatch(b); m != nil {
		return string(m[1])
	}
	return ""
}

var reOwnerCond = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`github\.(repository_owner|repository)\s*==\s*'([^'/]+)(?:/[^']*)?'`)
})

// ownerFromConditions reads the owner from `if: github.repository == 'o/r'`
// or `github.repository_owner == 'o'` guards in the workflow.
func ownerFromConditions(w *wf.Workflow) string {
	if !bytes.Contains(w.Src, []byte("github.repository")) {
		return "" // the pattern's literal prefix: skip compiling and scanning
	}
	if m := reOwnerCond().FindStringSubmatch(string(w.Src)); m != nil {
		return m[2]
	}
	return ""
}

// isPR reports the fork-prone pull-request triggers of w (F-GH-09).
func prTriggers(w *wf.Workflow) []string {
	var out []string
	for _, t := range w.Triggers {
		switch t.Name {
		case "pull_request", "pull_request_review", "pull_request_review_comment":
			out = append(out, t.Name)
		}
	}
	return out
}

// guarded reports a condition that keeps fork PRs out (event, ref, fork or
// head-repository checks).
func guarded(cond string) bool {
	cond = strings.ToLower(cond)
	for _, g := range []string{"event_name", "github.ref", "head.repo", ".fork", "github.head_ref", "github.base_ref",
		"startswith(github.ref", "refs/tags", "refs/heads", "merged", "github.event.pull_request ==", "env.", "secrets.", "github.actor",
		"!= ''", "workflow_dispatch", "github.event.action", "contains(github.event.pull_request.labels", "is_fork", "release",
		"needs.", "steps.", "inputs.", "vars."} {
		if strings.Contains(cond, g) {
			return true
		}
	}
	return false
}

func fmtHosts(hs []string) string {
	return strings.Join(hs, ", ")
}
