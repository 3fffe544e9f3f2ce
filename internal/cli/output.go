package cli

import (
	"strings"

	"github.com/spf13/cobra"

	"github.com/regdoctor/regdoctor/internal/finding"
	"github.com/regdoctor/regdoctor/internal/report"
)

// outputFlags are the flags every reporting command shares.
type outputFlags struct {
	format string
	color  string
}

func (o *outputFlags) add(cmd *cobra.Command, defFormat string) {
	cmd.Flags().StringVarP(&o.format, "format", "f", defFormat, "output format: "+strings.Join(report.Formats(), ", "))
	cmd.Flags().StringVar(&o.color, "color", "auto", "colour: auto, always or never (NO_COLOR is honoured)")
	_ = cmd.RegisterFlagCompletionFunc("format", func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		var out []string
		for _, f := range report.Formats() {
			out = append(out, f+"\t"+report.Describe(f))
		}
		return out, cobra.ShellCompDirectiveNoFileComp
	})
	_ = cmd.RegisterFlagCompletionFunc("color", cobra.FixedCompletions([]string{"auto", "always", "never"}, cobra.ShellCompDirectiveNoFileComp))
}

func (o *outputFlags) validate() error {
	for _, f := range report.Formats() {
		if f == o.format {
			switch o.color {
			case "auto", "always", "never":
				return nil
			}
			return usageErr("--color must be auto, always or never, not %q", o.color)
		}
	}
	return usageErr("unknown --format %q (known: %s)", o.format, strings.Join(report.Formats(), ", "))
}

// emit writes the report and turns "findings present" into exit code 1.
func (o *outputFlags) emit(cmd *cobra.Command, r *finding.Report, ro report.Options) error {
	r.Tool = "regdoctor"
	r.Version = version()
	ro.Color = useColor(o.color, cmd.OutOrStdout())
	if err := report.Write(cmd.OutOrStdout(), o.format, r, ro); err != nil {
		return ioErr(err)
	}
	if len(r.Findings) > 0 {
		return errFindings
	}
	return nil
}
