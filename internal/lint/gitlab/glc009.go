package gitlab

import (
	"fmt"
	"strings"

	"github.com/regdoctor/regdoctor/internal/finding"
	"github.com/regdoctor/regdoctor/internal/lint"
)

func init() {
	register(lint.Meta{
		ID: "GLC009", Name: "dind-unreachable", Cause: "daemon-unreachable", Severity: finding.Error,
		Summary: "The job's Docker client points at a daemon host no service provides.",
		Description: "On the Docker executor a service is reachable under its `alias` and under names derived from its " +
			"image (registry and tag removed, `/` replaced by `__` or `-`) (https://docs.gitlab.com/ci/services/). " +
			"A dind service pulled through a registry prefix (`$CI_DEPENDENCY_PROXY_GROUP_IMAGE_PREFIX/docker:dind`, " +
			"`registry.example.com/docker:dind`) is not called `docker` unless it has `alias: docker`, so " +
			"`tcp://docker:2376` fails with `lookup docker ... no such host`. A `DOCKER_HOST` host that matches no service " +
			"fails the same way. A `docker` client image with no dind service and no `DOCKER_HOST` talks to " +
			"`unix:///var/run/docker.sock`, which exists only when the runner mounts it: reported as a warning. A job that " +
			"inherits a `docker login` from the default before_script but replaces the default dind service with its own " +
			"`services:` has no daemon at all and fails before its script (error). A job in another image that runs the " +
			"docker CLI with `DOCKER_TLS_CERTDIR` set (a setting only dind uses) while no job of the pipeline has a dind " +
			"service expects a daemon nobody starts: reported as a warning (runner tags for socket or dind runners and an " +
			"explicit `DOCKER_HOST` keep it quiet).\n\n" +
			"Fix: `services: [{name: <image>, alias: docker}]` and a `DOCKER_HOST` that names that alias.",
		Broken: `build:
  image: docker:27
  services:
    - name: ${CI_DEPENDENCY_PROXY_GROUP_IMAGE_PREFIX}/docker:27-dind
  variables:
    DOCKER_HOST: tcp://docker:2376
    DOCKER_TLS_CERTDIR: "/certs"
  script:
    - docker build -t "$CI_REGISTRY_IMAGE:$CI_COMMIT_SHORT_SHA" .
`,
		Fixed: `build:
  image: docker:27
  services:
    - name: ${CI_DEPENDENCY_PROXY_GROUP_IMAGE_PREFIX}/docker:27-dind
      alias: docker
  variables:
    DOCKER_HOST: tcp://docker:2376
    DOCKER_TLS_CERTDIR: "/certs"
  script:
    - docker build -t "$CI_REGISTRY_IMAGE:$CI_COMMIT_SHORT_SHA" .
`,
	}, checkGLC009)
}

func checkGLC009(c *pctx) {
	for _, jc := range c.jobs {
		use, uses := jc.usesDockerCLI()
		d := jc.dind()
		if jc.varsUnseen() && (d == nil || d.host == "") {
			continue // services or DOCKER_HOST may come from an unresolved include
		}
		if d == nil && uses && c.defaultDindReplaced(jc, use) {
			continue
		}
		if d == nil {
			if uses && !isDockerClientImage(jc) {
				c.certdirWithoutDind(jc, use)
				continue
			}
			if !uses || !isDockerClientImage(jc) {
				continue
			}
			if _, ok := jc.job.Variables["DOCKER_HOST"]; ok {
				continue
			}
			if _, ok := jc.scriptAssigned("DOCKER_HOST"); ok {
				continue
			}
			if runnerProvidesDocker(jc) {
				continue
			}
			c.reportSev("GLC009", finding.Warning, jc.cmdPos(use), jc, "", fmt.Sprintf(
				"runs `%s` in image `%s` with no docker:dind service and no DOCKER_HOST, so the client uses unix:///var/run/docker.sock, which exists only if the runner mounts the host socket; add `services: [docker:<version>-dind]` (or confirm the runner binds the socket).",
				short(use.Text), jc.job.Image.Name))
			continue
		}
		if d.customFlags {
			continue
		}
		host := "docker"
		hostPos := d.svc.Pos
		if d.host != "" {
			h, _, ok := hostPort(d.host)
			if !ok {
				continue
			}
			host = h
			if d.hostVar != nil && d.hostFrom == "yaml" {
				hostPos = d.hostVar.Pos
			}
		} else if !isDockerClientImage(jc) {
			continue
		}
		if host == "localhost" || host == "127.0.0.1" || strings.Contains(host, "$") {
			continue
		}
		found := false
		var names []string
		for _, s := range jc.job.Services {
			for _, a := range s.Aliases() {
				names = append(names, a)
				if strings.EqualFold(a, host) {
					found = true
				}
			}
		}
		if found {
			continue
		}
		c.report("GLC009", hostPos, jc, "", fmt.Sprintf(
			"the Docker client connects to host `%s`, but no service is reachable under that name (the dind service `%s` is reachable as %s): `no such host`; add `alias: %s` to the service.",
			host, d.svc.Name, quoteList(names), host))
	}
}

func quoteList(ss []string) string {
	var q []string
	for _, s := range uniq(ss) {
		q = append(q, "`"+s+"`")
	}
	return strings.Join(q, ", ")
}

// runnerProvidesDocker reports runner tags that select runners with a
// Docker daemon (socket binding or privileged dind setups): `dind`,
// `docker-in-docker`, `privileged`, `docker-socket`.
func runnerProvidesDocker(jc *jobCtx) bool {
	for _, t := range jc.job.Tags {
		t = strings.ToLower(t)
		if strings.Contains(t, "dind") || strings.Contains(t, "docker-in-docker") || strings.Contains(t, "privileged") || strings.Contains(t, "socket") {
			return true
		}
	}
	return false
}

// defaultDindReplaced reports (as GLC009) a job whose docker command comes
// from the default before_script while its own services: replaced the
// default dind service: the pipeline relies on dind, and this job has none.
func (c *pctx) defaultDindReplaced(jc *jobCtx, use cmd) bool {
	if use.Section != "before_script" || jc.job.BeforeScriptFrom != "default" || jc.job.ServicesFrom != "job" {
		return false
	}
	if _, ok := jc.job.Variables["DOCKER_HOST"]; ok {
		return false
	}
	var dindName string
	for _, s := range c.p.DefaultServices {
		if isDindImage(s.Name) {
			dindName = s.Name
		}
	}
	if dindName == "" {
		return false
	}
	pos := jc.job.Pos
	if pr := jc.job.Value.Pair("services"); pr != nil {
		pos = pr.KeyPos
	}
	c.report("GLC009", pos, jc, "", fmt.Sprintf(
		"inherits `%s` from the default before_script, but its own `services:` replace the default `%s` service, so no Docker daemon runs for it (and its image may not have the docker CLI): the job fails before its script; add `inherit: default: false` (or a list without before_script) if it needs no registry login, or add the dind service.",
		short(use.Text), dindName))
	return true
}

// certdirWithoutDind reports a job that runs the docker CLI with
// DOCKER_TLS_CERTDIR set, in a pipeline where no job has a docker:dind
// service. DOCKER_TLS_CERTDIR is read only by the docker image's entrypoints
// (dind generates certificates there; the client side derives DOCKER_HOST
// tcp://docker:2376 from it): setting it says the author expects a dind
// service, and there is none, so the client reaches no daemon (`lookup docker
// ... no such host` or `Cannot connect to the Docker daemon`). Source:
// https://docs.gitlab.com/ci/docker/using_docker_build/ (Docker-in-Docker,
// TLS), https://hub.docker.com/_/docker (TLS). Runner tags that select
// socket or dind runners and an explicit DOCKER_HOST keep it quiet.
func (c *pctx) certdirWithoutDind(jc *jobCtx, use cmd) {
	v, ok := jc.job.Variables["DOCKER_TLS_CERTDIR"]
	if !ok || runnerProvidesDocker(jc) {
		return
	}
	if _, ok := jc.job.Variables["DOCKER_HOST"]; ok {
		return
	}
	if _, ok := jc.scriptAssigned("DOCKER_HOST"); ok {
		return
	}
	for _, o := range c.jobs {
		if o.dind() != nil {
			return // the pipeline uses dind elsewhere: this job may run on a socket runner
		}
	}
	for _, s := range c.p.DefaultServices {
		if isDindImage(s.Name) {
			return
		}
	}
	img := "(runner default)"
	if jc.job.Image != nil {
		img = jc.job.Image.Name
	}
	c.reportSev("GLC009", finding.Warning, jc.cmdPos(use), jc, "", fmt.Sprintf(
		"runs `%s` in image `%s` with DOCKER_TLS_CERTDIR set (line %d), a setting only a docker:dind service uses, but no job in the pipeline has a dind service: the client finds no daemon (`no such host` / `Cannot connect to the Docker daemon`); add `services: [docker:<version>-dind]` with `DOCKER_HOST`, or drop the dind settings if the runner mounts the host socket.",
		short(use.Text), img, v.Pos.Line))
}
