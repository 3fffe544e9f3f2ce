// Package cli holds regdoctor's cobra commands, one file per command. Each
// command file registers its constructor in an init function, so commands can
// be added without touching this file.
package cli

import (
	"errors"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"strings"

	"github.com/spf13/cobra"
	"golang.org/x/term"
)

// Exit codes, shared by every command (and documented in README.md).
const (
	ExitClean    = 0 // nothing found
	ExitFindings = 1 // at least one finding (a failed probe step counts)
	ExitUsage    = 2 // bad flags or arguments
	ExitError    = 3 // I/O or other error that stopped the run
)

// Version is set at build time with -ldflags "-X .../internal/cli.Version=v1.2.3";
// otherwise it comes from the module build info.
var Version = ""

func version() string {
	if Version != "" {
		return Version
	}
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return bi.Main.Version
	}
	return "dev"
}

// ExitError carries an exit code out of a command.
type exitError struct {
	code int
	err  error
}

func (e *exitError) Error() string { return e.err.Error() }
func (e *exitError) Unwrap() error { return e.err }

// usageErr makes a usage error (exit 2).
func usageErr(format string, a ...any) error {
	return &exitError{ExitUsage, fmt.Errorf(format, a...)}
}

// ioErr makes an I/O error (exit 3).
func ioErr(err error) error { return &exitError{ExitError, err} }

// errFindings ends a command that printed findings (exit 1, no message).
var errFindings = &exitError{ExitFindings, errors.New("findings")}

var constructors []func() *cobra.Command

func register(c func() *cobra.Command) { constructors = append(constructors, c) }

// NewRoot builds the command tree.
func NewRoot() *cobra.Command {
	root := &cobra.Command{
		Use:   "regdoctor",
		Short: "Why did the container-registry push, pull or login fail, and what to change",
		Long: `regdoctor diagnoses container-registry failures in CI: it names the cause
(from one catalog of causes, see 'regdoctor causes'), shows the evidence and
gives the fix for your CI platform and registry.

  explain   read a failed CI job log and name the cause
  lint      read GitHub Actions / GitLab CI configuration and find what will make a push fail
  probe     walk a registry's auth flow live and say which step fails, without writing
  causes    list or show the causes regdoctor knows

Exit codes: 0 nothing found, 1 findings, 2 usage error, 3 error.`,
		Example: `  regdoctor explain job.log
  gh run view 123 --log-failed | regdoctor explain -
  regdoctor lint .
  regdoctor probe ghcr.io/acme/app:1.2
  regdoctor causes gh-token-packages-permission`,
		Version:       version(),
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.SetVersionTemplate("regdoctor {{.Version}}\n")
	for _, c := range constructors {
		root.AddCommand(c())
	}
	root.SetFlagErrorFunc(flagError)
	tightenDefaultCommands(root)
	return root
}

// Main runs regdoctor with args and returns the process exit code.
func Main(args []string, stdout, stderr io.Writer) int {
	root := NewRoot()
	root.SetArgs(args)
	root.SetOut(stdout)
	root.SetErr(stderr)
	err := root.Execute()
	if err == nil {
		return ExitClean
	}
	var ee *exitError
	if errors.As(err, &ee) {
		if ee.code != ExitFindings {
			fmt.Fprintf(stderr, "regdoctor: %v\n", ee.err)
		}
		return ee.code
	}
	// cobra's own argument and unknown-command errors are usage errors.
	msg := foldSuggestions(err.Error())
	fmt.Fprintf(stderr, "regdoctor: %s\n", msg)
	if strings.Contains(msg, "unknown command") || strings.Contains(msg, "arg(s)") || strings.Contains(msg, "flag") {
		fmt.Fprintln(stderr, "Run 'regdoctor --help' for usage.")
		return ExitUsage
	}
	return ExitError
}

// useColor decides colour: --color=always|never|auto; auto means stdout is a
// terminal and NO_COLOR (https://no-color.org) is unset or empty.
func useColor(mode string, w io.Writer) bool {
	switch mode {
	case "always":
		return true
	case "never":
		return false
	}
	if os.Getenv("NO_COLOR") != "" || os.Getenv("TERM") == "dumb" {
		return false
	}
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}
