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
		ID: "GLC007", Name: "protected-credential-on-unprotected-pipeline", Cause: "empty-credential", Severity: finding.Info,
		Summary: "A pushing job logs in with project variables but may run on unprotected branches or merge-request pipelines.",
		Description: "Protected CI/CD variables are exported only to pipelines on protected branches and tags; merge-request " +
			"pipelines never get them by default (https://docs.gitlab.com/ci/variables/#protect-a-cicd-variable). A login " +
			"with a protected variable on a feature branch or MR pipeline sends an empty credential " +
			"(`Cannot perform an interactive login from a non TTY device`, `Must provide --username`). Without the " +
			"project's variable settings the rule cannot know whether the variable is protected, so it reports info.\n\n" +
			"Fix: restrict the job to protected refs (`rules: - if: $CI_COMMIT_REF_PROTECTED == \"true\"`), unprotect the " +
			"variable, or use `$CI_REGISTRY_USER` / `$CI_REGISTRY_PASSWORD` for the GitLab registry.",
		Broken: `release:
  image: docker:27
  services: [docker:27-dind]
  variables:
    DOCKER_TLS_CERTDIR: "/certs"
  script:
    - echo "$DOCKERHUB_TOKEN" | docker login -u "$DOCKERHUB_USER" --password-stdin
    - docker push acme/app:latest
`,
		Fixed: `release:
  image: docker:27
  services: [docker:27-dind]
  variables:
    DOCKER_TLS_CERTDIR: "/certs"
  rules:
    - if: $CI_COMMIT_REF_PROTECTED == "true"
  script:
    - echo "$DOCKERHUB_TOKEN" | docker login -u "$DOCKERHUB_USER" --password-stdin
    - docker push acme/app:latest
`,
	}, checkGLC007)
}

func checkGLC007(c *pctx) {
	for _, jc := range c.jobs {
		if len(jc.pushes()) == 0 || !runsUnprotected(jc) || jc.varsUnseen() {
			continue
		}
		for _, l := range jc.logins() {
			if l.Action != shellcmd.Login {
				continue
			}
			var vars []string
			if l.Password != nil {
				vars = append(vars, l.Password.Vars...)
			}
			if l.Stdin != nil {
				vars = append(vars, l.Stdin.Vars...)
			}
			var custom []string
			for _, v := range vars {
				if !strings.HasPrefix(v, "CI_") && !gl.IsPredefined(v) && !c.p.DefinesAnywhere(v) && !jc.assignedInScript(v) {
					custom = append(custom, "$"+v)
				}
			}
			if len(custom) == 0 {
				continue
			}
			c.report("GLC007", jc.cmdPos(l), jc, "", fmt.Sprintf(
				"logs in with %s and can run on any branch or merge-request pipeline; if that variable is protected it is empty there and the login fails: restrict the job to protected refs (`if: $CI_COMMIT_REF_PROTECTED == \"true\"`) or unprotect the variable.",
				strings.Join(uniq(custom), ", ")))
			break
		}
	}
}

// runsUnprotected reports a job with no rules/only restricting it to
// protected refs: no rules and no only, `only: [branches]`, or rules that
// mention merge_request_event.
func runsUnprotected(jc *jobCtx) bool {
	j := jc.job
	if j.When == "manual" || conditionsUnseen(jc) {
		return false
	}
	if j.Rules != nil {
		txt := valueText(j.Rules)
		if strings.Contains(txt, "CI_COMMIT_REF_PROTECTED") || strings.Contains(txt, "CI_COMMIT_TAG") || strings.Contains(txt, "CI_DEFAULT_BRANCH") || strings.Contains(txt, "CI_COMMIT_BRANCH ==") {
			return false
		}
		return strings.Contains(txt, "merge_request_event")
	}
	if j.Only != nil {
		refs := j.Only.Strings()
		if j.Only.Kind == gl.Map {
			refs = j.Only.Get("refs").Strings()
		}
		for _, r := range refs {
			if r == "branches" || r == "merge_requests" || r == "pushes" {
				return true
			}
		}
		return false
	}
	return true
}

// valueText flattens a value's scalars for keyword searches.
func valueText(v *gl.Value) string {
	if v == nil {
		return ""
	}
	var b strings.Builder
	var walk func(*gl.Value, int)
	walk = func(v *gl.Value, d int) {
		if v == nil || d > 20 {
			return
		}
		b.WriteString(v.Str + " ")
		for _, it := range v.Items {
			walk(it, d+1)
		}
		for _, p := range v.Pairs {
			b.WriteString(p.Key + " ")
			walk(p.Val, d+1)
		}
	}
	walk(v, 0)
	return b.String()
}
