package lab

import (
	"encoding/json"
	"errors"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

func status(t *testing.T, r *Registry, u User, scope, method, path string) (int, http.Header, string) {
	t.Helper()
	resp, err := r.Do(u, scope, method, path, "", nil)
	if err != nil {
		t.Fatalf("%s %s: %v", method, path, err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, resp.Header, string(b)
}

func TestHtpasswd(t *testing.T) {
	t.Parallel()
	r := Start(t, Options{Auth: AuthHtpasswd})
	r.Seed(t, "team/app", "v1")
	if code, _, _ := status(t, r, r.Reader, "", "GET", "/v2/team/app/manifests/v1"); code != 200 {
		t.Errorf("reader pull: got %d, want 200", code)
	}
	code, h, _ := status(t, r, User{Name: "pusher", Password: "wrong"}, "", "GET", "/v2/")
	if code != 401 || !strings.HasPrefix(h.Get("WWW-Authenticate"), "Basic") {
		t.Errorf("wrong password: got %d %q, want 401 Basic challenge", code, h.Get("WWW-Authenticate"))
	}
	b, err := os.ReadFile(filepath.Join(r.DockerConfigFor(t, r.Pusher), "config.json"))
	if err != nil || !strings.Contains(string(b), r.Addr) || !strings.Contains(string(b), BasicAuth(r.Pusher)) {
		t.Errorf("DockerConfigFor: %s %v", b, err)
	}
}

func TestTokenACL(t *testing.T) {
	t.Parallel()
	r := Start(t, Options{Auth: AuthToken})
	r.Seed(t, "team/app", "v1")

	code, h, _ := status(t, r, User{}, "", "GET", "/v2/")
	// Anonymous token: empty access, but /v2/ needs no scope.
	if code != 200 {
		t.Errorf("anonymous /v2/: %d", code)
	}
	resp, err := http.Get(r.URL + "/v2/team/app/manifests/v1")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	ch := resp.Header.Get("WWW-Authenticate")
	if resp.StatusCode != 401 || !strings.Contains(ch, `realm="`+r.URL+`/token"`) || !strings.Contains(ch, `scope="repository:team/app:pull"`) {
		t.Errorf("challenge: %d %q", resp.StatusCode, ch)
	}

	cases := []struct {
		user  User
		scope string
		path  string
		want  int
	}{
		{r.Reader, "repository:team/app:pull", "/v2/team/app/manifests/v1", 200},
		{r.Pusher, "repository:team/app:pull", "/v2/team/app/manifests/v1", 200},
		{User{}, "repository:team/app:pull", "/v2/team/app/manifests/v1", 401},
		{r.Reader, "repository:team/app:push,pull", "/v2/team/app/blobs/uploads/", 401},
		{r.Pusher, "repository:team/app:push,pull", "/v2/team/app/blobs/uploads/", 202},
		{r.Pusher, "repository:other/app:push,pull", "/v2/other/app/blobs/uploads/", 401},
	}
	for _, c := range cases {
		method := "GET"
		if strings.HasSuffix(c.path, "/uploads/") {
			method = "POST"
		}
		code, h, _ = status(t, r, c.user, c.scope, method, c.path)
		if code != c.want {
			t.Errorf("%s %s %s: got %d, want %d", c.user.Name, method, c.path, code, c.want)
		}
		if code == 401 && !strings.Contains(h.Get("WWW-Authenticate"), `error="insufficient_scope"`) {
			t.Errorf("%s %s: 401 without insufficient_scope: %q", c.user.Name, c.path, h.Get("WWW-Authenticate"))
		}
	}

	if _, err := r.Token(User{Name: "pusher", Password: "wrong"}, "repository:team/app:pull"); err == nil ||
		!strings.Contains(err.Error(), "401") || !strings.Contains(err.Error(), "incorrect username or password") {
		t.Errorf("wrong password token: %v", err)
	}

	// The access claim is the intersection of requested actions and the ACL.
	tok, err := r.Token(r.Reader, "repository:team/app:push,pull")
	if err != nil {
		t.Fatal(err)
	}
	claims := decodeClaims(t, tok)
	if got, _ := json.Marshal(claims["access"]); string(got) != `[{"actions":["pull"],"name":"team/app","type":"repository"}]` {
		t.Errorf("reader access claim: %s", got)
	}
	if aud, ok := claims["aud"].(string); !ok || aud != r.Service {
		t.Errorf("aud must be the string %q: %v", r.Service, claims["aud"])
	}
}

func decodeClaims(t *testing.T, tok string) map[string]any {
	t.Helper()
	parts := strings.Split(tok, ".")
	if len(parts) != 3 {
		t.Fatalf("not a JWS: %q", tok)
	}
	b, err := decodeSeg(parts[1])
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	return m
}

func TestTokenModesRejected(t *testing.T) {
	t.Parallel()
	for _, mode := range []TokenMode{TokenExpired, TokenNotYetValid} {
		r := Start(t, Options{Auth: AuthToken, Token: mode})
		code, h, _ := status(t, r, r.Pusher, "repository:team/app:pull", "GET", "/v2/team/app/tags/list")
		if code != 401 || !strings.Contains(h.Get("WWW-Authenticate"), `error="invalid_token"`) {
			t.Errorf("mode %d: got %d %q, want 401 invalid_token", mode, code, h.Get("WWW-Authenticate"))
		}
	}
}

func TestTLSAndPolicy(t *testing.T) {
	t.Parallel()
	r := Start(t, Options{TLS: true, Host: "127.0.0.2", Policy403: true})
	if !strings.HasPrefix(r.URL, "https://127.0.0.2:") {
		t.Fatalf("URL %q", r.URL)
	}
	// Untrusted without the CA.
	if _, err := http.Get(r.URL + "/v2/"); err == nil || !strings.Contains(err.Error(), "certificate") {
		t.Errorf("untrusted TLS: %v", err)
	}
	if code, _, _ := status(t, r, User{}, "", "GET", "/v2/"); code != 200 {
		t.Errorf("trusted TLS /v2/: %d", code)
	}
	err := r.push(User{}, "team/app", "v1", TinyImage())
	if err == nil || !strings.Contains(err.Error(), "403") || !strings.Contains(err.Error(), "DENIED") {
		t.Errorf("policy: %v, want 403 DENIED", err)
	}
}

func TestCertForAnotherHost(t *testing.T) {
	t.Parallel()
	r := Start(t, Options{TLS: true, Host: "127.0.0.2", CertHosts: []string{"127.0.0.1"}})
	_, err := r.HTTPClient().Get(r.URL + "/v2/")
	if err == nil || !strings.Contains(err.Error(), "valid for 127.0.0.1, not 127.0.0.2") {
		t.Errorf("got %v", err)
	}
}

func TestRefused(t *testing.T) {
	t.Parallel()
	_, err := net.Dial("tcp", Refused(t))
	if !errors.Is(err, syscall.ECONNREFUSED) {
		t.Errorf("got %v, want connection refused", err)
	}
}

func TestNetNS(t *testing.T) {
	if os.Geteuid() != 0 {
		Missing(t, "root for network namespaces")
	}
	ns := NetNS(t, "regdoctor-labtest")
	r := Start(t, Options{Host: NetNSAddr, NetNS: ns})
	// Not reachable from the test's own namespace...
	if c, err := net.DialTimeout("tcp", r.Addr, 200e6); err == nil {
		c.Close()
		t.Errorf("%s reachable outside the namespace", r.Addr)
	}
	// ...but from inside it.
	out, err := runIn(ns, "bash", "-c", "exec 3<>/dev/tcp/"+NetNSAddr+"/"+itoa(r.Port)+" && printf 'GET /v2/ HTTP/1.0\\r\\n\\r\\n' >&3 && head -1 <&3")
	if err != nil || !strings.Contains(out, "200") {
		t.Errorf("inside namespace: %q %v", out, err)
	}
}

func TestNormalise(t *testing.T) {
	in := "2026/11/21 05:48:11 pushed to 127.0.0.1:41234 (login localhost:41234), helper on :39999\n" +
		`time="2026-11-21T05:48:11.123456789Z" dir=/tmp/TestX123/001/docker pw=s3cret-pw ` +
		"sha256:" + strings.Repeat("ab", 32) + " 0xc000123456 took 1.5s\n"
	got := Normalise(in, NormaliseOptions{Ports: []string{"41234", "39999"}, Dirs: []string{"/tmp/TestX123", "/tmp/TestX123/001"}, Secrets: []string{"s3cret-pw"}})
	want := "2026-01-01T00:00:00Z pushed to 127.0.0.1:5000 (login localhost:5000), helper on :5001\n" +
		`time="2026-01-01T00:00:00Z" dir=/tmp/lab/docker pw=*** ` +
		"sha256:" + strings.Repeat("0", 64) + " 0xc000000000 took 0s\n"
	if got != want {
		t.Errorf("Normalise:\n got %q\nwant %q", got, want)
	}
}

func TestParseScope(t *testing.T) {
	for _, c := range []struct {
		in, typ, name, actions string
		ok                     bool
	}{
		{"repository:team/app:push,pull", "repository", "team/app", "push,pull", true},
		{"repository:127.0.0.1:5000/team/app:pull", "repository", "127.0.0.1:5000/team/app", "pull", true},
		{"registry:catalog:*", "registry", "catalog", "*", true},
		{"nonsense", "", "", "", false},
	} {
		typ, name, actions, ok := parseScope(c.in)
		if ok != c.ok || typ != c.typ || name != c.name || strings.Join(actions, ",") != c.actions {
			t.Errorf("parseScope(%q) = %q %q %v %v", c.in, typ, name, actions, ok)
		}
	}
}
