package probe

import (
	"context"
	"crypto/tls"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// Bounds on what a registry may send back.
const (
	maxBody       = 1 << 20  // error and token bodies: 1 MiB
	maxHeaderSize = 64 << 10 // response headers
	maxRedirects  = 3
)

// countingTransport counts HTTP round trips.
type countingTransport struct {
	inner http.RoundTripper
	n     atomic.Int64
}

func (c *countingTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	c.n.Add(1)
	return c.inner.RoundTrip(r)
}

// httpClient builds the one client every HTTP step uses. The connection the
// tcp/tls steps opened serves the first request to the registry, so the
// probe does not connect twice. Redirects to another host are not followed
// (credentials never follow them); proxies are not used (the tcp step
// checked a direct connection).
func (p *prober) httpClient() *http.Client {
	if p.client != nil {
		return p.client
	}
	var mu sync.Mutex
	preAddr := p.apiHostPort(p.scheme)
	take := func(addr string) net.Conn {
		mu.Lock()
		defer mu.Unlock()
		if p.pre == nil || !strings.EqualFold(addr, preAddr) {
			return nil
		}
		c := p.pre
		p.pre = nil
		return c
	}
	dial := func(ctx context.Context, network, addr string) (net.Conn, error) {
		d := net.Dialer{Timeout: p.o.StepTimeout}
		return d.DialContext(ctx, network, addr)
	}
	tr := &http.Transport{
		DialContext: func(ctx context.Context, network, addr string) (net.Conn, error) {
			if c := take(addr); c != nil {
				if _, isTLS := c.(*tls.Conn); !isTLS {
					return c, nil
				}
				c.Close()
			}
			return dial(ctx, network, addr)
		},
		DialTLSContext: func(ctx context.Context, network, addr string) (net.Conn, error) {
			if c := take(addr); c != nil {
				if _, isTLS := c.(*tls.Conn); isTLS {
					return c, nil
				}
				c.Close()
			}
			raw, err := dial(ctx, network, addr)
			if err != nil {
				return nil, err
			}
			host, _, _ := net.SplitHostPort(addr)
			tc := tls.Client(raw, p.tlsConfigFor(host, p.isInsecureHost(host), nil))
			if err := tc.HandshakeContext(ctx); err != nil {
				raw.Close()
				return nil, err
			}
			return tc, nil
		},
		TLSHandshakeTimeout:    p.o.StepTimeout,
		ResponseHeaderTimeout:  p.o.StepTimeout,
		MaxResponseHeaderBytes: maxHeaderSize,
		DisableCompression:     true,
		MaxIdleConnsPerHost:    2,
		IdleConnTimeout:        30 * time.Second,
	}
	p.count = &countingTransport{inner: tr}
	p.client = &http.Client{
		Transport: p.count,
		CheckRedirect: func(req *http.Request, via []*http.Request) error {
			if len(via) >= maxRedirects {
				return http.ErrUseLastResponse
			}
			first := via[0].URL
			if !strings.EqualFold(req.URL.Host, first.Host) || (first.Scheme == "https" && req.URL.Scheme != "https") {
				return http.ErrUseLastResponse // the caller reports the redirect; nothing is sent there
			}
			return nil
		},
	}
	return p.client
}

// isInsecureHost applies the insecure rule to a host that is not the
// registry (a token realm): only the registry's own host or a loopback one.
func (p *prober) isInsecureHost(host string) bool {
	if strings.EqualFold(host, p.hostOnly()) {
		return p.insecure
	}
	if p.o.LoopbackSecure {
		return false
	}
	ip := net.ParseIP(host)
	return host == "localhost" || (ip != nil && ip.IsLoopback())
}

// exchange is one HTTP request and its bounded response.
type exchange struct {
	status   int
	header   http.Header
	body     []byte
	tooLarge bool
	location string // redirect target not followed
	err      error  // transport error (timeout, reset, ...)
}

// do sends req with the step timeout; the body is read up to maxBody bytes.
func (p *prober) do(req *http.Request) exchange {
	ctx, cancel := p.stepCtx()
	defer cancel()
	req = req.WithContext(ctx)
	req.Header.Set("User-Agent", "regdoctor-probe")
	resp, err := p.httpClient().Do(req)
	if err != nil {
		if ctx.Err() != nil {
			err = fmt.Errorf("no complete answer within %s", p.deadlineName())
		}
		return exchange{err: err}
	}
	defer resp.Body.Close()
	x := exchange{status: resp.StatusCode, header: resp.Header}
	if req.Method != http.MethodHead {
		body, err := io.ReadAll(io.LimitReader(resp.Body, maxBody+1))
		if len(body) > maxBody {
			body, x.tooLarge = body[:maxBody], true
		}
		x.body = body
		if err != nil && !x.tooLarge {
			if ctx.Err() != nil {
				err = fmt.Errorf("body not complete within %s", p.deadlineName())
			}
			x.err = err
		}
	}
	if resp.StatusCode >= 300 && resp.StatusCode < 400 {
		x.location = resp.Header.Get("Location")
	}
	return x
}

// registryError is the OCI distribution error body (spec.md "Error Codes").
type registryError struct {
	Errors []struct {
		Code    string          `json:"code"`
		Message string          `json:"message"`
		Detail  json.RawMessage `json:"detail"`
	} `json:"errors"`
}

// summary returns "CODE: message [detail]" for each error, or a trimmed body.
func (x exchange) summary() string {
	var re registryError
	if json.Unmarshal(x.body, &re) == nil && len(re.Errors) > 0 {
		var parts []string
		for _, e := range re.Errors {
			s := e.Code
			if e.Message != "" {
				s += ": " + e.Message
			}
			if d := strings.TrimSpace(string(e.Detail)); d != "" && d != "null" && d != "{}" {
				s += " " + clip(d, 160)
			}
			parts = append(parts, s)
		}
		return clip(strings.Join(parts, "; "), 400)
	}
	var tokErr struct {
		Details string `json:"details"`
		Error   string `json:"error"`
		Message string `json:"message"`
	}
	if json.Unmarshal(x.body, &tokErr) == nil {
		for _, s := range []string{tokErr.Details, tokErr.Message, tokErr.Error} {
			if s != "" {
				return clip(s, 400)
			}
		}
	}
	s := strings.TrimSpace(string(x.body))
	if !isPrintable(s) {
		return ""
	}
	return clip(s, 200)
}

// codes returns the OCI error codes in the body.
func (x exchange) codes() []string {
	var re registryError
	if json.Unmarshal(x.body, &re) != nil {
		return nil
	}
	var out []string
	for _, e := range re.Errors {
		out = append(out, e.Code)
	}
	return out
}

func (x exchange) hasCode(code string) bool {
	for _, c := range x.codes() {
		if strings.EqualFold(c, code) {
			return true
		}
	}
	return false
}

func clip(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if len(s) > n {
		return s[:n] + "..."
	}
	return s
}

func isPrintable(s string) bool {
	for _, r := range s {
		if r < 0x20 && r != '\n' && r != '\t' && r != '\r' {
			return false
		}
	}
	return true
}
