package gitlab

import (
	"fmt"

	"github.com/regdoctor/regdoctor/internal/finding"
	"github.com/regdoctor/regdoctor/internal/lint"
)

func init() {
	register(lint.Meta{
		ID: "GLC001", Name: "push-without-registry-login", Cause: "no-login", Severity: finding.Error,
		Summary: "A job pushes an image but nothing earlier in its effective before_script + script logs in to that registry.",
		Description: "Every GitLab job runs in a fresh container: a `docker login` in another job, in `after_script`, or " +
			"the runner's own `DOCKER_AUTH_CONFIG` (which only authenticates the runner's pulls of `image:` and " +
			"`services:`) does not reach the Docker client of this job or its dind daemon " +
			"(https://docs.gitlab.com/ci/docker/using_docker_build/, section Authenticate with registry in Docker-in-Docker). " +
			"The push then fails with `no basic auth credentials` or `unauthorized: authentication required`. " +
			"The rule reads the job after `extends`, `default:`, `inherit:` and `!reference` are applied; when the only " +
			"login for that host is in another job, the cause is `login-other-job`. It abstains when a credential source " +
			"it cannot evaluate runs first (a login to a host held in an unknown variable, a written config.json, a " +
			"helper script named like a login).\n\n" +
			"Fix: log in in the same job, before the push: " +
			"`echo \"$CI_REGISTRY_PASSWORD\" | docker login \"$CI_REGISTRY\" -u \"$CI_REGISTRY_USER\" --password-stdin`.",
		Broken: `build:
  image: docker:27
  services: [docker:27-dind]
  variables:
    DOCKER_TLS_CERTDIR: "/certs"
  script:
    - docker build -t "$CI_REGISTRY_IMAGE:$CI_COMMIT_SHORT_SHA" .
    - docker push "$CI_REGISTRY_IMAGE:$CI_COMMIT_SHORT_SHA"
`,
		Fixed: `build:
  image: docker:27
  services: [docker:27-dind]
  variables:
    DOCKER_TLS_CERTDIR: "/certs"
  script:
    - echo "$CI_REGISTRY_PASSWORD" | docker login "$CI_REGISTRY" -u "$CI_REGISTRY_USER" --password-stdin
    - docker build -t "$CI_REGISTRY_IMAGE:$CI_COMMIT_SHORT_SHA" .
    - docker push "$CI_REGISTRY_IMAGE:$CI_COMMIT_SHORT_SHA"
`,
	}, checkGLC001)
}

func checkGLC001(c *pctx) {
	for _, jc := range c.jobs {
		if jc.callsLoginHelper() || jc.authConfigOnly() || jc.unseen() {
			continue // GLC011 explains pushes that rely on DOCKER_AUTH_CONFIG
		}
		reported := map[string]bool{}
		for _, pr := range jc.pushes() {
			if pr.host == "" || isLocal(pr.host) || reported[pr.host] {
				continue
			}
			cv := jc.coverFor(pr.i, pr.host)
			if cv.covered || cv.unsure || len(cv.other) > 0 || len(cv.wrongTool) > 0 {
				continue // GLC003 / GLC016 report mismatches
			}
			if c.defaultLoginDropped(jc, pr.host) {
				continue // GLC002
			}
			reported[pr.host] = true
			pos := jc.wordPos(pr.cmd, pr.ref)
			if other := c.loginElsewhere(jc, pr.host); other != "" {
				c.add(finding.Finding{Rule: "GLC001", Cause: "login-other-job", Severity: finding.Error, File: pos.File, Line: pos.Line, Column: pos.Col, Registry: pr.host,
					Message: fmt.Sprintf("pushes `%s` but the login to %s is in job `%s`; jobs do not share Docker credentials, so log in in this job before the push.", pr.ref.Value, hostLabel(pr.host), other)}, jc)
				continue
			}
			c.report("GLC001", pos, jc, pr.host,
				fmt.Sprintf("pushes `%s` to %s with no login to that registry earlier in the job; add `docker login %s` (with credentials) to this job's before_script or script.", pr.ref.Value, hostLabel(pr.host), hostLabel(pr.host)))
		}
	}
}

// loginElsewhere names another job that logs in to host.
func (c *pctx) loginElsewhere(self *jobCtx, host string) string {
	for _, jc := range c.jobs {
		if jc == self {
			continue
		}
		for _, l := range jc.logins() {
			for _, h := range l.Hosts {
				if lh, ok := loginHost(h); ok {
					if m, _ := hostsMatch(lh, host); m {
						return jc.job.Name
					}
				}
			}
		}
	}
	return ""
}
