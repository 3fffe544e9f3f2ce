package catalog

import (
	"fmt"
	"strings"

	"github.com/regdoctor/regdoctor/internal/reghost"
)

// Markdown renders one cause as the Markdown page stored at DocPath and
// printed by 'regdoctor causes ID'.
func Markdown(c Cause) string {
	var b strings.Builder
	fmt.Fprintf(&b, "# %s (`%s`)\n\n", c.Title, c.ID)
	fmt.Fprintf(&b, "Layer: %s. %s\n\n", c.Layer, c.Summary)
	if c.Meaning != "" {
		fmt.Fprintf(&b, "## What it means\n\n%s\n\n", strings.TrimSpace(c.Meaning))
	}
	list := func(title string, items []string) {
		if len(items) == 0 {
			return
		}
		fmt.Fprintf(&b, "%s\n\n", title)
		for _, it := range items {
			fmt.Fprintf(&b, "- %s\n", strings.ReplaceAll(strings.TrimSpace(it), "\n", "\n  "))
		}
		b.WriteString("\n")
	}
	list("## How to confirm it", c.Confirm)
	if len(c.Fix) > 0 || len(c.RegistryFix) > 0 {
		b.WriteString("## How to fix it\n\n")
		for _, p := range []struct{ key, name string }{{GitHubActions, "GitHub Actions"}, {GitLabCI, "GitLab CI"}, {Shell, "Any shell or other CI"}} {
			list("### "+p.name, c.Fix[p.key])
		}
		for _, k := range reghost.Kinds {
			list("### "+reghost.Names[k], c.RegistryFix[string(k)])
		}
	}
	if len(c.Signals) > 0 {
		b.WriteString("## What it looks like in a log\n\n")
		for _, s := range c.Signals {
			fmt.Fprintf(&b, "- `%s`\n", strings.ReplaceAll(s, "`", "'"))
		}
		b.WriteString("\n")
	}
	list("## Sources", c.Sources)
	return b.String()
}
