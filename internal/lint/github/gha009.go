package github

import (
	"fmt"
	"regexp"
	"strings"
	"sync"

	"github.com/regdoctor/regdoctor/internal/finding"
	"github.com/regdoctor/regdoctor/internal/lint"
	wf "github.com/regdoctor/regdoctor/internal/workflow/github"
)

func init() {
	register(lint.Meta{
		ID: "GHA009", Name: "uppercase-image-reference", Cause: "invalid-reference", Severity: finding.Error,
		Summary: "An image repository path is built from github.repository / repository_owner / actor (or a literal) that can contain uppercase letters.",
		Description: `Repository path components of an image reference must be lowercase; a reference like
` + "`ghcr.io/Acme/App:1`" + ` fails before any request with ` + "`invalid reference format: repository name must be lowercase`" + `.
` + "`github.repository`" + `, ` + "`github.repository_owner`" + `, ` + "`github.actor`" + ` and ` + "`github.event.repository.name`" + ` (and
` + "`$GITHUB_REPOSITORY`" + `, ` + "`$GITHUB_REPOSITORY_OWNER`" + `, ` + "`$GITHUB_ACTOR`" + ` in scripts) keep the owner's spelling, and forks
inherit the workflow. docker/build-push-action passes tags through unchanged; docker/metadata-action and
redhat-actions/push-to-registry lowercase names. A literal uppercase path is an error; a value that is
uppercase only for some owners is a warning (an error when the owner is known to contain uppercase).
Tags (after ` + "`:`" + `) may contain uppercase.

Sources: distribution/reference (ErrNameContainsUppercase); docker/build-push-action TROUBLESHOOTING.md;
docker/metadata-action README.`,
		Broken: `on: push
permissions:
  packages: write
jobs:
  image:
    runs-on: ubuntu-latest
    steps:
      - uses: docker/login-action@v3
        with:
          registry: ghcr.io
          username: ${{ github.actor }}
          password: ${{ secrets.GITHUB_TOKEN }}
      - uses: docker/build-push-action@v6
        with:
          push: true
          tags: ghcr.io/${{ github.repository }}:latest
`,
		Fixed: `on: push
permissions:
  packages: write
jobs:
  image:
    runs-on: ubuntu-latest
    steps:
      - uses: docker/login-action@v3
        with:
          registry: ghcr.io
          username: ${{ github.actor }}
          password: ${{ secrets.GITHUB_TOKEN }}
      - id: meta
        uses: docker/metadata-action@v5
        with:
          images: ghcr.io/${{ github.repository }}
      - uses: docker/build-push-action@v6
        with:
          push: true
          tags: ${{ steps.meta.outputs.tags }}
`,
	}, checkGHA009)
}

// reUpperSource matches values that keep the owner's/actor's spelling.
var reUpperSource = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`github\.(repository_owner|repository|actor|triggering_actor|event\.repository\.name|event\.repository\.full_name)\b|\$\{?(GITHUB_REPOSITORY_OWNER|GITHUB_REPOSITORY|GITHUB_ACTOR)\b`)
})

// upperSource is reUpperSource().FindString(s), without compiling or
// running the pattern on text that lacks both literals it needs.
func upperSource(s string) string {
	if !strings.Contains(s, "github.") && !strings.Contains(s, "GITHUB_") {
		return ""
	}
	return reUpperSource().FindString(s)
}

// srcName is an upperSource match as written for a message: the pattern
// stops before the closing brace of ${NAME}, so name the variable alone.
func srcName(src string) string {
	if n, ok := strings.CutPrefix(src, "${"); ok {
		return "$" + n
	}
	return src
}

var (
	reExpansion  = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`\$\{\{.*?\}\}|\$\{[^}]*\}|\$[A-Za-z_][A-Za-z0-9_]*`) })
	reAssignLine = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^\s*(export\s+)?[A-Za-z_][A-Za-z0-9_]*=`) })
)

// lowered reports a sanitizer in the text.
func lowered(s string) bool {
	l := strings.ToLower(s)
	return strings.Contains(s, ",,}") || strings.Contains(l, "tolower") || strings.Contains(l, "lower") || strings.Contains(l, "tr '[a-z]") ||
		strings.Contains(l, "tr [a-z]") || strings.Contains(l, "tr \"[a-z]") || strings.Contains(l, "[:upper:]") || strings.Contains(l, "a-z") || strings.Contains(s, "$(")
}

// repoPart strips the tag and digest of a reference.
func repoPart(ref string) string {
	if i := strings.IndexByte(ref, '@'); i >= 0 {
		ref = ref[:i]
	}
	if i := strings.LastIndexByte(ref, ':'); i >= 0 && !strings.Contains(ref[i:], "/") && !strings.Contains(ref[i:], "}}") {
		ref = ref[:i]
	}
	return ref
}

// literalUpper reports uppercase letters in the literal text of a
// repository path (outside ${{ }} and $VAR).
func literalUpper(path string) bool {
	if strings.Contains(path, "$") { // every expansion starts with $
		path = reExpansion().ReplaceAllString(path, "")
	}
	// the host may contain uppercase (it is case-insensitive)
	if i := strings.IndexByte(path, '/'); i >= 0 {
		path = path[i+1:]
	} else {
		return false
	}
	return strings.ToLower(path) != path
}

// upperOffset is the offset of the first uppercase letter of a
// reference's repository path (after the host), outside expansions; -1
// when there is none.
func upperOffset(ref string) int {
	i := strings.IndexByte(ref, '/')
	if i < 0 {
		return -1
	}
	masked := ref
	if strings.Contains(ref, "$") { // every expansion starts with $
		masked = reExpansion().ReplaceAllStringFunc(ref, func(x string) string { return strings.Repeat("x", len(x)) })
	}
	for j := i + 1; j < len(masked); j++ {
		if masked[j] >= 'A' && masked[j] <= 'Z' {
			return j
		}
	}
	return -1
}

func checkGHA009(c *lintCtx, w *wf.Workflow) {
	// one finding per place in the text: a workflow env that several jobs
	// push from is one fault
	reported := map[loc]bool{}
	for _, m := range c.jobs(w) {
		reportedSrc := map[string]bool{}
		for _, p := range append(append([]*push{}, m.pushes...), m.names...) {
			if p.fromMeta || p.ref == "" {
				continue
			}
			rp := repoPart(p.ref)
			if strings.HasPrefix(rp, "$(") {
				continue
			}
			src := upperSource(rp)
			switch {
			case literalUpper(rp):
				at := p.originAt(upperOffset(rp))
				if reported[lineOf(at)] {
					continue
				}
				reported[lineOf(at)] = true
				c.report("GHA009", at, "", p.host,
					fmt.Sprintf("image reference %s%s has uppercase letters in its repository path: repository name must be lowercase", p.ref, p.pushedNote(at)),
					"Write the repository path in lowercase (tags may keep uppercase).")
			case src != "" && !lowered(rp) && !reportedSrc[src]:
				at := p.at
				if p.origin != nil {
					at = *p.origin
				} else if o := p.originAt(strings.Index(p.ref, src)); o != p.at {
					at = o
				} else if o, ok := scriptOrigin(p.step, src); ok {
					at = o
				} else if o, ok := envOrigin(m, p, src); ok {
					at = o
				}
				if reported[lineOf(at)] {
					continue
				}
				reported[lineOf(at)] = true
				reportedSrc[src] = true // one finding per job and source value
				sev := finding.Warning
				ownerNote := "it keeps the owner's spelling, so any owner or fork with an uppercase letter breaks the push"
				if c.owner != "" {
					if strings.ToLower(c.owner) == c.owner {
						continue
					}
					sev = finding.Error
					ownerNote = fmt.Sprintf("the owner %q has uppercase letters", c.owner)
				}
				c.report("GHA009", at, sev, p.host,
					fmt.Sprintf("image reference %s%s puts %s in the repository path without lowercasing: %s (repository name must be lowercase)", p.ref, p.pushedNote(at), srcName(src), ownerNote),
					"Lowercase the name: use docker/metadata-action `images:` (it lowercases), or in a script `IMAGE=\"${IMAGE,,}\"` / `tr '[:upper:]' '[:lower:]'`.")
			}
		}
	}
}

// lineOf is a location's file and line (one GHA009 finding per line).
func lineOf(l loc) loc {
	l.Col = 0
	return l
}

// scriptOrigin finds, in a run script, the first line that brings the
// uppercase-prone value in (an assignment), when it is not the ref's own line.
func scriptOrigin(s *wf.Step, src string) (loc, bool) {
	if s == nil || !s.Run.Set || s.Anchor() != s {
		return loc{}, false
	}
	for i, line := range strings.Split(s.Run.Str, "\n") {
		if strings.Contains(line, src) && reAssignLine().MatchString(line) {
			col := strings.Index(line, src) + 1
			return loc{s.File, s.ScriptPos(i+1, col)}, true
		}
	}
	return loc{}, false
}

// envOrigin finds the env: definition that brought src into a run: step's
// reference through a shell variable ($IMAGE with env IMAGE: ghcr.io/${{ github.repository }}).
func envOrigin(m *jobModel, p *push, src string) (loc, bool) {
	if p.step == nil {
		return loc{}, false
	}
	for _, v := range p.vars {
		for _, e := range []map[string]wf.Value{p.step.Env, m.job.Env, m.wf.Env} {
			if val, ok := e[v]; ok {
				if strings.Contains(val.Str, src) {
					if l, ok := envDef(m.wf, m.job, p.step, v); ok {
						return l, true
					}
				}
				break
			}
		}
	}
	return loc{}, false
}
