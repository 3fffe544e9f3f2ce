package cli

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/regdoctor/regdoctor/internal/catalog"
)

func init() { register(newCausesCmd) }

func newCausesCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "causes [ID]",
		Short: "List the causes regdoctor knows, or show one",
		Long: `With no argument, list every cause id with its title. With an id, print what
it means, how to confirm it and how to fix it on each platform and registry.
The ids are stable: explain, lint, probe, SARIF rule ids and docs use them.`,
		Example: `  regdoctor causes
  regdoctor causes gh-token-packages-permission`,
		Args: cobra.MaximumNArgs(1),
		ValidArgsFunction: func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
			var out []string
			for _, c := range catalog.All() {
				out = append(out, c.ID+"\t"+c.Title)
			}
			return out, cobra.ShellCompDirectiveNoFileComp
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := catalog.Err(); err != nil {
				return ioErr(err)
			}
			w := cmd.OutOrStdout()
			if len(args) == 0 {
				for _, c := range catalog.All() {
					fmt.Fprintf(w, "%-30s %-9s %s\n", c.ID, c.Layer, c.Title)
				}
				return nil
			}
			c, ok := catalog.Get(args[0])
			if !ok {
				return usageErr("unknown cause %q; 'regdoctor causes' lists them", args[0])
			}
			_, err := fmt.Fprint(w, catalog.Markdown(c))
			return err
		},
	}
	return cmd
}
