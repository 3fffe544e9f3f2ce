package github

import (
	"fmt"
	"sort"
	"strings"

	"github.com/regdoctor/regdoctor/internal/finding"
	"github.com/regdoctor/regdoctor/internal/lint"
	wf "github.com/regdoctor/regdoctor/internal/workflow/github"
)

func init() {
	register(lint.Meta{
		ID: "GHA002", Name: "reusable-permission-escalation", Cause: "gh-token-packages-permission", Severity: finding.Error,
		Summary: "A job calls a local reusable workflow whose jobs request more token permissions than the caller grants.",
		Description: `A called workflow can keep or lower the caller's ` + "`GITHUB_TOKEN`" + ` permissions, never raise them. When a
nested job requests more (for example ` + "`packages: write`" + ` while the calling job grants only ` + "`contents: read`" + `), the
whole run is invalid at startup: ` + "`The nested job '<job>' is requesting 'packages: write', but is only allowed 'packages: none'`" + `.
An ` + "`if:`" + ` on the calling job does not prevent the check. The callee is read from the repository when ` + "`uses:`" + ` is
local (` + "`./.github/workflows/x.yml`" + `); remote callees are not fetched.

Sources: https://docs.github.com/en/actions/sharing-automations/reusing-workflows ; actions/runner#4151.`,
		Broken: `on: push
permissions:
  contents: read
jobs:
  publish:
    uses: ./.github/workflows/publish.yml
`,
		Fixed: `on: push
permissions:
  contents: read
jobs:
  publish:
    permissions:
      contents: read
      packages: write
    uses: ./.github/workflows/publish.yml
`,
	}, checkGHA002)
}

// allScopes are the token scopes (F-GH-01).
var allScopes = []string{"actions", "attestations", "checks", "contents", "deployments", "discussions", "id-token", "issues",
	"models", "packages", "pages", "pull-requests", "repository-projects", "security-events", "statuses"}

func requested(p *wf.Permissions) map[string]string {
	out := map[string]string{}
	switch p.All {
	case "write-all":
		for _, s := range allScopes {
			out[s] = "write"
		}
	case "read-all":
		for _, s := range allScopes {
			out[s] = "read"
		}
	default:
		for s, l := range p.Scopes {
			out[s] = l
		}
	}
	return out
}

func checkGHA002(c *lintCtx, w *wf.Workflow) {
	for _, j := range w.Jobs {
		if !j.Uses.Set {
			continue
		}
		callee, err := c.repo.LocalCallee(j)
		if err != nil || callee == nil {
			continue
		}
		var problems []string
		for _, cj := range callee.Jobs {
			block := cj.Permissions
			if block == nil {
				block = callee.Permissions
			}
			if block == nil || block.Unknown {
				continue
			}
			req := requested(block)
			scopes := make([]string, 0, len(req))
			for s := range req {
				scopes = append(scopes, s)
			}
			sort.Strings(scopes)
			for _, s := range scopes {
				lvl, _, _, known := effectivePerm(w, j, s)
				if !known {
					continue
				}
				if rank(req[s]) > rank(lvl) {
					problems = append(problems, fmt.Sprintf("nested job %q requests '%s: %s' but is only allowed '%s: %s'", cj.ID, s, req[s], s, lvl))
				}
			}
		}
		if len(problems) == 0 {
			continue
		}
		at := loc{w.File, j.Uses.Pos}
		if j.Permissions != nil {
			at = loc{w.File, j.Permissions.Pos}
		} else if w.Permissions != nil {
			at = loc{w.File, w.Permissions.Pos}
		}
		if len(problems) > 3 {
			problems = append(problems[:3], fmt.Sprintf("and %d more", len(problems)-3))
		}
		c.report("GHA002", at, "", "", fmt.Sprintf("job %q calls %s: %s; the run is rejected at startup", j.ID, j.Uses.Str, strings.Join(problems, "; ")),
			"Grant the scopes the called workflow needs on the calling job (`permissions:` under jobs."+j.ID+"), or lower the callee's request.")
	}
}
