package gitlab

import (
	"fmt"

	"github.com/regdoctor/regdoctor/internal/finding"
	"github.com/regdoctor/regdoctor/internal/lint"
)

func init() {
	register(lint.Meta{
		ID: "GLC008", Name: "dind-tls-port-mismatch", Cause: "daemon-unreachable", Severity: finding.Error,
		Summary: "DOCKER_HOST's port and the dind service's TLS setting (DOCKER_TLS_CERTDIR) disagree.",
		Description: "The official `docker:*-dind` image (since 19.03) generates TLS certificates in `DOCKER_TLS_CERTDIR` " +
			"(default `/certs`) and listens on 2376 with TLS; only with `DOCKER_TLS_CERTDIR: \"\"` does it listen on plain 2375 " +
			"(docker-library/docker `dockerd-entrypoint.sh`; https://docs.gitlab.com/ci/docker/using_docker_build/). " +
			"So `DOCKER_HOST: tcp://docker:2375` with TLS left on gives `Cannot connect to the Docker daemon at tcp://docker:2375`, " +
			"and port 2376 with TLS off is refused. Without `DOCKER_HOST` the `docker` client image picks 2376 only when the " +
			"runner shares `/certs/client` with the service (GitLab.com runners do; a self-managed runner needs " +
			"`volumes = [\"/certs/client\"]`), else it falls back to 2375 and fails the same way: reported as info, since it depends on the runner. " +
			"Service containers see `.gitlab-ci.yml` variables and `services:variables`, not project settings variables. " +
			"Error when TLS is certain (explicit `DOCKER_TLS_CERTDIR` or a pinned dind >= 19.03), warning with a floating tag.\n\n" +
			"Fix: pick one documented combination: TLS (`DOCKER_HOST: tcp://docker:2376`, `DOCKER_TLS_CERTDIR: \"/certs\"`, " +
			"`DOCKER_TLS_VERIFY: 1`, `DOCKER_CERT_PATH: /certs/client`, runner volume `/certs/client`) or no TLS " +
			"(`DOCKER_HOST: tcp://docker:2375` and `DOCKER_TLS_CERTDIR: \"\"`).",
		Broken: `build:
  image: docker:27
  services: [docker:27-dind]
  variables:
    DOCKER_HOST: tcp://docker:2375
  script:
    - docker build -t "$CI_REGISTRY_IMAGE:$CI_COMMIT_SHORT_SHA" .
`,
		Fixed: `build:
  image: docker:27
  services: [docker:27-dind]
  variables:
    DOCKER_HOST: tcp://docker:2375
    DOCKER_TLS_CERTDIR: ""
  script:
    - docker build -t "$CI_REGISTRY_IMAGE:$CI_COMMIT_SHORT_SHA" .
`,
	}, checkGLC008)
}

func checkGLC008(c *pctx) {
	for _, jc := range c.jobs {
		d := jc.dind()
		if d == nil || d.customFlags {
			continue
		}
		if jc.varsUnseen() && (!d.certdirSet || d.host == "") {
			continue // an unresolved include may set the variable we find missing
		}
		if _, uses := jc.usesDockerCLI(); !uses && d.host == "" {
			continue
		}
		hostPos := jc.job.Pos
		if d.hostVar != nil && d.hostFrom == "yaml" {
			hostPos = d.hostVar.Pos
		}
		certdirDesc := "the dind image's default `/certs` (TLS on)"
		if d.certdirSet {
			certdirDesc = fmt.Sprintf("`DOCKER_TLS_CERTDIR: %q`", d.certdir)
		}
		if d.jobCertdir != nil && d.certdirVar != nil && d.certdirVar.Scope == "service" && d.jobCertdir.Value != d.certdir {
			c.report("GLC008", d.certdirVar.Pos, jc, "", fmt.Sprintf(
				"DOCKER_TLS_CERTDIR is %q for the job but %q for the dind service `%s`; the client and the daemon disagree about TLS, so use one value.",
				d.jobCertdir.Value, d.certdir, d.svc.Name))
			continue
		}
		if d.host != "" {
			_, port, ok := hostPort(d.host)
			if !ok {
				continue
			}
			switch {
			case port == 2375 && d.certdir != "":
				sev := finding.Warning
				if d.tlsCertain() {
					sev = finding.Error
				}
				c.reportSev("GLC008", sev, hostPos, jc, "", fmt.Sprintf(
					"DOCKER_HOST `%s` uses the plain port 2375, but the dind service `%s` runs with %s and listens on 2376 with TLS: `Cannot connect to the Docker daemon at tcp://...:2375`; set `DOCKER_TLS_CERTDIR: \"\"` (no TLS) or use port 2376 with TLS.",
					d.host, d.svc.Name, certdirDesc))
			case port == 2376 && d.certdir == "":
				c.report("GLC008", hostPos, jc, "", fmt.Sprintf(
					"DOCKER_HOST `%s` uses the TLS port 2376, but the dind service `%s` has TLS off (%s) and listens only on 2375; use `tcp://docker:2375` or enable TLS.",
					d.host, d.svc.Name, certdirDesc))
			}
			continue
		}
		if d.certdir == "" || !isDockerClientImage(jc) {
			continue
		}
		if _, ok := jc.job.Variables["DOCKER_TLS_VERIFY"]; ok || d.certdirSet {
			continue // TLS chosen explicitly, as the GitLab docs show
		}
		c.reportSev("GLC008", finding.Info, d.svc.Pos, jc, "", fmt.Sprintf(
			"the dind service `%s` runs with %s and DOCKER_HOST is not set: the client reaches it on 2376 only if the runner shares `/certs/client`, else it tries tcp://docker:2375 and fails (`Cannot connect to the Docker daemon`); set `DOCKER_TLS_CERTDIR` and `DOCKER_HOST` explicitly.",
			d.svc.Name, certdirDesc))
	}
}

// isDockerClientImage reports a job image from the official docker image
// family (its entrypoint derives DOCKER_HOST from the certificates).
func isDockerClientImage(jc *jobCtx) bool {
	if jc.job.Image == nil {
		return false
	}
	n := jc.job.Image.Name
	repo := n
	if i := lastColonAfterSlash(n); i >= 0 {
		repo = n[:i]
	}
	return repo == "docker" || repo == "docker.io/docker" || repo == "docker.io/library/docker" || hasSuffix(repo, "/docker")
}
