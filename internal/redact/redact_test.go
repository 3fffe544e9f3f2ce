package redact

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/regdoctor/regdoctor/internal/testenv"
)

func TestString(t *testing.T) {
	cases := []struct{ in, secret string }{
		{"+ docker login -u bot -p s3cr3tPa55 registry.example.com", "s3cr3tPa55"},
		{"docker login --password=hunter2hunter2 ghcr.io", "hunter2hunter2"},
		{"Authorization: Basic Ym90OnMzY3IzdFBhNTU=", "Ym90OnMzY3IzdFBhNTU="},
		{`{"auths":{"ghcr.io":{"auth":"Ym90OnMzY3IzdA=="}}}`, "Ym90OnMzY3IzdA=="},
		{"CI_REGISTRY_PASSWORD=abcdef123456 docker push x", "abcdef123456"},
		{"using ghp_abcdefghijklmnopqrstuvwxyz0123456789 for login", "ghp_abcdefghijklmnopqrstuvwxyz0123456789"},
		{"https://bot:pa55word@registry.example.com/v2/", "pa55word"},
	}
	for _, c := range cases {
		got := String(c.in)
		if strings.Contains(got, c.secret) {
			t.Errorf("String(%q) = %q still holds the secret", c.in, got)
		}
		if !strings.Contains(got, mask) {
			t.Errorf("String(%q) = %q has no mask", c.in, got)
		}
	}
	for _, keep := range []string{
		"denied: requested access to the resource is denied",
		"The push refers to repository [ghcr.io/acme/app]",
		"Error: Username and password required",
	} {
		if got := String(keep); got != keep {
			t.Errorf("String(%q) = %q; want unchanged", keep, got)
		}
	}
}

// TestPrefilterIsExact: String (which skips a pattern when its literal
// prefilter says it cannot match) equals running every pattern, on every
// line of the shared corpus (logs and CI configs, read in place), on the
// same lines upper-cased, and on secret shapes in odd case and with
// non-ASCII case folds.
func TestPrefilterIsExact(t *testing.T) {
	lines := []string{
		"DOCKER LOGIN -P S3CR3T", "docker login --Token=abc", "AUTHORIZATION: BEARER abcdefghijklmnop",
		`{"AUTH": "Ym90OnMzY3IzdA=="}`, `{"Refresh_Token" : "x"}`, "my_Api_Key='v'", "Secret_X=1",
		"HTTPS://u:p@h", "oci://u:p@h/x", "GHP_abcdefghijklmnopqrstuvwxyz0123456789", "akia0123456789ABCDEF",
		"AKIA0123456789ABCDEF", "eyJhbGciOiJIUzI1.eyJzdWIiOiIxMjM0.c2lnbmF0dXJlMTIz",
		"ba\u017fic abcdefghijklmnop", "TO\u212aEN=abc", `"to\u212aen": "x"`, "--pass secret --token t2",
		"PASSWD=-p", "x=y token", "-p", "=", "",
	}
	root := filepath.Join(testenv.SharedDir(t), "corpus")
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		lines = append(lines, strings.Split(string(data), "\n")...)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(lines) < 1000 {
		t.Fatalf("only %d corpus lines read", len(lines))
	}
	masked := 0
	for _, l := range lines {
		for _, s := range []string{l, strings.ToUpper(l)} {
			got, want := String(s), redact(s, false)
			if got != want {
				t.Errorf("String(%q) = %q; every pattern gives %q", s, got, want)
			}
			if want != s {
				masked++
			}
		}
	}
	if masked == 0 {
		t.Error("no line had a secret: the comparison proved nothing")
	}
}

func TestStringMoreForms(t *testing.T) {
	masked := []struct{ in, secret string }{
		{"skopeo copy --dest-creds bot:hunter2secretpw docker-archive:a.tar docker://r.example.com/a", "hunter2secretpw"},
		{"curl -fsS -u bot:hunter2secretpw https://r.example.com/v2/", "hunter2secretpw"},
		{"echo hunter2secretpw | docker login -u bot --password-stdin r.example.com", "hunter2secretpw"},
		{"+ echo 'hunter2secretpw' | helm registry login r.example.com -u bot --password-stdin", "hunter2secretpw"},
		{"  DOCKER_PASSWORD: hunter2secretpw", "hunter2secretpw"},
		{"          password: hunter2secretpw", "hunter2secretpw"},
		{"npm token npm_abcdefghijklmnopqrstuvwxyz0123456789", "npm_abcdefghijklmnopqrstuvwxyz0123456789"},
	}
	for _, c := range masked {
		if got := String(c.in); strings.Contains(got, c.secret) {
			t.Errorf("String(%q) = %q still holds the secret", c.in, got)
		}
	}
	kept := []string{
		"IdToken: write",
		"  id-token: write",
		"          password: ${{ secrets.GITHUB_TOKEN }}",
		"          password: $CI_REGISTRY_PASSWORD",
		"unable to retrieve auth token: invalid username/password: unauthorized: authentication required",
		"docker run -u 1000:1000 alpine true",
		"echo \"$TOKEN\" | docker login -u bot --password-stdin ghcr.io",
		"failed to fetch oauth token: unexpected status: 401 Unauthorized",
	}
	for _, k := range kept {
		if got := String(k); got != k {
			t.Errorf("String(%q) = %q; want unchanged", k, got)
		}
	}
	// The value stops before a closing quote of the surrounding message.
	if got := String(`failed with "incorrect password=hunter2secretpw".`); got != `failed with "incorrect password=***".` {
		t.Errorf("closing quote lost: %q", got)
	}
}

func TestDashPOnlyOnLogin(t *testing.T) {
	for _, k := range []string{"mkdir -p /kaniko/.docker", "cp -p a b && ssh -p 2222 host"} {
		if got := String(k); got != k {
			t.Errorf("String(%q) = %q; want unchanged", k, got)
		}
	}
	if got := String("docker login -u bot -p hunter2secretpw r.example.com && mkdir -p /x"); strings.Contains(got, "hunter2secretpw") || !strings.Contains(got, "mkdir -p /x") {
		t.Errorf("got %q", got)
	}
}

func TestCloudKeyForms(t *testing.T) {
	masked := []struct{ in, secret string }{
		{"aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "wJalrXUtnFEMI"},
		{"AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY aws ecr get-login-password", "wJalrXUtnFEMI"},
		{"  aws_secret_access_key: wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "wJalrXUtnFEMI"},
		{"export AWS_ACCESS_KEY_ID=ASIAIOSFODNN7EXAMPLE", "ASIAIOSFODNN7EXAMPLE"},
		{"key id ASIAIOSFODNN7EXAMPLE in use", "ASIAIOSFODNN7EXAMPLE"},
		{`{"type": "service_account", "private_key_id": "0123456789abcdef0123", "private_key": "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n-----END PRIVATE KEY-----\n"}`, "MIIEvQIBADANBgkqhkiG9w0BAQEFAASC"},
		{`{"private_key_id": "0123456789abcdef0123"}`, "0123456789abcdef0123"},
		{"+ echo -----BEGIN RSA PRIVATE KEY----- MIIEowIBAAKCAQEA7bq98 -----END RSA PRIVATE KEY-----", "MIIEowIBAAKCAQEA7bq98"},
		{"MIIEowIBAAKCAQEA7bq98sD8gT7Lr0BqQ0Yf4mE3nT1x9l0a2fJk3vV5uB1zXh2wQ8rN", "MIIEowIBAAKCAQEA7bq98"},
		{"  client_secret = 8Q~abcDEF123ghiJKL456mnoPQR789", "8Q~abcDEF123"},
		// a credential helper's reply echoed into an error (docker-credential-helpers JSON)
		{`error: {"ServerURL":"r.example.com","Username":"bot","Secret":"hunter2secretpw"}`, "hunter2secretpw"},
	}
	for _, c := range masked {
		if got := String(c.in); strings.Contains(got, c.secret) {
			t.Errorf("String(%q) = %q still holds the secret", c.in, got)
		}
	}
	kept := []string{
		"-----BEGIN CERTIFICATE-----",
		"sha256:b5809399b5f3e40ecaa362d287a62ddfe2e644e7f5e09fe1dabe79feda5338eb",
		"b5809399b5f3e40ecaa362d287a62ddfe2e644e7f5e09fe1dabe79feda5338ebb5809399b5f3e40ecaa362",
		"#12 writing image sha256:5eddac11b97a2a8fa70faad1b0325373791947bf618b2e1230e21c48d6e88ca8 done",
		"if [ \"$TOKEN\" = \"\" ]; then exit 1; fi",
		"TOKEN = ${{ secrets.X }}",
		"=====================================================================",
	}
	for _, k := range kept {
		if got := String(k); got != k {
			t.Errorf("String(%q) = %q; want unchanged", k, got)
		}
	}
}
