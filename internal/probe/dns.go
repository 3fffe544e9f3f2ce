package probe

import (
	"errors"
	"fmt"
	"net"
	"strings"

	"github.com/regdoctor/regdoctor/internal/finding"
)

// hostOnly is the API host without a port or IPv6 brackets.
func (p *prober) hostOnly() string {
	if h, _, err := net.SplitHostPort(p.apiHost); err == nil {
		return h
	}
	return strings.Trim(p.apiHost, "[]")
}

// stepDNS resolves the registry host (IP literals need no lookup).
func (p *prober) stepDNS() (finding.StepOutcome, string) {
	h := p.hostOnly()
	if ip := net.ParseIP(h); ip != nil {
		p.addrs = []net.IP{ip}
		return finding.StepOK, "IP address, no lookup"
	}
	ctx, cancel := p.stepCtx()
	defer cancel()
	ips, err := net.DefaultResolver.LookupIPAddr(ctx, h)
	if err != nil {
		var de *net.DNSError
		detail := err.Error()
		switch {
		case errors.As(err, &de) && de.IsNotFound:
			detail = fmt.Sprintf("lookup %s: no such host", h)
		case ctx.Err() != nil:
			detail = fmt.Sprintf("lookup %s: no answer within %s", h, p.deadlineName())
		}
		return p.fail(StepDNS, "registry-unreachable", 1, detail,
			fmt.Sprintf("The registry host %s does not resolve (%s): a typo in the host, a private DNS zone this runner cannot see, or a DNS outage.", h, detail))
	}
	for _, ip := range ips {
		p.addrs = append(p.addrs, ip.IP)
	}
	var s []string
	for i, ip := range p.addrs {
		if i == 3 {
			s = append(s, "...")
			break
		}
		s = append(s, ip.String())
	}
	return finding.StepOK, fmt.Sprintf("%s -> %s", h, strings.Join(s, ", "))
}
