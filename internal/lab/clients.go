package lab

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// TinyRef is the local name of the lab image in docker's and podman's image
// stores (loaded from WriteDockerArchive).
const TinyRef = "lab/tiny:v1"

// Client is a real registry client driven by the lab: how it logs in, pushes
// and pulls, written as the commands a CI job would run.
type Client struct {
	Name string
	Bins []string // executables that must be in PATH (or GOPATH/bin)
	// UsesDaemon: the client talks to a docker daemon in the lab's network
	// namespace (registries for it are started there).
	UsesDaemon bool

	prepare func(t testing.TB, w *Workspace) // once per Workspace
	version func() string
	login   func(x *Run, host string, u User) []Command
	push    func(x *Run, ref string) []Command
	pull    func(x *Run, ref string) []Command
	// config is a per-registry setup step (regctl's TLS setting).
	config func(x *Run, host string) []Command
	env    func(x *Run) []string
}

// Run is one client x scenario job's context.
type Run struct {
	W       *Workspace
	Dir     string // the job's own directory (HOME, DOCKER_CONFIG, auth file)
	Secure  bool   // verify TLS: no insecure/plain-HTTP flags
	Archive string // docker-save tarball of TinyImage
}

func (x *Run) home() string         { return filepath.Join(x.Dir, "home") }
func (x *Run) dockerConfig() string { return filepath.Join(x.Dir, "docker") }
func (x *Run) runtimeDir() string   { return filepath.Join(x.Dir, "run") }

// authFile is where skopeo and podman keep logins: the default
// $XDG_RUNTIME_DIR/containers/auth.json (containers-auth.json(5)).
func (x *Run) authFile() string { return filepath.Join(x.runtimeDir(), "containers", "auth.json") }

// Workspace holds what clients share across jobs: the image archive, the
// docker daemon and its network namespace, podman's storage.
type Workspace struct {
	Dir          string
	Archive      string
	NetNS        string // set when the docker client is prepared
	DockerSocket string
	t            testing.TB // owner: shared state is cleaned up with it
	once         map[string]*sync.Once
	errs         map[string]string
	mu           sync.Mutex
}

// NewWorkspace creates the shared workspace under a fresh temp dir; t owns
// it (dockerd and its network namespace stop when t's cleanup runs), so
// give the top-level test, not a subtest.
func NewWorkspace(t testing.TB) *Workspace {
	t.Helper()
	dir := t.TempDir()
	w := &Workspace{t: t, Dir: dir, Archive: filepath.Join(dir, "tiny.tar"), once: map[string]*sync.Once{}, errs: map[string]string{}}
	if err := WriteDockerArchive(w.Archive, TinyRef); err != nil {
		t.Fatalf("lab: %v", err)
	}
	if err := os.WriteFile(filepath.Join(dir, "hello.txt"), []byte("hello from the regdoctor lab\n"), 0o644); err != nil {
		t.Fatalf("lab: %v", err)
	}
	return w
}

// LookPath finds a client executable in PATH, then in $(go env GOPATH)/bin
// where scripts/install-lab.sh installs the Go-built clients.
func LookPath(name string) (string, error) {
	if p, err := exec.LookPath(name); err == nil {
		return p, nil
	}
	gopath := os.Getenv("GOPATH")
	if gopath == "" {
		home, _ := os.UserHomeDir()
		gopath = filepath.Join(home, "go")
	}
	p := filepath.Join(gopath, "bin", name)
	if st, err := os.Stat(p); err == nil && !st.IsDir() {
		return p, nil
	}
	return "", fmt.Errorf("%s not found in PATH or %s", name, filepath.Dir(p))
}

// Available reports whether every executable the client needs is installed;
// the error names the first missing one.
func (c *Client) Available() error {
	for _, b := range c.Bins {
		if _, err := LookPath(b); err != nil {
			return err
		}
	}
	return nil
}

// Prepare readies shared state for c (start dockerd, load the image) once
// per workspace; it calls Missing (skip, or fail under CI=true) when the
// client cannot run here.
func (w *Workspace) Prepare(t testing.TB, c *Client) {
	t.Helper()
	if err := c.Available(); err != nil {
		Missing(t, c.Name+": "+err.Error())
	}
	if c.prepare == nil {
		return
	}
	w.mu.Lock()
	o := w.once[c.Name]
	if o == nil {
		o = &sync.Once{}
		w.once[c.Name] = o
	}
	w.mu.Unlock()
	o.Do(func() { c.prepare(w.t, w) })
	w.mu.Lock()
	msg := w.errs[c.Name]
	w.mu.Unlock()
	if msg != "" {
		Missing(t, c.Name+": "+msg)
	}
}

func (w *Workspace) fail(c string, format string, args ...any) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.errs[c] = fmt.Sprintf(format, args...)
}

// Version is the client's version string as its version command prints it.
func (c *Client) Version() string {
	if c.version == nil {
		return ""
	}
	return c.version()
}

func firstLine(args ...string) string {
	p, err := LookPath(args[0])
	if err != nil {
		return ""
	}
	out, err := exec.Command(p, args[1:]...).CombinedOutput()
	if err != nil {
		return ""
	}
	return strings.TrimSpace(strings.SplitN(string(out), "\n", 2)[0])
}

func pw(u User) string { return u.Password }

func flag(secure bool, f string) []string {
	if secure {
		return nil
	}
	return []string{f}
}

func cmd(show string, args ...string) Command { return Command{Args: args, Show: show} }

func loginCmd(u User, args ...string) Command {
	return Command{Args: args, Stdin: pw(u)}
}

func join(parts ...[]string) []string {
	var out []string
	for _, p := range parts {
		out = append(out, p...)
	}
	return out
}

// Clients returns the lab's clients in matrix order.
func Clients() []*Client {
	return []*Client{docker(), crane(), regctl(), oras(), skopeo(), podman()}
}

func docker() *Client {
	return &Client{
		Name: "docker", Bins: []string{"docker", "dockerd", "nsenter", "ip"}, UsesDaemon: true,
		prepare: prepareDocker,
		version: func() string { return firstLine("docker", "--version") },
		env: func(x *Run) []string {
			return []string{"DOCKER_CONFIG=" + x.dockerConfig(), "DOCKER_HOST=unix://" + x.W.DockerSocket, "HOME=" + x.home()}
		},
		login: func(x *Run, host string, u User) []Command {
			return []Command{loginCmd(u, "docker", "login", host, "-u", u.Name, "--password-stdin")}
		},
		push: func(x *Run, ref string) []Command {
			return []Command{cmd("", "docker", "tag", TinyRef, ref), cmd("", "docker", "push", ref)}
		},
		pull: func(x *Run, ref string) []Command { return []Command{cmd("", "docker", "pull", ref)} },
	}
}

func crane() *Client {
	return &Client{
		Name: "crane", Bins: []string{"crane"},
		version: func() string { return "crane " + firstLine("crane", "version") },
		env: func(x *Run) []string {
			return []string{"DOCKER_CONFIG=" + x.dockerConfig(), "HOME=" + x.home()}
		},
		login: func(x *Run, host string, u User) []Command {
			return []Command{loginCmd(u, "crane", "auth", "login", host, "-u", u.Name, "--password-stdin")}
		},
		push: func(x *Run, ref string) []Command { return []Command{cmd("", "crane", "push", x.Archive, ref)} },
		pull: func(x *Run, ref string) []Command { return []Command{cmd("", "crane", "pull", ref, "image.tar")} },
	}
}

func regctl() *Client {
	return &Client{
		Name: "regctl", Bins: []string{"regctl"},
		version: func() string { return "regctl " + firstLine("regctl", "version", "--format", "{{.VCSTag}}") },
		env: func(x *Run) []string {
			return []string{"DOCKER_CONFIG=" + x.dockerConfig(), "HOME=" + x.home()}
		},
		config: func(x *Run, host string) []Command {
			args := []string{"regctl", "registry", "set", host}
			if !x.Secure {
				args = append(args, "--tls", "disabled")
			}
			if len(args) == 4 {
				return nil
			}
			return []Command{cmd("", args...)}
		},
		login: func(x *Run, host string, u User) []Command {
			return []Command{loginCmd(u, "regctl", "registry", "login", host, "-u", u.Name, "--pass-stdin")}
		},
		push: func(x *Run, ref string) []Command {
			return []Command{cmd("", "regctl", "image", "import", ref, x.Archive)}
		},
		pull: func(x *Run, ref string) []Command {
			return []Command{cmd("", "regctl", "image", "export", ref, "image.tar")}
		},
	}
}

func oras() *Client {
	return &Client{
		Name: "oras", Bins: []string{"oras"},
		version: func() string { return "oras " + strings.TrimPrefix(firstLine("oras", "version"), "Version:") },
		env: func(x *Run) []string {
			return []string{"DOCKER_CONFIG=" + x.dockerConfig(), "HOME=" + x.home()}
		},
		login: func(x *Run, host string, u User) []Command {
			return []Command{loginCmd(u, join([]string{"oras", "login"}, flag(x.Secure, "--plain-http"), []string{host, "-u", u.Name, "--password-stdin"})...)}
		},
		push: func(x *Run, ref string) []Command {
			return []Command{cmd("", join([]string{"oras", "push"}, flag(x.Secure, "--plain-http"), []string{ref, "hello.txt"})...)}
		},
		pull: func(x *Run, ref string) []Command {
			return []Command{cmd("", join([]string{"oras", "pull"}, flag(x.Secure, "--plain-http"), []string{ref})...)}
		},
	}
}

func skopeo() *Client {
	return &Client{
		Name: "skopeo", Bins: []string{"skopeo"},
		version: func() string { return firstLine("skopeo", "--version") },
		env: func(x *Run) []string {
			return []string{"XDG_RUNTIME_DIR=" + x.runtimeDir(), "DOCKER_CONFIG=" + x.dockerConfig(), "HOME=" + x.home()}
		},
		login: func(x *Run, host string, u User) []Command {
			return []Command{loginCmd(u, join([]string{"skopeo", "login"}, flag(x.Secure, "--tls-verify=false"), []string{host, "-u", u.Name, "--password-stdin"})...)}
		},
		push: func(x *Run, ref string) []Command {
			return []Command{cmd("", join([]string{"skopeo", "copy"}, flag(x.Secure, "--dest-tls-verify=false"), []string{"docker-archive:" + x.Archive, "docker://" + ref})...)}
		},
		pull: func(x *Run, ref string) []Command {
			return []Command{cmd("", join([]string{"skopeo", "copy"}, flag(x.Secure, "--src-tls-verify=false"), []string{"docker://" + ref, "oci:image:latest"})...)}
		},
	}
}

func podman() *Client {
	return &Client{
		Name: "podman", Bins: []string{"podman"},
		prepare: preparePodman,
		version: func() string { return firstLine("podman", "--version") },
		env: func(x *Run) []string {
			return []string{
				"XDG_RUNTIME_DIR=" + x.runtimeDir(), "DOCKER_CONFIG=" + x.dockerConfig(), "HOME=" + x.home(),
				"CONTAINERS_STORAGE_CONF=" + filepath.Join(x.W.Dir, "podman", "storage.conf"),
				"CONTAINERS_CONF=" + filepath.Join(x.W.Dir, "podman", "containers.conf"),
			}
		},
		login: func(x *Run, host string, u User) []Command {
			return []Command{loginCmd(u, join([]string{"podman", "login"}, flag(x.Secure, "--tls-verify=false"), []string{host, "-u", u.Name, "--password-stdin"})...)}
		},
		push: func(x *Run, ref string) []Command {
			return []Command{
				cmd("", "podman", "tag", TinyRef, ref),
				cmd("", join([]string{"podman", "push"}, flag(x.Secure, "--tls-verify=false"), []string{ref})...),
			}
		},
		pull: func(x *Run, ref string) []Command {
			return []Command{cmd("", join([]string{"podman", "pull"}, flag(x.Secure, "--tls-verify=false"), []string{ref})...)}
		},
	}
}

func preparePodman(t testing.TB, w *Workspace) {
	dir := filepath.Join(w.Dir, "podman")
	os.MkdirAll(dir, 0o755) //nolint:errcheck // checked by the writes below
	storage := fmt.Sprintf("[storage]\ndriver = \"vfs\"\ngraphroot = %q\nrunroot = %q\n", filepath.Join(dir, "root"), filepath.Join(dir, "run"))
	conf := "[engine]\nevents_logger = \"none\"\ncgroup_manager = \"cgroupfs\"\n"
	if err := os.WriteFile(filepath.Join(dir, "storage.conf"), []byte(storage), 0o644); err != nil {
		w.fail("podman", "%v", err)
		return
	}
	if err := os.WriteFile(filepath.Join(dir, "containers.conf"), []byte(conf), 0o644); err != nil {
		w.fail("podman", "%v", err)
		return
	}
	c := exec.Command("podman", "load", "-q", "-i", w.Archive)
	c.Env = append(os.Environ(), "CONTAINERS_STORAGE_CONF="+filepath.Join(dir, "storage.conf"), "CONTAINERS_CONF="+filepath.Join(dir, "containers.conf"))
	if out, err := c.CombinedOutput(); err != nil {
		w.fail("podman", "podman load: %v: %s", err, out)
	}
}

// prepareDocker starts dockerd inside a fresh network namespace (lab-notes:
// docker treats 127.0.0.0/8 as insecure, so TLS scenarios need an address
// outside it) and loads the lab image. The daemon is stopped at cleanup.
func prepareDocker(t testing.TB, w *Workspace) {
	if os.Geteuid() != 0 {
		w.fail("docker", "dockerd needs root")
		return
	}
	name := fmt.Sprintf("regdoctor-lab-%d", os.Getpid())
	w.NetNS = NetNS(t, name)
	dir := filepath.Join("/tmp", name) // short: unix socket paths are limited to 108 bytes
	os.RemoveAll(dir)                  //nolint:errcheck // leftover
	if err := os.MkdirAll(dir, 0o755); err != nil {
		w.fail("docker", "%v", err)
		return
	}
	w.DockerSocket = filepath.Join(dir, "docker.sock")
	dockerd, _ := LookPath("dockerd")
	d := exec.Command("nsenter", "--net="+w.NetNS, "--", dockerd,
		"--iptables=false", "--ip6tables=false", "--bridge=none",
		"--data-root", filepath.Join(dir, "data"), "--exec-root", filepath.Join(dir, "exec"),
		"--host", "unix://"+w.DockerSocket, "--pidfile", filepath.Join(dir, "dockerd.pid"))
	logf, err := os.Create(filepath.Join(w.Dir, "dockerd.log"))
	if err != nil {
		w.fail("docker", "%v", err)
		return
	}
	d.Stdout, d.Stderr = logf, logf
	if err := d.Start(); err != nil {
		w.fail("docker", "start dockerd: %v", err)
		return
	}
	t.Cleanup(func() {
		d.Process.Signal(os.Interrupt) //nolint:errcheck // already gone is fine
		done := make(chan struct{})
		go func() { d.Wait(); close(done) }() //nolint:errcheck // exit status of a stopped daemon
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			d.Process.Kill() //nolint:errcheck // best effort
		}
		logf.Close()
		os.RemoveAll(dir) //nolint:errcheck // best effort
	})
	env := append(os.Environ(), "DOCKER_HOST=unix://"+w.DockerSocket, "DOCKER_CONFIG="+filepath.Join(dir, "cfg"))
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	for {
		c := exec.CommandContext(ctx, "docker", "version", "--format", "{{.Server.Version}}")
		c.Env = env
		if c.Run() == nil {
			break
		}
		if ctx.Err() != nil {
			b, _ := os.ReadFile(filepath.Join(w.Dir, "dockerd.log"))
			w.fail("docker", "dockerd did not start: %s", lastLines(string(b), 5))
			return
		}
		time.Sleep(100 * time.Millisecond)
	}
	c := exec.Command("docker", "load", "-q", "-i", w.Archive)
	c.Env = env
	if out, err := c.CombinedOutput(); err != nil {
		w.fail("docker", "docker load: %v: %s", err, out)
	}
}

func lastLines(s string, n int) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, "\n")
}
