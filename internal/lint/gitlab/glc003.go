package gitlab

import (
	"fmt"
	"strings"

	"github.com/regdoctor/regdoctor/internal/finding"
	"github.com/regdoctor/regdoctor/internal/lint"
	"github.com/regdoctor/regdoctor/internal/reghost"
)

func init() {
	register(lint.Meta{
		ID: "GLC003", Name: "login-host-mismatch", Cause: "login-wrong-host", Severity: finding.Error,
		Summary: "The job logs in to one registry host and pushes to another.",
		Description: "Docker stores a credential per host string. `docker login` with no server logs in to Docker Hub; " +
			"`$CI_SERVER_HOST` / `gitlab.com` is the GitLab web host, not the registry (`$CI_REGISTRY`, e.g. " +
			"`registry.gitlab.com`); a dependency-proxy login (`$CI_DEPENDENCY_PROXY_SERVER`) does not cover pushes to " +
			"the project registry. The push then runs without credentials for its host and fails with " +
			"`unauthorized: authentication required` or `denied` even though the log shows `Login Succeeded` " +
			"(https://docs.gitlab.com/user/packages/container_registry/authenticate_with_container_registry/).\n\n" +
			"Fix: log in to the host you push to, usually `\"$CI_REGISTRY\"`.",
		Broken: `build:
  image: docker:27
  services: [docker:27-dind]
  variables:
    DOCKER_TLS_CERTDIR: "/certs"
  script:
    - echo "$CI_REGISTRY_PASSWORD" | docker login -u "$CI_REGISTRY_USER" --password-stdin
    - docker build -t "$CI_REGISTRY_IMAGE:$CI_COMMIT_SHORT_SHA" .
    - docker push "$CI_REGISTRY_IMAGE:$CI_COMMIT_SHORT_SHA"
`,
		Fixed: `build:
  image: docker:27
  services: [docker:27-dind]
  variables:
    DOCKER_TLS_CERTDIR: "/certs"
  script:
    - echo "$CI_REGISTRY_PASSWORD" | docker login -u "$CI_REGISTRY_USER" --password-stdin "$CI_REGISTRY"
    - docker build -t "$CI_REGISTRY_IMAGE:$CI_COMMIT_SHORT_SHA" .
    - docker push "$CI_REGISTRY_IMAGE:$CI_COMMIT_SHORT_SHA"
`,
	}, checkGLC003)
}

func checkGLC003(c *pctx) {
	for _, jc := range c.jobs {
		if jc.unseen() {
			continue
		}
		reported := map[string]bool{}
		for _, pr := range jc.pushes() {
			if pr.host == "" || isLocal(pr.host) || reported[pr.host] {
				continue
			}
			cv := jc.coverFor(pr.i, pr.host)
			if cv.covered || cv.unsure || len(cv.wrongTool) > 0 {
				continue
			}
			cv.other = leaveToShellRules(cv.other, pr.host)
			if len(cv.other) == 0 {
				continue
			}
			reported[pr.host] = true
			var hosts []string
			for _, l := range cv.other {
				for _, h := range l.Hosts {
					lh, _ := loginHost(h)
					if l.Server == nil && (l.Tool == "docker" || l.Tool == "nerdctl") {
						lh = "docker.io (no server given)"
					}
					hosts = append(hosts, hostLabel(lh))
				}
			}
			login := cv.other[len(cv.other)-1]
			c.report("GLC003", jc.cmdPos(login), jc, pr.host, fmt.Sprintf(
				"logs in to %s but pushes `%s` to %s, which has no login; log in to %s.",
				strings.Join(uniq(hosts), ", "), pr.ref.Value, hostLabel(pr.host), hostLabel(pr.host)))
		}
	}
}

func uniq(ss []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, s := range ss {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}

// leaveToShellRules drops logins whose mismatch a shell rule explains
// better: ECR account/region (SHX001) and gcloud helper hosts (SHX004).
func leaveToShellRules(logins []cmd, pushHost string) []cmd {
	kind := reghost.Classify(pushHost)
	var out []cmd
	for _, l := range logins {
		if kind == reghost.GAR && l.Tool == "gcloud" {
			continue
		}
		if kind == reghost.ECR && len(l.Hosts) > 0 && reghost.Classify(l.Hosts[0]) == reghost.ECR {
			continue
		}
		out = append(out, l)
	}
	return out
}
