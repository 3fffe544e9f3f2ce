package github

import (
	"fmt"

	"github.com/regdoctor/regdoctor/internal/finding"
	"github.com/regdoctor/regdoctor/internal/lint"
	wf "github.com/regdoctor/regdoctor/internal/workflow/github"
)

func init() {
	register(lint.Meta{
		ID: "GHA011", Name: "login-host-mismatch", Cause: "login-wrong-host", Severity: finding.Error,
		Summary: "The job logs in, but to a different registry host than the one it pushes to.",
		Description: `Docker looks credentials up by registry host. docker/login-action without ` + "`registry:`" + ` logs in
to Docker Hub; a tag without a host (` + "`user/app`" + `) goes to Docker Hub; ECR credentials are per account and
region. When no login matches the pushed host exactly (after normalising Docker Hub aliases and schemes;
ports count), the push is anonymous and fails with ` + "`unauthorized`" + ` or ` + "`denied`" + `.

Sources: docker/login-action README; docker/cli credential store (host keys); shared/domain/ci-rules.md F-GH-33, F-GH-44.`,
		Broken: `on: push
permissions:
  packages: write
jobs:
  image:
    runs-on: ubuntu-latest
    steps:
      - uses: docker/login-action@v3
        with:
          username: ${{ github.actor }}
          password: ${{ secrets.GITHUB_TOKEN }}
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
	}, checkGHA011)
}

func checkGHA011(c *lintCtx, w *wf.Workflow) {
	seen := map[string]bool{}
	for _, v := range c.verdicts(w) {
		if v.kind != vWrongHost {
			continue
		}
		key := v.m.job.ID + "\x00" + v.p.host
		if seen[key] {
			continue
		}
		seen[key] = true
		var hosts []string
		for _, l := range v.others {
			if l.ecrAny {
				hosts = append(hosts, "ECR")
			}
			hosts = append(hosts, l.hosts...)
		}
		c.report("GHA011", v.p.at, "", v.p.host,
			fmt.Sprintf("job %q pushes %s to %s, but logs in only to %s (line %d)", v.m.job.ID, v.p.ref, v.p.host, fmtHosts(hosts), v.others[0].at.Line),
			fmt.Sprintf("Log in to %s (docker/login-action `registry: %s`), or push to the registry you log in to.", v.p.host, v.p.host))
	}
}
