package github

import (
	"fmt"
	"regexp"
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
repository in fork pull requests too. A guard made only of head-repository tests (` + "`head.repo.fork`" + `,
` + "`head.repo.full_name == github.repository`" + `) skips forks but not Dependabot, whose pull requests come from a
branch of the same repository and also run without Actions secrets: reported with that reason. The reverse, a
guard made only of ` + "`github.actor != 'dependabot[bot]'`" + `, still lets fork pull requests run. A login with
` + "`continue-on-error: true`" + ` in a job that pushes nothing does not fail the job and is not reported.

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
        if: github.event.pull_request.head.repo.full_name == github.repository && github.actor != 'dependabot[bot]'
        with:
          username: ${{ secrets.DOCKERHUB_USERNAME }}
          password: ${{ secrets.DOCKERHUB_TOKEN }}
      - uses: docker/build-push-action@v6
        with:
          push: ${{ github.event.pull_request.head.repo.full_name == github.repository && github.actor != 'dependabot[bot]' }}
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
		jobGuard := guardKind(m.job.If.Str)
		if jobGuard == guardFull || m.job.Uses.Set {
			continue
		}
		reported := false
		for _, l := range m.logins {
			secret := l.pass.kind == credSecret || l.user.kind == credSecret
			if !secret {
				continue
			}
			g := combineGuards(jobGuard, guardKind(l.cond))
			if g == guardFull || l.contErr && len(m.pushes) == 0 {
				continue // a failing login that may fail and feeds no push does not fail the job
			}
			secrets := "secrets." + strings.Join(append(l.user.secrets, l.pass.secrets...), "/secrets.")
			if g == guardForkOnly {
				c.report("GHA005", l.at, "", firstHost(l.hosts),
					fmt.Sprintf("%s in job %q reads %s on %s and is skipped only for fork pull requests: Dependabot's pull requests come from a branch of this repository, pass that guard, and get no Actions secrets, so the login fails with empty credentials", l.mech, m.job.ID, secrets, strings.Join(prs, ", ")),
					"Also skip Dependabot: add `&& github.actor != 'dependabot[bot]'` to the condition, or store the secret as a Dependabot secret.")
				reported = true
				break
			}
			who := "fork and Dependabot pull requests"
			if g == guardDependabotOnly {
				who = "fork pull requests (the condition skips only Dependabot)"
			}
			c.report("GHA005", l.at, "", firstHost(l.hosts),
				fmt.Sprintf("%s in job %q reads %s on %s: for %s the secrets are empty and the login fails", l.mech, m.job.ID, secrets, strings.Join(prs, ", "), who),
				"Skip the login (and push) for pull requests from forks and Dependabot: `if: github.event_name != 'pull_request' || (github.event.pull_request.head.repo.full_name == github.repository && github.actor != 'dependabot[bot]')`.")
			reported = true
			break
		}
		if reported || jobGuard == guardForkOnly {
			continue
		}
		for _, p := range m.pushes {
			if guardKind(p.cond) >= guardForkOnly || guardKind(p.pushCond) >= guardForkOnly || p.host == "self" {
				continue
			}
			tokenPush := false
			for _, l := range m.logins {
				if l.pass.kind == credGitHubToken && (p.known && l.covers(p.host) || !p.known) && guardKind(l.cond) < guardForkOnly {
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

// Guard kinds of an `if:` condition, as far as fork and Dependabot pull
// requests are concerned.
const (
	guardNone           = iota // no guard: runs for every pull request
	guardDependabotOnly        // skips Dependabot only: fork pull requests still run
	guardForkOnly              // skips pull requests from forks only
	guardFull                  // a guard this rule does not second-guess
)

// forkGuardTokens are the expressions that tell a fork pull request from a
// branch of the same repository. A Dependabot pull request is a branch of the
// same repository (head.repo.fork is false, head.repo.full_name equals
// github.repository), so a condition built only from them still lets it run,
// without Actions secrets (https://docs.github.com/en/code-security/dependabot/troubleshooting-dependabot/troubleshooting-dependabot-on-github-actions).
var forkGuardTokens = []string{
	"github.event.pull_request.head.repo.fork", "github.event.pull_request.head.repo.full_name",
	"github.event.pull_request.head.repo.owner.login", "github.repository_owner", "github.repository",
}

// guardKind classifies cond: guardForkOnly when its only guard is a
// head-repository (fork) test, guardFull for any other guard guarded
// recognises, guardNone otherwise.
func guardKind(cond string) int {
	if !guarded(cond) {
		return guardNone
	}
	rest := strings.ToLower(cond)
	fork := false
	for _, t := range forkGuardTokens {
		if strings.Contains(rest, t) {
			fork = fork || strings.Contains(t, "head.repo")
			rest = strings.ReplaceAll(rest, t, "")
		}
	}
	if fork && !guarded(rest) {
		return guardForkOnly
	}
	if dependabotOnly(cond) {
		return guardDependabotOnly
	}
	return guardFull
}

// combineGuards is the guard of a step whose job and step conditions have
// kinds a and b: a fork-only and a Dependabot-only guard together cover both.
func combineGuards(a, b int) int {
	if a == guardForkOnly && b == guardDependabotOnly || a == guardDependabotOnly && b == guardForkOnly {
		return guardFull
	}
	return max(a, b)
}

// reNotDependabot matches `github.actor != 'dependabot[bot]'` (and the
// triggering_actor / user.login spellings).
var reNotDependabot = regexp.MustCompile(`(?i)(github\.(triggering_)?actor|github\.event\.pull_request\.user\.login)\s*!=\s*['"]dependabot\[bot\]['"]`)

// dependabotOnly reports a condition whose only guard is "the actor is not
// Dependabot": a fork pull request's actor is its author, so it still runs.
func dependabotOnly(cond string) bool {
	if !reNotDependabot.MatchString(cond) {
		return false
	}
	rest := reNotDependabot.ReplaceAllString(cond, "")
	return !guarded(rest) && !strings.Contains(strings.ToLower(rest), "dependabot")
}
