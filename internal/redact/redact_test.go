package redact

import (
	"strings"
	"testing"
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
