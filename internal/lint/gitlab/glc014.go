package gitlab

import (
	"fmt"

	"github.com/regdoctor/regdoctor/internal/finding"
	"github.com/regdoctor/regdoctor/internal/lint"
	gl "github.com/regdoctor/regdoctor/internal/workflow/gitlab"
)

func init() {
	register(lint.Meta{
		ID: "GLC014", Name: "predefined-registry-variable-overridden", Cause: "empty-credential", Severity: finding.Warning,
		Summary: "YAML variables redefine a predefined registry variable (CI_REGISTRY, CI_REGISTRY_IMAGE, CI_REGISTRY_USER, ...).",
		Description: "Variables in `.gitlab-ci.yml` take precedence over predefined ones " +
			"(https://docs.gitlab.com/ci/variables/#cicd-variable-precedence). Redefining `CI_REGISTRY_USER`, " +
			"`CI_REGISTRY_PASSWORD`, `CI_JOB_TOKEN`, `CI_REGISTRY`, `CI_REGISTRY_IMAGE`, `CI_DEPLOY_USER` or " +
			"`CI_DEPLOY_PASSWORD` makes every login and push that uses them go elsewhere or with other credentials; " +
			"a value that refers to an unset variable is empty. Mirror setups do this on purpose, hence a warning. " +
			"A `CI_REGISTRY` or `CI_REGISTRY_IMAGE` override is reported with the cause `login-wrong-host` (the login and the " +
			"push no longer name the same registry); the credential variables with `empty-credential`.\n\n" +
			"Fix: use your own variable names (`RELEASE_REGISTRY`, `RELEASE_USER`) and leave the predefined ones alone.",
		Broken: `variables:
  CI_REGISTRY_USER: deployer
build:
  image: docker:27
  services: [docker:27-dind]
  variables:
    DOCKER_TLS_CERTDIR: "/certs"
  script:
    - echo "$CI_REGISTRY_PASSWORD" | docker login "$CI_REGISTRY" -u "$CI_REGISTRY_USER" --password-stdin
    - docker push "$CI_REGISTRY_IMAGE:latest"
`,
		Fixed: `variables:
  RELEASE_USER: deployer
build:
  image: docker:27
  services: [docker:27-dind]
  variables:
    DOCKER_TLS_CERTDIR: "/certs"
  script:
    - echo "$CI_REGISTRY_PASSWORD" | docker login "$CI_REGISTRY" -u "$CI_REGISTRY_USER" --password-stdin
    - docker push "$CI_REGISTRY_IMAGE:latest"
`,
	}, checkGLC014)
}

var protectedNames = []string{"CI_REGISTRY", "CI_REGISTRY_IMAGE", "CI_REGISTRY_USER", "CI_REGISTRY_PASSWORD", "CI_JOB_TOKEN", "CI_DEPLOY_USER", "CI_DEPLOY_PASSWORD"}

func checkGLC014(c *pctx) {
	seen := map[gl.Pos]bool{}
	for _, jc := range c.jobs {
		for _, n := range protectedNames {
			v, ok := jc.job.Variables[n]
			if !ok || seen[v.Pos] {
				continue
			}
			seen[v.Pos] = true
			msg := fmt.Sprintf(
				"`%s` is a predefined registry variable; this %s definition (`%s`) replaces GitLab's value for every login and push that uses it; use a variable name of your own.",
				n, v.Scope, short(v.Value))
			if n == "CI_REGISTRY" || n == "CI_REGISTRY_IMAGE" {
				// A host override sends the login (or the push) to another
				// registry than the other, still GitLab-computed, variable
				// names: the credential goes to the wrong host.
				m, _ := lint.Rule("GLC014")
				c.add(finding.Finding{Rule: "GLC014", Cause: "login-wrong-host", Severity: m.Severity, File: v.Pos.File, Line: v.Pos.Line, Column: v.Pos.Col,
					Message: msg + " The predefined one it pairs with (CI_REGISTRY_IMAGE for CI_REGISTRY, and back) keeps GitLab's registry, so a login to one and a push to the other go to different hosts."}, nil)
				continue
			}
			c.report("GLC014", v.Pos, nil, "", msg)
		}
	}
}
