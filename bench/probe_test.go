package bench

// Probe benchmarks: regdoctor probe's push check next to
// go-containerregistry's remote.CheckPushPermission (the push check crane,
// ko and kaniko run) against the same local lab registry: HTTP round trips
// and wall time per check. Run them with bench/probe.sh.

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"net/http"
	"os"
	"sync/atomic"
	"testing"
	"time"

	"github.com/google/go-containerregistry/pkg/authn"
	"github.com/google/go-containerregistry/pkg/name"
	"github.com/google/go-containerregistry/pkg/v1/remote"

	"github.com/regdoctor/regdoctor/internal/lab"
	"github.com/regdoctor/regdoctor/internal/probe"
)

type counter struct {
	inner http.RoundTripper
	n     atomic.Int64
}

func (c *counter) RoundTrip(r *http.Request) (*http.Response, error) {
	c.n.Add(1)
	return c.inner.RoundTrip(r)
}

type staticKeychain struct{ u lab.User }

func (k staticKeychain) Resolve(authn.Resource) (authn.Authenticator, error) {
	return authn.FromConfig(authn.AuthConfig{Username: k.u.Name, Password: k.u.Password}), nil
}

type setup struct {
	name string
	opts lab.Options
}

var setups = []setup{
	{"token-https", lab.Options{Auth: lab.AuthToken, TLS: true, Host: "127.0.0.2"}},
	{"htpasswd-https", lab.Options{Auth: lab.AuthHtpasswd, TLS: true, Host: "127.0.0.2"}},
}

func roots(b *testing.B, reg *lab.Registry) *x509.CertPool {
	pem, err := os.ReadFile(reg.CAFile)
	if err != nil {
		b.Fatal(err)
	}
	pool := x509.NewCertPool()
	pool.AppendCertsFromPEM(pem)
	return pool
}

// BenchmarkPushCheck measures one cold push check per iteration (new
// connections each time, as a CLI run in a CI job has): regdoctor's full
// probe (reference, credentials, dns, tcp, tls, ping, token, upload +
// DELETE) and go-containerregistry's CheckPushPermission (ping, token,
// upload; its DELETE runs asynchronously and is not waited for).
func BenchmarkPushCheck(b *testing.B) {
	for _, s := range setups {
		reg := lab.Start(b, s.opts)
		ref := reg.Addr + "/team/app:v1"
		pool := roots(b, reg)

		b.Run(s.name+"/regdoctor", func(b *testing.B) {
			var trips int
			for b.Loop() {
				res := probe.Run(context.Background(), probe.Options{Reference: ref, Username: reg.Pusher.Name,
					Password: reg.Pusher.Password, CredFlags: true, LoopbackSecure: true, RootCAs: pool,
					Getenv: func(string) string { return "" }, Home: "/nonexistent", Timeout: 10 * time.Second})
				if !res.OK {
					b.Fatalf("probe: %+v", res.Report.Findings)
				}
				trips += res.RoundTrips
			}
			b.ReportMetric(float64(trips)/float64(b.N), "roundtrips/op")
		})

		b.Run(s.name+"/ggcr-CheckPushPermission", func(b *testing.B) {
			r, err := name.ParseReference(ref)
			if err != nil {
				b.Fatal(err)
			}
			var trips int64
			for b.Loop() {
				// crane's transport: remote.DefaultTransport, trusting the lab CA.
				tr := remote.DefaultTransport.(*http.Transport).Clone()
				tr.TLSClientConfig = &tls.Config{RootCAs: pool}
				c := &counter{inner: tr}
				if err := remote.CheckPushPermission(r, staticKeychain{reg.Pusher}, c); err != nil {
					b.Fatal(err)
				}
				trips += c.n.Load()
				tr.CloseIdleConnections()
			}
			b.ReportMetric(float64(trips)/float64(b.N), "roundtrips/op")
		})
	}
}
