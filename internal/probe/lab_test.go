package probe

import (
	"context"
	"crypto/sha256"
	"crypto/x509"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/regdoctor/regdoctor/internal/lab"
)

// findCrane returns the crane binary, skipping loudly outside CI and failing
// in CI (CI=true) when it is absent (scripts/install-lab.sh installs it).
func findCrane(t *testing.T) string {
	t.Helper()
	if p, err := lab.LookPath("crane"); err == nil {
		return p
	}
	msg := "crane not found (PATH, $(go env GOPATH)/bin): install it with scripts/install-lab.sh or " +
		"`go install github.com/google/go-containerregistry/cmd/crane@v0.22.1`; the verdict test needs the real client"
	if os.Getenv("CI") == "true" {
		t.Fatal(msg)
	}
	t.Skip("LAB PREREQUISITE MISSING: " + msg)
	return ""
}

func fileExists(p string) bool {
	st, err := os.Stat(p)
	return err == nil && !st.IsDir()
}

// ociLayout writes lab.TinyImage as an OCI image layout for `crane push`.
func ociLayout(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	img := lab.TinyImage()
	write := func(rel string, b []byte) {
		p := filepath.Join(dir, rel)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	blob := func(b []byte) string {
		h := fmt.Sprintf("%x", sha256.Sum256(b))
		write("blobs/sha256/"+h, b)
		return "sha256:" + h
	}
	blob(img.Config)
	blob(img.Layer)
	md := blob(img.Manifest)
	write("oci-layout", []byte(`{"imageLayoutVersion":"1.0.0"}`))
	idx, _ := json.Marshal(map[string]any{"schemaVersion": 2, "manifests": []map[string]any{
		{"mediaType": "application/vnd.oci.image.manifest.v1+json", "digest": md, "size": len(img.Manifest)}}})
	write("index.json", idx)
	return dir
}

// scenario is one lab situation: how the registry runs, what the job has,
// what it tries, and the cause the real situation is.
type scenario struct {
	name   string
	opts   lab.Options
	pull   bool
	cause  string // "" = success
	secure bool   // treat the loopback host like any other (crane does for 127.0.0.2)
	ca     bool   // trust the lab's certificate (probe RootCAs, crane SSL_CERT_FILE)
	// setup returns the reference and the DOCKER_CONFIG directory.
	setup func(t *testing.T, r *lab.Registry) (ref, dockerConfig string)
	// notApplicable says why a probe cannot see this failure; the table
	// still prints it.
	notApplicable string
	refused       bool // nothing listens: no registry is started
	seed          bool // push lab.TinyImage to team/app:v1 first
}

func loggedIn(u func(r *lab.Registry) lab.User, repo string) func(t *testing.T, r *lab.Registry) (string, string) {
	return func(t *testing.T, r *lab.Registry) (string, string) {
		return r.Addr + "/" + repo, r.DockerConfigFor(t, u(r))
	}
}

func pusher(r *lab.Registry) lab.User { return r.Pusher }
func reader(r *lab.Registry) lab.User { return r.Reader }

func anonymous(repo string) func(t *testing.T, r *lab.Registry) (string, string) {
	return func(t *testing.T, r *lab.Registry) (string, string) { return r.Addr + "/" + repo, r.DockerConfig }
}

// fromLab turns the lab's canonical scenarios (internal/lab Scenarios: the
// cause of each real situation) into probe scenarios.
func fromLab() []scenario {
	var out []scenario
	for _, ls := range lab.Scenarios() {
		ls := ls
		sc := scenario{name: ls.Name, opts: ls.Registry, pull: ls.Pull, cause: ls.Cause, secure: ls.Secure()}
		if ls.DockerHost != "" {
			sc.notApplicable = "the docker daemon is not on the path to the registry: explain and lint cover it"
		}
		sc.setup = func(t *testing.T, r *lab.Registry) (string, string) {
			repo, tag := ls.Repo, ls.Tag
			if repo == "" {
				repo = "team/app"
			}
			if tag == "" {
				tag = "v1"
			}
			addr := ""
			if ls.Refused {
				addr = lab.Refused(t)
			} else {
				addr = r.Addr
			}
			dir := t.TempDir()
			cfg := &lab.DockerConfigFile{Auths: map[string]lab.DockerAuth{}}
			key := addr
			if ls.LoginHost != nil {
				key = ls.LoginHost(addr)
			}
			if r != nil {
				switch ls.Login {
				case "pusher":
					cfg.Auths[key] = lab.DockerAuth{Auth: lab.BasicAuth(r.Pusher)}
				case "reader":
					cfg.Auths[key] = lab.DockerAuth{Auth: lab.BasicAuth(r.Reader)}
				case "wrong-password":
					cfg.Auths[key] = lab.DockerAuth{Auth: lab.BasicAuth(lab.User{Name: r.Pusher.Name, Password: "wrong-password"})}
				}
			}
			if ls.BrokenHelper {
				// What `docker login` leaves with a credsStore it cannot run:
				// the helper is named, the secret is nowhere.
				cfg = &lab.DockerConfigFile{Auths: map[string]lab.DockerAuth{key: {}}, CredsStore: "desktop"}
			}
			lab.WriteDockerConfig(t, dir, cfg)
			return addr + "/" + repo + ":" + tag, dir
		}
		sc.refused, sc.seed = ls.Refused, ls.Seed
		out = append(out, sc)
	}
	return out
}

// extra scenarios beyond the lab's list: other auth modes, trusted TLS,
// and what a probe cannot see.
func extra() []scenario {
	token := lab.Options{Auth: lab.AuthToken}
	htpasswd := lab.Options{Auth: lab.AuthHtpasswd}
	return []scenario{
		{name: "x-success-htpasswd", opts: htpasswd, setup: loggedIn(pusher, "team/app:v1")},
		{name: "x-success-anonymous-registry", opts: lab.Options{}, setup: anonymous("team/app:v1")},
		{name: "x-wrong-password-htpasswd", opts: htpasswd, cause: "bad-credentials", setup: loggedIn(func(r *lab.Registry) lab.User {
			return lab.User{Name: r.Pusher.Name, Password: "wrong"}
		}, "team/app:v1")},
		{name: "x-login-other-port", opts: token, cause: "login-wrong-host", setup: func(t *testing.T, r *lab.Registry) (string, string) {
			dir := t.TempDir()
			lab.WriteDockerConfig(t, dir, &lab.DockerConfigFile{Auths: map[string]lab.DockerAuth{lab.Refused(t): {Auth: lab.BasicAuth(r.Pusher)}}})
			return r.Addr + "/team/app:v1", dir
		}},
		{name: "x-tls-trusted", opts: lab.Options{Auth: lab.AuthToken, TLS: true, Host: "127.0.0.2"}, secure: true, ca: true, setup: loggedIn(pusher, "team/app:v1")},
		{name: "x-pull-no-login", opts: token, pull: true, seed: true, cause: "no-login", setup: anonymous("team/app:v1")},
		{name: "x-policy-403", opts: lab.Options{Auth: lab.AuthToken, Policy403: true},
			notApplicable: "refused only at the manifest PUT, which a probe cannot try without writing", setup: loggedIn(pusher, "team/app:v1")},
	}
}

// TestVerdictMatchesCrane runs every lab scenario twice: regdoctor probe,
// then the real `crane push` (or `crane manifest` for pull scenarios) with
// the same DOCKER_CONFIG. The probe's verdict must equal crane's outcome,
// and its top cause the scenario's cause. It prints the table.
func TestVerdictMatchesCrane(t *testing.T) {
	if testing.Short() {
		t.Skip("lab test: skipped with -short")
	}
	crane := findCrane(t)
	layout := ociLayout(t)
	type row struct{ name, crane, probe, cause, want, step, note string }
	var mu sync.Mutex
	var rows []row
	t.Cleanup(func() {
		sort.Slice(rows, func(i, j int) bool { return rows[i].name < rows[j].name })
		var b strings.Builder
		fmt.Fprintf(&b, "\n%-30s %-6s %-11s %-24s %-24s %-9s %s\n", "scenario", "crane", "probe", "probe cause", "scenario cause", "step", "note")
		for _, r := range rows {
			fmt.Fprintf(&b, "%-30s %-6s %-11s %-24s %-24s %-9s %s\n", r.name, r.crane, r.probe, r.cause, r.want, r.step, r.note)
		}
		t.Log(b.String())
	})
	for _, sc := range append(fromLab(), extra()...) {
		t.Run(sc.name, func(t *testing.T) {
			t.Parallel()
			var reg *lab.Registry
			if !sc.refused {
				reg = lab.Start(t, sc.opts)
				if sc.seed {
					reg.Seed(t, "team/app", "v1")
				}
			}
			ref, dockerConfig := sc.setup(t, reg)
			home := t.TempDir()
			env := map[string]string{"DOCKER_CONFIG": dockerConfig, "HOME": home}
			o := Options{Reference: ref, Pull: sc.pull, LoopbackSecure: sc.secure, Home: home,
				Getenv: func(k string) string { return env[k] }, Timeout: 20 * time.Second, StepTimeout: 5 * time.Second}
			if sc.ca {
				pem, err := os.ReadFile(reg.CAFile)
				if err != nil {
					t.Fatal(err)
				}
				o.RootCAs = x509.NewCertPool()
				o.RootCAs.AppendCertsFromPEM(pem)
			}
			res := Run(context.Background(), o)

			args := []string{"push", layout, ref}
			if sc.pull {
				args = []string{"manifest", ref}
			}
			ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
			defer cancel()
			cmd := exec.CommandContext(ctx, crane, args...)
			cmd.Env = []string{"DOCKER_CONFIG=" + dockerConfig, "HOME=" + home, "PATH=/usr/bin:/bin"}
			if sc.ca {
				cmd.Env = append(cmd.Env, "SSL_CERT_FILE="+reg.CAFile)
			}
			out, craneErr := cmd.CombinedOutput()
			craneOK := craneErr == nil

			r := row{name: sc.name, crane: okWord(craneOK), probe: okWord(res.OK), want: orNone(sc.cause), note: sc.notApplicable}
			if res.Inconclusive != "" {
				r.probe = "no-verdict"
			}
			if len(res.Report.Findings) > 0 {
				r.cause = res.Report.Findings[0].Cause
				r.step = res.Report.Findings[0].Step
			} else {
				r.cause = "none"
			}
			mu.Lock()
			rows = append(rows, r)
			mu.Unlock()

			if sc.notApplicable != "" {
				t.Logf("not applicable (%s): crane %s, probe %s", sc.notApplicable, r.crane, r.probe)
				return
			}
			if craneOK != (sc.cause == "") {
				t.Errorf("lab scenario broken: crane %s, scenario expects %s; crane said:\n%s", r.crane, orNone(sc.cause), out)
			}
			if res.OK != craneOK {
				t.Errorf("verdict: probe %s, crane %s\ncrane: %s\nsteps: %s", r.probe, r.crane, clip(string(out), 400), stepsText(res))
			}
			if r.cause != orNone(sc.cause) {
				t.Errorf("top cause: got %s, want %s\nsteps: %s", r.cause, orNone(sc.cause), stepsText(res))
			}
			if res.RoundTrips > 6 {
				t.Errorf("%d HTTP round trips, want at most 6", res.RoundTrips)
			}
		})
	}
}

func okWord(ok bool) string {
	if ok {
		return "ok"
	}
	return "fails"
}

func orNone(s string) string {
	if s == "" {
		return "none"
	}
	return s
}

func stepsText(r *Result) string {
	var b strings.Builder
	for _, s := range r.Report.Steps {
		fmt.Fprintf(&b, "\n  %-8s %-11s %s", s.Outcome, s.Name, s.Detail)
	}
	for _, c := range r.Report.Context {
		fmt.Fprintf(&b, "\n  context: %s", c)
	}
	return b.String()
}
