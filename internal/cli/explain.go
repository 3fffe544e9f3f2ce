package cli

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"

	"github.com/spf13/cobra"
	"golang.org/x/term"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"

	"github.com/regdoctor/regdoctor/internal/diagnose"
	"github.com/regdoctor/regdoctor/internal/report"
)

func init() { register(newExplainCmd) }

func newExplainCmd() *cobra.Command {
	var out outputFlags
	var max int
	cmd := &cobra.Command{
		Use:   "explain [LOG|-]",
		Short: "Read a failed CI job log and name why the registry push, pull or login failed",
		Long: `explain reads a CI job log (plain text, gzip, or the zip archive GitHub
serves for a run's logs) and names the cause of a container-registry failure:
the cause id from 'regdoctor causes', the evidence lines, and the fix for the
CI platform and registry it detected. When the log cannot separate two causes
(GHCR's write_package, Docker Hub's "requested access to the resource is
denied"), it ranks them and says what tells them apart.

LOG is a file; '-' or no argument reads standard input (when it is not a
terminal). Secrets in evidence lines are masked. Reading a log file of
64 MB or more takes a few seconds: on a terminal, its progress is shown on
standard error and erased before the report.

Exit codes: 0 no registry failure found, 1 a cause was found,
2 usage error, 3 the log could not be read.`,
		Example: `  # a log saved from the CI
  regdoctor explain job.log

  # the failed steps of a GitHub Actions run
  gh run view 1234567890 --log-failed | regdoctor explain

  # a GitLab CI job trace
  glab ci trace 987654 | regdoctor explain -

  # JSON for scripts, the two best candidates only
  regdoctor explain --format json --max 2 job.log

  # in GitHub Actions: keep the push step's output, explain it on failure
  #   - shell: bash   # explicit bash adds -o pipefail, so the step still fails
  #     run: docker push "$IMAGE" 2>&1 | tee push.log
  #   - if: failure()
  #     run: regdoctor explain push.log
  #
  # or, from a later job (needs: build, if: failure(), permissions: actions: read):
  #   gh api repos/$REPO/actions/jobs/$JOB_ID/logs | regdoctor explain`,
		Args: func(_ *cobra.Command, args []string) error {
			if len(args) > 1 {
				return usageErr("explain reads one LOG at a time (got %d arguments); for several logs, run it once per log or concatenate them: cat a.log b.log | regdoctor explain", len(args))
			}
			if len(args) == 1 && args[0] == "" {
				return usageErr("the LOG argument is empty (an unset variable?); pass a log file, or - for standard input")
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := out.validate(); err != nil {
				return err
			}
			if max < 1 {
				return usageErr("--max must be at least 1, not %d", max)
			}
			name := "-"
			if len(args) == 1 {
				name = args[0]
			}
			var r io.Reader
			stopProgress := func() {}
			if name == "-" {
				in := cmd.InOrStdin()
				if f, ok := in.(*os.File); ok && len(args) == 0 && term.IsTerminal(int(f.Fd())) {
					return usageErr("no LOG given and standard input is a terminal; pass a log file or pipe one in (see 'regdoctor explain --help')")
				}
				r = in
			} else {
				f, err := os.Open(name)
				if err != nil {
					return ioErr(openError(name, err))
				}
				defer f.Close()
				if st, err := f.Stat(); err == nil && st.IsDir() {
					return ioErr(fmt.Errorf("%s is a directory, not a log file", name))
				}
				r = f
				stopProgress = startProgress(cmd.ErrOrStderr(), f, name)
			}
			in, empty := watchEmpty(decodeUTF16(r))
			rep, err := diagnose.Explain(in, diagnose.Options{MaxFindings: max})
			stopProgress() // erase the bar before anything else is printed
			if err != nil {
				return ioErr(fmt.Errorf("cannot read %s: %w", displayName(name), err))
			}
			if empty() {
				// Say so: "no failure found" alone reads as a verdict on a log that never arrived.
				hint := ""
				if len(args) == 0 {
					hint = " (no log was piped in: pass LOG, or pipe one: gh run view RUN_ID --log-failed | regdoctor explain)"
				}
				fmt.Fprintf(cmd.ErrOrStderr(), "regdoctor: warning: %s is empty, nothing to explain%s\n", displayName(name), hint)
			}
			rep.Input = name
			return out.emit(cmd, rep, report.Options{})
		},
	}
	out.add(cmd, "text")
	cmd.Flags().IntVar(&max, "max", diagnose.DefaultMaxFindings, "report at most `N` ranked causes")
	return cmd
}

func openError(name string, err error) error {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return fmt.Errorf("%s: no such file", name)
	case errors.Is(err, fs.ErrPermission):
		return fmt.Errorf("%s: permission denied", name)
	}
	return fmt.Errorf("cannot open %s: %w", name, err)
}

func displayName(name string) string {
	if name == "-" {
		return "standard input"
	}
	return name
}

// decodeUTF16 returns r as UTF-8 when it starts with a UTF-16 byte order mark
// (FF FE little-endian, FE FF big-endian), and r unchanged otherwise (a
// regular file stays an *os.File, so a zip archive is still read in place).
// Windows PowerShell 5.1 writes UTF-16LE with a BOM for '>' and Out-File, so
// 'gh run view --log-failed > job.log' there gives such a file; without this
// its NUL bytes made the log look binary. The BOM is dropped.
func decodeUTF16(r io.Reader) io.Reader {
	utf16 := func(r io.Reader) io.Reader {
		return transform.NewReader(r, unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder())
	}
	isBOM := func(b []byte) bool {
		return len(b) == 2 && (b[0] == 0xFF && b[1] == 0xFE || b[0] == 0xFE && b[1] == 0xFF)
	}
	if f, ok := r.(*os.File); ok {
		if st, err := f.Stat(); err == nil && st.Mode().IsRegular() {
			if off, err := f.Seek(0, io.SeekCurrent); err == nil {
				var b [2]byte
				if n, _ := f.ReadAt(b[:], off); isBOM(b[:n]) {
					return utf16(f)
				}
				return f
			}
		}
	}
	br := bufio.NewReaderSize(r, 64<<10)
	if b, _ := br.Peek(2); isBOM(b) { // a short or failing read leaves the error to the next Read
		return utf16(br)
	}
	return br
}

// watchEmpty returns a reader with r's bytes and a function that tells, once
// the reader has been read to its end, whether r held no byte at all. A
// regular *os.File is returned as itself (its size tells), so that a zip
// archive is still read in place.
func watchEmpty(r io.Reader) (io.Reader, func() bool) {
	if f, ok := r.(*os.File); ok {
		if st, err := f.Stat(); err == nil && st.Mode().IsRegular() {
			return f, func() bool { return st.Size() == 0 }
		}
	}
	c := &countingReader{r: r}
	return c, func() bool { return c.n == 0 }
}

type countingReader struct {
	r io.Reader
	n int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}
