package cli

import (
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/agnivade/levenshtein"
	"github.com/spf13/cobra"

	"github.com/regdoctor/regdoctor/internal/catalog"
	"github.com/regdoctor/regdoctor/internal/reghost"
)

func init() { register(newCausesCmd) }

type causesOptions struct {
	format string
	layer  string
}

func newCausesCmd() *cobra.Command {
	var o causesOptions
	cmd := &cobra.Command{
		Use:   "causes [ID]",
		Short: "List the causes regdoctor knows, or show one",
		Long: `With no argument, list every cause: id, layer and title. With an id, show what
the cause means, how to confirm it (most telling check first), how to fix it on
GitHub Actions, GitLab CI/CD and any other shell, what differs per registry,
the log messages it produces, and the documentation the facts come from.

Every finding of explain, lint and probe names one of these ids; the ids are
stable (JSON output, SARIF rule ids and docs/causes/<id>.md use them).

Layers, from "no credential arrived" to "the registry itself failed":
` + layerHelp() + `
An unknown id is a usage error (exit 2) that suggests the nearest ids, or the
causes whose title or log messages contain the word you typed.`,
		Example: `  regdoctor causes                                  # the whole list
  regdoctor causes --layer authz                    # only authorization causes
  regdoctor causes gh-token-packages-permission     # one cause, for a terminal
  regdoctor causes no-login --format markdown > no-login.md
  regdoctor causes --format json | jq -r '.[].id'`,
		Args: cobra.MaximumNArgs(1),
		ValidArgsFunction: func(_ *cobra.Command, args []string, _ string) ([]string, cobra.ShellCompDirective) {
			if len(args) > 0 {
				return nil, cobra.ShellCompDirectiveNoFileComp
			}
			var out []string
			for _, c := range catalog.All() {
				out = append(out, c.ID+"\t"+c.Title)
			}
			return out, cobra.ShellCompDirectiveNoFileComp
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := o.validate(); err != nil {
				return err
			}
			if err := catalog.Err(); err != nil {
				return ioErr(err)
			}
			if len(args) > 0 && o.layer != "" {
				return usageErr("--layer filters the list; it cannot be combined with a cause id")
			}
			w := cmd.OutOrStdout()
			var err error
			if len(args) == 0 {
				err = o.list(w)
			} else {
				c, ok := catalog.Get(strings.TrimSpace(args[0]))
				if !ok {
					return unknownCause(args[0])
				}
				err = o.show(w, c)
			}
			if err != nil {
				return ioErr(err)
			}
			return nil
		},
	}
	cmd.Flags().StringVarP(&o.format, "format", "f", "text", "output format: text, markdown or json")
	cmd.Flags().StringVar(&o.layer, "layer", "", "list only the causes of one layer: "+strings.Join(catalog.Layers, ", "))
	_ = cmd.RegisterFlagCompletionFunc("format", cobra.FixedCompletions([]string{"text", "markdown", "json"}, cobra.ShellCompDirectiveNoFileComp))
	_ = cmd.RegisterFlagCompletionFunc("layer", cobra.FixedCompletions(catalog.Layers, cobra.ShellCompDirectiveNoFileComp))
	return cmd
}

func layerHelp() string {
	var b strings.Builder
	for _, l := range catalog.Layers {
		fmt.Fprintf(&b, "  %-10s %s\n", l, catalog.LayerNames[l])
	}
	return b.String()
}

func (o *causesOptions) validate() error {
	switch o.format {
	case "text", "markdown", "json":
	default:
		return usageErr("unknown --format %q for causes (known: text, markdown, json)", o.format)
	}
	if o.layer != "" {
		if _, ok := catalog.LayerNames[o.layer]; !ok {
			return usageErr("unknown --layer %q (known: %s)", o.layer, strings.Join(catalog.Layers, ", "))
		}
	}
	return nil
}

// causeJSON is the JSON shape of one cause (snake_case keys, as in causes.yaml).
type causeJSON struct {
	ID          string              `json:"id"`
	Layer       string              `json:"layer"`
	Title       string              `json:"title"`
	Summary     string              `json:"summary"`
	Meaning     string              `json:"meaning,omitempty"`
	Confirm     []string            `json:"confirm,omitempty"`
	Fix         map[string][]string `json:"fix,omitempty"`
	RegistryFix map[string][]string `json:"registry_fix,omitempty"`
	Signals     []string            `json:"signals,omitempty"`
	Sources     []string            `json:"sources,omitempty"`
	Doc         string              `json:"doc"`
}

func toJSON(c catalog.Cause, full bool) causeJSON {
	j := causeJSON{ID: c.ID, Layer: c.Layer, Title: c.Title, Summary: c.Summary, Doc: c.DocPath()}
	if full {
		j.Meaning, j.Confirm, j.Fix, j.RegistryFix, j.Signals, j.Sources = c.Meaning, c.Confirm, c.Fix, c.RegistryFix, c.Signals, c.Sources
	}
	return j
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

func (o *causesOptions) list(w io.Writer) error {
	var cs []catalog.Cause
	for _, c := range catalog.All() {
		if o.layer == "" || c.Layer == o.layer {
			cs = append(cs, c)
		}
	}
	switch o.format {
	case "json":
		out := make([]causeJSON, 0, len(cs))
		for _, c := range cs {
			out = append(out, toJSON(c, false))
		}
		return writeJSON(w, out)
	case "markdown":
		var b strings.Builder
		b.WriteString("| id | layer | cause |\n|---|---|---|\n")
		for _, c := range cs {
			fmt.Fprintf(&b, "| `%s` | %s | %s |\n", c.ID, c.Layer, strings.ReplaceAll(c.Title, "|", `\|`))
		}
		_, err := io.WriteString(w, b.String())
		return err
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%-30s %-9s %s\n", "ID", "LAYER", "TITLE")
	for _, c := range cs {
		fmt.Fprintf(&b, "%-30s %-9s %s\n", c.ID, c.Layer, c.Title)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func (o *causesOptions) show(w io.Writer, c catalog.Cause) error {
	switch o.format {
	case "json":
		return writeJSON(w, toJSON(c, true))
	case "markdown":
		_, err := io.WriteString(w, catalog.Markdown(c))
		return err
	}
	_, err := io.WriteString(w, causeText(c))
	return err
}

// causeText renders a cause for a terminal: headings, wrapped prose, steps
// with their commands indented under them.
func causeText(c catalog.Cause) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s  (%s, %s)\n\n", c.Title, c.ID, c.Layer)
	b.WriteString(wrap(c.Summary, "  ", 80))
	section := func(title string) { fmt.Fprintf(&b, "\n%s\n", title) }
	if c.Meaning != "" {
		section("What it means")
		b.WriteString(wrap(c.Meaning, "  ", 80))
	}
	if len(c.Confirm) > 0 {
		section("How to confirm it")
		textSteps(&b, "  ", c.Confirm, true)
	}
	if len(c.Fix) > 0 || len(c.RegistryFix) > 0 {
		section("How to fix it")
		for _, pl := range catalog.PlatformNames {
			if len(c.Fix[pl.Key]) > 0 {
				fmt.Fprintf(&b, "  %s\n", pl.Name)
				textSteps(&b, "    ", c.Fix[pl.Key], false)
			}
		}
		for _, k := range reghost.Kinds {
			if steps := c.RegistryFix[string(k)]; len(steps) > 0 {
				fmt.Fprintf(&b, "  On %s\n", reghost.Names[k])
				textSteps(&b, "    ", steps, false)
			}
		}
	}
	if len(c.Signals) > 0 {
		section("What it looks like in a log")
		for _, s := range c.Signals {
			fmt.Fprintf(&b, "  %s\n", s)
		}
	}
	if len(c.Sources) > 0 {
		section("Sources")
		for _, s := range c.Sources {
			fmt.Fprintf(&b, "  %s\n", s)
		}
	}
	fmt.Fprintf(&b, "\nPage: %s\n", c.DocPath())
	return b.String()
}

// textSteps writes numbered or bulleted steps, each step's literal block
// indented under its prose line.
func textSteps(b *strings.Builder, indent string, items []string, ordered bool) {
	for i, it := range items {
		prose, block := catalog.SplitStep(it)
		mark := "-"
		if ordered {
			mark = fmt.Sprintf("%d.", i+1)
		}
		sub := indent + strings.Repeat(" ", len(mark)+1)
		b.WriteString(indent + mark + " " + strings.TrimPrefix(wrap(prose, sub, 80), sub))
		if block == "" {
			continue
		}
		for _, l := range strings.Split(block, "\n") {
			if strings.TrimSpace(l) == "" {
				b.WriteString("\n")
				continue
			}
			fmt.Fprintf(b, "%s  %s\n", sub, l)
		}
	}
}

// wrap folds text into lines of at most width columns (longer words stay
// whole), each starting with indent, and ends with a newline.
func wrap(text, indent string, width int) string {
	var b strings.Builder
	line := indent
	for _, word := range strings.Fields(text) {
		if line != indent && len(line)+1+len(word) > width {
			b.WriteString(line + "\n")
			line = indent
		}
		if line != indent {
			line += " "
		}
		line += word
	}
	b.WriteString(line + "\n")
	return b.String()
}

// unknownCause is the usage error for an id not in the catalog: it suggests
// ids within a small edit distance, else causes whose id, title, summary or
// log messages contain the argument.
func unknownCause(arg string) error {
	if s := suggestCauses(arg); len(s) > 0 {
		return usageErr("unknown cause %q; did you mean %s? ('regdoctor causes' lists them all)", arg, strings.Join(s, " or "))
	}
	return usageErr("unknown cause %q; 'regdoctor causes' lists them all", arg)
}

func suggestCauses(arg string) []string {
	q := strings.ToLower(strings.TrimSpace(arg))
	if q == "" {
		return nil
	}
	type cand struct {
		id   string
		dist int
	}
	var near []cand
	for _, id := range catalog.IDs() {
		d := levenshtein.ComputeDistance(q, id)
		if d <= max(2, len(id)/4) {
			near = append(near, cand{id, d})
		}
	}
	sort.SliceStable(near, func(i, j int) bool { return near[i].dist < near[j].dist })
	var out []string
	for _, c := range near {
		out = append(out, fmt.Sprintf("%q", c.id))
	}
	if len(out) == 0 {
		for _, c := range catalog.All() {
			hay := strings.ToLower(c.ID + "\n" + c.Title + "\n" + c.Summary + "\n" + strings.Join(c.Signals, "\n"))
			if strings.Contains(hay, q) {
				out = append(out, fmt.Sprintf("%q", c.ID))
			}
		}
	}
	if len(out) > 3 {
		out = out[:3]
	}
	return out
}
