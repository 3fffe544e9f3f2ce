package probe

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/regdoctor/regdoctor/internal/report"
)

// Hostile registries: hand-written servers are the right tool here, since no
// real registry hangs, drips or points its realm elsewhere on demand. Every
// case must end within its time bound, read bounded memory, and never let
// the credential reach a host other than the registry.

const secretPassword = "s3cret-Pa55word-for-the-probe"

// recorder is a server that must never see the credential.
type recorder struct {
	mu   sync.Mutex
	seen []string
}

func (r *recorder) handler() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		body, _ := io.ReadAll(io.LimitReader(req.Body, 1<<16))
		var b strings.Builder
		fmt.Fprintf(&b, "%s %s\n", req.Method, req.URL)
		req.Header.Write(&b) //nolint:errcheck // strings.Builder
		b.Write(body)
		r.mu.Lock()
		r.seen = append(r.seen, b.String())
		r.mu.Unlock()
		// Answer like a token service would, to tempt a retry with credentials.
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprint(w, `{"token":"evil"}`)
	})
}

func (r *recorder) leaked() string {
	r.mu.Lock()
	defer r.mu.Unlock()
	for _, s := range r.seen {
		if strings.Contains(s, "Authorization") || strings.Contains(s, secretPassword) || strings.Contains(s, "cHVzaGVy") {
			return s
		}
	}
	return ""
}

// rawServer accepts connections and hands each to fn (closed after fn returns
// or when the test ends).
func rawServer(t *testing.T, fn func(c net.Conn, done <-chan struct{})) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan struct{})
	var wg sync.WaitGroup
	t.Cleanup(func() { close(done); ln.Close(); wg.Wait() })
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			wg.Add(1)
			go func() {
				defer wg.Done()
				defer c.Close()
				fn(c, done)
			}()
		}
	}()
	return ln.Addr().String()
}

// readRequest consumes one HTTP request head; it returns false for a TLS
// ClientHello (the probe's HTTPS attempt), which the caller then refuses.
func readRequest(c net.Conn) bool {
	c.SetReadDeadline(time.Now().Add(5 * time.Second)) //nolint:errcheck // test server
	br := bufio.NewReader(c)
	if b, err := br.Peek(1); err != nil || b[0] == 0x16 {
		return false
	}
	for {
		line, err := br.ReadString('\n')
		if err != nil || line == "\r\n" {
			return err == nil
		}
	}
}

func hostileOptions(ref string) Options {
	env := map[string]string{}
	return Options{
		Reference: ref, Username: "pusher", Password: secretPassword, CredFlags: true,
		Getenv: func(k string) string { return env[k] }, Home: "/nonexistent",
		Timeout: 3 * time.Second, StepTimeout: 400 * time.Millisecond,
	}
}

func TestHostileRegistries(t *testing.T) {
	type hostile struct {
		name  string
		setup func(t *testing.T, evil *recorder) string // returns the reference
		// want is the top cause, or "inconclusive".
		want string
		// bound is the most wall time the probe may take.
		bound time.Duration
		// step, when set, is the step that must fail.
		step string
	}
	cases := []hostile{
		{name: "hangs after accept", step: "ping", want: "registry-unreachable", bound: 2 * time.Second, setup: func(t *testing.T, _ *recorder) string {
			return rawServer(t, func(c net.Conn, done <-chan struct{}) { <-done }) + "/team/app"
		}},
		{name: "hangs before the response head", step: "ping", want: "registry-unreachable", bound: 2 * time.Second, setup: func(t *testing.T, _ *recorder) string {
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				select {
				case <-r.Context().Done():
				case <-time.After(10 * time.Second):
				}
			}))
			t.Cleanup(srv.Close)
			return srv.Listener.Addr().String() + "/team/app"
		}},
		{name: "drips the response head", step: "ping", want: "registry-unreachable", bound: 2 * time.Second, setup: func(t *testing.T, _ *recorder) string {
			return rawServer(t, func(c net.Conn, done <-chan struct{}) {
				if !readRequest(c) {
					return
				}
				for _, b := range []byte("HTTP/1.1 401 Unauthorized\r\nWWW-Authenticate: Basic realm=\"x\"\r\nX-Drip: " + strings.Repeat("a", 200)) {
					if _, err := c.Write([]byte{b}); err != nil {
						return
					}
					select {
					case <-done:
						return
					case <-time.After(40 * time.Millisecond):
					}
				}
			}) + "/team/app"
		}},
		{name: "drips the token body", step: "token", want: "registry-unreachable", bound: 2 * time.Second, setup: func(t *testing.T, _ *recorder) string {
			var srv *httptest.Server
			srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				if r.URL.Path == "/token" {
					w.WriteHeader(200)
					for i := 0; i < 1000; i++ {
						if _, err := w.Write([]byte(" ")); err != nil {
							return
						}
						w.(http.Flusher).Flush()
						time.Sleep(50 * time.Millisecond)
					}
					return
				}
				w.Header().Set("WWW-Authenticate", `Bearer realm="http://`+r.Host+`/token",service="s"`)
				w.WriteHeader(401)
			}))
			t.Cleanup(srv.Close)
			return srv.Listener.Addr().String() + "/team/app"
		}},
		{name: "1 GB token body", step: "token", want: "registry-fault", bound: 3 * time.Second, setup: func(t *testing.T, _ *recorder) string {
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				if r.URL.Path == "/token" {
					w.Header().Set("Content-Length", fmt.Sprint(1<<30))
					w.WriteHeader(200)
					chunk := []byte(`{"token":"` + strings.Repeat("A", 64<<10))
					for sent := 0; sent < 1<<30; sent += len(chunk) {
						if _, err := w.Write(chunk); err != nil {
							return
						}
					}
					return
				}
				w.Header().Set("WWW-Authenticate", `Bearer realm="http://`+r.Host+`/token",service="s"`)
				w.WriteHeader(401)
			}))
			t.Cleanup(srv.Close)
			return srv.Listener.Addr().String() + "/team/app"
		}},
		{name: "1 GB error body on upload", step: "upload", want: "insufficient-role", bound: 3 * time.Second, setup: func(t *testing.T, _ *recorder) string {
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				if r.URL.Path == "/v2/" {
					w.Header().Set("WWW-Authenticate", `Basic realm="r"`)
					w.WriteHeader(401)
					return
				}
				w.WriteHeader(403)
				chunk := []byte(strings.Repeat("x", 64<<10))
				for sent := 0; sent < 1<<30; sent += len(chunk) {
					if _, err := w.Write(chunk); err != nil {
						return
					}
				}
			}))
			t.Cleanup(srv.Close)
			return srv.Listener.Addr().String() + "/team/app"
		}},
		{name: "realm on another host", want: "inconclusive", bound: 2 * time.Second, setup: func(t *testing.T, evil *recorder) string {
			es := httptest.NewServer(evil.handler())
			t.Cleanup(es.Close)
			_, port, _ := net.SplitHostPort(es.Listener.Addr().String())
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				w.Header().Set("WWW-Authenticate", `Bearer realm="http://localhost:`+port+`/token",service="s"`)
				w.WriteHeader(401)
			}))
			t.Cleanup(srv.Close)
			return srv.Listener.Addr().String() + "/team/app"
		}},
		{name: "ping redirects to another host", step: "ping", want: "registry-fault", bound: 2 * time.Second, setup: func(t *testing.T, evil *recorder) string {
			es := httptest.NewServer(evil.handler())
			t.Cleanup(es.Close)
			srv := httptest.NewServer(http.RedirectHandler(strings.Replace(es.URL, "127.0.0.1", "localhost", 1)+"/v2/", http.StatusFound))
			t.Cleanup(srv.Close)
			return srv.Listener.Addr().String() + "/team/app"
		}},
		{name: "token endpoint redirects to another host", step: "token", want: "registry-fault", bound: 2 * time.Second, setup: func(t *testing.T, evil *recorder) string {
			es := httptest.NewServer(evil.handler())
			t.Cleanup(es.Close)
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				if r.URL.Path == "/token" {
					http.Redirect(w, r, strings.Replace(es.URL, "127.0.0.1", "localhost", 1)+"/token?"+r.URL.RawQuery, http.StatusTemporaryRedirect)
					return
				}
				w.Header().Set("WWW-Authenticate", `Bearer realm="http://`+r.Host+`/token",service="s"`)
				w.WriteHeader(401)
			}))
			t.Cleanup(srv.Close)
			return srv.Listener.Addr().String() + "/team/app"
		}},
		{name: "upload redirects to another host", step: "upload", want: "registry-fault", bound: 2 * time.Second, setup: func(t *testing.T, evil *recorder) string {
			es := httptest.NewServer(evil.handler())
			t.Cleanup(es.Close)
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				if r.URL.Path == "/v2/" {
					w.Header().Set("WWW-Authenticate", `Basic realm="r"`)
					w.WriteHeader(401)
					return
				}
				http.Redirect(w, r, strings.Replace(es.URL, "127.0.0.1", "localhost", 1)+r.URL.Path, http.StatusTemporaryRedirect)
			}))
			t.Cleanup(srv.Close)
			return srv.Listener.Addr().String() + "/team/app"
		}},
		{name: "upload Location on another host", want: "", bound: 2 * time.Second, setup: func(t *testing.T, evil *recorder) string {
			es := httptest.NewServer(evil.handler())
			t.Cleanup(es.Close)
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				switch {
				case r.URL.Path == "/v2/":
					w.Header().Set("WWW-Authenticate", `Basic realm="r"`)
					w.WriteHeader(401)
				case r.Header.Get("Authorization") == "":
					w.WriteHeader(401)
				default:
					w.Header().Set("Location", strings.Replace(es.URL, "127.0.0.1", "localhost", 1)+"/upload/1")
					w.WriteHeader(202)
				}
			}))
			t.Cleanup(srv.Close)
			return srv.Listener.Addr().String() + "/team/app"
		}},
		{name: "malformed challenge: unterminated quote", want: "registry-fault", bound: time.Second, setup: challengeServer(`Bearer realm="http://x/token`)},
		{name: "malformed challenge: Bearer without realm", want: "registry-fault", bound: time.Second, setup: challengeServer(`Bearer service="s"`)},
		{name: "malformed challenge: garbage", want: "registry-fault", bound: time.Second, setup: challengeServer(`=,=,"`)},
		{name: "malformed challenge: none", want: "registry-fault", bound: time.Second, setup: challengeServer(``)},
		{name: "challenge with a non-http realm", want: "registry-fault", bound: time.Second, setup: challengeServer(`Bearer realm="file:///etc/passwd"`)},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			evil := &recorder{}
			ref := c.setup(t, evil)
			start := time.Now()
			res := Run(context.Background(), hostileOptions(ref))
			took := time.Since(start)
			if took > c.bound {
				t.Errorf("took %s, bound %s", took, c.bound)
			}
			got := "none"
			if res.Inconclusive != "" {
				got = "inconclusive"
			} else if len(res.Report.Findings) > 0 {
				got = res.Report.Findings[0].Cause
			}
			want := c.want
			if want == "" {
				want = "none"
			}
			if got != want {
				t.Errorf("got %s, want %s%s", got, want, stepsText(res))
			}
			if c.step != "" && (len(res.Report.Findings) == 0 || res.Report.Findings[0].Step != c.step) {
				t.Errorf("want the %s step to fail%s", c.step, stepsText(res))
			}
			if s := evil.leaked(); s != "" {
				t.Errorf("credential reached another host:\n%s", s)
			}
			var b strings.Builder
			for _, f := range []string{"json", "text"} {
				if err := report.Write(&b, f, &res.Report, report.Options{}); err != nil {
					t.Fatal(err)
				}
			}
			if strings.Contains(b.String(), secretPassword) || strings.Contains(b.String(), "cHVzaGVy") {
				t.Errorf("the report prints the credential:\n%s", b.String())
			}
		})
	}
}

func challengeServer(h string) func(t *testing.T, _ *recorder) string {
	return func(t *testing.T, _ *recorder) string {
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if h != "" {
				w.Header().Set("WWW-Authenticate", h)
			}
			w.WriteHeader(401)
		}))
		t.Cleanup(srv.Close)
		return srv.Listener.Addr().String() + "/team/app"
	}
}

// TestHostileBodyMemory checks that a 1 GB answer costs bounded memory: the
// probe reads at most 1 MiB of any body.
func TestHostileBodyMemory(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/token" {
			w.WriteHeader(200)
			chunk := []byte(strings.Repeat("A", 64<<10))
			for sent := 0; sent < 1<<30; sent += len(chunk) {
				if _, err := w.Write(chunk); err != nil {
					return
				}
			}
			return
		}
		w.Header().Set("WWW-Authenticate", `Bearer realm="http://`+r.Host+`/token",service="s"`)
		w.WriteHeader(401)
	}))
	defer srv.Close()
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	res := Run(context.Background(), hostileOptions(srv.Listener.Addr().String()+"/team/app"))
	runtime.ReadMemStats(&after)
	alloc := after.TotalAlloc - before.TotalAlloc
	if alloc > 32<<20 {
		t.Errorf("allocated %d MiB for a 1 GB body, want under 32 MiB", alloc>>20)
	}
	if len(res.Report.Findings) == 0 || res.Report.Findings[0].Step != StepToken {
		t.Errorf("want a token-step finding%s", stepsText(res))
	}
	js, _ := json.Marshal(res.Report)
	if len(js) > 64<<10 {
		t.Errorf("report is %d bytes: a hostile body leaks into it", len(js))
	}
}

// TestWholeProbeTimeout: --timeout bounds the probe even when each step
// could wait longer.
func TestWholeProbeTimeout(t *testing.T) {
	addr := rawServer(t, func(c net.Conn, done <-chan struct{}) { <-done })
	o := hostileOptions(addr + "/team/app")
	o.Timeout, o.StepTimeout = 500*time.Millisecond, 10*time.Second
	start := time.Now()
	res := Run(context.Background(), o)
	if took := time.Since(start); took > 1500*time.Millisecond {
		t.Errorf("took %s with --timeout 500ms", took)
	}
	if res.OK || len(res.Report.Findings) == 0 || res.Report.Findings[0].Cause != "registry-unreachable" {
		t.Errorf("want registry-unreachable%s", stepsText(res))
	}
	// The step that ran out names the deadline that ended it: --timeout, not
	// the 10s step timeout that never came.
	if txt := stepsText(res); !strings.Contains(txt, "--timeout") || strings.Contains(txt, "10s") {
		t.Errorf("the failing step should name the probe's --timeout:%s", txt)
	}
}
