// Package probe walks a registry's auth flow live, step by step, and says
// whether this environment can push (or pull) a reference, and if not which
// step fails and why, without writing anything.
//
// Steps, in order (one file each): reference, credentials, dns, tcp, tls,
// ping (GET /v2/ and its WWW-Authenticate challenge), token (the Bearer token
// request for repository:NAME:pull,push, its JWT access claim decoded when
// readable), then upload (POST /v2/NAME/blobs/uploads/ and DELETE of that
// session: push proven without writing) or manifest (HEAD of the manifest,
// with --pull). Protocol facts: distribution docs/spec/auth/token.md, the OCI
// distribution spec (end-4a, end-14) and shared/domain/registries.md.
//
// The probe never PUTs a blob or a manifest and never mounts a blob (a 201
// mount is a write). Credentials are only sent to the registry's own host and
// to token realms that pass validateRealm.
package probe

import (
	"context"
	"crypto/x509"
	"fmt"
	"net"
	"net/http"
	"os"
	"strings"
	"time"

	"github.com/regdoctor/regdoctor/internal/catalog"
	"github.com/regdoctor/regdoctor/internal/finding"
	"github.com/regdoctor/regdoctor/internal/probe/creds"
	"github.com/regdoctor/regdoctor/internal/redact"
	"github.com/regdoctor/regdoctor/internal/reghost"
)

// Step names, in the order they run.
const (
	StepReference   = "reference"
	StepCredentials = "credentials"
	StepDNS         = "dns"
	StepTCP         = "tcp"
	StepTLS         = "tls"
	StepPing        = "ping"
	StepToken       = "token"
	StepUpload      = "upload"
	StepManifest    = "manifest"
)

// Options configure one probe.
type Options struct {
	// Reference is the image reference as the user wrote it, e.g. "ghcr.io/acme/app:1.2".
	Reference string
	// Pull checks pull access (manifest HEAD) instead of push access.
	Pull bool
	// Username and Password come from --username and --password-stdin;
	// CredFlags says they were given (an empty value is then reported).
	Username, Password string
	CredFlags          bool
	// Insecure lists registries (host or host:port) for which docker's
	// insecure-registry rule applies: HTTPS without certificate checks, then
	// plain HTTP. 127.0.0.0/8 and ::1 are always insecure (docker's rule)
	// unless LoopbackSecure is set.
	Insecure       []string
	LoopbackSecure bool
	// AllowRealmHosts lists token realm hosts that may receive credentials
	// although they differ from the registry host.
	AllowRealmHosts []string
	// Timeout bounds the whole probe (30 s when zero); StepTimeout bounds each
	// network step (10 s when zero, never more than what is left of Timeout).
	Timeout, StepTimeout time.Duration
	// RootCAs replaces the system roots (tests, --ca-file); nil means system roots.
	RootCAs *x509.CertPool
	// Getenv reads the environment (os.Getenv when nil); Home is the home
	// directory for credential files (os.UserHomeDir when empty).
	Getenv func(string) string
	Home   string
	// Now is the clock (time.Now when nil), for token time checks.
	Now func() time.Time
	// Kind, when set, says which registry service runs at the host (a
	// self-hosted Harbor or GitLab, or a test fake); otherwise the kind comes
	// from reghost.Classify and from the token realm's path.
	Kind reghost.Kind
}

// Result is the outcome of Run.
type Result struct {
	Report finding.Report
	// OK is the verdict: this environment can push (or pull, with Pull).
	OK bool
	// Inconclusive is set when the probe stopped without a verdict for a
	// reason that is not a registry failure (for example a realm on another
	// host that was not allowed to receive credentials). Exit code 3.
	Inconclusive string
	// RoundTrips counts HTTP requests sent (redirects included).
	RoundTrips int
	// Granted lists the actions the token's access claim grants on the
	// repository, when the token was readable (nil otherwise).
	Granted []string
}

// prober holds the state passed from step to step.
type prober struct {
	o      Options
	ctx    context.Context
	getenv func(string) string
	now    func() time.Time
	res    *Result

	// reference
	raw        string
	host       string // registry host[:port] as written ("docker.io" for Docker Hub)
	apiHost    string // host[:port] requests go to ("registry-1.docker.io" for Docker Hub)
	hostGiven  bool
	repo       string // repository path without host
	ref        string // tag or digest
	kind       reghost.Kind
	insecure   bool
	explicitPt bool

	// credentials
	credRes creds.Resolution
	cred    *creds.Credential
	ci      ciContext

	// transport
	scheme string
	addrs  []net.IP
	pre    net.Conn // connection made by the tcp/tls steps, handed to the first request
	client *http.Client
	count  *countingTransport

	// auth
	chal      *challenge
	chals     []challenge
	authz     string // Authorization header value for registry requests
	claims    *jwtClaims
	tokenWarn string // a time problem of the issued token, for the next step
	skewed    bool   // the token's nbf/iat lie in this machine's future
	expired   bool   // the token's exp lies in this machine's past

	failed bool
	stop   bool // no finding, but nothing further can run (inconclusive)
}

// Run probes the registry named by o.Reference. It never panics on bad input
// and never returns an error: failures are findings, and a probe that could
// not reach a verdict sets Result.Inconclusive.
func Run(ctx context.Context, o Options) *Result {
	if o.Timeout <= 0 {
		o.Timeout = 30 * time.Second
	}
	if o.StepTimeout <= 0 {
		o.StepTimeout = 10 * time.Second
	}
	ctx, cancel := context.WithTimeout(ctx, o.Timeout)
	defer cancel()
	p := &prober{o: o, ctx: ctx, getenv: o.Getenv, now: o.Now, raw: strings.TrimSpace(o.Reference),
		res: &Result{Report: finding.Report{Mode: finding.Probe, Input: o.Reference}}}
	if p.getenv == nil {
		p.getenv = os.Getenv
	}
	if p.now == nil {
		p.now = time.Now
	}
	defer p.closePre()

	p.step(StepReference, p.stepReference)
	p.step(StepCredentials, p.stepCredentials)
	p.step(StepDNS, p.stepDNS)
	p.step(StepTCP, p.stepTCP)
	p.step(StepTLS, p.stepTLS)
	p.step(StepPing, p.stepPing)
	p.step(StepToken, p.stepToken)
	if o.Pull {
		p.step(StepManifest, p.stepManifest)
	} else {
		p.step(StepUpload, p.stepUpload)
	}

	r := p.res
	if p.count != nil {
		r.RoundTrips = int(p.count.n.Load())
	}
	r.OK = !p.failed && !p.stop
	verdict := "can push"
	if o.Pull {
		verdict = "can pull"
	}
	switch {
	case p.stop:
		verdict = "no verdict: " + r.Inconclusive
	case p.failed && o.Pull:
		verdict = "cannot pull"
	case p.failed:
		verdict = "cannot push"
	}
	r.Report.Context = append(r.Report.Context,
		"verdict: "+verdict,
		fmt.Sprintf("http round trips: %d", r.RoundTrips))
	finding.Sort(r.Report.Findings)
	return r
}

// step runs fn as the named step, timing it, unless an earlier step failed.
func (p *prober) step(name string, fn func() (finding.StepOutcome, string)) {
	if p.failed || p.stop {
		p.res.Report.Steps = append(p.res.Report.Steps, finding.Step{Name: name, Outcome: finding.StepSkipped,
			Detail: "not run: an earlier step failed"})
		return
	}
	start := time.Now()
	out, detail := fn()
	if p.ctx.Err() != nil && out == finding.StepFail && !strings.Contains(detail, "timeout") {
		detail += " (probe --timeout reached)"
	}
	p.res.Report.Steps = append(p.res.Report.Steps, finding.Step{Name: name, Outcome: out,
		Detail: redact.String(detail), Duration: time.Since(start)})
}

// fail records the finding for a failed step and returns (fail, detail).
func (p *prober) fail(step, cause string, confidence float64, detail, message string) (finding.StepOutcome, string) {
	p.failed = true
	c := catalog.MustGet(cause)
	f := finding.Finding{
		Cause:      cause,
		Title:      c.Title,
		Confidence: confidence,
		Severity:   finding.Error,
		Source:     finding.Probe,
		Rule:       "probe/" + step,
		Message:    redact.String(message),
		Platform:   p.ci.Platform,
		Registry:   p.host,
		Repository: p.repo,
		Step:       step,
		Fix:        c.FixFor(p.ci.Platform, string(p.kind)),
		Doc:        c.DocPath(),
	}
	// No Evidence: a probe has no input lines; the failed step's detail in
	// the step table is the evidence, and Step names it.
	p.res.Report.Findings = append(p.res.Report.Findings, f)
	return finding.StepFail, detail
}

// inconclusive stops the probe without a finding (exit 3 in the CLI).
func (p *prober) inconclusive(why string) (finding.StepOutcome, string) {
	p.stop = true
	p.res.Inconclusive = why
	return finding.StepFail, why
}

// note adds a context line (facts the probe used), redacted.
func (p *prober) note(format string, a ...any) {
	p.res.Report.Context = append(p.res.Report.Context, redact.String(fmt.Sprintf(format, a...)))
}

// stepCtx returns a context bounded by the step timeout and the whole probe.
func (p *prober) stepCtx() (context.Context, context.CancelFunc) {
	return context.WithTimeout(p.ctx, p.o.StepTimeout)
}

// deadlineName says which deadline ended a request: the whole probe's
// (--timeout) when it has passed, else the step's (--step-timeout).
func (p *prober) deadlineName() string {
	if p.ctx.Err() != nil {
		return "the probe's --timeout"
	}
	return fmt.Sprintf("%s (--step-timeout)", p.o.StepTimeout)
}

func (p *prober) closePre() {
	if p.pre != nil {
		p.pre.Close()
		p.pre = nil
	}
}

func (p *prober) action() string {
	if p.o.Pull {
		return "pull"
	}
	return "push"
}
