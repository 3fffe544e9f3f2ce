package cli

import (
	"context"
	"crypto/x509"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/regdoctor/regdoctor/internal/probe"
	"github.com/regdoctor/regdoctor/internal/reghost"
	"github.com/regdoctor/regdoctor/internal/report"
)

func init() { register(newProbeCmd) }

func newProbeCmd() *cobra.Command {
	var (
		out           outputFlags
		o             probe.Options
		passwordStdin bool
		caFile        string
		kind          string
	)
	cmd := &cobra.Command{
		Use:   "probe IMAGE",
		Short: "Walk the registry's auth flow live and say whether this job can push (or pull), without writing",
		Long: `probe checks, step by step, whether the credentials this job would use can
push IMAGE (or pull it, with --pull), and names the step that fails and the
cause: reference, credentials, dns, tcp, tls, ping (GET /v2/ and its
challenge), token (scope repository:NAME:pull,push; the token's access claim
decoded when readable), upload (POST /v2/NAME/blobs/uploads/, then DELETE of
that upload session) or manifest (HEAD, with --pull).

Nothing is written: no blob, no manifest, no mount. Credentials are resolved
as docker and podman would (DOCKER_CONFIG, auths, credsStore, credHelpers,
REGISTRY_AUTH_FILE, XDG auth files) or taken from --username and
--password-stdin, and are sent only to the registry's host and to a token
realm on that host (or its parent domain, or Docker Hub's auth.docker.io);
--allow-realm-host allows another. 127.0.0.0/8, ::1 and --insecure-registry
hosts get docker's insecure treatment: HTTPS without certificate checks, then
plain HTTP.

Exit codes: 0 can push (or pull), 1 cannot (findings printed), 2 usage error,
3 the probe could not reach a verdict.`,
		Example: `  regdoctor probe ghcr.io/acme/app:1.2
  regdoctor probe --pull registry.gitlab.com/acme/app:latest
  echo "$TOKEN" | regdoctor probe --username bot --password-stdin quay.io/acme/app
  regdoctor probe --format json 123456789012.dkr.ecr.eu-west-1.amazonaws.com/app`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) != 1 {
				return usageErr("probe takes exactly one image reference, e.g. ghcr.io/acme/app:1.2 (got %d arguments)", len(args))
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := out.validate(); err != nil {
				return err
			}
			if o.Timeout <= 0 || o.StepTimeout <= 0 {
				return usageErr("--timeout and --step-timeout must be positive")
			}
			if passwordStdin && o.Username == "" {
				return usageErr("--password-stdin needs --username")
			}
			if o.Username != "" && !passwordStdin {
				return usageErr("--username needs --password-stdin (passwords are never taken as flags)")
			}
			if passwordStdin {
				const maxPassword = 64 << 10
				b, err := io.ReadAll(io.LimitReader(cmd.InOrStdin(), maxPassword+1))
				if err != nil {
					return ioErr(fmt.Errorf("reading the password from stdin: %w", err))
				}
				if len(b) > maxPassword {
					return usageErr("--password-stdin: standard input holds more than 64 KiB, not a password or token")
				}
				o.Password = strings.TrimRight(string(b), "\r\n")
				o.CredFlags = true
			}
			if caFile != "" {
				pem, err := os.ReadFile(caFile)
				if err != nil {
					return usageErr("--ca-file: %v", err)
				}
				pool, err := x509.SystemCertPool()
				if err != nil || pool == nil {
					pool = x509.NewCertPool()
				}
				if !pool.AppendCertsFromPEM(pem) {
					return usageErr("--ca-file %s holds no PEM certificate", caFile)
				}
				o.RootCAs = pool
			}
			if kind != "" {
				ok := false
				var names []string
				for _, k := range reghost.Kinds {
					names = append(names, string(k))
					ok = ok || string(k) == kind
				}
				if !ok {
					return usageErr("unknown --registry-kind %q (known: %s)", kind, strings.Join(names, ", "))
				}
				o.Kind = reghost.Kind(kind)
			}
			o.Reference = args[0]
			start := time.Now()
			res := probe.Run(cmd.Context(), o)
			elapsed := time.Since(start)
			rep := res.Report
			err := out.emit(cmd, &rep, report.Options{})
			if res.Inconclusive != "" {
				return &exitError{ExitError, errors.New("probe stopped without a verdict: " + res.Inconclusive)}
			}
			if !res.OK && elapsed >= o.Timeout {
				// The whole-probe deadline cut a step short: its failure is the
				// deadline's, not the registry's, so there is no verdict (exit 3).
				return &exitError{ExitError, fmt.Errorf("probe stopped without a verdict: --timeout %s ran out (the failed step above may only have been cut short); rerun with a longer --timeout", o.Timeout)}
			}
			return err
		},
	}
	out.add(cmd, "text")
	f := cmd.Flags()
	f.BoolVar(&o.Pull, "pull", false, "check pull access (manifest HEAD) instead of push access")
	f.StringVarP(&o.Username, "username", "u", "", "username to probe with (the password comes from --password-stdin)")
	f.BoolVar(&passwordStdin, "password-stdin", false, "read the password or token from stdin")
	f.StringSliceVar(&o.Insecure, "insecure-registry", nil, "treat this registry host[:port] as insecure, as docker's daemon option does (repeatable)")
	f.StringSliceVar(&o.AllowRealmHosts, "allow-realm-host", nil, "allow credentials to go to this token realm host although it differs from the registry host (repeatable)")
	f.StringVar(&kind, "registry-kind", "", "the registry service at the host when its name does not tell (harbor, gitlab, quay, ...)")
	_ = cmd.RegisterFlagCompletionFunc("registry-kind", func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		var kinds []string
		for _, k := range reghost.Kinds {
			kinds = append(kinds, string(k))
		}
		return kinds, cobra.ShellCompDirectiveNoFileComp
	})
	f.StringVar(&caFile, "ca-file", "", "PEM file of extra CA certificates to trust")
	f.DurationVar(&o.Timeout, "timeout", 30*time.Second, "time limit for the whole probe")
	f.DurationVar(&o.StepTimeout, "step-timeout", 10*time.Second, "time limit for each network step")
	cmd.SetContext(context.Background())
	return cmd
}
