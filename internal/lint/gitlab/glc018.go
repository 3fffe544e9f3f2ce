package gitlab

import (
	"fmt"

	"github.com/regdoctor/regdoctor/internal/finding"
	"github.com/regdoctor/regdoctor/internal/lint"
	"github.com/regdoctor/regdoctor/internal/shellcmd"
)

func init() {
	register(lint.Meta{
		ID: "GLC018", Name: "dependency-proxy-pull-without-login", Cause: "dependency-proxy-auth", Severity: finding.Error,
		Summary: "A job script pulls through the GitLab dependency proxy without logging in to it.",
		Description: "The runner authenticates its own pulls of `image:` and `services:` through the dependency proxy, but " +
			"a `docker pull` (or `--cache-from`, or `podman pull`) of `$CI_DEPENDENCY_PROXY_GROUP_IMAGE_PREFIX/...` in the " +
			"job script needs a login with the proxy's own variables; without it the proxy answers 401 / " +
			"`denied: access forbidden` (https://docs.gitlab.com/user/packages/dependency_proxy/).\n\n" +
			"Fix: `echo \"$CI_DEPENDENCY_PROXY_PASSWORD\" | docker login \"$CI_DEPENDENCY_PROXY_SERVER\" -u \"$CI_DEPENDENCY_PROXY_USER\" --password-stdin` before the pull.",
		Broken: `build:
  image: docker:27
  services: [docker:27-dind]
  variables:
    DOCKER_TLS_CERTDIR: "/certs"
  script:
    - docker pull "$CI_DEPENDENCY_PROXY_GROUP_IMAGE_PREFIX/alpine:3.20"
    - docker build -t app .
`,
		Fixed: `build:
  image: docker:27
  services: [docker:27-dind]
  variables:
    DOCKER_TLS_CERTDIR: "/certs"
  script:
    - echo "$CI_DEPENDENCY_PROXY_PASSWORD" | docker login "$CI_DEPENDENCY_PROXY_SERVER" -u "$CI_DEPENDENCY_PROXY_USER" --password-stdin
    - docker pull "$CI_DEPENDENCY_PROXY_GROUP_IMAGE_PREFIX/alpine:3.20"
    - docker build -t app .
`,
	}, checkGLC018)
}

func checkGLC018(c *pctx) {
	for _, jc := range c.jobs {
		if jc.callsLoginHelper() || jc.unseen() {
			continue
		}
		for i, cm := range jc.cmds {
			if cm.Action != shellcmd.Pull || !pushTools[cm.Tool] {
				continue
			}
			for _, r := range cm.Refs {
				h, ok := refHost(r.Value)
				if !ok || h != hostDepProxy {
					continue
				}
				cv := jc.coverFor(i, h)
				if cv.covered || cv.unsure {
					continue
				}
				c.report("GLC018", jc.wordPos(cm, r), jc, "", fmt.Sprintf(
					"pulls `%s` through the dependency proxy with no login to `$CI_DEPENDENCY_PROXY_SERVER` earlier in the job (the runner's automatic proxy login covers only `image:` and `services:`); log in with `$CI_DEPENDENCY_PROXY_USER` / `$CI_DEPENDENCY_PROXY_PASSWORD` first.",
					r.Value))
			}
		}
	}
}
