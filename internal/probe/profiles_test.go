package probe

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/regdoctor/regdoctor/internal/reghost"
)

// Registry profiles: unit tests of the cause choice for each registry's way
// of refusing (shared/domain/registries.md, "Missing push shows up as"). The
// fakes answer with the status codes and error bodies the real services
// send; the proof against a real registry is TestVerdictMatchesCrane.

type fakeRegistry struct {
	basic  bool                                         // Basic challenge (ECR, htpasswd) instead of Bearer
	token  func(w http.ResponseWriter, r *http.Request) // token endpoint; nil issues a token granting grant
	grant  []string                                     // actions in the issued token's access claim
	upload func(w http.ResponseWriter, r *http.Request) // POST /v2/<name>/blobs/uploads/
}

func jwtFor(repo string, actions []string) string {
	enc := base64.RawURLEncoding.EncodeToString
	claims, _ := json.Marshal(map[string]any{"sub": "someone", "exp": time.Now().Add(5 * time.Minute).Unix(),
		"access": []map[string]any{{"type": "repository", "name": repo, "actions": actions}}})
	return enc([]byte(`{"alg":"ES256","typ":"JWT"}`)) + "." + enc(claims) + "." + enc([]byte("signature-not-checked"))
}

func writeErr(w http.ResponseWriter, status int, code, msg string) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	fmt.Fprintf(w, `{"errors":[{"code":%q,"message":%q}]}`, code, msg)
}

func (f *fakeRegistry) start(t *testing.T) string {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch {
		case r.URL.Path == "/token":
			if f.token != nil {
				f.token(w, r)
				return
			}
			repo := strings.Split(r.URL.Query().Get("scope"), ":")[1]
			fmt.Fprintf(w, `{"token":%q,"expires_in":300}`, jwtFor(repo, f.grant))
		case r.URL.Path == "/v2/" || r.Header.Get("Authorization") == "":
			if f.basic {
				w.Header().Set("WWW-Authenticate", `Basic realm="https://`+r.Host+`/",service="ecr.amazonaws.com"`)
			} else {
				w.Header().Set("WWW-Authenticate", `Bearer realm="http://`+r.Host+`/token",service="fake"`)
			}
			writeErr(w, 401, "UNAUTHORIZED", "authentication required")
		case r.Method == http.MethodPost && strings.HasSuffix(r.URL.Path, "/blobs/uploads/"):
			if f.upload != nil {
				f.upload(w, r)
				return
			}
			w.Header().Set("Location", r.URL.Path+"uuid-1")
			w.WriteHeader(202)
		case r.Method == http.MethodDelete:
			w.WriteHeader(204)
		default:
			w.WriteHeader(404)
		}
	}))
	t.Cleanup(srv.Close)
	return srv.Listener.Addr().String()
}

func TestRegistryProfiles(t *testing.T) {
	ghEvent := filepath.Join(t.TempDir(), "event.json")
	if err := os.WriteFile(ghEvent, []byte(`{"pull_request":{"head":{"repo":{"full_name":"fork/app","fork":true}}}}`), 0o600); err != nil {
		t.Fatal(err)
	}
	gha := map[string]string{"GITHUB_ACTIONS": "true", "GITHUB_EVENT_NAME": "push", "GITHUB_REPOSITORY": "Acme/app",
		"GITHUB_REPOSITORY_OWNER": "Acme", "GITHUB_TOKEN": "ghs_0123456789abcdefghijklmnopqrstuvwxyzAB"}
	with := func(m map[string]string, kv ...string) map[string]string {
		out := map[string]string{}
		for k, v := range m {
			out[k] = v
		}
		for i := 0; i+1 < len(kv); i += 2 {
			out[kv[i]] = kv[i+1]
		}
		return out
	}
	denyGHCR := func(msg string) func(w http.ResponseWriter, r *http.Request) {
		return func(w http.ResponseWriter, r *http.Request) { writeErr(w, 403, "DENIED", msg) }
	}
	cases := []struct {
		name       string
		kind       reghost.Kind
		repo       string
		user, pass string
		env        map[string]string
		reg        fakeRegistry
		pull       bool
		want       string
	}{
		{name: "ghcr GITHUB_TOKEN without packages: write", kind: reghost.GHCR, repo: "acme/app", user: "bot", pass: gha["GITHUB_TOKEN"], env: gha,
			reg: fakeRegistry{upload: denyGHCR("permission_denied: write_package")}, want: "gh-token-packages-permission"},
		{name: "ghcr package without Actions access", kind: reghost.GHCR, repo: "acme/app", user: "bot", pass: gha["GITHUB_TOKEN"], env: gha,
			reg: fakeRegistry{upload: denyGHCR("installation not allowed to Write organization package")}, want: "ghcr-package-actions-access"},
		{name: "ghcr GITHUB_TOKEN pushing to another owner", kind: reghost.GHCR, repo: "other/app", user: "bot", pass: gha["GITHUB_TOKEN"], env: gha,
			reg: fakeRegistry{upload: denyGHCR("permission_denied: write_package")}, want: "push-outside-namespace"},
		{name: "ghcr PAT without write:packages", kind: reghost.GHCR, repo: "acme/app", user: "me", pass: "ghp_0123456789abcdefghijklmnopqrstuvwxyzAB",
			reg: fakeRegistry{upload: denyGHCR("permission_denied: write_package")}, want: "token-missing-scope"},
		{name: "ghcr fork pull request without secrets", kind: reghost.GHCR, repo: "acme/app",
			env: with(gha, "GITHUB_EVENT_NAME", "pull_request", "GITHUB_EVENT_PATH", ghEvent, "GITHUB_TOKEN", ""),
			reg: fakeRegistry{upload: denyGHCR("permission_denied: write_package")}, want: "fork-pr-readonly"},
		{name: "docker hub token always issued, push outside namespace", kind: reghost.DockerHub, repo: "bob/app", user: "alice", pass: "dckr_pat_0123456789abcdefghij",
			reg: fakeRegistry{grant: []string{"pull"}, upload: func(w http.ResponseWriter, r *http.Request) {
				w.Header().Set("WWW-Authenticate", `Bearer realm="x",service="registry.docker.io",error="insufficient_scope"`)
				writeErr(w, 401, "UNAUTHORIZED", "authentication required")
			}}, want: "push-outside-namespace"},
		{name: "docker hub read-only access token", kind: reghost.DockerHub, repo: "alice/app", user: "alice", pass: "dckr_pat_0123456789abcdefghij",
			reg: fakeRegistry{grant: []string{"pull"}, upload: func(w http.ResponseWriter, r *http.Request) {
				writeErr(w, 401, "UNAUTHORIZED", "authentication required")
			}}, want: "token-missing-scope"},
		{name: "gitlab job token into another project", kind: reghost.GitLab, repo: "other/proj/app", user: "gitlab-ci-token", pass: "glcbt-0123456789abcdefghijkl",
			env: map[string]string{"GITLAB_CI": "true", "CI_REGISTRY_IMAGE": "HOST/acme/proj"},
			reg: fakeRegistry{upload: func(w http.ResponseWriter, r *http.Request) {
				writeErr(w, 403, "DENIED", "requested access to the resource is denied")
			}}, want: "job-token-cross-project"},
		{name: "gitlab job token sent to another registry", kind: reghost.GitLab, repo: "acme/proj", user: "gitlab-ci-token", pass: "glcbt-0123456789abcdefghijkl",
			env: map[string]string{"GITLAB_CI": "true", "CI_REGISTRY": "registry.example.com", "CI_REGISTRY_IMAGE": "registry.example.com/acme/proj"},
			reg: fakeRegistry{token: func(w http.ResponseWriter, r *http.Request) {
				w.WriteHeader(401)
				fmt.Fprint(w, `{"errors":[{"code":"UNAUTHORIZED","message":"HTTP Basic: Access denied"}]}`)
			}}, want: "login-wrong-host"},
		{name: "gitlab bad credentials at the token step", kind: reghost.GitLab, repo: "acme/proj", user: "me", pass: "wrong",
			reg: fakeRegistry{token: func(w http.ResponseWriter, r *http.Request) {
				w.WriteHeader(401)
				fmt.Fprint(w, `{"errors":[{"code":"UNAUTHORIZED","message":"HTTP Basic: Access denied"}]}`)
			}}, want: "bad-credentials"},
		{name: "ecr expired 12 h token", kind: reghost.ECR, repo: "app", user: "AWS", pass: "expired-token",
			reg: fakeRegistry{basic: true, upload: func(w http.ResponseWriter, r *http.Request) {
				writeErr(w, 401, "DENIED", "Your authorization token has expired. Reauthenticate and try again.")
			}}, want: "token-expired"},
		{name: "ecr repository missing", kind: reghost.ECR, repo: "app", user: "AWS", pass: "token",
			reg: fakeRegistry{basic: true, upload: func(w http.ResponseWriter, r *http.Request) {
				writeErr(w, 404, "NAME_UNKNOWN", "The repository with name 'app' does not exist in the registry with id '123456789012'")
			}}, want: "repo-not-found"},
		{name: "gar denied at the token step", kind: reghost.GAR, repo: "proj/repo/app", user: "oauth2accesstoken", pass: "ya29.token",
			reg: fakeRegistry{token: func(w http.ResponseWriter, r *http.Request) {
				writeErr(w, 403, "DENIED", `Permission "artifactregistry.repositories.uploadArtifacts" denied on resource "projects/proj/locations/eu/repositories/repo" (or it may not exist)`)
			}}, want: "cloud-iam-denied"},
		{name: "acr identity with AcrPull only", kind: reghost.ACR, repo: "app", user: "00000000-0000-0000-0000-000000000000", pass: "token",
			reg: fakeRegistry{grant: []string{"pull"}, upload: func(w http.ResponseWriter, r *http.Request) {
				writeErr(w, 401, "UNAUTHORIZED", "authentication required, visit https://aka.ms/acr/authorization for more information.")
			}}, want: "insufficient-role"},
		{name: "harbor robot without push", kind: reghost.Harbor, repo: "proj/app", user: "robot$ci", pass: "secret",
			reg: fakeRegistry{grant: []string{"pull"}, upload: func(w http.ResponseWriter, r *http.Request) {
				writeErr(w, 401, "UNAUTHORIZED", "unauthorized to access repository: proj/app, action: push: unauthorized to access repository: proj/app, action: push")
			}}, want: "insufficient-role"},
		{name: "token service rate limit", kind: reghost.Distribution, repo: "team/app", user: "u", pass: "p",
			reg: fakeRegistry{token: func(w http.ResponseWriter, r *http.Request) {
				writeErr(w, 429, "TOOMANYREQUESTS", "You have reached your pull rate limit")
			}}, want: "rate-limited"},
		{name: "registry 503", kind: reghost.Distribution, repo: "team/app", user: "u", pass: "p",
			reg: fakeRegistry{grant: []string{"pull", "push"}, upload: func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(503) }}, want: "registry-fault"},
		{name: "push allowed, opaque token", kind: reghost.Quay, repo: "org/app", user: "org+robot", pass: "p",
			reg: fakeRegistry{token: func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, `{"token":"opaque"}`) }}, want: "none"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			host := c.reg.start(t)
			env := map[string]string{}
			for k, v := range c.env {
				env[k] = strings.ReplaceAll(v, "HOST", host)
			}
			o := Options{Reference: host + "/" + c.repo, Kind: c.kind, Pull: c.pull,
				Getenv: func(k string) string { return env[k] }, Home: t.TempDir(), Timeout: 5 * time.Second}
			if c.user != "" || c.pass != "" {
				o.Username, o.Password, o.CredFlags = c.user, c.pass, true
			}
			res := Run(context.Background(), o)
			got := "none"
			if len(res.Report.Findings) > 0 {
				got = res.Report.Findings[0].Cause
			}
			if got != c.want {
				t.Errorf("got %s, want %s%s", got, c.want, stepsText(res))
			}
			if (got == "none") != res.OK {
				t.Errorf("verdict %v disagrees with findings %s", res.OK, got)
			}
			if res.RoundTrips > 5 {
				t.Errorf("%d round trips, want at most 5", res.RoundTrips)
			}
		})
	}
}
