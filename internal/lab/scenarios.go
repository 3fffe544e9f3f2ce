package lab

import (
	"context"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
)

// Scenario is one failure (or success) the lab reproduces with every client
// it applies to. Cause is the catalog id (shared/domain/causes.md) of the
// real situation, "" for success.
type Scenario struct {
	Name  string
	Cause string
	About string // one line: what the job does wrong
	// Registry for the scenario. Host "127.0.0.2" marks a scenario where
	// the client must verify TLS (no insecure flags); docker gets NetNSAddr.
	Registry Options
	Refused  bool   // nothing listens at the image's host
	Login    string // "", "pusher", "reader", "wrong-password"
	// LoginHost rewrites the registry address for the login step (another
	// host string than the image reference's).
	LoginHost func(addr string) string
	Pull      bool   // pull instead of push
	Repo      string // repository path (default "team/app")
	Tag       string // default "v1"
	Seed      bool   // push TinyImage to team/app:v1 first
	// DockerHost overrides DOCKER_HOST (docker only): "refused" or "missing".
	DockerHost string
	// BrokenHelper configures a credential helper that is not installed
	// (docker-credential-desktop) in the client's credential configuration.
	BrokenHelper bool
	// Only lists the clients the scenario applies to (nil: all); NotFor
	// gives the clients it does not apply to and why.
	Only   []string
	NotFor map[string]string
}

// Secure reports whether clients run without insecure/plain-HTTP flags.
func (s Scenario) Secure() bool { return s.Registry.Host == "127.0.0.2" }

// Applies reports whether the scenario runs with client c, and why not.
func (s Scenario) Applies(c string) (bool, string) {
	if why, ok := s.NotFor[c]; ok {
		return false, why
	}
	if s.Only == nil {
		return true, ""
	}
	for _, o := range s.Only {
		if o == c {
			return true, ""
		}
	}
	return false, "only " + strings.Join(s.Only, ", ")
}

// Scenarios returns the lab's scenarios in matrix order.
func Scenarios() []Scenario {
	tok := Options{Auth: AuthToken}
	return []Scenario{
		{Name: "success", About: "login as the pusher, push into its namespace", Registry: tok, Login: "pusher"},
		{Name: "success-pull", About: "login as the reader, pull an existing tag", Registry: tok, Login: "reader", Pull: true, Seed: true},
		{Name: "no-login", Cause: "no-login", About: "push with no login step", Registry: tok},
		{Name: "no-login-htpasswd", Cause: "no-login", About: "push with no login step (htpasswd registry)", Registry: Options{Auth: AuthHtpasswd}},
		{Name: "wrong-password", Cause: "bad-credentials", About: "login with a wrong password", Registry: tok, Login: "wrong-password"},
		{Name: "login-wrong-host", Cause: "login-wrong-host", About: "login to localhost:PORT, push to 127.0.0.1:PORT", Registry: tok, Login: "pusher",
			LoginHost: func(addr string) string { _, port, _ := net.SplitHostPort(addr); return "localhost:" + port }},
		{Name: "reader-push", Cause: "insufficient-role", About: "login as a pull-only user, push", Registry: tok, Login: "reader"},
		{Name: "outside-namespace", Cause: "push-outside-namespace", About: "pusher pushes to a namespace it does not own", Registry: tok, Login: "pusher", Repo: "other/app"},
		{Name: "token-expired", Cause: "token-expired", About: "the token server issues tokens that expired an hour ago", Registry: Options{Auth: AuthToken, Token: TokenExpired}, Login: "pusher"},
		{Name: "token-not-yet-valid", Cause: "clock-skew", About: "tokens valid only from an hour from now (a runner clock behind the token server's)", Registry: Options{Auth: AuthToken, Token: TokenNotYetValid}, Login: "pusher"},
		{Name: "tls-untrusted", Cause: "tls-untrusted", About: "self-signed certificate not trusted by the client", Registry: Options{Auth: AuthToken, TLS: true, Host: "127.0.0.2"}, Login: "pusher"},
		{Name: "tls-wrong-name", Cause: "tls-untrusted", About: "certificate issued for another address", Registry: Options{Auth: AuthToken, TLS: true, Host: "127.0.0.2", CertHosts: []string{"127.0.0.1"}}, Login: "pusher"},
		{Name: "http-as-https", Cause: "http-https-mismatch", About: "plain-HTTP registry addressed as HTTPS", Registry: Options{Auth: AuthToken, Host: "127.0.0.2"}, Login: "pusher"},
		{Name: "connection-refused", Cause: "registry-unreachable", About: "nothing listens at the registry address", Refused: true, Login: "pusher"},
		{Name: "daemon-tcp-refused", Cause: "daemon-unreachable", About: "DOCKER_HOST points at a closed TCP port", Registry: tok, Login: "pusher", DockerHost: "refused", Only: []string{"docker"}},
		{Name: "daemon-socket-missing", Cause: "daemon-unreachable", About: "DOCKER_HOST names a socket that does not exist", Registry: tok, Login: "pusher", DockerHost: "missing", Only: []string{"docker"}},
		{Name: "credential-helper-missing", Cause: "credential-store-error", About: `"credsStore": "desktop" without docker-credential-desktop`, Registry: tok, Login: "pusher", BrokenHelper: true,
			NotFor: map[string]string{"regctl": "regctl stores its logins in ~/.regctl/config.json and never calls the docker credsStore or a --cred-helper on login (checked: the job passes)"}},
		{Name: "uppercase-repository", Cause: "invalid-reference", About: "repository name with capitals", Registry: tok, Login: "pusher", Repo: "team/MyApp"},
		{Name: "tag-not-found", Cause: "manifest-unknown", About: "pull a tag that was never pushed", Registry: tok, Login: "reader", Pull: true, Seed: true, Tag: "v2"},
	}
}

// Outcome is one client x scenario job, run and normalised.
type Outcome struct {
	Client, Scenario, Cause string
	Result
	Normalised       string // GitHub Actions shape
	NormalisedGitLab string // GitLab CI shape
}

// RunScenario starts the scenario's registry (or none), runs the client's job
// against it and returns the log. It skips (or fails under CI=true) when the
// client is not installed.
func RunScenario(t testing.TB, w *Workspace, c *Client, s Scenario) Outcome {
	t.Helper()
	w.Prepare(t, c)
	x := &Run{W: w, Dir: t.TempDir(), Secure: s.Secure(), Archive: w.Archive}
	for _, d := range []string{x.home(), x.dockerConfig(), filepath.Dir(x.authFile())} {
		if err := os.MkdirAll(d, 0o700); err != nil {
			t.Fatal(err)
		}
	}
	WriteDockerConfig(t, x.dockerConfig(), nil)
	// Copy the hello.txt payload (oras) into the job's working directory.
	if b, err := os.ReadFile(filepath.Join(w.Dir, "hello.txt")); err == nil {
		os.WriteFile(filepath.Join(x.Dir, "hello.txt"), b, 0o644) //nolint:errcheck // oras reports a missing file
	}

	opts := s.Registry
	if c.UsesDaemon {
		opts.NetNS = w.NetNS
		if opts.Host == "127.0.0.2" {
			opts.Host = NetNSAddr
			for i, h := range opts.CertHosts {
				if h == "127.0.0.2" {
					opts.CertHosts[i] = NetNSAddr
				}
			}
		}
	}
	var reg *Registry
	var addr string
	ports := []string{}
	if s.Refused {
		addr = refusedIn(t, opts.NetNS)
	} else {
		reg = Start(t, opts)
		addr = reg.Addr
		if s.Seed {
			reg.Seed(t, "team/app", "v1")
		}
	}
	_, port, _ := net.SplitHostPort(addr)
	ports = append(ports, port)

	repo, tag := s.Repo, s.Tag
	if repo == "" {
		repo = "team/app"
	}
	if tag == "" {
		tag = "v1"
	}
	ref := addr + "/" + repo + ":" + tag
	loginHost := addr
	if s.LoginHost != nil {
		loginHost = s.LoginHost(addr)
	}

	var user User
	var secrets []string
	switch s.Login {
	case "pusher", "wrong-password":
		if reg != nil {
			user = reg.Pusher
		} else {
			user = User{Name: "pusher", Password: "pusher-" + randomHex(8)}
		}
		if s.Login == "wrong-password" {
			user.Password = "wrong-" + randomHex(4)
		}
	case "reader":
		user = reg.Reader
	}
	if reg != nil {
		secrets = append(secrets, reg.Pusher.Password, reg.Reader.Password)
	}
	if user.Password != "" {
		secrets = append(secrets, user.Password)
	}

	if s.BrokenHelper {
		WriteDockerConfig(t, x.dockerConfig(), &DockerConfigFile{CredsStore: "desktop"})
		if err := os.WriteFile(x.authFile(), []byte(`{"auths":{},"credHelpers":{"`+loginHost+`":"desktop"}}`+"\n"), 0o600); err != nil {
			t.Fatal(err)
		}
	}

	job := Job{Env: c.env(x), Dir: x.Dir}
	if s.BrokenHelper {
		// skopeo and podman read credHelpers from the file REGISTRY_AUTH_FILE
		// names (a CI pointing it at a shared auth file); without it, login
		// stores in "auths" and only the push trips over the helper.
		job.Env = append(job.Env, "REGISTRY_AUTH_FILE="+x.authFile())
	}
	if c.UsesDaemon {
		job.NetNS = w.NetNS
	}
	switch s.DockerHost {
	case "refused":
		r := Refused(t)
		_, p, _ := net.SplitHostPort(r)
		ports = append(ports, p)
		job.Env = append(job.Env, "DOCKER_HOST=tcp://"+r)
	case "missing":
		job.Env = append(job.Env, "DOCKER_HOST=unix:///var/run/docker.sock.missing/docker.sock")
	}
	if c.config != nil {
		if cmds := c.config(x, loginHost); len(cmds) > 0 {
			if loginHost != addr {
				cmds = append(cmds, c.config(x, addr)...)
			}
			job.Steps = append(job.Steps, Step{Name: "Configure registry", Commands: cmds})
		}
	}
	if s.Login != "" {
		job.Steps = append(job.Steps, Step{Name: "Log in to registry", Commands: c.login(x, loginHost, user)})
	}
	if s.Pull {
		job.Steps = append(job.Steps, Step{Name: "Pull image", Commands: c.pull(x, ref)})
	} else {
		job.Steps = append(job.Steps, Step{Name: "Push image", Commands: c.push(x, ref)})
	}
	res := job.Run(context.Background())
	no := NormaliseOptions{Ports: ports, Dirs: []string{x.Dir, w.Dir, dockerDir(w)}, Secrets: secrets}
	return Outcome{Client: c.Name, Scenario: s.Name, Cause: s.Cause, Result: res,
		Normalised: Normalise(res.Log, no), NormalisedGitLab: Normalise(res.GitLab, no)}
}

func dockerDir(w *Workspace) string {
	if w.DockerSocket == "" {
		return ""
	}
	return filepath.Dir(w.DockerSocket)
}

// refusedIn returns a 127.0.0.1 address with nothing listening, in the
// network namespace nsPath when set.
func refusedIn(t testing.TB, nsPath string) string {
	t.Helper()
	ln, err := listen(nsPath, "127.0.0.1:0")
	if err != nil {
		t.Fatalf("lab: %v", err)
	}
	addr := ln.Addr().String()
	ln.Close()
	return addr
}

// NormaliseOptions lists the volatile values of one job.
type NormaliseOptions struct {
	Ports   []string // lab ports, replaced by 5000, 5001, ... in order
	Dirs    []string // temp directories, replaced by /tmp/lab (longest first)
	Secrets []string // passwords, replaced by ***
}

var volatile = []struct {
	re   *regexp.Regexp
	with string
}{
	{regexp.MustCompile(`\d{4}[-/]\d{2}[-/]\d{2}[T ]\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:?\d{2})?`), "2026-01-01T00:00:00Z"},
	{regexp.MustCompile(`sha256:[0-9a-f]{64}`), "sha256:" + strings.Repeat("0", 64)},
	{regexp.MustCompile(`\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b`), "00000000-0000-0000-0000-000000000000"},
	{regexp.MustCompile(`_state=[A-Za-z0-9_\-=%.]+`), "_state=STATE"},
	{regexp.MustCompile(`\b0x[0-9a-f]{6,}\b`), "0xc000000000"},
	{regexp.MustCompile(`eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+`), "<jwt>"},
	{regexp.MustCompile(`\b\d+(\.\d+)?(ms|µs|s)\b`), "0s"},
}

// Normalise replaces a job log's volatile text so that golden files compare:
// the given ports, directories and secrets, then timestamps, digests, upload
// UUIDs and state, pointers, JWTs and durations.
func Normalise(log string, o NormaliseOptions) string {
	for _, s := range o.Secrets {
		if s != "" {
			log = strings.ReplaceAll(log, s, "***")
		}
	}
	dirs := append([]string(nil), o.Dirs...)
	sort.Slice(dirs, func(i, j int) bool { return len(dirs[i]) > len(dirs[j]) })
	for _, d := range dirs {
		if d != "" && d != "/" {
			log = strings.ReplaceAll(log, d, "/tmp/lab")
		}
	}
	for i, p := range o.Ports {
		if p == "" {
			continue
		}
		re := regexp.MustCompile(`:` + regexp.QuoteMeta(p) + `\b`)
		log = re.ReplaceAllString(log, fmt.Sprintf(":%d", 5000+i))
	}
	for _, v := range volatile {
		log = v.re.ReplaceAllString(log, v.with)
	}
	return log
}
