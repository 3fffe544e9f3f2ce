package probe

import (
	"errors"
	"fmt"
	"net"
	"syscall"

	"github.com/regdoctor/regdoctor/internal/finding"
)

// port returns the explicit port of the API host, or the default for scheme.
func (p *prober) port(scheme string) string {
	if _, port, err := net.SplitHostPort(p.apiHost); err == nil {
		return port
	}
	if scheme == "http" {
		return "80"
	}
	return "443"
}

// stepTCP connects to the first address that answers. An insecure registry
// without an explicit port that refuses 443 is tried on 80 (plain HTTP).
func (p *prober) stepTCP() (finding.StepOutcome, string) {
	p.scheme = "https"
	conn, addr, err := p.dialAny(p.port("https"))
	if err != nil && p.insecure && !p.explicitPt {
		if c2, a2, err2 := p.dialAny("80"); err2 == nil {
			p.scheme, p.pre = "http", c2
			return finding.StepWarn, fmt.Sprintf("%s refused HTTPS port (%v); connected to %s for plain HTTP (insecure registry)", p.hostOnly(), err, a2)
		}
	}
	if err != nil {
		detail := dialDetail(err, p.deadlineName())
		return p.fail(StepTCP, "registry-unreachable", 1, detail,
			fmt.Sprintf("Nothing accepts connections at %s (%s): wrong host or port, registry down, a firewall, or a proxy this runner must use.", p.apiHostPort("https"), detail))
	}
	p.pre = conn
	for _, k := range []string{"HTTPS_PROXY", "https_proxy", "HTTP_PROXY", "http_proxy"} {
		if v := p.getenv(k); v != "" {
			p.note("%s is set: clients may go through that proxy, the probe connected directly", k)
			return finding.StepWarn, "connected to " + addr + " directly, although " + k + " is set"
		}
	}
	return finding.StepOK, "connected to " + addr
}

func (p *prober) apiHostPort(scheme string) string {
	return net.JoinHostPort(p.hostOnly(), p.port(scheme))
}

func (p *prober) dialAny(port string) (net.Conn, string, error) {
	var last error
	for _, ip := range p.addrs {
		ctx, cancel := p.stepCtx()
		addr := net.JoinHostPort(ip.String(), port)
		var d net.Dialer
		conn, err := d.DialContext(ctx, "tcp", addr)
		cancel()
		if err == nil {
			return conn, addr, nil
		}
		last = err
	}
	if last == nil {
		last = errors.New("no address to connect to")
	}
	return nil, "", last
}

func dialDetail(err error, deadline string) string {
	var ne net.Error
	switch {
	case errors.Is(err, syscall.ECONNREFUSED):
		return "connection refused"
	case errors.As(err, &ne) && ne.Timeout():
		return "connect: no answer within " + deadline
	case errors.Is(err, syscall.ENETUNREACH), errors.Is(err, syscall.EHOSTUNREACH):
		return "network unreachable"
	}
	return err.Error()
}
