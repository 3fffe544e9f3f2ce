package gitlab

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/regdoctor/regdoctor/internal/finding"
	"github.com/regdoctor/regdoctor/internal/lint"
)

func init() {
	register(lint.Meta{
		ID: "GLC010", Name: "dind-version-skew", Cause: "daemon-unreachable", Severity: finding.Warning,
		Summary: "The docker client image is a newer major version than the dind daemon, or dind is older than 20.10.",
		Description: "A client newer than the daemon fails with `Error response from daemon: client version X is too new. " +
			"Maximum supported API version is Y`; a dind older than 20.10 on a current host fails with " +
			"`cgroups: cgroup mountpoint does not exist` (https://docs.gitlab.com/ci/docker/docker_build_troubleshooting/).\n\n" +
			"Fix: use the same version for `image: docker:<N>` and `docker:<N>-dind`, or set `DOCKER_API_VERSION`.",
		Broken: `build:
  image: docker:27
  services: [docker:19.03.12-dind]
  variables:
    DOCKER_TLS_CERTDIR: "/certs"
  script:
    - docker build -t app .
`,
		Fixed: `build:
  image: docker:27
  services: [docker:27-dind]
  variables:
    DOCKER_TLS_CERTDIR: "/certs"
  script:
    - docker build -t app .
`,
	}, checkGLC010)
}

func checkGLC010(c *pctx) {
	for _, jc := range c.jobs {
		d := jc.dind()
		if d == nil || d.floating || jc.job.Image == nil {
			continue
		}
		if _, ok := jc.job.Variables["DOCKER_API_VERSION"]; ok {
			continue
		}
		if d.major < 20 {
			c.report("GLC010", d.svc.Pos, jc, "", fmt.Sprintf(
				"the dind service `%s` is older than 20.10 and fails on current runner hosts with `cgroups: cgroup mountpoint does not exist`; use a current `docker:<N>-dind` matching the client image.", d.svc.Name))
			continue
		}
		if !isDockerClientImage(jc) {
			continue
		}
		n := jc.job.Image.Name
		i := lastColonAfterSlash(n)
		if i < 0 {
			continue
		}
		tag := n[i+1:]
		major, err := strconv.Atoi(strings.SplitN(strings.SplitN(tag, ".", 2)[0], "-", 2)[0])
		if err != nil || major <= d.major {
			continue
		}
		c.report("GLC010", jc.job.Image.Pos, jc, "", fmt.Sprintf(
			"the client image `%s` (major %d) is newer than the dind service `%s` (major %d): `client version ... is too new`; use the same version for both.",
			n, major, d.svc.Name, d.major))
	}
}
