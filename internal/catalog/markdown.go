package catalog

import (
	"fmt"
	"strings"

	"github.com/regdoctor/regdoctor/internal/reghost"
)

// A confirm or fix step is written in causes.yaml as one string: the first
// line is prose (Markdown inline code allowed), any further lines are a
// literal block (commands or YAML), shown as a code block in Markdown and
// indented in text output.

// SplitStep splits a step into its prose line and its literal block ("" when
// the step is one line). The block keeps its own indentation.
func SplitStep(step string) (prose, block string) {
	step = strings.TrimRight(step, "\n ")
	prose, block, _ = strings.Cut(step, "\n")
	return strings.TrimSpace(prose), block
}

// BlockLang guesses the fence language of a literal block: "yaml" when its
// first line is a mapping key or a list item, otherwise "sh".
func BlockLang(block string) string {
	first := strings.TrimSpace(strings.SplitN(strings.TrimLeft(block, "\n"), "\n", 2)[0])
	if strings.HasPrefix(first, "- ") || strings.HasPrefix(first, "#") && !strings.HasPrefix(first, "#!") {
		return "yaml"
	}
	if k, _, ok := strings.Cut(first, ":"); ok && k != "" && !strings.ContainsAny(k, " $\"'/=") {
		return "yaml"
	}
	if strings.HasPrefix(first, "{") {
		return "json"
	}
	return "sh"
}

// PlatformNames gives the heading used for each Fix key, in display order.
var PlatformNames = []struct{ Key, Name string }{
	{GitHubActions, "GitHub Actions"},
	{GitLabCI, "GitLab CI/CD"},
	{Shell, "Any shell or other CI"},
}

// Markdown renders one cause as the Markdown page stored at DocPath and
// printed by 'regdoctor causes ID --format markdown'.
func Markdown(c Cause) string {
	var b strings.Builder
	fmt.Fprintf(&b, "# %s\n\n", c.Title)
	fmt.Fprintf(&b, "Cause id `%s`, layer `%s`.\n\n", c.ID, c.Layer)
	fmt.Fprintf(&b, "%s\n\n", strings.TrimSpace(c.Summary))
	if c.Meaning != "" {
		fmt.Fprintf(&b, "## What it means\n\n%s\n\n", strings.TrimSpace(c.Meaning))
	}
	steps := func(items []string, ordered bool) {
		endsWithBlock := false
		for i, it := range items {
			prose, block := SplitStep(it)
			mark := "-"
			if ordered {
				mark = fmt.Sprintf("%d.", i+1)
			}
			pad := strings.Repeat(" ", len(mark)+1)
			fmt.Fprintf(&b, "%s %s\n", mark, prose)
			if block != "" {
				fmt.Fprintf(&b, "\n%s```%s\n", pad, BlockLang(block))
				for _, l := range strings.Split(block, "\n") {
					if l == "" {
						b.WriteString("\n")
						continue
					}
					fmt.Fprintf(&b, "%s%s\n", pad, l)
				}
				fmt.Fprintf(&b, "%s```\n\n", pad)
			}
			endsWithBlock = block != ""
		}
		if !endsWithBlock {
			b.WriteString("\n")
		}
	}
	if len(c.Confirm) > 0 {
		b.WriteString("## How to confirm it\n\n")
		steps(c.Confirm, true)
	}
	if len(c.Fix) > 0 || len(c.RegistryFix) > 0 {
		b.WriteString("## How to fix it\n\n")
		for _, p := range PlatformNames {
			if len(c.Fix[p.Key]) > 0 {
				fmt.Fprintf(&b, "### %s\n\n", p.Name)
				steps(c.Fix[p.Key], false)
			}
		}
		for _, k := range reghost.Kinds {
			if len(c.RegistryFix[string(k)]) > 0 {
				fmt.Fprintf(&b, "### On %s\n\n", reghost.Names[k])
				steps(c.RegistryFix[string(k)], false)
			}
		}
	}
	if len(c.Signals) > 0 {
		b.WriteString("## What it looks like in a log\n\n")
		for _, s := range c.Signals {
			fmt.Fprintf(&b, "- `%s`\n", strings.ReplaceAll(s, "`", "'"))
		}
		b.WriteString("\n")
	}
	if len(c.Sources) > 0 {
		b.WriteString("## Sources\n\n")
		for _, s := range c.Sources {
			fmt.Fprintf(&b, "- <%s>\n", s)
		}
		b.WriteString("\n")
	}
	return strings.TrimRight(b.String(), "\n") + "\n"
}
