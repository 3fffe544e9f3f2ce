package probe

import (
	"reflect"
	"testing"
)

func TestParseChallenges(t *testing.T) {
	cases := []struct {
		in      string
		want    []challenge
		wantErr bool
	}{
		{in: `Bearer realm="https://ghcr.io/token",service="ghcr.io",scope="repository:acme/app:pull"`,
			want: []challenge{{"bearer", map[string]string{"realm": "https://ghcr.io/token", "service": "ghcr.io", "scope": "repository:acme/app:pull"}}}},
		// Quay: Basic and Bearer on one line.
		{in: `Basic realm="quay", Bearer realm="https://quay.io/v2/auth",service="quay.io"`,
			want: []challenge{{"basic", map[string]string{"realm": "quay"}}, {"bearer", map[string]string{"realm": "https://quay.io/v2/auth", "service": "quay.io"}}}},
		// distribution's insufficient_scope challenge; token values without quotes; escapes.
		{in: `Bearer realm=https://r/token, error="insufficient_scope", error_description="say \"no\""`,
			want: []challenge{{"bearer", map[string]string{"realm": "https://r/token", "error": "insufficient_scope", "error_description": `say "no"`}}}},
		{in: `Negotiate abc==, Basic realm="x"`,
			want: []challenge{{"negotiate", map[string]string{}}, {"basic", map[string]string{"realm": "x"}}}},
		{in: `Basic`, want: []challenge{{"basic", map[string]string{}}}},
		{in: `Bearer realm="unterminated`, wantErr: true},
		{in: `=x`, wantErr: true},
	}
	for _, c := range cases {
		got, err := parseChallenges([]string{c.in})
		if (err != nil) != c.wantErr {
			t.Errorf("%q: err %v, wantErr %v", c.in, err, c.wantErr)
			continue
		}
		if !c.wantErr && !reflect.DeepEqual(got, c.want) {
			t.Errorf("%q:\n got %+v\nwant %+v", c.in, got, c.want)
		}
	}
}

func TestDecodeJWT(t *testing.T) {
	c := decodeJWT(jwtFor("team/app", []string{"pull"}))
	if c == nil || !reflect.DeepEqual(c.granted("team/app"), []string{"pull"}) || len(c.granted("other/app")) != 0 {
		t.Fatalf("got %+v", c)
	}
	for _, bad := range []string{"", "opaque", "a.b", "a.!!!.c", "a." + "eyJ" + ".c"} {
		if decodeJWT(bad) != nil {
			t.Errorf("%q decoded", bad)
		}
	}
}

func TestEmptyVariableTrace(t *testing.T) {
	for in, want := range map[string]bool{
		"/ns/img": true, "gcr.io//img": true, "img:": true, "registry.null/app": true, ":v1": true, "": true,
		"ghcr.io/acme/app:1.2": false, "localhost:5000/a": false, "nullable/app": false,
	} {
		if got := emptyVariableTrace(in) != ""; got != want {
			t.Errorf("%q: got %v, want %v", in, got, want)
		}
	}
}

func TestValidateRealm(t *testing.T) {
	cases := []struct {
		host, realm string
		allow       []string
		send        bool
	}{
		{"ghcr.io", "https://ghcr.io/token", nil, true},
		{"docker.io", "https://auth.docker.io/token", nil, true},
		{"registry.gitlab.com", "https://gitlab.com/jwt/auth", nil, true},
		{"reg.example.com", "https://auth.example.com/token", nil, false},
		{"reg.example.com", "https://auth.example.com/token", []string{"auth.example.com"}, true},
		{"ghcr.io", "https://evil.example/token", nil, false},
		{"ghcr.io", "https://ghcr.io.evil.example/token", nil, false},
		{"127.0.0.1:5000", "http://127.0.0.1:5000/token", nil, true},
		{"127.0.0.1:5000", "http://localhost:5000/token", nil, false},
		{"co.uk.example", "https://uk.example/t", nil, true},
	}
	for _, c := range cases {
		p := &prober{o: Options{AllowRealmHosts: c.allow}, host: c.host, apiHost: c.host}
		p.insecure = p.isInsecure()
		if c.host == "docker.io" {
			p.apiHost = dockerHubAPI
		}
		_, send, why := p.validateRealm(c.realm)
		if send != c.send {
			t.Errorf("%s realm %s: send %v (%s), want %v", c.host, c.realm, send, why, c.send)
		}
	}
}
