package creds

import (
	"context"
	"encoding/base64"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func b64(s string) string { return base64.StdEncoding.EncodeToString([]byte(s)) }

func writeFile(t *testing.T, path, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o700); err != nil {
		t.Fatal(err)
	}
}

// helperScript writes a docker-credential-NAME program into dir.
func helperScript(t *testing.T, dir, name, body string) {
	writeFile(t, filepath.Join(dir, "docker-credential-"+name), "#!/bin/sh\n"+body+"\n")
}

func TestResolve(t *testing.T) {
	cases := []struct {
		name     string
		registry string
		repo     string
		docker   string // $DOCKER_CONFIG/config.json
		podman   string // $XDG_RUNTIME_DIR/containers/auth.json
		helpers  map[string]string
		// want
		source, key, user string
		nearMiss          string // substring of the first near miss' Why
		problem           string // substring of the first problem
		timeout           time.Duration
	}{
		{name: "auths exact host", registry: "ghcr.io", repo: "acme/app",
			docker: `{"auths":{"ghcr.io":{"auth":"` + b64("me:pw") + `"}}}`, source: "docker config", key: "ghcr.io", user: "me"},
		{name: "auths key with scheme matches like docker/cli", registry: "ghcr.io", repo: "acme/app",
			docker: `{"auths":{"https://ghcr.io":{"auth":"` + b64("me:pw") + `"}}}`, source: "docker config", key: "https://ghcr.io", user: "me"},
		{name: "docker hub canonical key", registry: "docker.io", repo: "me/app",
			docker: `{"auths":{"https://index.docker.io/v1/":{"auth":"` + b64("me:pw") + `"}}}`, source: "docker config", key: DockerHubKey, user: "me"},
		{name: "docker hub under docker.io is a near miss for docker", registry: "docker.io", repo: "me/app",
			docker: `{"auths":{"docker.io":{"auth":"` + b64("me:pw") + `"}}}`, nearMiss: "https://index.docker.io/v1/"},
		{name: "another port", registry: "reg.example.com:5000", repo: "app",
			docker: `{"auths":{"reg.example.com":{"auth":"` + b64("me:pw") + `"}}}`, nearMiss: "another port"},
		{name: "another ECR account", registry: "111111111111.dkr.ecr.eu-west-1.amazonaws.com", repo: "app",
			docker: `{"auths":{"222222222222.dkr.ecr.eu-west-1.amazonaws.com":{"auth":"` + b64("AWS:t") + `"}}}`, nearMiss: "another ECR account or region"},
		{name: "gcr.io vs eu.gcr.io", registry: "eu.gcr.io", repo: "p/app",
			docker: `{"auths":{"gcr.io":{"auth":"` + b64("_json_key:k") + `"}}}`, nearMiss: "another Google registry location"},
		{name: "podman repository-scoped key, most specific first", registry: "quay.io", repo: "org/app",
			podman: `{"auths":{"quay.io":{"auth":"` + b64("general:pw") + `"},"quay.io/org":{"auth":"` + b64("orgbot:pw") + `"}}}`,
			source: "auth file", key: "quay.io/org", user: "orgbot"},
		{name: "credsStore helper missing", registry: "ghcr.io", repo: "a/b",
			docker: `{"auths":{"ghcr.io":{}},"credsStore":"regdoctor-nope"}`, problem: "executable file not found"},
		{name: "credHelpers helper answers", registry: "123456789012.dkr.ecr.us-east-1.amazonaws.com", repo: "app",
			docker:  `{"credHelpers":{"123456789012.dkr.ecr.us-east-1.amazonaws.com":"fake"}}`,
			helpers: map[string]string{"fake": `read url; echo "{\"ServerURL\":\"$url\",\"Username\":\"AWS\",\"Secret\":\"tok\"}"`},
			source:  "credential helper docker-credential-fake", key: "123456789012.dkr.ecr.us-east-1.amazonaws.com", user: "AWS"},
		{name: "helper says not found", registry: "ghcr.io", repo: "a/b",
			docker:  `{"credsStore":"fake"}`,
			helpers: map[string]string{"fake": `echo "credentials not found in native keychain"; exit 1`}},
		{name: "helper fails", registry: "ghcr.io", repo: "a/b",
			docker:  `{"credsStore":"fake"}`,
			helpers: map[string]string{"fake": `echo "error getting credentials - dbus not running"; exit 1`}, problem: "dbus not running"},
		{name: "helper hangs", registry: "ghcr.io", repo: "a/b", timeout: 300 * time.Millisecond,
			docker:  `{"credsStore":"fake"}`,
			helpers: map[string]string{"fake": `exec sleep 30`}, problem: "no answer within"},
		{name: "unreadable config", registry: "ghcr.io", repo: "a/b", docker: `{"auths":`, problem: "cannot parse"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			env := map[string]string{"DOCKER_CONFIG": filepath.Join(dir, "docker"), "XDG_RUNTIME_DIR": filepath.Join(dir, "run")}
			if c.docker != "" {
				writeFile(t, filepath.Join(dir, "docker", "config.json"), c.docker)
			}
			if c.podman != "" {
				writeFile(t, filepath.Join(dir, "run", "containers", "auth.json"), c.podman)
			}
			bin := filepath.Join(dir, "bin")
			for n, body := range c.helpers {
				helperScript(t, bin, n, body)
			}
			t.Setenv("PATH", bin+":/usr/bin:/bin")
			start := time.Now()
			r := Resolve(context.Background(), Options{Registry: c.registry, Repository: c.repo,
				Getenv: func(k string) string { return env[k] }, Home: dir, HelperTimeout: c.timeout})
			if c.timeout > 0 && time.Since(start) > c.timeout+2*time.Second {
				t.Errorf("helper timeout not enforced: %s", time.Since(start))
			}
			if c.source == "" && r.Cred != nil {
				t.Errorf("want no credential, got %s", r.Cred.Describe())
			}
			if c.source != "" {
				if r.Cred == nil {
					t.Fatalf("want a credential from %s, got none (checked %v, problems %v, near misses %v)", c.source, r.Checked, r.Problems, r.NearMisses)
				}
				if !strings.HasPrefix(r.Cred.Source, c.source) || r.Cred.Key != c.key || r.Cred.Username != c.user {
					t.Errorf("got %s, key %q; want source %s, key %q, user %s", r.Cred.Describe(), r.Cred.Key, c.source, c.key, c.user)
				}
				if strings.Contains(r.Cred.Describe(), r.Cred.Password) {
					t.Errorf("Describe prints the secret: %s", r.Cred.Describe())
				}
			}
			if c.nearMiss != "" && (len(r.NearMisses) == 0 || !strings.Contains(r.NearMisses[0].Why, c.nearMiss)) {
				t.Errorf("want near miss %q, got %+v", c.nearMiss, r.NearMisses)
			}
			if c.problem != "" && (len(r.Problems) == 0 || !strings.Contains(r.Problems[0].Err, c.problem)) {
				t.Errorf("want problem %q, got %+v", c.problem, r.Problems)
			}
			if c.problem == "" && len(r.Problems) > 0 {
				t.Errorf("unexpected problem %+v", r.Problems)
			}
		})
	}
}

func TestFlagsWin(t *testing.T) {
	r := Resolve(context.Background(), Options{Registry: "ghcr.io", FlagsSet: true, Username: "u", Password: "",
		Getenv: func(string) string { return "" }, Home: t.TempDir()})
	if r.Cred == nil || r.Cred.Source != "--username/--password-stdin" || !r.Cred.Empty() {
		t.Fatalf("got %+v", r.Cred)
	}
}
