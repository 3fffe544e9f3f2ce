package gitlab

import (
	"fmt"
	"strings"

	"github.com/regdoctor/regdoctor/internal/finding"
	"github.com/regdoctor/regdoctor/internal/lint"
)

func init() {
	register(lint.Meta{
		ID: "GLC017", Name: "kubernetes-dind-tls-env", Cause: "daemon-unreachable", Severity: finding.Warning,
		Summary: "On a Kubernetes runner (job tags say so), dind with TLS lacks DOCKER_TLS_VERIFY/DOCKER_CERT_PATH, or DOCKER_HOST uses a service alias.",
		Description: "The Kubernetes executor does not run image entrypoints, so the `docker` image's entrypoint never sets " +
			"`DOCKER_TLS_VERIFY` and `DOCKER_CERT_PATH`: with TLS on port 2376 the job must set both " +
			"(https://docs.gitlab.com/runner/executors/kubernetes/). Services share the pod's network: " +
			"they are reachable as `localhost`, and by alias only on runners 17.9 and later, so `tcp://docker:2375` fails " +
			"with `Cannot connect to the Docker daemon` or `no such host` on older runners (info). The rule runs only when " +
			"a job tag names Kubernetes (`kubernetes`, `k8s`, `eks`, `gke`, `aks`, `openshift`): the executor is not in the YAML.\n\n" +
			"Fix: `DOCKER_HOST: tcp://localhost:2376`, `DOCKER_TLS_CERTDIR: \"/certs\"`, `DOCKER_TLS_VERIFY: 1`, " +
			"`DOCKER_CERT_PATH: \"$DOCKER_TLS_CERTDIR/client\"`, and an `emptyDir` volume at `/certs/client` in the runner config.",
		Broken: `build:
  image: docker:27
  services: [docker:27-dind]
  tags: [kubernetes]
  variables:
    DOCKER_HOST: tcp://localhost:2376
    DOCKER_TLS_CERTDIR: "/certs"
  script:
    - docker build -t app .
`,
		Fixed: `build:
  image: docker:27
  services: [docker:27-dind]
  tags: [kubernetes]
  variables:
    DOCKER_HOST: tcp://localhost:2376
    DOCKER_TLS_CERTDIR: "/certs"
    DOCKER_TLS_VERIFY: 1
    DOCKER_CERT_PATH: "$DOCKER_TLS_CERTDIR/client"
  script:
    - docker build -t app .
`,
	}, checkGLC017)
}

func kubernetesHint(jc *jobCtx) string {
	for _, t := range jc.job.Tags {
		l := strings.ToLower(t)
		for _, k := range []string{"kubernetes", "k8s", "eks", "gke", "aks", "openshift"} {
			if strings.Contains(l, k) {
				return t
			}
		}
	}
	return ""
}

func checkGLC017(c *pctx) {
	for _, jc := range c.jobs {
		tag := kubernetesHint(jc)
		if tag == "" {
			continue
		}
		d := jc.dind()
		if d == nil || d.customFlags || d.host == "" {
			continue
		}
		host, port, ok := hostPort(d.host)
		if !ok {
			continue
		}
		pos := jc.job.Pos
		if d.hostVar != nil && d.hostFrom == "yaml" {
			pos = d.hostVar.Pos
		}
		_, verify := jc.job.Variables["DOCKER_TLS_VERIFY"]
		_, certPath := jc.job.Variables["DOCKER_CERT_PATH"]
		if port == 2376 && d.certdir != "" && (!verify || !certPath) {
			c.report("GLC017", pos, jc, "", fmt.Sprintf(
				"runs on a Kubernetes runner (tag `%s`), where the docker image's entrypoint does not run, so nothing sets DOCKER_TLS_VERIFY and DOCKER_CERT_PATH for the TLS port 2376; set `DOCKER_TLS_VERIFY: 1` and `DOCKER_CERT_PATH: \"$DOCKER_TLS_CERTDIR/client\"`.", tag))
		}
		if host != "localhost" && host != "127.0.0.1" {
			c.reportSev("GLC017", finding.Info, pos, jc, "", fmt.Sprintf(
				"runs on a Kubernetes runner (tag `%s`); services there are reachable as `localhost`, and as `%s` only on runner 17.9 or later; `tcp://localhost:%d` works on every version.", tag, host, port))
		}
	}
}
