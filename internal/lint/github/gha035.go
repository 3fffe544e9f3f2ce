package github

import (
	"fmt"

	"github.com/regdoctor/regdoctor/internal/finding"
	"github.com/regdoctor/regdoctor/internal/lint"
	wf "github.com/regdoctor/regdoctor/internal/workflow/github"
)

func init() {
	register(lint.Meta{
		ID: "GHA035", Name: "image-input-shell-variable", Cause: "invalid-reference", Severity: finding.Error,
		Summary: "An image name or tag input of an action uses shell syntax ($NAME), which actions do not expand.",
		Description: `Action inputs under ` + "`with:`" + ` are not run through a shell. ` + "`images: $REGISTRY/$REPOSITORY`" + ` given to
docker/metadata-action, or ` + "`tags: app:$GITHUB_SHA`" + ` given to docker/build-push-action, reaches the action as the
literal text with ` + "`$`" + `, which is not a valid reference: the build fails with ` + "`invalid reference format`" + ` (or
metadata-action produces no usable tag). Step ` + "`env:`" + ` does not change this: it sets variables for the action's
process, not for its inputs. Inputs checked: metadata-action ` + "`images`" + `, build-push-action ` + "`tags`" + ` and ` + "`outputs`" + `,
push-to-registry and buildah-build ` + "`image`" + `, ` + "`tags`" + ` and ` + "`registry`" + `.

Fix: use an expression: ` + "`${{ env.REGISTRY }}/${{ env.REPOSITORY }}`" + `, ` + "`${{ steps.login-ecr.outputs.registry }}`" + `,
` + "`${{ github.sha }}`" + `.

Source: https://docs.github.com/en/actions/reference/workflows-and-actions/workflow-syntax (jobs.<job_id>.steps[*].with),
https://docs.github.com/en/actions/learn-github-actions/variables.`,
		Broken: `on: push
jobs:
  image:
    runs-on: ubuntu-latest
    steps:
      - id: meta
        uses: docker/metadata-action@v5
        env:
          REPOSITORY: acme/app
        with:
          images: $REPOSITORY
      - uses: docker/build-push-action@v6
        with:
          tags: ${{ steps.meta.outputs.tags }}
`,
		Fixed: `on: push
env:
  REPOSITORY: acme/app
jobs:
  image:
    runs-on: ubuntu-latest
    steps:
      - id: meta
        uses: docker/metadata-action@v5
        with:
          images: ${{ env.REPOSITORY }}
      - uses: docker/build-push-action@v6
        with:
          tags: ${{ steps.meta.outputs.tags }}
`,
	}, checkGHA035)
}

// imageInputsByAction are the inputs that take image names or references.
var imageInputsByAction = map[string][]string{
	"docker/metadata-action":                  {"images"},
	"crazy-max/ghaction-docker-meta":          {"images"},
	"docker/build-push-action":                {"tags", "outputs"},
	"redhat-actions/push-to-registry":         {"image", "tags", "registry"},
	"redhat-actions/buildah-build":            {"image", "tags"},
	"mr-smithers-excellent/docker-build-push": {"image", "registry", "tags"},
}

func checkGHA035(c *lintCtx, w *wf.Workflow) {
	for _, m := range c.jobs(w) {
		for _, s := range m.steps {
			for _, in := range imageInputsByAction[s.Action()] {
				v, ok := s.With[in]
				if !ok {
					continue
				}
				g := reShellSyntax().FindStringSubmatch(v.Str)
				if g == nil {
					continue
				}
				c.report("GHA035", anchorLoc(s, v), "", "",
					fmt.Sprintf("input %s of %s contains $%s: action inputs are not shell-expanded, so the literal text becomes part of the image name, which is not a valid reference", in, s.Action(), g[2]),
					fmt.Sprintf("Use an expression instead of $%s: `${{ env.%s }}` (defined in the workflow or job env) or a step output.", g[2], g[2]))
			}
		}
	}
}
