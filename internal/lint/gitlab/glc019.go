package gitlab

import (
	"fmt"
	"strings"

	"github.com/regdoctor/regdoctor/internal/finding"
	"github.com/regdoctor/regdoctor/internal/lint"
	gl "github.com/regdoctor/regdoctor/internal/workflow/gitlab"
)

func init() {
	register(lint.Meta{
		ID: "GLC019", Name: "tag-variable-empty-in-pipeline", Cause: "empty-reference-variable", Severity: finding.Warning,
		Summary: "An image tag is only `$CI_COMMIT_TAG`, `$CI_COMMIT_BRANCH` or a merge-request variable, in a job that also runs where it is empty.",
		Description: "`CI_COMMIT_TAG` exists only in tag pipelines, `CI_COMMIT_BRANCH` only in branch pipelines (not tag or " +
			"merge-request pipelines), `CI_MERGE_REQUEST_*` only in merge-request pipelines " +
			"(https://docs.gitlab.com/ci/variables/predefined_variables/). A reference like `$CI_REGISTRY_IMAGE:$CI_COMMIT_TAG` " +
			"becomes `registry.example.com/group/app:` in the other pipelines and the build or push fails with " +
			"`invalid reference format`. Error when the job's `only:` makes the variable certainly empty (for example " +
			"`only: [main]` with `$CI_COMMIT_TAG`) or the job has no `rules`/`only` at all and uses a tag or merge-request " +
			"variable; warning otherwise.\n\n" +
			"Fix: run the job only where the variable exists (`rules: - if: $CI_COMMIT_TAG`), or use a variable that always " +
			"exists (`$CI_COMMIT_REF_SLUG`, `$CI_COMMIT_SHORT_SHA`) or a default (`${CI_COMMIT_TAG:-latest}`).",
		Broken: `release:
  image: docker:27
  services: [docker:27-dind]
  variables:
    DOCKER_TLS_CERTDIR: "/certs"
  script:
    - echo "$CI_REGISTRY_PASSWORD" | docker login "$CI_REGISTRY" -u "$CI_REGISTRY_USER" --password-stdin
    - docker build -t "$CI_REGISTRY_IMAGE:$CI_COMMIT_TAG" .
    - docker push "$CI_REGISTRY_IMAGE:$CI_COMMIT_TAG"
`,
		Fixed: `release:
  image: docker:27
  services: [docker:27-dind]
  variables:
    DOCKER_TLS_CERTDIR: "/certs"
  rules:
    - if: $CI_COMMIT_TAG
  script:
    - echo "$CI_REGISTRY_PASSWORD" | docker login "$CI_REGISTRY" -u "$CI_REGISTRY_USER" --password-stdin
    - docker build -t "$CI_REGISTRY_IMAGE:$CI_COMMIT_TAG" .
    - docker push "$CI_REGISTRY_IMAGE:$CI_COMMIT_TAG"
`,
	}, checkGLC019)
}

// pipelineOnlyVar tells in which pipelines a variable exists.
func pipelineOnlyVar(name string) (where string, ok bool) {
	switch {
	case name == "CI_COMMIT_TAG" || name == "CI_COMMIT_TAG_MESSAGE":
		return "tag", true
	case name == "CI_COMMIT_BRANCH":
		return "branch", true
	case strings.HasPrefix(name, "CI_MERGE_REQUEST_"):
		return "merge-request", true
	case strings.HasPrefix(name, "CI_EXTERNAL_PULL_REQUEST_"):
		return "external-pull-request", true
	}
	return "", false
}

func checkGLC019(c *pctx) {
	seen := map[string]bool{}
	for _, jc := range c.jobs {
		for _, ir := range jc.imageRefs() {
			cm, r := ir.cmd, ir.word
			{
				ref := normVars(r.Value)
				_, tag := splitNameTag(ref)
				if tag == "" {
					continue
				}
				vars := varsOf(tag)
				if len(vars) == 0 || literalPart(tag) != "" {
					continue
				}
				where, name := "", ""
				for _, v := range vars {
					w, ok := pipelineOnlyVar(v)
					if !ok || jc.definedInYAML(v) || jc.assignedInScript(v) {
						where = ""
						break
					}
					where, name = w, v
				}
				if where == "" {
					continue
				}
				sev, runs := jc.emptyIn(where, name)
				if !runs {
					continue
				}
				pos := jc.defPos(cm, r)
				key := jc.job.Name + "|" + ref
				if seen[key] {
					continue
				}
				seen[key] = true
				c.reportSev("GLC019", sev, pos, jc, "", fmt.Sprintf(
					"the tag of `%s` is only `$%s`, which exists only in %s pipelines; where the job runs otherwise the reference ends in `:` (`invalid reference format`); restrict the job to %s pipelines or use `$CI_COMMIT_REF_SLUG` / a default value.",
					r.Value, name, where, where))
			}
		}
	}
}

// emptyIn reports whether the job can run in a pipeline where a variable of
// kind where is empty, and how sure that is (error when certain).
func (jc *jobCtx) emptyIn(where, name string) (finding.Severity, bool) {
	j := jc.job
	if conditionsUnseen(jc) {
		return "", false
	}
	if j.Rules != nil {
		txt := valueText(j.Rules)
		switch {
		case strings.Contains(txt, name):
			return "", false
		case where == "tag" && strings.Contains(txt, "CI_COMMIT_TAG"),
			where == "branch" && strings.Contains(txt, "CI_COMMIT_BRANCH"),
			where == "merge-request" && strings.Contains(txt, "merge_request_event"):
			return "", false
		}
		return finding.Warning, true
	}
	if onlyVarsRequire(j.Only, name) {
		return "", false
	}
	refs := onlyRefs(j.Only)
	except := onlyRefs(j.Except)
	if where == "tag" && (has(except, "branches") || len(refs) > 0 && allTagRefs(refs)) {
		return "", false
	}
	if where == "branch" && (has(except, "tags") || len(refs) > 0 && !has(refs, "tags") && !has(refs, "merge_requests")) {
		return "", false
	}
	if where == "merge-request" && has(refs, "merge_requests") {
		return "", false
	}
	if j.Only == nil && j.Except == nil {
		if where == "branch" {
			return finding.Warning, true // tag pipelines only
		}
		return finding.Error, true
	}
	if where == "tag" && len(refs) > 0 && !has(refs, "tags") && !anyPattern(refs) {
		return finding.Error, true // only: [main, ...]
	}
	return finding.Warning, true
}

func onlyRefs(v *gl.Value) []string {
	if v != nil && v.Kind == gl.Map {
		return v.Get("refs").Strings()
	}
	return v.Strings()
}

func has(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

func allTagRefs(refs []string) bool {
	for _, r := range refs {
		if r != "tags" {
			return false
		}
	}
	return true
}

func anyPattern(refs []string) bool {
	for _, r := range refs {
		if strings.HasPrefix(r, "/") {
			return true
		}
	}
	return false
}

// onlyVarsRequire reports whether `only: variables:` creates the job only
// when name is set: every expression of the list (GitLab adds the job when
// any is true) tests name itself (`$NAME`, `$NAME =~ /re/`, `$NAME == "x"`),
// none compares it to null or empty or negates it.
// Source: https://docs.gitlab.com/ci/yaml/#onlyvariables--exceptvariables.
func onlyVarsRequire(only *gl.Value, name string) bool {
	if only == nil || only.Kind != gl.Map {
		return false
	}
	exprs := only.Get("variables").Strings()
	if len(exprs) == 0 {
		return false
	}
	for _, e := range exprs {
		e = strings.TrimSpace(e)
		rest, ok := strings.CutPrefix(e, "$"+name)
		if !ok {
			rest, ok = strings.CutPrefix(e, "${"+name+"}")
		}
		if !ok || rest != "" && (rest[0] == '_' || rest[0] >= 'A' && rest[0] <= 'Z' || rest[0] >= '0' && rest[0] <= '9') {
			return false
		}
		if strings.Contains(rest, "null") || strings.Contains(rest, `""`) || strings.Contains(rest, "''") || strings.Contains(rest, "!") || strings.Contains(rest, "||") {
			return false
		}
	}
	return true
}

// conditionsUnseen reports a job without rules, only or except of its own
// that extends (or !references) something the model did not find: the
// missing template, from an include not read, may hold the rules that
// decide where the job runs (extends merges rules from its parents,
// https://docs.gitlab.com/ci/yaml/#extends).
func conditionsUnseen(jc *jobCtx) bool {
	j := jc.job
	return j.Incomplete && j.Rules == nil && j.Only == nil && j.Except == nil
}
