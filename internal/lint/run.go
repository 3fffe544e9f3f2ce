package lint

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"runtime"
	"sort"
	"strings"
	"sync"

	"go.yaml.in/yaml/v4"

	"github.com/regdoctor/regdoctor/internal/finding"
	"github.com/regdoctor/regdoctor/internal/redact"
)

// FileError is a file that could not be linted (unreadable, too large, not
// YAML). The run goes on with the other files.
type FileError struct {
	File string // relative to the root, slash-separated
	Err  error
}

func (e FileError) Error() string { return e.File + ": " + e.Err.Error() }

// FileErrors collects the per-file errors of one Check.
type FileErrors []FileError

func (es FileErrors) Error() string {
	var parts []string
	for _, e := range es {
		parts = append(parts, e.Error())
	}
	return strings.Join(parts, "; ")
}

// Configurable is implemented by checkers that read the lint configuration.
type Configurable interface {
	Configure(Config)
}

// Forker is implemented by checkers that keep state for one Check (the
// configuration, notes): Fork returns a fresh checker of the same platform,
// so that Runs over several roots may go at the same time.
type Forker interface {
	Fork() Checker
}

// SourceLiner is implemented by checkers that keep the files a Check read:
// their lines (split on "\n", "\r\n" folded), by path relative to the
// root, serve ignore comments and snippets without reading them again.
type SourceLiner interface {
	SourceLines() map[string][]string
}

// Config is the `lint:` section of .regdoctor.yaml at the root:
//
//	lint:
//	  disable: [GHA013]             # rules never reported
//	  severity: {GHA005: error}     # severity overrides
//	  ignore:                       # rules ignored for some paths (path.Match globs)
//	    - {rule: GHA010, path: ".github/workflows/local-*.yml"}
//	  owner: acme                   # GitHub repository owner (else read from .git/config)
type Config struct {
	Disable  []string          `yaml:"disable"`
	Severity map[string]string `yaml:"severity"`
	Ignore   []IgnoreEntry     `yaml:"ignore"`
	Owner    string            `yaml:"owner"`
}

// IgnoreEntry ignores Rule ("*" for all) in files matching Path.
type IgnoreEntry struct {
	Rule string `yaml:"rule"`
	Path string `yaml:"path"`
}

// ConfigNames are the config file names looked up at the root, in order.
var ConfigNames = []string{".regdoctor.yaml", ".regdoctor.yml", ".github/regdoctor.yaml"}

// LoadConfig reads the config file: file when given, else the first of
// ConfigNames under root. No file gives a zero Config. Unknown keys, bad
// severities and unknown rule ids are errors.
func LoadConfig(root, file string) (Config, string, error) {
	var cfg Config
	if file == "" {
		for _, n := range ConfigNames {
			p := filepath.Join(root, filepath.FromSlash(n))
			if _, err := os.Stat(p); err == nil {
				file = p
				break
			}
		}
		if file == "" {
			return cfg, "", nil
		}
	}
	b, err := os.ReadFile(file)
	if err != nil {
		return cfg, file, err
	}
	if len(b) > 1<<20 {
		return cfg, file, fmt.Errorf("%s: config larger than 1 MiB", file)
	}
	var doc struct {
		Lint Config `yaml:"lint"`
	}
	if err := yaml.Load(b, &doc, yaml.WithKnownFields()); err != nil {
		return cfg, file, fmt.Errorf("%s: %v", file, err)
	}
	cfg = doc.Lint
	for _, id := range cfg.Disable {
		if _, ok := Rule(id); !ok {
			return cfg, file, fmt.Errorf("%s: disable: unknown rule %q", file, id)
		}
	}
	for id, s := range cfg.Severity {
		if _, ok := Rule(id); !ok {
			return cfg, file, fmt.Errorf("%s: severity: unknown rule %q", file, id)
		}
		switch finding.Severity(s) {
		case finding.Error, finding.Warning, finding.Info:
		default:
			return cfg, file, fmt.Errorf("%s: severity of %s must be error, warning or info, not %q", file, id, s)
		}
	}
	for _, ig := range cfg.Ignore {
		if _, err := path.Match(ig.Path, ""); err != nil {
			return cfg, file, fmt.Errorf("%s: ignore path %q: %v", file, ig.Path, err)
		}
	}
	return cfg, file, nil
}

// Result is one lint run.
type Result struct {
	Findings []finding.Finding
	Files    []string    // files linted, relative to the root
	Errors   []FileError // files that could not be linted
	Ignored  int         // findings dropped by ignore comments or config
	// Notes are what a checker could not evaluate, one line each (e.g. a
	// GitLab include that is remote, or a local include that does not exist).
	Notes []string
	src   map[string][]string
	root  string
}

// Source returns line n (1-based) of file for snippets, with credentials
// masked (internal/redact).
func (r *Result) Source(file string, n int) (string, bool) {
	line, ok := r.rawLine(file, n)
	if !ok {
		return "", false
	}
	return redact.String(line), true
}

func (r *Result) rawLine(file string, n int) (string, bool) {
	lines, ok := r.src[file]
	if !ok {
		b, err := os.ReadFile(filepath.Join(r.root, filepath.FromSlash(file)))
		if err != nil || len(b) > 8<<20 {
			r.src[file] = nil
			return "", false
		}
		lines = strings.Split(strings.ReplaceAll(string(b), "\r\n", "\n"), "\n")
		r.src[file] = lines
	}
	if n < 1 || n > len(lines) {
		return "", false
	}
	return lines[n-1], true
}

// ErrNoFiles is returned when a target holds no CI configuration.
var ErrNoFiles = errors.New("no CI configuration found")

// Run lints targets under root. A target is a directory (each checker
// discovers its files under it: .github/workflows/*.y*ml, .gitlab-ci.yml)
// or a file (given to every checker that Owns it). Targets are paths
// relative to root or absolute; findings' File is relative to root.
func Run(root string, targets []string, cfg Config) (*Result, error) {
	res := &Result{src: map[string][]string{}, root: root}
	if len(targets) == 0 {
		targets = []string{"."}
	}
	byChecker := map[Checker][]string{}
	seen := map[string]bool{}
	add := func(c Checker, rel string) {
		if !seen[c.Platform()+"\x00"+rel] {
			seen[c.Platform()+"\x00"+rel] = true
			byChecker[c] = append(byChecker[c], rel)
		}
	}
	for _, t := range targets {
		abs := t
		if !filepath.IsAbs(abs) {
			abs = filepath.Join(root, t)
		}
		fi, err := os.Stat(abs)
		if err != nil {
			return nil, err
		}
		rel, err := filepath.Rel(root, abs)
		if err != nil || strings.HasPrefix(rel, "..") {
			return nil, fmt.Errorf("%s is outside the root %s", t, root)
		}
		rel = filepath.ToSlash(rel)
		if fi.IsDir() {
			for _, c := range Checkers() {
				files, err := c.Discover(abs)
				if err != nil {
					return nil, err
				}
				for _, f := range files {
					add(c, path.Join(rel, f))
				}
			}
			continue
		}
		content, err := readHead(abs)
		if err != nil {
			return nil, err
		}
		owned := false
		for _, c := range Checkers() {
			if c.Owns(rel, content) {
				add(c, rel)
				owned = true
			}
		}
		if !owned {
			res.Errors = append(res.Errors, FileError{File: rel, Err: errors.New("not a GitHub Actions workflow or GitLab CI file")})
		}
	}
	for _, c := range Checkers() {
		files := byChecker[c]
		if len(files) == 0 {
			continue
		}
		if f, ok := c.(Forker); ok {
			c = f.Fork() // per-run state (config, notes) stays in this run
		}
		if cc, ok := c.(Configurable); ok {
			cc.Configure(cfg)
		}
		res.Files = append(res.Files, files...)
		fs, err := c.Check(root, files)
		var fes FileErrors
		switch {
		case errors.As(err, &fes):
			res.Errors = append(res.Errors, fes...)
		case err != nil:
			return nil, err
		}
		res.Findings = append(res.Findings, fs...)
		if sl, ok := c.(SourceLiner); ok {
			for f, lines := range sl.SourceLines() {
				res.src[f] = lines
			}
		}
		if n, ok := c.(interface{ Notes() []string }); ok {
			res.Notes = append(res.Notes, n.Notes()...)
		}
	}
	if len(res.Files) == 0 && len(res.Errors) == 0 {
		return res, ErrNoFiles
	}
	res.Findings = res.filter(cfg)
	finding.Sort(res.Findings)
	sort.Strings(res.Files)
	return res, nil
}

// readHead reads a file up to 1 MiB for Owns.
func readHead(p string) ([]byte, error) {
	f, err := os.Open(p)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	b := make([]byte, 1<<20)
	n, err := f.Read(b)
	if n == 0 && err != nil && err.Error() != "EOF" {
		return nil, err
	}
	return b[:n], nil
}

// ignoreRE matches an inline ignore comment: `# regdoctor:ignore GHA001[,GHA010] reason`.
var ignoreRE = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`#\s*regdoctor:ignore\s+([A-Za-z0-9*]+(?:\s*,\s*[A-Za-z0-9*]+)*)`)
})

// ignoredAt reports whether rule is ignored by a comment on line n of file
// or on the line above it.
func (r *Result) ignoredAt(file string, n int, rule string) bool {
	for _, ln := range []int{n, n - 1} {
		text, ok := r.rawLine(file, ln)
		if !ok {
			continue
		}
		if ln == n-1 && !strings.HasPrefix(strings.TrimSpace(text), "#") {
			continue
		}
		if !strings.Contains(text, "regdoctor:ignore") {
			continue // the pattern's literal: skip compiling and running it
		}
		m := ignoreRE().FindStringSubmatch(text)
		if m == nil {
			continue
		}
		for _, id := range strings.Split(m[1], ",") {
			if id = strings.TrimSpace(id); id == rule || id == "*" {
				return true
			}
		}
	}
	return false
}

func (r *Result) filter(cfg Config) []finding.Finding {
	disabled := map[string]bool{}
	for _, id := range cfg.Disable {
		disabled[id] = true
	}
	var out []finding.Finding
	dedup := map[string]bool{}
	for _, f := range r.Findings {
		key := fmt.Sprintf("%s\x00%s\x00%d\x00%d\x00%s", f.Rule, f.File, f.Line, f.Column, f.Message)
		if dedup[key] {
			continue
		}
		dedup[key] = true
		if disabled[f.Rule] || r.ignoredAt(f.File, f.Line, f.Rule) || ignoredByPath(cfg, f) {
			r.Ignored++
			continue
		}
		if s, ok := cfg.Severity[f.Rule]; ok {
			f.Severity = finding.Severity(s)
		}
		out = append(out, f)
	}
	return out
}

func ignoredByPath(cfg Config, f finding.Finding) bool {
	for _, ig := range cfg.Ignore {
		if ig.Rule != "*" && ig.Rule != f.Rule {
			continue
		}
		if ok, _ := path.Match(ig.Path, f.File); ok {
			return true
		}
	}
	return false
}

// DocPath is the repository-relative path of a rule's doc page.
func DocPath(id string) string { return "docs/rules/" + id + ".md" }

// Doc renders a rule's doc page (Markdown) from its Meta.
func Doc(m Meta) string {
	var b bytes.Buffer
	w := bufio.NewWriter(&b)
	fmt.Fprintf(w, "# %s %s\n\n", m.ID, m.Name)
	fmt.Fprintf(w, "<!-- generated from the rule's metadata (`go test ./internal/lint/... -update`); do not edit -->\n\n")
	fmt.Fprintf(w, "| | |\n|---|---|\n| Platform | %s |\n| Severity | %s |\n| Cause | [`%s`](../causes/%s.md) |\n\n", m.Platform, m.Severity, m.Cause, m.Cause)
	fmt.Fprintf(w, "%s\n\n", m.Summary)
	if d := strings.TrimSpace(m.Description); d != "" {
		fmt.Fprintf(w, "%s\n\n", d)
	}
	if m.Broken != "" {
		fmt.Fprintf(w, "## Flagged\n\n```yaml\n%s\n```\n\n", strings.TrimRight(m.Broken, "\n"))
	}
	if m.Fixed != "" {
		fmt.Fprintf(w, "## Not flagged (fixed)\n\n```yaml\n%s\n```\n\n", strings.TrimRight(m.Fixed, "\n"))
	}
	fmt.Fprintf(w, "## Ignoring\n\nAdd `# regdoctor:ignore %s <reason>` on the reported line or the line above it, or list the rule under `lint.disable` in `.regdoctor.yaml`.\n", m.ID)
	_ = w.Flush()
	return b.String()
}

// Job is one repository root to lint: Root and Targets as Run takes them,
// and the root's Config.
type Job struct {
	Root    string
	Targets []string
	Config  Config
}

// RunAll runs each job (Run), at most workers at a time (GOMAXPROCS when
// workers < 1), and returns each job's result and error at the job's index:
// the output does not depend on the schedule. Each file keeps the limits
// Run applies to it (size, depth, aliases), so memory stays bounded by
// workers times one root's.
func RunAll(jobs []Job, workers int) ([]*Result, []error) {
	if workers < 1 {
		workers = runtime.GOMAXPROCS(0)
	}
	workers = min(workers, len(jobs))
	results := make([]*Result, len(jobs))
	errs := make([]error, len(jobs))
	if workers <= 1 {
		for i, j := range jobs {
			results[i], errs[i] = Run(j.Root, j.Targets, j.Config)
		}
		return results, errs
	}
	next := make(chan int)
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for i := range next {
				results[i], errs[i] = Run(jobs[i].Root, jobs[i].Targets, jobs[i].Config)
			}
		})
	}
	for i := range jobs {
		next <- i
	}
	close(next)
	wg.Wait()
	return results, errs
}
