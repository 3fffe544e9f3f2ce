package github

import (
	"fmt"

	"github.com/regdoctor/regdoctor/internal/finding"
	"github.com/regdoctor/regdoctor/internal/lint"
	wf "github.com/regdoctor/regdoctor/internal/workflow/github"
)

func init() {
	register(lint.Meta{
		ID: "GHA010", Name: "push-without-login", Cause: "no-login", Severity: finding.Error,
		Summary: "A job pushes to a registry with no login for that registry anywhere in the workflow.",
		Description: `Each job of a GitHub-hosted workflow runs on a fresh virtual machine: credentials come only from a
login step in the same job, before the push (docker/login-action, amazon-ecr-login, ` + "`docker login`" + `, ` + "`gcloud auth configure-docker`" + `,
` + "`az acr login`" + ` ...). The runner's built-in Docker Hub credential is for pulls. A push with no login is
anonymous and fails with ` + "`unauthorized: authentication required`" + ` or ` + "`denied`" + `. Copies that read a private
registry (ghcr.io, ECR, Artifact Registry, ACR, GitLab) with no login are reported as warnings.
Hosts without a dot (service containers), localhost and ttl.sh are exempt.

Sources: shared/domain/ci-rules.md F-GH-21, F-GH-44; https://docs.github.com/en/actions/using-github-hosted-runners`,
		Broken: `on: push
jobs:
  image:
    runs-on: ubuntu-latest
    steps:
      - uses: docker/build-push-action@v6
        with:
          push: true
          tags: ghcr.io/acme/app:latest
`,
		Fixed: `on: push
permissions:
  packages: write
jobs:
  image:
    runs-on: ubuntu-latest
    steps:
      - uses: docker/login-action@v3
        with:
          registry: ghcr.io
          username: ${{ github.actor }}
          password: ${{ secrets.GITHUB_TOKEN }}
      - uses: docker/build-push-action@v6
        with:
          push: true
          tags: ghcr.io/acme/app:latest
`,
	}, checkGHA010)
}

func checkGHA010(c *lintCtx, w *wf.Workflow) {
	seen := map[string]bool{}
	for _, v := range c.verdicts(w) {
		if v.kind != vNoLogin {
			continue
		}
		host := v.p.host
		if v.source {
			host, _, _, _ = splitRef(v.p.copySource)
		}
		key := v.m.job.ID + "\x00" + host
		if seen[key] {
			continue
		}
		seen[key] = true
		if v.source {
			c.report("GHA010", v.p.at, finding.Warning, host,
				fmt.Sprintf("job %q copies from %s with no usable login to %s in the job (a GITHUB_TOKEN login needs packages: read): a private image cannot be read anonymously", v.m.job.ID, v.p.copySource, host),
				fmt.Sprintf("Log in to %s in job %q before the copy.", host, v.m.job.ID))
			continue
		}
		sev, note := finding.Severity(""), "each job starts with no registry credentials"
		if selfHosted(v.m.job) {
			sev, note = finding.Warning, "a self-hosted runner may hold a stored login, a GitHub-hosted one has none"
		}
		c.report("GHA010", v.p.stepAt, sev, host,
			fmt.Sprintf("job %q pushes %s but no step logs in to %s (%s)", v.m.job.ID, v.p.ref, host, note),
			fmt.Sprintf("Add a login to %s in job %q before this push (docker/login-action with registry: %s).", host, v.m.job.ID, host))
	}
}
