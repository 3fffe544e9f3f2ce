package cli

import (
	"bytes"
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/regdoctor/regdoctor/internal/lab"
)

// runProbe runs the probe command with stdin and returns the exit code and outputs.
func runProbe(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	root := NewRoot()
	var out, errb bytes.Buffer
	root.SetArgs(append([]string{"probe"}, args...))
	root.SetIn(strings.NewReader(stdin))
	root.SetOut(&out)
	root.SetErr(&errb)
	err := root.Execute()
	code := ExitClean
	var ee *exitError
	switch {
	case err == nil:
	case errors.As(err, &ee):
		code = ee.code
		if code != ExitFindings {
			errb.WriteString(ee.err.Error())
		}
	default:
		code = ExitUsage
		errb.WriteString(err.Error())
	}
	return code, out.String(), errb.String()
}

func TestProbeUsage(t *testing.T) {
	for _, args := range [][]string{
		{},
		{"a", "b"},
		{"--format", "nope", "ghcr.io/a/b"},
		{"--password-stdin", "ghcr.io/a/b"},
		{"--username", "u", "ghcr.io/a/b"},
		{"--timeout", "0s", "ghcr.io/a/b"},
		{"--registry-kind", "nope", "ghcr.io/a/b"},
	} {
		code, _, stderr := runProbe(t, "", args...)
		if code != ExitUsage || stderr == "" || strings.Contains(stderr, "goroutine") {
			t.Errorf("%v: exit %d, stderr %q; want 2 and a one-line error", args, code, stderr)
		}
	}
}

func TestProbeExitCodesAgainstLab(t *testing.T) {
	if testing.Short() {
		t.Skip("lab test: skipped with -short")
	}
	reg := lab.Start(t, lab.Options{Auth: lab.AuthToken})
	t.Setenv("HOME", t.TempDir())
	t.Setenv("DOCKER_CONFIG", reg.DockerConfigFor(t, reg.Pusher))
	for _, k := range []string{"GITHUB_ACTIONS", "GITLAB_CI", "REGISTRY_AUTH_FILE", "XDG_RUNTIME_DIR", "XDG_CONFIG_HOME"} {
		t.Setenv(k, "")
	}

	code, out, _ := runProbe(t, "", reg.Addr+"/team/app:v1")
	if code != ExitClean || !strings.Contains(out, "No problem found") || !strings.Contains(out, "upload") {
		t.Errorf("pusher: exit %d\n%s", code, out)
	}

	// The reader's password, given on stdin, must never be printed.
	code, out, stderr := runProbe(t, reg.Reader.Password+"\n", "--username", reg.Reader.Name, "--password-stdin", "--format", "json", reg.Addr+"/team/app:v1")
	if code != ExitFindings {
		t.Errorf("reader push: exit %d, want 1\n%s%s", code, out, stderr)
	}
	if strings.Contains(out+stderr, reg.Reader.Password) {
		t.Errorf("the password is printed:\n%s", out)
	}
	var rep struct {
		Findings []struct {
			Cause string `json:"cause"`
			Step  string `json:"step"`
		} `json:"findings"`
		Steps []struct {
			Name    string `json:"name"`
			Outcome string `json:"outcome"`
		} `json:"steps"`
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatalf("json: %v\n%s", err, out)
	}
	if len(rep.Findings) == 0 || rep.Findings[0].Cause != "insufficient-role" || rep.Findings[0].Step != "upload" || len(rep.Steps) != 8 {
		t.Errorf("json report: %+v", rep)
	}

	code, _, _ = runProbe(t, "", "--pull", reg.Addr+"/team/app:missing")
	if code != ExitFindings {
		t.Errorf("pull of a missing tag: exit %d, want 1", code)
	}
}

func TestProbeInconclusiveExit3(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("WWW-Authenticate", `Bearer realm="https://auth.example.invalid/token",service="x"`)
		w.WriteHeader(401)
	}))
	defer srv.Close()
	t.Setenv("HOME", t.TempDir())
	t.Setenv("DOCKER_CONFIG", t.TempDir())
	code, out, stderr := runProbe(t, "secret\n", "--username", "u", "--password-stdin", srv.Listener.Addr().String()+"/team/app")
	if code != ExitError || !strings.Contains(stderr, "--allow-realm-host") {
		t.Errorf("exit %d, stderr %q, want 3 naming --allow-realm-host\n%s", code, stderr, out)
	}
}

// TestProbeReportsWhatTheKeychainHides: with a docker config present,
// docker and go-containerregistry's DefaultKeychain (crane, ko) never read
// the containers auth file that podman and skopeo use; a credential found only
// there is reported with that caveat, and the keychain's choice is named.
func TestProbeReportsWhatTheKeychainHides(t *testing.T) {
	if testing.Short() {
		t.Skip("lab test: skipped with -short")
	}
	reg := lab.Start(t, lab.Options{Auth: lab.AuthToken})
	home := t.TempDir()
	lab.WriteDockerConfig(t, home+"/.docker", nil) // {"auths":{}}
	dir := t.TempDir()
	lab.WriteDockerConfig(t, dir, &lab.DockerConfigFile{Auths: map[string]lab.DockerAuth{reg.Addr + "/team": {Auth: lab.BasicAuth(reg.Pusher)}}})
	auth := dir + "/config.json"
	t.Setenv("HOME", home)
	t.Setenv("DOCKER_CONFIG", "")
	t.Setenv("REGISTRY_AUTH_FILE", auth)
	for _, k := range []string{"GITHUB_ACTIONS", "GITLAB_CI", "XDG_RUNTIME_DIR", "XDG_CONFIG_HOME"} {
		t.Setenv(k, "")
	}
	code, out, stderr := runProbe(t, "", "--format", "json", reg.Addr+"/team/app:v1")
	if code != ExitClean {
		t.Fatalf("exit %d\n%s%s", code, out, stderr)
	}
	for _, want := range []string{
		"auth file " + auth + " key " + reg.Addr + "/team",
		"docker and crane read only " + home + "/.docker/config.json",
		"go-containerregistry keychain (crane, ko) finds no credential",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("report lacks %q:\n%s", want, out)
		}
	}
}
