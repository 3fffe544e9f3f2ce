package github

import (
	"fmt"

	"github.com/regdoctor/regdoctor/internal/finding"
	"github.com/regdoctor/regdoctor/internal/lint"
	"github.com/regdoctor/regdoctor/internal/reghost"
	wf "github.com/regdoctor/regdoctor/internal/workflow/github"
)

func init() {
	register(lint.Meta{
		ID: "GHA001", Name: "ghcr-push-without-packages-write", Cause: "gh-token-packages-permission", Severity: finding.Error,
		Summary: "A job pushes to ghcr.io with GITHUB_TOKEN but its effective permissions lack `packages: write`.",
		Description: `GHCR accepts a push authenticated with ` + "`GITHUB_TOKEN`" + ` only when the job's token has
` + "`packages: write`" + `. A ` + "`permissions:`" + ` mapping that names any scope sets every other scope to ` + "`none`" + `
(so a hardening sweep that adds ` + "`permissions: {contents: read}`" + ` silently drops ` + "`packages`" + `), and a job-level
block replaces the workflow-level block instead of merging with it. With no block at all the token gets the
repository default, which is read-only for repositories and organisations created since February 2023
(reported as a warning because the default is not visible in the file). At run time the push fails with
` + "`denied: permission_denied: write_package`" + ` or ` + "`installation not allowed to Create organization package`" + `.

Sources: https://docs.github.com/en/actions/security-for-github-actions/security-guides/automatic-token-authentication ,
https://docs.github.com/en/actions/reference/workflows-and-actions/workflow-syntax#permissions ,
https://github.blog/changelog/2023-02-02-github-actions-updating-the-default-github_token-permissions-to-read-only`,
		Broken: `on: push
permissions:
  contents: read
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
		Fixed: `on: push
permissions:
  contents: read
jobs:
  image:
    runs-on: ubuntu-latest
    permissions:
      contents: read
      packages: write
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
	}, checkGHA001)
}

const fixPackagesWrite = "Grant the token write access to packages on the pushing job:\n  permissions:\n    contents: read\n    packages: write"

func checkGHA001(c *lintCtx, w *wf.Workflow) {
	checkGHA001Callers(c, w)
	for _, m := range c.jobs(w) {
		if m.job.Uses.Set {
			continue
		}
		var tokenLogin *login
		for _, l := range m.logins {
			if l.pass.kind == credGitHubToken && !l.implicit && (l.covers("ghcr.io") || coversKind(l, reghost.GHCR)) {
				tokenLogin = l
				break
			}
		}
		if tokenLogin == nil {
			continue
		}
		if !pushesToGHCR(m) {
			continue
		}
		level, block, fromJob, known := effectivePerm(w, m.job, "packages")
		if known && level == "write" {
			continue
		}
		if block != nil && block.Unknown {
			continue
		}
		switch {
		case !known:
			msg := fmt.Sprintf("job %q logs in to ghcr.io with GITHUB_TOKEN and pushes, but neither the job nor the workflow has a permissions block: the token gets the repository default, which is read-only (packages: read) for repositories and organisations created since 2023-02", m.job.ID)
			if w.CallSecrets != nil {
				msg = fmt.Sprintf("reusable workflow job %q logs in to ghcr.io with GITHUB_TOKEN and pushes without declaring permissions: it gets what the caller grants, read-only by default", m.job.ID)
			}
			at := tokenLogin.at
			if tokenLogin.passAt.Line > 0 {
				at = tokenLogin.passAt
			}
			c.report("GHA001", at, finding.Warning, "ghcr.io", msg, fixPackagesWrite)
		case fromJob && w.Permissions != nil && w.Permissions.Level("packages") == "write":
			c.report("GHA001", loc{w.File, block.Pos}, "", "ghcr.io",
				fmt.Sprintf("job %q has its own permissions block without packages: write; a job block replaces the workflow block (which grants it), so GITHUB_TOKEN cannot push to ghcr.io (login at line %d)", m.job.ID, tokenLogin.at.Line),
				fixPackagesWrite)
		default:
			where := "workflow"
			if fromJob {
				where = fmt.Sprintf("job %q", m.job.ID)
			}
			desc := "names other scopes only, so packages is none"
			switch {
			case block.All == "read-all":
				desc = "is read-all"
			case level == "read":
				desc = "grants packages: read only"
			case len(block.Scopes) == 0:
				desc = "is {} (every scope none)"
			}
			c.report("GHA001", loc{w.File, block.Pos}, "", "ghcr.io",
				fmt.Sprintf("the %s permissions block %s; job %q pushes to ghcr.io with GITHUB_TOKEN (login at line %d), which needs packages: write", where, desc, m.job.ID, tokenLogin.at.Line),
				fixPackagesWrite)
		}
	}
}

func coversKind(l *login, k reghost.Kind) bool {
	for _, h := range l.hosts {
		if hostKnown(h) && reghost.Classify(h) == k {
			return true
		}
	}
	return false
}

// pushesToGHCR: the job pushes to ghcr.io, to a target we cannot read, or
// through an opaque pusher; a job whose every push goes elsewhere does not.
func pushesToGHCR(m *jobModel) bool {
	if len(m.opaquePush) > 0 {
		return true
	}
	if len(m.pushes) == 0 {
		// a GITHUB_TOKEN login to ghcr.io is made to push (pulls of public images need none)
		return true
	}
	for _, p := range m.pushes {
		if !p.known || reghost.Classify(p.host) == reghost.GHCR {
			return true
		}
	}
	return false
}

// checkGHA001Callers: a job calling a local reusable workflow whose pushing
// job declares no permissions gets the caller's grant (F-GH-15); report at
// the caller when that grant is known and lacks packages: write.
func checkGHA001Callers(c *lintCtx, w *wf.Workflow) {
	for _, j := range w.Jobs {
		if !j.Uses.Set {
			continue
		}
		callee, err := c.repo.LocalCallee(j)
		if err != nil || callee == nil || callee.Permissions != nil {
			continue
		}
		level, block, _, known := effectivePerm(w, j, "packages")
		if !known || level == "write" || block.Unknown {
			continue
		}
		for _, cj := range callee.Jobs {
			if cj.Permissions != nil || cj.Uses.Set {
				continue
			}
			m := c.build(callee, cj)
			var tokenLogin *login
			for _, l := range m.logins {
				if l.pass.kind == credGitHubToken && !l.implicit && (l.covers("ghcr.io") || coversKind(l, reghost.GHCR)) {
					tokenLogin = l
					break
				}
			}
			if tokenLogin == nil || !pushesToGHCR(m) {
				continue
			}
			c.report("GHA001", loc{w.File, block.Pos}, "", "ghcr.io",
				fmt.Sprintf("job %q calls %s, whose job %q pushes to ghcr.io with GITHUB_TOKEN and declares no permissions, so it gets this grant, which has packages: %s", j.ID, j.Uses.Str, cj.ID, level),
				fixPackagesWrite)
			break
		}
	}
}
