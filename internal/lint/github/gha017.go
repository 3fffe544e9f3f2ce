package github

import (
	"fmt"

	"github.com/regdoctor/regdoctor/internal/finding"
	"github.com/regdoctor/regdoctor/internal/lint"
	wf "github.com/regdoctor/regdoctor/internal/workflow/github"
)

func init() {
	register(lint.Meta{
		ID: "GHA017", Name: "scoped-login-used-by-docker-cli", Cause: "no-login", Severity: finding.Error,
		Summary: "docker/login-action with `scope:` logs in for Buildx only, but the job pushes with the docker CLI.",
		Description: `With ` + "`scope:`" + ` docker/login-action writes the credential into the Buildx config directory, not the
Docker config: build-push-action sees it, ` + "`docker push`" + ` / ` + "`docker manifest push`" + ` do not, and push anonymously.
Drop ` + "`scope`" + ` or push through build-push-action. ` + "`DOCKER_LOGIN_SCOPE_DISABLED=true`" + ` on the step is honoured.

Source: docker/login-action README ("Set scopes for the authentication token").`,
		Broken: `on: push
jobs:
  image:
    runs-on: ubuntu-latest
    steps:
      - uses: docker/login-action@v3
        with:
          username: ${{ secrets.DOCKERHUB_USERNAME }}
          password: ${{ secrets.DOCKERHUB_TOKEN }}
          scope: acme/app@push
      - run: docker push acme/app:latest
`,
		Fixed: `on: push
jobs:
  image:
    runs-on: ubuntu-latest
    steps:
      - uses: docker/login-action@v3
        with:
          username: ${{ secrets.DOCKERHUB_USERNAME }}
          password: ${{ secrets.DOCKERHUB_TOKEN }}
      - run: docker push acme/app:latest
`,
	}, checkGHA017)
}

func checkGHA017(c *lintCtx, w *wf.Workflow) {
	for _, v := range c.verdicts(w) {
		if v.kind != vScoped {
			continue
		}
		c.report("GHA017", v.p.at, "", v.p.host,
			fmt.Sprintf("%s pushes %s with the docker CLI, but the only login to %s (line %d) has scope:, which stores the credential for Buildx only", v.p.mech, v.p.ref, v.p.host, v.by[0].at.Line),
			"Remove `scope:` from the login, or push with docker/build-push-action.")
	}
}
