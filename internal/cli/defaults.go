package cli

import (
	"errors"
	"strconv"
	"strings"

	"github.com/spf13/cobra"
)

// tightenDefaultCommands makes cobra's built-in 'help' and 'completion'
// commands keep regdoctor's exit-code contract: 'regdoctor help TOPIC' with
// an unknown topic and 'regdoctor completion SHELL' with an unknown shell are
// usage errors (exit 2, one line on stderr) instead of printing the usage and
// exiting 0. With no argument both still print their help.
func tightenDefaultCommands(root *cobra.Command) {
	root.InitDefaultHelpCmd()
	root.InitDefaultCompletionCmd()
	for _, c := range root.Commands() {
		switch c.Name() {
		case "help":
			show := c.Run
			c.Run = nil
			c.RunE = func(cmd *cobra.Command, args []string) error {
				if found, _, err := cmd.Root().Find(args); found == nil || err != nil {
					return usageErr("unknown help topic %q (commands: %s)", strings.Join(args, " "), commandNames(cmd.Root()))
				}
				show(cmd, args)
				return nil
			}
		case "completion":
			var shells []string
			for _, s := range c.Commands() {
				shells = append(shells, s.Name())
			}
			c.Args = cobra.ArbitraryArgs
			c.RunE = func(cmd *cobra.Command, args []string) error {
				if len(args) == 0 {
					return cmd.Help()
				}
				return usageErr("no completion for shell %q (known: %s)", args[0], strings.Join(shells, ", "))
			}
		}
	}
}

func commandNames(root *cobra.Command) string {
	var names []string
	for _, c := range root.Commands() {
		if c.IsAvailableCommand() {
			names = append(names, c.Name())
		}
	}
	return strings.Join(names, ", ")
}

// flagError turns a flag parsing error into a usage error (exit 2) and
// replaces the Go parser's wording of a bad number or duration
// ("strconv.ParseInt: parsing \"abc\": invalid syntax", "time: missing unit
// in duration \"5\"") with what the user must type instead.
func flagError(_ *cobra.Command, err error) error {
	msg := err.Error()
	if cause := errors.Unwrap(err); cause != nil && strings.HasSuffix(msg, cause.Error()) {
		var num *strconv.NumError
		switch {
		case errors.As(cause, &num) && errors.Is(num.Err, strconv.ErrRange):
			msg = strings.TrimSuffix(msg, cause.Error()) + "number out of range"
		case errors.As(cause, &num) && strings.HasPrefix(num.Func, "ParseBool"):
			msg = strings.TrimSuffix(msg, cause.Error()) + "not true or false"
		case errors.As(cause, &num):
			msg = strings.TrimSuffix(msg, cause.Error()) + "not a whole number"
		case strings.HasPrefix(cause.Error(), "time: "):
			msg = strings.TrimSuffix(msg, cause.Error()) + "not a duration (a number with a unit: 500ms, 30s, 2m)"
		}
	}
	return &exitError{ExitUsage, errors.New(msg)}
}

// foldSuggestions puts cobra's "\n\nDid you mean this?\n\texplain\n" on the
// error's line: unknown command "explian" for "regdoctor"; did you mean "explain"?
func foldSuggestions(msg string) string {
	const marker = "\n\nDid you mean this?\n"
	i := strings.Index(msg, marker)
	if i < 0 {
		return msg
	}
	var quoted []string
	for _, s := range strings.Fields(msg[i+len(marker):]) {
		quoted = append(quoted, strconv.Quote(s))
	}
	if len(quoted) == 0 {
		return msg[:i]
	}
	return msg[:i] + "; did you mean " + strings.Join(quoted, " or ") + "?"
}
