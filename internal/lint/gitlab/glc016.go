package gitlab

import (
	"fmt"

	"github.com/regdoctor/regdoctor/internal/finding"
	"github.com/regdoctor/regdoctor/internal/lint"
)

func init() {
	register(lint.Meta{
		ID: "GLC016", Name: "cross-tool-credential-store", Cause: "no-login", Severity: finding.Error,
		Summary: "The job logs in with podman, buildah or skopeo, then pushes with docker (which never reads their auth file).",
		Description: "podman, buildah and skopeo store credentials in `${XDG_RUNTIME_DIR}/containers/auth.json` " +
			"(or `REGISTRY_AUTH_FILE`); the Docker CLI reads only `~/.docker/config.json` (containers-auth.json(5), " +
			"podman-login(1)). A `podman login` followed by `docker push` therefore pushes with no credentials: " +
			"`no basic auth credentials` / `unauthorized: authentication required`. The reverse works, because podman " +
			"falls back to the Docker config.\n\n" +
			"Fix: log in with the tool that pushes (`docker login`), or `podman login --compat-auth-file ~/.docker/config.json`.",
		Broken: `build:
  image: quay.io/podman/stable
  script:
    - podman login -u "$CI_REGISTRY_USER" -p "$CI_REGISTRY_PASSWORD" "$CI_REGISTRY"
    - docker push "$CI_REGISTRY_IMAGE:latest"
`,
		Fixed: `build:
  image: quay.io/podman/stable
  script:
    - podman login -u "$CI_REGISTRY_USER" -p "$CI_REGISTRY_PASSWORD" "$CI_REGISTRY"
    - podman push "$CI_REGISTRY_IMAGE:latest"
`,
	}, checkGLC016)
}

func checkGLC016(c *pctx) {
	for _, jc := range c.jobs {
		if _, ok := jc.job.Variables["REGISTRY_AUTH_FILE"]; ok || jc.unseen() {
			continue
		}
		for _, pr := range jc.pushes() {
			if pr.host == "" {
				continue
			}
			cv := jc.coverFor(pr.i, pr.host)
			if cv.covered || cv.unsure || len(cv.wrongTool) == 0 {
				continue
			}
			l := cv.wrongTool[0]
			c.report("GLC016", jc.cmdPos(pr.cmd), jc, pr.host, fmt.Sprintf(
				"`%s login` stores the credential in the containers auth file, which `%s` does not read, so `%s` pushes with no login; log in with `%s login` (or use `%s push`).",
				l.Tool, pr.cmd.Tool, short(pr.cmd.Text), pr.cmd.Tool, l.Tool))
			break
		}
	}
}
