package gitlab

import (
	"fmt"

	"github.com/regdoctor/regdoctor/internal/finding"
	"github.com/regdoctor/regdoctor/internal/lint"
)

func init() {
	register(lint.Meta{
		ID: "GLC011", Name: "docker-auth-config-not-used-by-job-cli", Cause: "no-login", Severity: finding.Warning,
		Summary: "DOCKER_AUTH_CONFIG is set in YAML, but the job's docker CLI pushes without a login or a config.json written from it.",
		Description: "`DOCKER_AUTH_CONFIG` is read by the GitLab Runner to pull the job's `image:` and `services:`; the docker " +
			"client inside the job (talking to dind) never reads it, so a push relying on it has no credentials " +
			"(`no basic auth credentials`) (https://docs.gitlab.com/ci/docker/using_docker_images/, " +
			"https://docs.gitlab.com/ci/docker/using_docker_build/). Warning, because a runner may also mount a config.json.\n\n" +
			"Fix: `mkdir -p ~/.docker && printf '%s' \"$DOCKER_AUTH_CONFIG\" > ~/.docker/config.json` before the push, or `docker login`.",
		Broken: `variables:
  DOCKER_AUTH_CONFIG: '{"auths":{"registry.example.com":{"auth":"$REGISTRY_AUTH"}}}'
build:
  image: docker:27
  services: [docker:27-dind]
  variables:
    DOCKER_TLS_CERTDIR: "/certs"
  script:
    - docker build -t registry.example.com/acme/app:latest .
    - docker push registry.example.com/acme/app:latest
`,
		Fixed: `variables:
  DOCKER_AUTH_CONFIG: '{"auths":{"registry.example.com":{"auth":"$REGISTRY_AUTH"}}}'
build:
  image: docker:27
  services: [docker:27-dind]
  variables:
    DOCKER_TLS_CERTDIR: "/certs"
  script:
    - mkdir -p ~/.docker && printf '%s' "$DOCKER_AUTH_CONFIG" > ~/.docker/config.json
    - docker build -t registry.example.com/acme/app:latest .
    - docker push registry.example.com/acme/app:latest
`,
	}, checkGLC011)
}

// authConfigOnly reports that the job relies on a YAML DOCKER_AUTH_CONFIG
// (GLC011 reports its pushes instead of GLC001).
func (jc *jobCtx) authConfigOnly() bool {
	_, ok := jc.job.Variables["DOCKER_AUTH_CONFIG"]
	return ok
}

func checkGLC011(c *pctx) {
	for _, jc := range c.jobs {
		v, ok := jc.job.Variables["DOCKER_AUTH_CONFIG"]
		if !ok || jc.callsLoginHelper() || jc.unseen() {
			continue
		}
		for _, pr := range jc.pushes() {
			if pr.host == "" || isLocal(pr.host) || (pr.cmd.Tool != "docker" && pr.cmd.Tool != "nerdctl") {
				continue
			}
			cv := jc.coverFor(pr.i, pr.host)
			if cv.covered || cv.unsure || len(cv.other) > 0 || len(cv.wrongTool) > 0 {
				continue
			}
			c.report("GLC011", v.Pos, jc, pr.host, fmt.Sprintf(
				"`%s` relies on DOCKER_AUTH_CONFIG, which only the runner reads (for `image:` and `services:`); the job's docker client has no credentials for %s: write it to ~/.docker/config.json first or `docker login`.",
				short(pr.cmd.Text), hostLabel(pr.host)))
			break
		}
	}
}
