package cli

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"runtime/debug"
	"sort"
	"strings"

	"github.com/spf13/cobra"
	"go.yaml.in/yaml/v4"

	"github.com/regdoctor/regdoctor/internal/finding"
	"github.com/regdoctor/regdoctor/internal/lint"
	_ "github.com/regdoctor/regdoctor/internal/lint/github" // registers the GitHub Actions checker
	_ "github.com/regdoctor/regdoctor/internal/lint/gitlab" // registers the GitLab CI checker
	"github.com/regdoctor/regdoctor/internal/report"
)

func init() { register(newLintCmd) }

func newLintCmd() *cobra.Command {
	var out outputFlags
	var configFile string
	var listRules bool
	var failOn string
	cmd := &cobra.Command{
		Use:   "lint [PATH...]",
		Short: "Find what in GitHub Actions / GitLab CI configuration will make a registry push fail",
		Long: `Read CI configuration and report, at file:line:col, what will make a container-registry
login or push fail at run time, with the cause and the fix.

PATH is a repository root (default "."): every checker finds its files there
(.github/workflows/*.yml and *.yaml, .gitlab-ci.yml). Files, or the
.github/workflows directory, may also be named one by one. Local composite
actions, reusable workflows and shell scripts that run: steps call
(bash ci/push.sh) are read from the repository when used.

Several repository roots (or files of several repositories) may be given at
once: each directory is a root, each file belongs to the root of its
repository (the nearest directory above it with .git, .github or
.gitlab-ci.yml). Each root is linted on its own (its .regdoctor.yaml, its
ignore comments), in parallel, and one report lists them in the order given.
Text shows ROOT/FILE:LINE:COL, the path from the current directory (so
'regdoctor lint services/api' names services/api/.github/workflows/x.yml).
JSON findings keep "file" relative to their root; with several roots they
add "root".

Ignore a finding with a comment on its line or the line above:
  # regdoctor:ignore GHA010 pushed by a self-hosted runner with a stored login
or in .regdoctor.yaml at the root (one page per rule: docs/rules/<ID>.md):
  lint:
    disable: [GHA013]
    severity: {GHA005: error}
    ignore: [{rule: GHA010, path: ".github/workflows/local-*.yml"}]
    owner: acme

Exit codes: 0 nothing found, 1 findings, 2 usage error, 3 a file could not be
read or parsed (findings from the other files are still printed). With
--fail-on warning (or error), findings below that severity are printed but
exit 0.`,
		Example: `  regdoctor lint
  regdoctor lint path/to/repo --format json
  regdoctor lint .github/workflows/release.yml
  regdoctor lint .github/workflows .gitlab-ci.yml
  regdoctor lint services/api services/web --format json
  regdoctor lint --format sarif > regdoctor.sarif
  regdoctor lint --list-rules --format json`,
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := out.validate(); err != nil {
				return err
			}
			failRank := finding.SeverityRank(finding.Severity(failOn))
			if failRank == 0 {
				return usageErr("--fail-on must be error, warning or info, not %q", failOn)
			}
			if listRules {
				if len(args) > 0 {
					return usageErr("--list-rules takes no PATH (got %q)", args[0])
				}
				return listLintRules(cmd.OutOrStdout(), out.format)
			}
			// A lint run is short and small: trade a little memory for less GC.
			debug.SetGCPercent(400)
			repos, err := lintRoots(args)
			if err != nil {
				return err
			}
			jobs := make([]lint.Job, len(repos))
			for i, r := range repos {
				cfg, _, err := lint.LoadConfig(r.root, configFile)
				if err != nil {
					if configFile != "" && errors.Is(err, os.ErrNotExist) {
						return usageErr("--config: %v", err)
					}
					return usageErr("%v", err)
				}
				jobs[i] = lint.Job{Root: r.root, Targets: r.targets, Config: cfg}
			}
			results, errs := lint.RunAll(jobs, 0)
			for i, err := range errs {
				switch {
				case errors.Is(err, lint.ErrNoFiles):
					return usageErr("no GitHub Actions workflow or GitLab CI file under %s", repos[i].root)
				case err != nil:
					return ioErr(err)
				}
			}
			res, opts := mergeLintResults(repos, results)
			rep := &finding.Report{Mode: finding.Lint, Findings: res.Findings}
			if len(repos) == 1 {
				rep.Input = repos[0].root
			} else {
				rep.Context = append(rep.Context, fmt.Sprintf("roots: %d", len(repos)))
			}
			rep.Context = append(rep.Context, fmt.Sprintf("files: %d", len(res.Files)))
			for _, e := range res.Errors {
				fmt.Fprintf(cmd.ErrOrStderr(), "regdoctor: %s\n", fileErrorLine(e))
			}
			for _, n := range res.Notes {
				rep.Context = append(rep.Context, "not evaluated: "+n)
				fmt.Fprintf(cmd.ErrOrStderr(), "regdoctor: note: %s\n", n)
			}
			if len(res.Errors) > 0 && len(res.Findings) == 0 && out.format == "text" {
				// "No problems found." would read as a clean bill for files that were never linted.
				return &exitError{ExitError, fmt.Errorf("%d file(s) could not be linted", len(res.Errors))}
			}
			emitErr := out.emit(cmd, rep, opts)
			if emitErr == errFindings && !anyAtLeast(res.Findings, failRank) {
				emitErr = nil // printed, but below --fail-on
			}
			if len(res.Errors) > 0 {
				var ee *exitError
				if emitErr != nil && errors.As(emitErr, &ee) && ee.code != ExitFindings {
					return emitErr
				}
				return &exitError{ExitError, fmt.Errorf("%d file(s) could not be linted", len(res.Errors))}
			}
			return emitErr
		},
	}
	out.add(cmd, "text")
	cmd.Flags().StringVar(&configFile, "config", "", "config file for every root (default: .regdoctor.yaml at each root, if present)")
	cmd.Flags().BoolVar(&listRules, "list-rules", false, "list the lint rules and exit")
	cmd.Flags().StringVar(&failOn, "fail-on", "info", "lowest severity that makes the exit code 1: error, warning or info")
	_ = cmd.RegisterFlagCompletionFunc("fail-on", cobra.FixedCompletions([]string{"error", "warning", "info"}, cobra.ShellCompDirectiveNoFileComp))
	return cmd
}

// mergeLintResults joins the results of the roots of one run (in the
// roots' order) and returns the report options for them. Errors and notes
// are named root/file, the path from the working directory. With one root,
// findings keep File relative to it (the JSON shape of one root; the text
// report joins report.Options.Root). With several, findings carry their
// root (Finding.Root; File stays relative to it), and files are named
// root/file too.
func mergeLintResults(repos []lintRepo, results []*lint.Result) (*lint.Result, report.Options) {
	if len(results) == 1 {
		r := *results[0]
		r.Errors, r.Notes = rootedProblems(repos[0].root, results[0])
		return &r, report.Options{Root: repos[0].root, Source: results[0].Source}
	}
	out := &lint.Result{}
	type src struct {
		r    *lint.Result
		file string
	}
	byPath := map[string]src{} // shown path of a finding's file -> its result
	for i, r := range results {
		root := filepath.ToSlash(repos[i].root)
		join := func(file string) string { return path.Join(root, file) } // as report shows Root/File
		for _, f := range r.Findings {
			f.Root = repos[i].root
			out.Findings = append(out.Findings, f)
			byPath[join(f.File)] = src{r, f.File}
		}
		for _, f := range r.Files {
			out.Files = append(out.Files, join(f))
		}
		errs, notes := rootedProblems(repos[i].root, r)
		out.Errors = append(out.Errors, errs...)
		out.Notes = append(out.Notes, notes...)
		out.Ignored += r.Ignored
	}
	source := func(file string, line int) (string, bool) {
		s, ok := byPath[file]
		if !ok {
			return "", false
		}
		return s.r.Source(s.file, line)
	}
	return out, report.Options{Root: ".", Source: source}
}

// rootedProblems returns r's errors and notes named from the working
// directory: root/file (unchanged when root is ".").
func rootedProblems(root string, r *lint.Result) ([]lint.FileError, []string) {
	root = filepath.ToSlash(filepath.Clean(root))
	if root == "." {
		return r.Errors, r.Notes
	}
	var errs []lint.FileError
	for _, e := range r.Errors {
		errs = append(errs, lint.FileError{File: path.Join(root, e.File), Err: e.Err})
	}
	var notes []string
	for _, n := range r.Notes {
		notes = append(notes, strings.TrimSuffix(root, "/")+"/"+n) // a note starts with the file it is about
	}
	return errs, notes
}

// anyAtLeast reports whether a finding has at least severity rank min
// (finding.SeverityRank: 3 error, 2 warning, 1 info).
func anyAtLeast(fs []finding.Finding, min int) bool {
	for _, f := range fs {
		if finding.SeverityRank(f.Severity) >= min {
			return true
		}
	}
	return false
}

// lintRepo is one repository root of a lint run and the paths to lint
// under it (relative to root; "." for the whole root).
type lintRepo struct {
	root    string // as shown: relative to the working directory when inside it
	targets []string
}

// lintRoots groups the PATH arguments by repository root, in the order
// first named: a directory argument is a root itself; a file belongs to
// the repository root of its directory (the nearest ancestor holding .git,
// .github or .gitlab-ci.yml, else its directory). A single directory
// argument keeps the path as typed.
func lintRoots(args []string) ([]lintRepo, error) {
	if len(args) == 0 {
		args = []string{"."}
	}
	for _, a := range args {
		if a == "" {
			return nil, usageErr("a PATH argument is empty (an unset variable?); pass a repository root or a CI file")
		}
		if _, err := os.Stat(a); err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				return nil, usageErr("%s: no such file or directory", a)
			}
			return nil, ioErr(err)
		}
	}
	args, err := expandWorkflowDirs(args)
	if err != nil {
		return nil, err
	}
	if len(args) == 1 {
		if fi, _ := os.Stat(args[0]); fi.IsDir() {
			return []lintRepo{{root: filepath.Clean(args[0]), targets: []string{"."}}}, nil
		}
	}
	wd, _ := os.Getwd()
	var repos []lintRepo
	index := map[string]int{} // absolute root -> index in repos
	for _, a := range args {
		abs, err := filepath.Abs(a)
		if err != nil {
			return nil, ioErr(err)
		}
		root, target := abs, "."
		if fi, _ := os.Stat(a); !fi.IsDir() {
			root = repoRootOf(abs)
			target, _ = filepath.Rel(root, abs)
		}
		i, ok := index[root]
		if !ok {
			i = len(repos)
			index[root] = i
			shown := root
			if fi, _ := os.Stat(a); fi.IsDir() {
				shown = filepath.Clean(a)
			} else if r, err := filepath.Rel(wd, root); wd != "" && err == nil && r != ".." && !strings.HasPrefix(r, ".."+string(filepath.Separator)) {
				shown = r
			}
			repos = append(repos, lintRepo{root: shown})
		}
		repos[i].targets = append(repos[i].targets, target)
	}
	return repos, nil
}

// expandWorkflowDirs replaces a .github/workflows (or .github) directory
// argument by the workflow files in it (*.yml, *.yaml, sorted), so that
// 'regdoctor lint .github/workflows' lints them instead of looking for a
// .github/workflows directory inside it. Other arguments are kept.
func expandWorkflowDirs(args []string) ([]string, error) {
	var out []string
	for _, a := range args {
		abs, err := filepath.Abs(a)
		if err != nil {
			return nil, ioErr(err)
		}
		dir := ""
		switch {
		case filepath.Base(abs) == "workflows" && filepath.Base(filepath.Dir(abs)) == ".github":
			dir = a
		case filepath.Base(abs) == ".github":
			dir = filepath.Join(a, "workflows")
		}
		if fi, err := os.Stat(dir); dir == "" || err != nil || !fi.IsDir() {
			out = append(out, a)
			continue
		}
		var files []string
		for _, pat := range []string{"*.yml", "*.yaml"} {
			m, _ := filepath.Glob(filepath.Join(dir, pat)) // the only error is a bad pattern
			files = append(files, m...)
		}
		if len(files) == 0 {
			return nil, usageErr("no workflow file (*.yml, *.yaml) in %s", dir)
		}
		sort.Strings(files)
		out = append(out, files...)
	}
	return out, nil
}

func repoRootOf(p string) string {
	dir := p
	if fi, err := os.Stat(p); err == nil && !fi.IsDir() {
		dir = filepath.Dir(p)
	}
	for d := dir; ; d = filepath.Dir(d) {
		for _, marker := range []string{".git", ".github", ".gitlab-ci.yml"} {
			if _, err := os.Stat(filepath.Join(d, marker)); err == nil {
				return d
			}
		}
		if filepath.Dir(d) == d {
			break
		}
	}
	return dir
}

// ruleJSON is one rule in 'lint --list-rules --format json'.
type ruleJSON struct {
	ID       string `json:"id"`
	Name     string `json:"name"`
	Severity string `json:"severity"`
	Platform string `json:"platform"`
	Cause    string `json:"cause"`
	Summary  string `json:"summary"`
	Doc      string `json:"doc"`
}

// listLintRules prints the rule table (format text) or a JSON array of
// ruleJSON (format json); the other report formats describe findings, not
// rules, and are a usage error here.
func listLintRules(w io.Writer, format string) error {
	rules := lint.Rules()
	switch format {
	case "text":
		bw := bufio.NewWriter(w)
		for _, m := range rules {
			fmt.Fprintf(bw, "%-7s %-8s %-44s %-28s %s\n", m.ID, m.Severity, m.Name, m.Cause, m.Summary)
		}
		if err := bw.Flush(); err != nil {
			return ioErr(err)
		}
		return nil
	case "json":
		out := make([]ruleJSON, 0, len(rules))
		for _, m := range rules {
			out = append(out, ruleJSON{ID: m.ID, Name: m.Name, Severity: string(m.Severity), Platform: m.Platform,
				Cause: m.Cause, Summary: m.Summary, Doc: "docs/rules/" + m.ID + ".md"})
		}
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		if err := enc.Encode(out); err != nil {
			return ioErr(err)
		}
		return nil
	}
	return usageErr("--list-rules prints text or json, not --format %s", format)
}

// fileErrorLine renders a file that could not be linted as one line. A YAML
// syntax error becomes "FILE:LINE:COL: invalid YAML: MESSAGE" (the position,
// when known,
// from go.yaml.in/yaml/v4's LoadError, 1-based), the file:line:col form the
// findings use, instead of the library's "go-yaml load error in scanner at
// L3.C1" wording.
func fileErrorLine(e lint.FileError) string {
	var le *yaml.LoadError
	if errors.As(e.Err, &le) {
		pos := e.File
		if le.Mark.Line > 0 {
			pos += fmt.Sprintf(":%d", le.Mark.Line)
			if le.Mark.Column > 0 {
				pos += fmt.Sprintf(":%d", le.Mark.Column)
			}
		}
		msg := le.Message
		if le.ContextMsg != "" {
			msg += " (" + le.ContextMsg + ")"
		}
		return pos + ": invalid YAML: " + msg
	}
	return e.File + ": " + e.Err.Error()
}
