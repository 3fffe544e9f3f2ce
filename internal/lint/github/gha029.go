package github

import (
	"fmt"
	"strings"

	"github.com/regdoctor/regdoctor/internal/finding"
	"github.com/regdoctor/regdoctor/internal/lint"
	wf "github.com/regdoctor/regdoctor/internal/workflow/github"
)

func init() {
	register(lint.Meta{
		ID: "GHA029", Name: "push-to-docker-hub-library", Cause: "push-outside-namespace", Severity: finding.Error,
		Summary: "A pushed reference has no namespace (`app:tag`), so it means docker.io/library/app, where nobody can push.",
		Description: `A reference with a single path component and no host is normalised to Docker Hub's official-images
namespace: ` + "`app:1`" + ` is ` + "`docker.io/library/app:1`" + `. Pushing there is denied
(` + "`denied: requested access to the resource is denied`" + `). A common cause is docker/build-push-action v1 ` + "`tags:`" + `
(bare tag names) kept after moving to v2, where ` + "`tags`" + ` are full references.

Sources: distribution/reference normalize.go; https://docs.docker.com/security/access-tokens/ ; docker/build-push-action v2 migration notes.`,
		Broken: `on: push
jobs:
  image:
    runs-on: ubuntu-latest
    steps:
      - uses: docker/login-action@v3
        with:
          username: ${{ secrets.DOCKERHUB_USERNAME }}
          password: ${{ secrets.DOCKERHUB_TOKEN }}
      - uses: docker/build-push-action@v6
        with:
          push: true
          tags: latest
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
      - uses: docker/build-push-action@v6
        with:
          push: true
          tags: acme/app:latest
`,
	}, checkGHA029)
}

func checkGHA029(c *lintCtx, w *wf.Workflow) {
	for _, m := range c.jobs(w) {
		for _, p := range m.pushes {
			if strings.HasPrefix(p.mech, "podman") || strings.HasPrefix(p.mech, "buildah") {
				continue // their short names resolve through registries.conf, not docker.io
			}
			if !p.known || p.host != "docker.io" || !strings.HasPrefix(p.repo, "library/") || strings.Contains(p.ref, "/") || strings.Contains(p.ref, "$") {
				continue
			}
			at := p.namespaceAt()
			c.report("GHA029", at, "", p.host,
				fmt.Sprintf("%s pushes %q%s, which has no namespace and means docker.io/%s: the official-images namespace, where pushes are denied", p.mech, p.ref, p.pushedNote(at), p.repo),
				"Use a full reference: `<user-or-org>/app:tag` for Docker Hub, or `host/namespace/app:tag` for another registry.")
		}
	}
}
