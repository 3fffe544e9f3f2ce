package github

import (
	"fmt"
	"strings"

	"github.com/agnivade/levenshtein"

	"github.com/regdoctor/regdoctor/internal/finding"
	"github.com/regdoctor/regdoctor/internal/lint"
	"github.com/regdoctor/regdoctor/internal/reghost"
	wf "github.com/regdoctor/regdoctor/internal/workflow/github"
)

func init() {
	register(lint.Meta{
		ID: "GHA031", Name: "ghcr-namespace-typo", Cause: "push-outside-namespace", Severity: finding.Warning,
		Summary: "A push to ghcr.io/<namespace>/... where the namespace is a near-miss spelling of the repository owner.",
		Description: `On GHCR the first path component of a repository is the owning user or organisation
(` + "`ghcr.io/OWNER/IMAGE_NAME`" + `). A namespace that is not the repository owner but differs from it only by case,
` + "`-`" + `/` + "`_`" + `, or an edit or two (` + "`danteev`" + ` for the owner ` + "`dante-ev`" + `, often the Docker Hub spelling of the
organisation) is almost surely a typo: the credential cannot create packages there, and the push fails with
` + "`denied`" + ` / ` + "`permission_denied`" + `, whatever the credential (a PAT acts for its user, who has no such namespace).
Names are compared in lowercase without ` + "`-`" + ` and ` + "`_`" + `; names of 5 or more characters may differ by an edit
distance of 2, shorter ones only by case and separators. The owner is read like GHA023 does (` + "`lint.owner`" + ` in
.regdoctor.yaml, the origin remote in .git/config, a ` + "`github.repository == 'owner/name'`" + ` guard); without it the rule
stays silent. A push with GITHUB_TOKEN into a foreign namespace is GHA023's finding, not reported twice. A warning,
because the near-miss name may be a real, separate account.

Sources: https://docs.github.com/en/packages/working-with-a-github-packages-registry/working-with-the-container-registry ;
https://docs.github.com/en/packages/learn-github-packages/about-permissions-for-github-packages`,
		Broken: `on: push
jobs:
  image:
    if: github.repository == 'dante-ev/texlive'
    runs-on: ubuntu-latest
    steps:
      - uses: docker/login-action@v3
        with:
          registry: ghcr.io
          username: ${{ secrets.GHCR_USER }}
          password: ${{ secrets.GHCR_PAT }}
      - uses: docker/build-push-action@v6
        with:
          push: true
          tags: ghcr.io/danteev/texlive:latest
`,
		Fixed: `on: push
jobs:
  image:
    if: github.repository == 'dante-ev/texlive'
    runs-on: ubuntu-latest
    steps:
      - uses: docker/login-action@v3
        with:
          registry: ghcr.io
          username: ${{ secrets.GHCR_USER }}
          password: ${{ secrets.GHCR_PAT }}
      - uses: docker/build-push-action@v6
        with:
          push: true
          tags: ghcr.io/dante-ev/texlive:latest
`,
	}, checkGHA031)
}

func checkGHA031(c *lintCtx, w *wf.Workflow) {
	if c.owner == "" {
		return
	}
	type group struct {
		v  verdict
		ns string
		at loc
		ps []*push
	}
	var groups []*group
	byKey := map[string]*group{}
	for _, v := range c.verdicts(w) {
		p := v.p
		if v.source || !p.known || reghost.Classify(p.host) != reghost.GHCR {
			continue
		}
		ns, _, _ := strings.Cut(p.repo, "/")
		if ns == "" || strings.ContainsAny(ns, "${}") || strings.EqualFold(ns, c.owner) || !nearOwner(ns, c.owner) {
			continue
		}
		if v.kind == vCovered && byGitHubToken(v.by) {
			continue // GHA023 reports a foreign namespace pushed with GITHUB_TOKEN
		}
		at := p.namespaceAt()
		key := fmt.Sprintf("%s:%d:%d:%s", at.file, at.Line, at.Col, ns)
		g := byKey[key]
		if g == nil {
			g = &group{v: v, ns: ns, at: at}
			byKey[key] = g
			groups = append(groups, g)
		}
		g.ps = append(g.ps, p)
	}
	for _, g := range groups {
		c.report("GHA031", g.at, "", g.v.p.host,
			fmt.Sprintf("job %q pushes %s%s into namespace %q, a near-miss of the repository owner %q: GHCR namespaces are owners, so the push is denied unless %q is a real account the credential can write to", g.v.m.job.ID, refList(g.ps), pushedNoteAll(g.at, g.ps), g.ns, c.owner, g.ns),
			fmt.Sprintf("Spell the namespace as the owner: ghcr.io/%s/...", strings.ToLower(c.owner)))
	}
}

// byGitHubToken reports a GITHUB_TOKEN login among ls.
func byGitHubToken(ls []*login) bool {
	for _, l := range ls {
		if l.pass.kind == credGitHubToken {
			return true
		}
	}
	return false
}

// nearOwner reports a namespace that is a likely misspelling of owner:
// equal in lowercase without '-' and '_', or (for owners of 5+ such
// characters) within Levenshtein distance 2.
func nearOwner(ns, owner string) bool {
	a, b := foldName(ns), foldName(owner)
	if a == "" || b == "" {
		return false
	}
	if a == b {
		return true
	}
	if len(b) < 5 || len(a) < 5 {
		return false
	}
	return levenshtein.ComputeDistance(a, b) <= 2
}

// foldName lowercases s and drops '-' and '_'.
func foldName(s string) string {
	return strings.Map(func(r rune) rune {
		if r == '-' || r == '_' {
			return -1
		}
		return r
	}, strings.ToLower(s))
}
