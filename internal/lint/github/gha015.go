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
		ID: "GHA015", Name: "buildx-result-not-loaded", Cause: "invalid-reference", Severity: finding.Error,
		Summary: "An image built by build-push-action with the docker-container builder (setup-buildx-action) is neither pushed nor loaded, then `docker push`ed or tagged.",
		Description: `docker/setup-buildx-action creates a ` + "`docker-container`" + ` builder. A build-push-action run without ` + "`push`" + `,
` + "`load`" + ` or ` + "`outputs`" + ` leaves the result in the build cache (` + "`No output specified with docker-container driver`" + `), so a
later ` + "`docker push <tag>`" + ` fails with ` + "`An image does not exist locally with the tag`" + `. Set ` + "`push: true`" + `, or ` + "`load: true`" + `
before pushing with the docker CLI.

Sources: https://docs.docker.com/build/builders/drivers/ ; docker/build-push-action README.`,
		Broken: `on: push
jobs:
  image:
    runs-on: ubuntu-latest
    steps:
      - uses: docker/setup-buildx-action@v3
      - uses: docker/login-action@v3
        with:
          username: ${{ secrets.DOCKERHUB_USERNAME }}
          password: ${{ secrets.DOCKERHUB_TOKEN }}
      - uses: docker/build-push-action@v6
        with:
          tags: acme/app:1
      - run: docker push acme/app:1
`,
		Fixed: `on: push
jobs:
  image:
    runs-on: ubuntu-latest
    steps:
      - uses: docker/setup-buildx-action@v3
      - uses: docker/login-action@v3
        with:
          username: ${{ secrets.DOCKERHUB_USERNAME }}
          password: ${{ secrets.DOCKERHUB_TOKEN }}
      - uses: docker/build-push-action@v6
        with:
          load: true
          tags: acme/app:1
      - run: docker push acme/app:1
`,
	}, checkGHA015)
}

func checkGHA015(c *lintCtx, w *wf.Workflow) {
	for _, m := range c.jobs(w) {
		if len(m.unloaded) == 0 {
			continue
		}
		builderAt := -1
		for i, s := range m.steps {
			if s.Action() == "docker/setup-buildx-action" && !strings.EqualFold(strings.TrimSpace(s.With["driver"].Str), "docker") {
				builderAt = i
				break
			}
		}
		if builderAt < 0 {
			continue
		}
		for _, u := range m.unloaded {
			if u.order < builderAt*1000 || u.ref == "" || strings.Contains(u.ref, "${{") {
				continue
			}
			later := append(append([]*push{}, m.pushes...), m.names...)
			for _, p := range later {
				if p.order <= u.order || !p.dockerCLI && p.copySource == "" && !strings.HasPrefix(p.mech, "docker") {
					continue
				}
				used := p.ref == u.ref && strings.HasPrefix(p.mech, "docker push") || p.copySource == u.ref && strings.HasPrefix(p.mech, "docker tag")
				if !used {
					continue
				}
				c.report("GHA015", p.stepAt, "", p.host,
					fmt.Sprintf("%s uses %s, built by build-push-action (line %d) with the setup-buildx docker-container builder and neither push nor load: the image is only in the build cache, so it does not exist locally", p.mech, u.ref, u.at.Line),
					"Set `push: true` on build-push-action, or `load: true` before using the image with the docker CLI.")
				break
			}
		}
	}
}
