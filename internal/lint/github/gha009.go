package github

import (
	"fmt"
	"regexp"
	"sort"
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
Tags (after ` + "`:`" + `) may contain uppercase. A workflow or job env value shaped like an image name
(` + "`IMAGE_NAME: ghcr.io/${{ github.repository }}`" + `) is reported at its definition when a pushing job reads it in a
script or an image input (a tag list computed in a script is not traced), unless the job rewrites it through
` + "`$GITHUB_ENV`" + `.

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
	checkEnvImageNames(c, w, reported)
}

// checkEnvImageNames reports a workflow or job env value that names an image
// (`host/...`) from an uppercase-prone source, in a job that pushes and uses
// the variable, when no push reference traced it (the tag list was computed
// in a script, for example `echo "${IMAGE_NAME}:sha-..." >> $GITHUB_OUTPUT`).
// A job that rewrites the variable through $GITHUB_ENV, or lowercases it in
// the value, is left alone.
func checkEnvImageNames(c *lintCtx, w *wf.Workflow, reported map[loc]bool) {
	for _, m := range c.jobs(w) {
		if len(m.pushes) == 0 && len(m.opaquePush) == 0 {
			continue
		}
		for i, env := range []map[string]wf.Value{m.job.Env, m.wf.Env} {
			names := make([]string, 0, len(env))
			for n := range env {
				names = append(names, n)
			}
			sort.Strings(names)
			for _, name := range names {
				val := env[name]
				if _, inJob := m.job.Env[name]; inJob && i == 1 {
					continue // the job's own value shadows the workflow's
				}
				v := val.Str
				src := upperSource(repoPart(v))
				if src == "" || lowered(v) || !imageNameValue(v) || m.githubEnvWrites[name] || !usesEnvVar(m, name) {
					continue
				}
				at := loc{w.File, val.Pos}
				if reported[lineOf(at)] {
					continue
				}
				sev := finding.Warning
				ownerNote := "it keeps the owner's spelling, so any owner or fork with an uppercase letter breaks the push"
				if c.owner != "" {
					if strings.ToLower(c.owner) == c.owner {
						continue
					}
					sev = finding.Error
					ownerNote = fmt.Sprintf("the owner %q has uppercase letters", c.owner)
				}
				reported[lineOf(at)] = true
				c.report("GHA009", at, sev, hostOf(v),
					fmt.Sprintf("env %s = %s names an image with %s in the repository path, and job %q uses it: %s (repository name must be lowercase)", name, v, srcName(src), m.job.ID, ownerNote),
					"Lowercase the name before it is used: in a step, `echo \"IMAGE_NAME=${IMAGE_NAME,,}\" >> \"$GITHUB_ENV\"`, or build the tags with docker/metadata-action (it lowercases).")
			}
		}
	}
}

// imageNameValue reports a value shaped like an image name with a registry
// host: a first path component with a dot or a port, then a repository path.
func imageNameValue(v string) bool {
	i := strings.IndexByte(v, '/')
	if i <= 0 || i == len(v)-1 {
		return false
	}
	host := v[:i]
	return !strings.ContainsAny(host, "$ {}") && (strings.Contains(host, ".") || strings.Contains(host, ":") || host == "localhost")
}

// hostOf is the registry host of an image name value.
func hostOf(v string) string {
	if i := strings.IndexByte(v, '/'); i > 0 {
		return strings.ToLower(v[:i])
	}
	return ""
}

// imageInputs are action inputs that take an image reference as given
// (docker/build-push-action tags, actions/attest subject-name, scanners'
// image-ref): docker/metadata-action `images:` is not one, it lowercases.
var imageInputs = map[string]bool{"tags": true, "subject-name": true, "image": true, "image-ref": true, "image-name": true, "destination": true}

// usesEnvVar reports a step of the job that reads the variable as an image
// name: $NAME or ${NAME} in a run: script, or env.NAME in an image input.
func usesEnvVar(m *jobModel, name string) bool {
	expr := "env." + name
	for _, s := range m.steps {
		if s.Run.Set && hasShellVar(s.Run.Str, name) {
			return true
		}
		if a := s.Action(); a == "docker/metadata-action" || a == "crazy-max/ghaction-docker-meta" {
			continue
		}
		for k, v := range s.With {
			if imageInputs[k] && hasWord(v.Str, expr) {
				return true
			}
		}
	}
	return false
}

// hasShellVar reports $NAME (not $NAMEX) or ${NAME...} in a script.
func hasShellVar(script, name string) bool {
	if strings.Contains(script, "${"+name+"}") || strings.Contains(script, "${"+name+":") || strings.Contains(script, "${"+name+",,") {
		return true
	}
	return hasWord(script, "$"+name)
}

// hasWord reports s containing w not followed by a word character
// ($NAME but not $NAMEX, env.NAME but not env.NAME_X).
func hasWord(s, w string) bool {
	for i := 0; ; {
		j := strings.Index(s[i:], w)
		if j < 0 {
			return false
		}
		end := i + j + len(w)
		if end >= len(s) || !isWordChar(s[end]) {
			return true
		}
		i = end
	}
}

func isWordChar(b byte) bool {
	return b == '_' || b >= '0' && b <= '9' || b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z'
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
