package lab

import "testing"

// iterTB runs Start's cleanups at the end of one benchmark iteration
// instead of the end of the benchmark.
type iterTB struct {
	testing.TB
	cleanups []func()
}

func (t *iterTB) Cleanup(f func()) { t.cleanups = append(t.cleanups, f) }

func (t *iterTB) done() {
	for i := len(t.cleanups) - 1; i >= 0; i-- {
		t.cleanups[i]()
	}
	t.cleanups = nil
}

// BenchmarkStart measures starting and stopping one registry, per kind: the
// lab starts a fresh one for every job.
func BenchmarkStart(b *testing.B) {
	for _, bc := range []struct {
		name string
		opts Options
	}{
		{"anonymous", Options{}},
		{"htpasswd", Options{Auth: AuthHtpasswd}},
		{"token", Options{Auth: AuthToken}},
		{"token-tls", Options{Auth: AuthToken, TLS: true, Host: "127.0.0.2"}},
	} {
		b.Run(bc.name, func(b *testing.B) {
			tb := &iterTB{TB: b}
			for b.Loop() {
				Start(tb, bc.opts)
				tb.done()
			}
		})
	}
}

// BenchmarkSeed measures a token-auth push of TinyImage over HTTP (token
// fetches, two blob uploads, one manifest PUT).
func BenchmarkSeed(b *testing.B) {
	r := Start(b, Options{Auth: AuthToken})
	for b.Loop() {
		r.Seed(b, "team/app", "v1")
	}
}
