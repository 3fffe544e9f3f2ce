package gitlab

import (
	"fmt"
	"strings"

	"github.com/regdoctor/regdoctor/internal/finding"
	"github.com/regdoctor/regdoctor/internal/lint"
	"github.com/regdoctor/regdoctor/internal/shellcmd"
	gl "github.com/regdoctor/regdoctor/internal/workflow/gitlab"
)

func init() {
	register(lint.Meta{
		ID: "GLC015", Name: "invalid-gitlab-image-path", Cause: "invalid-reference", Severity: finding.Warning,
		Summary: "An image reference uses a ref name in its tag, a project name in its path, or nests too deep under the project.",
		Description: "`$CI_COMMIT_REF_NAME` and `$CI_COMMIT_BRANCH` keep `/` and uppercase (`feature/x`), which are invalid in a " +
			"tag: `invalid reference format`. `$CI_PROJECT_NAME`, `$CI_PROJECT_PATH`, `$CI_PROJECT_NAMESPACE` and " +
			"`$CI_PROJECT_TITLE` may contain uppercase letters, invalid in a repository path " +
			"(`repository name must be lowercase`); GitLab lowercases only `$CI_REGISTRY_IMAGE`. The GitLab registry " +
			"accepts at most two path levels below the project (`$CI_REGISTRY_IMAGE/a/b:tag`); deeper paths are denied " +
			"(`insufficient_scope`) (https://docs.gitlab.com/user/packages/container_registry/). " +
			"`$CI_REGISTRY_IMAGE` is already `<host>[:<port>]/<project path>`, so a push to `$CI_REGISTRY/$CI_REGISTRY_IMAGE` " +
			"names a project that does not exist (https://docs.gitlab.com/ci/variables/predefined_variables/). " +
			"Warning for ref and project names (valid for some branches and projects), error for a path too deep or the host twice.\n\n" +
			"Fix: tag with `$CI_COMMIT_REF_SLUG` or `$CI_COMMIT_SHORT_SHA`, build paths from `$CI_REGISTRY_IMAGE` (alone, without `$CI_REGISTRY/`), keep at most two extra levels.",
		Broken: `variables:
  IMAGE: "$CI_REGISTRY_IMAGE:$CI_COMMIT_REF_NAME"
build:
  image: docker:27
  services: [docker:27-dind]
  variables:
    DOCKER_TLS_CERTDIR: "/certs"
  script:
    - echo "$CI_REGISTRY_PASSWORD" | docker login "$CI_REGISTRY" -u "$CI_REGISTRY_USER" --password-stdin
    - docker build -t "$IMAGE" .
    - docker push "$IMAGE"
`,
		Fixed: `variables:
  IMAGE: "$CI_REGISTRY_IMAGE:$CI_COMMIT_REF_SLUG"
build:
  image: docker:27
  services: [docker:27-dind]
  variables:
    DOCKER_TLS_CERTDIR: "/certs"
  script:
    - echo "$CI_REGISTRY_PASSWORD" | docker login "$CI_REGISTRY" -u "$CI_REGISTRY_USER" --password-stdin
    - docker build -t "$IMAGE" .
    - docker push "$IMAGE"
`,
	}, checkGLC015)
}

var unsafeTagVars = []string{"CI_COMMIT_REF_NAME", "CI_COMMIT_BRANCH", "CI_BUILD_REF_NAME", "CI_MERGE_REQUEST_SOURCE_BRANCH_NAME"}
var unsafePathVars = []string{"CI_PROJECT_NAME", "CI_PROJECT_PATH", "CI_PROJECT_NAMESPACE", "CI_PROJECT_TITLE", "CI_PROJECT_ROOT_NAMESPACE"}

func checkGLC015(c *pctx) {
	seen := map[string]bool{}
	for _, jc := range c.jobs {
		safeRefs := onlySafeRefNames(jc)
		// one finding per job and variable for the ref-name and project-name
		// warnings: `docker build -t`, `docker tag` and `docker push` of the
		// same name say the same thing
		perVar := map[string]bool{}
		for _, ir := range jc.imageRefs() {
			cm, r := ir.cmd, ir.word
			{
				ref := normVars(r.Value)
				name, tag := splitNameTag(ref)
				pos := jc.defPos(cm, r)
				key := fmt.Sprintf("%v|%s", pos, ref)
				if seen[key] {
					continue
				}
				for _, v := range unsafeTagVars {
					if containsVar(tag, v) && !safeRefs {
						seen[key] = true
						if perVar["tag|"+v] {
							break
						}
						perVar["tag|"+v] = true
						c.report("GLC015", pos, jc, "", fmt.Sprintf(
							"the tag of `%s` comes from `$%s`, which keeps `/` and uppercase (e.g. `feature/x`): `invalid reference format` on such refs; use `$CI_COMMIT_REF_SLUG`.", r.Value, v))
						break
					}
				}
				for _, v := range unsafePathVars {
					if containsVar(name, v) && !strings.HasPrefix(name, "$CI_REGISTRY_IMAGE") {
						seen[key] = true
						if perVar["path|"+v] {
							break
						}
						perVar["path|"+v] = true
						c.report("GLC015", pos, jc, "", fmt.Sprintf(
							"the repository path of `%s` uses `$%s`, which may contain uppercase letters (`repository name must be lowercase`); build it from `$CI_REGISTRY_IMAGE`, which GitLab lowercases.", r.Value, v))
						break
					}
				}
				if lit := literalPart(repoPath(name)); lit != strings.ToLower(lit) && !seen[key] {
					seen[key] = true
					c.reportSev("GLC015", finding.Error, pos, jc, "", fmt.Sprintf(
						"the repository path of `%s` has uppercase letters: `invalid reference format: repository name must be lowercase`; use lowercase (GitLab lowercases only `$CI_REGISTRY_IMAGE`).", r.Value))
				}
				if ir.push && strings.HasPrefix(name, "$CI_REGISTRY/$CI_REGISTRY_IMAGE") && !seen[key] && !jc.definedInYAML("CI_REGISTRY_IMAGE") {
					// CI_REGISTRY_IMAGE is already host/group/project
					// (https://docs.gitlab.com/ci/variables/predefined_variables/)
					seen[key] = true
					c.reportSev("GLC015", finding.Error, pos, jc, "", fmt.Sprintf(
						"`%s` puts the registry host twice: `$CI_REGISTRY_IMAGE` already starts with `$CI_REGISTRY`, so the path names a project `<host>/group/project` that does not exist and the push is denied (or, with a port in the host, `invalid reference format`); use `$CI_REGISTRY_IMAGE` alone.", r.Value))
				}
				if strings.HasPrefix(name, "$CI_REGISTRY_IMAGE/") && ir.push {
					// levels are counted outside expansions: a $(...) or
					// ${...} may hold '/' of its own
					extra := strings.Split(maskExpansions(strings.TrimPrefix(name, "$CI_REGISTRY_IMAGE/")), "/")
					if len(extra) > 2 {
						seen[key] = true
						c.reportSev("GLC015", finding.Error, pos, jc, "", fmt.Sprintf(
							"`%s` nests %d levels below the project path; the GitLab registry allows at most two (`$CI_REGISTRY_IMAGE/a/b`) and denies the push (`insufficient_scope`).", r.Value, len(extra)))
					}
				}
			}
		}
	}
}

func containsVar(s, name string) bool {
	for _, v := range varsOf(s) {
		if v == name {
			return true
		}
	}
	return false
}

// defPos is where the value of a reference word is written: the YAML
// variable definition when the word is a single YAML variable, else the word.
func (jc *jobCtx) defPos(cm cmd, w shellcmd.Word) gl.Pos {
	for _, v := range w.Vars {
		if def, ok := jc.job.Variables[v]; ok && strings.Contains(def.Value, "$") {
			return def.Pos
		}
	}
	return jc.wordPos(cm, w)
}

// onlySafeRefNames reports a job restricted by `only:` to tags and literal
// branch names without `/` (`master`, `main`, `tags`), where the ref name is
// a valid tag.
func onlySafeRefNames(jc *jobCtx) bool {
	refs := jc.job.Only.Strings()
	if jc.job.Only != nil && jc.job.Only.Kind == gl.Map {
		refs = jc.job.Only.Get("refs").Strings()
	}
	if len(refs) == 0 {
		return false
	}
	for _, r := range refs {
		if i := strings.IndexByte(r, '@'); i >= 0 {
			r = r[:i]
		}
		switch r {
		case "branches", "merge_requests", "pushes", "web", "api", "schedules", "triggers", "pipelines", "external", "chat", "external_pull_requests":
			return false
		case "tags":
			continue
		}
		if strings.ContainsAny(r, "/*^$") || r != strings.ToLower(r) {
			return false
		}
	}
	return true
}

// expansionSpans returns the [start, end) byte ranges of the shell
// expansions in s: $NAME, ${...}, $(...), $((...)) and `...`. A command
// substitution may nest parentheses and quote them ("s/(x)/\\1/"), so its
// end is the ')' that balances its '(' outside quotes, not the first ')'
// (POSIX 2.6.3, https://pubs.opengroup.org/onlinepubs/9799919799/utilities/V3_chap02.html).
// An unclosed expansion runs to the end of s.
func expansionSpans(s string) [][2]int {
	var out [][2]int
	for i := 0; i < len(s); i++ {
		switch {
		case s[i] == '`':
			j := strings.IndexByte(s[i+1:], '`')
			end := len(s)
			if j >= 0 {
				end = i + 1 + j + 1
			}
			out = append(out, [2]int{i, end})
			i = end - 1
		case s[i] == '$' && i+1 < len(s) && (s[i+1] == '(' || s[i+1] == '{'):
			end := closeGroup(s, i+1)
			out = append(out, [2]int{i, end})
			i = end - 1
		case s[i] == '$' && i+1 < len(s) && (s[i+1] == '_' || isASCIILetter(s[i+1])):
			j := i + 2
			for j < len(s) && (s[j] == '_' || isASCIILetter(s[j]) || s[j] >= '0' && s[j] <= '9') {
				j++
			}
			out = append(out, [2]int{i, j})
			i = j - 1
		}
	}
	return out
}

// closeGroup returns the index just past the bracket that closes the one at
// s[open] ('(' or '{'), counting nested brackets of that kind outside
// single and double quotes; len(s) when it is not closed.
func closeGroup(s string, open int) int {
	o := s[open]
	c := byte(')')
	if o == '{' {
		c = '}'
	}
	depth := 0
	var quote byte
	for k := open; k < len(s); k++ {
		ch := s[k]
		switch {
		case quote != 0:
			if ch == '\\' && quote == '"' {
				k++
			} else if ch == quote {
				quote = 0
			}
		case ch == '\\':
			k++
		case ch == '\'' || ch == '"':
			quote = ch
		case ch == o:
			depth++
		case ch == c:
			depth--
			if depth == 0 {
				return k + 1
			}
		}
	}
	return len(s)
}

func isASCIILetter(b byte) bool { return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' }

// literalPart is a reference's name with every expansion removed.
func literalPart(name string) string {
	var b strings.Builder
	last := 0
	for _, sp := range expansionSpans(name) {
		b.WriteString(name[last:sp[0]])
		last = sp[1]
	}
	b.WriteString(name[last:])
	return b.String()
}

// maskExpansions replaces every byte inside an expansion by '_' (same
// length), so that the '/' and ':' of a command substitution or of a
// ${VAR:-default} are not taken for path or tag separators.
func maskExpansions(ref string) string {
	masked := []byte(ref)
	for _, sp := range expansionSpans(ref) {
		for i := sp[0] + 1; i < sp[1]; i++ {
			masked[i] = '_'
		}
	}
	return string(masked)
}

// repoPath drops a leading registry host (docker's rule: a first component
// with '.' or ':' or "localhost"); hosts may be uppercase, paths may not.
func repoPath(name string) string {
	first, rest, ok := strings.Cut(name, "/")
	if ok && (strings.ContainsAny(first, ".:") || first == "localhost") {
		return rest
	}
	return name
}

// splitNameTag splits a reference at its tag ':' (not one inside ${...} or
// $(...), and not a registry port).
func splitNameTag(ref string) (name, tag string) {
	m := maskExpansions(ref)
	if i := strings.LastIndexByte(m, ':'); i >= 0 && i > strings.LastIndexByte(m, '/') {
		return ref[:i], ref[i+1:]
	}
	return ref, ""
}
