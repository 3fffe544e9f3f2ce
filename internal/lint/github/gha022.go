package github

import (
	"fmt"
	"regexp"
	"strings"
	"sync"

	"github.com/regdoctor/regdoctor/internal/finding"
	"github.com/regdoctor/regdoctor/internal/lint"
	wf "github.com/regdoctor/regdoctor/internal/workflow/github"
)

func init() {
	register(lint.Meta{
		ID: "GHA022", Name: "secret-tainted-cross-job-image-ref", Cause: "empty-credential", Severity: finding.Warning,
		Summary: "A job output built from a secret (or a masked ECR registry) is used downstream as an image reference, registry or login input.",
		Description: `The runner drops a job output whose value contains a registered secret (log: ` + "`Skip output '<name>' since it may contain secret`" + `),
so ` + "`needs.<job>.outputs.<name>`" + ` is empty in the next job. An image name built from a secret (a Docker Hub user
kept as a secret) or from amazon-ecr-login's ` + "`registry`" + ` output (the account id is masked) then becomes an empty or
invalid reference (` + "`tag is needed when pushing to registry`" + `) or an empty login. Pass only non-secret parts (` + "`vars.*`" + `)
or rebuild the reference in the consuming job.

Source: actions/runner (job output handling); shared/domain/ci-rules.md F-GH-14, F-GH-41.`,
		Broken: `on: push
jobs:
  meta:
    runs-on: ubuntu-latest
    outputs:
      image: ${{ secrets.DOCKERHUB_USERNAME }}/app
    steps:
      - run: echo ok
  push:
    needs: meta
    runs-on: ubuntu-latest
    steps:
      - uses: docker/login-action@v3
        with:
          username: ${{ secrets.DOCKERHUB_USERNAME }}
          password: ${{ secrets.DOCKERHUB_TOKEN }}
      - run: docker push ${{ needs.meta.outputs.image }}:1
`,
		Fixed: `on: push
jobs:
  meta:
    runs-on: ubuntu-latest
    outputs:
      image: ${{ vars.DOCKERHUB_USERNAME }}/app
    steps:
      - run: echo ok
  push:
    needs: meta
    runs-on: ubuntu-latest
    steps:
      - uses: docker/login-action@v3
        with:
          username: ${{ secrets.DOCKERHUB_USERNAME }}
          password: ${{ secrets.DOCKERHUB_TOKEN }}
      - run: docker push ${{ needs.meta.outputs.image }}:1
`,
	}, checkGHA022)
}

var reNeedsOut = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`needs\.([A-Za-z0-9_-]+)\.outputs\.([A-Za-z0-9_-]+)`) })

// taintedOutputs returns job J's outputs whose value contains a secret or
// a masked ECR registry output, with the reason.
func (c *lintCtx) taintedOutputs(w *wf.Workflow, j *wf.Job) map[string]string {
	out := map[string]string{}
	m := c.build(w, j)
	for name, v := range j.Outputs {
		if cr := classifyCred(v.Str); len(cr.secrets) > 0 {
			out[name] = "secrets." + cr.secrets[0]
			continue
		}
		for _, g := range findAllIf(v.Str, "steps.", reStepOut) {
			if s := m.stepByID(g[1]); s != nil && s.Action() == "aws-actions/amazon-ecr-login" && g[2] == "registry" {
				out[name] = "the masked ECR registry of step " + g[1]
			}
		}
	}
	return out
}

func checkGHA022(c *lintCtx, w *wf.Workflow) {
	jobs := map[string]*wf.Job{}
	for _, j := range w.Jobs {
		jobs[j.ID] = j
	}
	for _, m := range c.jobs(w) {
		var uses []struct {
			at  loc
			ref string
		}
		for _, p := range append(append([]*push{}, m.pushes...), m.names...) {
			uses = append(uses, struct {
				at  loc
				ref string
			}{p.at, p.ref})
		}
		for _, l := range m.logins {
			for _, h := range l.hosts {
				uses = append(uses, struct {
					at  loc
					ref string
				}{l.at, h + " " + l.user.text})
			}
		}
		done := map[string]bool{}
		for _, u := range uses {
			for _, g := range findAllIf(u.ref, "needs.", reNeedsOut) {
				pj, ok := jobs[g[1]]
				if !ok || done[g[0]] {
					continue
				}
				why, bad := c.taintedOutputs(w, pj)[g[2]]
				if !bad {
					continue
				}
				done[g[0]] = true
				c.report("GHA022", u.at, "", "",
					fmt.Sprintf("%s is built from %s; the runner drops job outputs that contain a secret, so in job %q it is empty and %s is not a usable reference or login", g[0], why, m.job.ID, strings.TrimSpace(u.ref)),
					"Build the value from non-secret parts (vars.*, literals) or recompute it in this job.")
			}
		}
	}
}
