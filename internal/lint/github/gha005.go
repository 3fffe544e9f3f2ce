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
		ID: "GHA005", Name: "fork-pr-unguarded-push", Cause: "fork-pr-readonly", Severity: finding.Warning,
		Summary: "A workflow run by pull_request logs in with secrets, or pushes, with no guard against fork (and Dependabot) pull requests.",
		Description: `For ` + "`pull_request`" + ` runs from a fork (and for Dependabot's pull requests) the token is read-only and
repository secrets are empty. A registry login that reads ` + "`secrets.X`" + ` then fails with ` + "`Username and password required`" + `,
and a push with ` + "`GITHUB_TOKEN`" + ` is denied. Guard the login and push on the event or on the head repository, or
build without pushing on pull requests. A check of ` + "`github.repository`" + ` is not a guard: it names the base
repository in fork pull requests too.

Sources: https://docs.github.com/en/actions/security-for-github-actions/security-guides/using-secrets-in-github-actions ;
https://docs.github.com/en/code-security/dependabot/troubleshooting-dependabot/troubleshooting-dependabot-on-github-actions`,
		Broken: `on: pull_request
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
          tags: acme/app:pr
`,
		Fixed: `on: pull_request
jobs:
  image:
    runs-on: ubuntu-latest
    steps:
      - uses: docker/login-action@v3
        if: github.event.pull_request.head.repo.full_name == github.repository
        with:
          username: ${{ secrets.DOCKERHUB_USERNAME }}
          password: ${{ secrets.DOCKERHUB_TOKEN }}
      - uses: docker/build-push-action@v6
        with:
          push: ${{ github.event.pull_request.head.repo.full_name == github.repository }}
          tags: acme/app:pr
`,
	}, checkGHA005)
}

func checkGHA005(c *lintCtx, w *wf.Workflow) {
	prs := prTriggers(w)
	if len(prs) == 0 {
		return
	}
	for _, m := range c.jobs(w) {
		if guarded(m.job.If.Str) || m.job.Uses.Set {
			continue
		}
		reported := false
		for _, l := range m.logins {
			secret := l.pass.kind == credSecret || l.user.kind == credSecret
			if !secret || guarded(l.cond) {
				continue
			}
			c.report("GHA005", l.at, "", firstHost(l.hosts),
				fmt.Sprintf("%s in job %q reads %s on %s: for fork and Dependabot pull requests the secrets are empty and the login fails", l.mech, m.job.ID, "secrets."+strings.Join(append(l.user.secrets, l.pass.secrets...), "/secrets."), strings.Join(prs, ", ")),
				"Skip the login (and push) for pull requests from forks: `if: github.event_name != 'pull_request' || github.event.pull_request.head.repo.full_name == github.repository`.")
			reported = true
			break
		}
		if reported {
			continue
		}
		for _, p := range m.pushes {
			if guarded(p.cond) || guarded(p.pushCond) || p.host == "self" {
				continue
			}
			tokenPush := false
			for _, l := range m.logins {
				if l.pass.kind == credGitHubToken && (p.known && l.covers(p.host) || !p.known) && !guarded(l.cond) {
					tokenPush = true
				}
			}
			if !tokenPush {
				continue
			}
			at := p.at
			if p.pushAt.Line > 0 {
				at = p.pushAt
			}
			c.report("GHA005", at, "", p.host,
				fmt.Sprintf("job %q pushes %s with GITHUB_TOKEN on %s with no fork guard: in fork pull requests the token is read-only and the push is denied", m.job.ID, orUnknown(p.ref), strings.Join(prs, ", ")),
				"Push only outside fork pull requests: `push: ${{ github.event_name != 'pull_request' }}` or guard on github.event.pull_request.head.repo.full_name == github.repository.")
			break
		}
	}
}

func firstHost(hs []string) string {
	if len(hs) > 0 {
		return hs[0]
	}
	return ""
}

func orUnknown(s string) string {
	if s == "" {
		return "(no tag)"
	}
	return s
}
