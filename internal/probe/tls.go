package probe

import (
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"net"
	"strings"
	"time"

	"github.com/regdoctor/regdoctor/internal/finding"
)

// tlsConfigFor returns the client TLS configuration for host. Certificates
// are verified in VerifyConnection rather than by crypto/tls so that an
// insecure registry (docker's rule) can be reported and still used; for any
// other host a verification error fails the handshake as usual. onInsecure,
// when not nil, receives the verification error an insecure host tolerated.
func (p *prober) tlsConfigFor(host string, insecure bool, onInsecure func(error)) *tls.Config {
	roots := p.o.RootCAs
	return &tls.Config{
		ServerName:         host,
		NextProtos:         []string{"http/1.1"},
		MinVersion:         tls.VersionTLS12,
		InsecureSkipVerify: true, // verified below: see the doc comment
		VerifyConnection: func(cs tls.ConnectionState) error {
			err := verifyChain(cs, host, roots, p.now())
			if err != nil && insecure {
				if onInsecure != nil {
					onInsecure(err)
				}
				return nil
			}
			return err
		},
	}
}

func verifyChain(cs tls.ConnectionState, host string, roots *x509.CertPool, now time.Time) error {
	if len(cs.PeerCertificates) == 0 {
		return errors.New("x509: no certificate presented")
	}
	inter := x509.NewCertPool()
	for _, c := range cs.PeerCertificates[1:] {
		inter.AddCert(c)
	}
	_, err := cs.PeerCertificates[0].Verify(x509.VerifyOptions{DNSName: host, Roots: roots, Intermediates: inter, CurrentTime: now})
	return err
}

// stepTLS performs the TLS handshake on the connection the tcp step opened.
func (p *prober) stepTLS() (finding.StepOutcome, string) {
	if p.scheme == "http" {
		return finding.StepSkipped, "plain HTTP (insecure registry)"
	}
	var tolerated error
	cfg := p.tlsConfigFor(p.hostOnly(), p.insecure, func(err error) { tolerated = err })
	ctx, cancel := p.stepCtx()
	defer cancel()
	tc := tls.Client(p.pre, cfg)
	err := tc.HandshakeContext(ctx)
	if err == nil {
		p.pre = tc
		st := tc.ConnectionState()
		detail := fmt.Sprintf("%s, certificate for %s", tls.VersionName(st.Version), certNames(st.PeerCertificates[0]))
		if tolerated != nil {
			return finding.StepWarn, detail + "; NOT verified (" + x509Detail(tolerated) + "): tolerated for an insecure registry, as docker does"
		}
		return finding.StepOK, detail + ", verified"
	}
	p.closePre()
	var rh tls.RecordHeaderError
	if errors.As(err, &rh) {
		if p.insecure {
			p.scheme = "http"
			return finding.StepWarn, "the server speaks plain HTTP on this port; using http:// (insecure registry rule)"
		}
		return p.fail(StepTLS, "http-https-mismatch", 1, "http: server gave HTTP response to HTTPS client",
			fmt.Sprintf("%s answers in plain HTTP, but clients speak HTTPS to it: serve TLS, or declare it an insecure registry for the daemon/client (only on a trusted network).", p.apiHostPort("https")))
	}
	if p.insecure {
		// docker tries the next endpoint (plain HTTP) after any HTTPS failure
		// of an insecure registry (moby registry/service.go LookupPushEndpoints).
		p.scheme = "http"
		return finding.StepWarn, "HTTPS failed (" + x509Detail(err) + "); trying plain HTTP (insecure registry rule)"
	}
	if ctx.Err() != nil || isTimeout(err) {
		return p.fail(StepTLS, "registry-unreachable", 1, "TLS handshake timeout",
			fmt.Sprintf("%s accepted the connection but did not complete a TLS handshake within %s.", p.apiHostPort("https"), p.deadlineName()))
	}
	d := x509Detail(err)
	conf := 1.0
	if !strings.HasPrefix(d, "x509:") {
		conf = 0.6
	}
	return p.fail(StepTLS, "tls-untrusted", conf, d,
		fmt.Sprintf("The TLS certificate of %s is not accepted: %s.", p.apiHostPort("https"), d))
}

// x509Detail names which x509 check failed, in Go's wording (what docker,
// crane and the other Go clients print).
func x509Detail(err error) string {
	var ua x509.UnknownAuthorityError
	var he x509.HostnameError
	var ci x509.CertificateInvalidError
	switch {
	case errors.As(err, &ua):
		return "x509: certificate signed by unknown authority"
	case errors.As(err, &he):
		return he.Error()
	case errors.As(err, &ci):
		return ci.Error()
	}
	return err.Error()
}

func certNames(c *x509.Certificate) string {
	var names []string
	names = append(names, c.DNSNames...)
	for _, ip := range c.IPAddresses {
		names = append(names, ip.String())
	}
	if len(names) == 0 {
		names = append(names, c.Subject.CommonName)
	}
	if len(names) > 3 {
		names = append(names[:3], "...")
	}
	return strings.Join(names, ", ")
}

func isTimeout(err error) bool {
	var ne net.Error
	return errors.As(err, &ne) && ne.Timeout()
}
