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
		ID: "GHA014", Name: "push-may-have-no-tags", Cause: "invalid-reference", Severity: finding.Warning,
		Summary: "build-push-action pushes with no tags, or with tags from a metadata-action whose rules give none for some trigger.",
		Description: `With ` + "`push: true`" + ` and no tag, buildx fails with ` + "`tag is needed when pushing to registry`" + `. docker/metadata-action
produces no tag when none of its rules applies to the event: rules that are only ` + "`type=semver`" + `, ` + "`type=pep440`" + `,
` + "`type=match`" + ` or ` + "`event=tag`" + ` give nothing on a branch push, a schedule or a manual run. Add an always-on rule
(` + "`type=sha`" + `, ` + "`type=ref,event=branch`" + `) or push only on tags.

Sources: docker/build-push-action README; docker/metadata-action README (tags input).`,
		Broken: `on:
  push:
    branches: [main]
    tags: ['v*']
jobs:
  image:
    runs-on: ubuntu-latest
    steps:
      - uses: docker/login-action@v3
        with:
          username: ${{ secrets.DOCKERHUB_USERNAME }}
          password: ${{ secrets.DOCKERHUB_TOKEN }}
      - id: meta
        uses: docker/metadata-action@v5
        with:
          images: acme/app
          tags: |
            type=semver,pattern={{version}}
      - uses: docker/build-push-action@v6
        with:
          push: true
          tags: ${{ steps.meta.outputs.tags }}
`,
		Fixed: `on:
  push:
    branches: [main]
    tags: ['v*']
jobs:
  image:
    runs-on: ubuntu-latest
    steps:
      - uses: docker/login-action@v3
        with:
          username: ${{ secrets.DOCKERHUB_USERNAME }}
          password: ${{ secrets.DOCKERHUB_TOKEN }}
      - id: meta
        uses: docker/metadata-action@v5
        with:
          images: acme/app
          tags: |
            type=semver,pattern={{version}}
            type=ref,event=branch
      - uses: docker/build-push-action@v6
        with:
          push: true
          tags: ${{ steps.meta.outputs.tags }}
`,
	}, checkGHA014)
}

// nonTagTriggers lists triggers that run without a git tag.
func nonTagTriggers(w *wf.Workflow) []string {
	var out []string
	for _, t := range w.Triggers {
		switch t.Name {
		case "push":
			if t.Node != nil && onlyTags(t) {
				continue
			}
			out = append(out, "push")
		case "workflow_dispatch", "schedule", "workflow_run", "repository_dispatch":
			out = append(out, t.Name)
		}
	}
	return out
}

// onlyTags: a push trigger with tags filters and no branches filter.
func onlyTags(t wf.Trigger) bool {
	hasTags, hasBranches := false, false
	for i := 0; i+1 < len(t.Node.Content); i += 2 {
		switch t.Node.Content[i].Value {
		case "tags", "tags-ignore":
			hasTags = true
		case "branches", "branches-ignore":
			hasBranches = true
		}
	}
	return hasTags && !hasBranches
}

func checkGHA014(c *lintCtx, w *wf.Workflow) {
	for _, m := range c.jobs(w) {
		seen := map[*wf.Step]bool{}
		for _, p := range m.pushes {
			if !strings.HasSuffix(p.mech, "build-push-action") || seen[p.step] {
				continue
			}
			if p.ref == "" && !p.fromMeta {
				if strings.Contains(p.step.With["outputs"].Str, "name=") {
					continue
				}
				seen[p.step] = true
				c.report("GHA014", p.stepAt, "", "", fmt.Sprintf("%s pushes but has no tags: buildx fails with \"tag is needed when pushing to registry\"", p.mech),
					"Add `tags:` (full references), or take them from docker/metadata-action.")
				continue
			}
			if !p.fromMeta {
				continue
			}
			meta := m.metaStep(p.step.With["tags"].Str)
			if meta == nil {
				continue
			}
			tags := meta.With["tags"]
			if !tags.Set || strings.Contains(tags.Str, "${{") {
				continue
			}
			tagOnly := true
			for _, it := range splitList(strings.ReplaceAll(tags.Str, ",", ";")) {
				t := it.text
				if !(strings.Contains(t, "type=semver") || strings.Contains(t, "type=pep440") || strings.Contains(t, "type=match") || strings.Contains(t, "event=tag")) || strings.Contains(t, "enable=") {
					tagOnly = false
				}
			}
			trig := nonTagTriggers(w)
			if !tagOnly || len(trig) == 0 || guardedOnTags(p.cond) || guardedOnTags(p.pushCond) || guardedOnTags(m.job.If.Str) {
				continue
			}
			seen[p.step] = true
			c.report("GHA014", anchorLoc(meta, tags), "", "",
				fmt.Sprintf("metadata-action %q only has tag-event rules, so on %s it outputs no tag and the push fails with \"tag is needed when pushing to registry\"", meta.ID.Str, strings.Join(trig, ", ")),
				"Add an always-on rule such as `type=sha` or `type=ref,event=branch`, or push only for tags (`push: ${{ startsWith(github.ref, 'refs/tags/') }}`).")
		}
	}
}

func guardedOnTags(cond string) bool {
	return strings.Contains(cond, "refs/tags") || strings.Contains(cond, "ref_type") || strings.Contains(cond, "startsWith(github.ref")
}
