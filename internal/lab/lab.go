// Package lab runs real container registries for tests: one fresh CNCF
// distribution v3 registry per scenario, in process, on a loopback address,
// with the authentication, TLS and policy a scenario needs. Everything a
// registry creates (listener, temp files, goroutines) is released by
// t.Cleanup.
//
// One call gives a running scenario:
//
//	reg := lab.Start(t, lab.Options{Auth: lab.AuthToken, TLS: true, Host: "127.0.0.2"})
//	reg.Addr          // "127.0.0.2:41234": the registry host as a client writes it
//	reg.URL           // "https://127.0.0.2:41234"
//	reg.Pusher        // lab.User{Name: "pusher", Password: ...}: push+pull on reg.Namespace/*
//	reg.Reader        // pull only on reg.Namespace/*
//	reg.Namespace     // "team": so the pusher may push reg.Addr+"/team/app:v1"
//	reg.CAFile        // PEM file of the self-signed certificate (TLS only)
//	reg.DockerConfig  // a DOCKER_CONFIG directory with an empty config.json
//	dir := reg.DockerConfigFor(t, reg.Pusher) // a DOCKER_CONFIG logged in as pusher
//	reg.Seed(t, "team/app", "v1")             // push a tiny image (pull scenarios)
//
// Authentication (Options.Auth):
//   - AuthNone: anonymous push and pull.
//   - AuthHtpasswd: HTTP Basic against a bcrypt htpasswd file
//     (https://distribution.github.io/distribution/about/configuration/#htpasswd).
//   - AuthToken: the Docker registry token flow
//     (https://distribution.github.io/distribution/spec/auth/token/): the
//     registry answers 401 with `Bearer realm="<reg.URL>/token",service=...`; the
//     token server on the same host:port (go-containerregistry refuses a realm on
//     another private IP literal) checks HTTP Basic credentials, answers 401 with
//     a JSON error for a wrong password, issues an anonymous token with empty
//     access without credentials (as Docker Hub does), and otherwise an ES256
//     JWT whose `access` claim is the intersection of the requested actions and
//     the user's ACL. Options.Token issues tokens already expired
//     (TokenExpired) or not valid yet (TokenNotYetValid) beyond the registry's
//     60 s leeway.
//
// Transport: Options.TLS serves HTTPS with a fresh self-signed ECDSA
// certificate whose SANs are Options.CertHosts (default: Options.Host); a
// plain-HTTP registry addressed as HTTPS is simply TLS=false with a client
// told to verify TLS. Options.Policy403 makes the registry refuse image
// manifests with a genuine 403 DENIED (repository classes restricted to
// "plugin"). Refused returns an address with nothing listening.
//
// Options.NetNS listens inside a network namespace (a /run/netns/NAME path,
// see NetNS), for clients such as dockerd that treat 127.0.0.0/8 as an
// insecure registry and so never show TLS failures there.
//
// Registry logs are discarded unless LAB_DEBUG=1 (then logrus writes them).
//
// # Clients and scenarios
//
// The same package drives real clients against those registries and turns
// each run into a CI-shaped job log (see Job.Run for the shape):
//
//	w := lab.NewWorkspace(t)           // image tarball; dockerd, podman storage on demand
//	for _, c := range lab.Clients() {  // docker, crane, regctl, oras, skopeo, podman
//		for _, s := range lab.Scenarios() { // no-login, reader-push, tls-untrusted, ...
//			o := lab.RunScenario(t, w, c, s) // fresh registry, real client, log
//			_ = o.Normalised                 // log with ports, paths, times, digests fixed
//		}
//	}
//
// docker runs against a dockerd the lab starts in its own network namespace
// (root only); the other clients run in the test's namespace. A missing client
// skips its tests with "LAB PREREQUISITE MISSING" (fails them under CI=true);
// scripts/install-lab.sh installs all of them. Client executables are looked
// up in PATH, then in $(go env GOPATH)/bin.
package lab

import (
	"context"
	"crypto/tls"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/distribution/distribution/v3/configuration"
	"github.com/distribution/distribution/v3/registry/handlers"
	"github.com/sirupsen/logrus"
	"golang.org/x/crypto/bcrypt"

	_ "github.com/distribution/distribution/v3/registry/auth/htpasswd" // "htpasswd" access controller
	_ "github.com/distribution/distribution/v3/registry/auth/token"    // "token" access controller
	_ "github.com/distribution/distribution/v3/registry/storage/driver/inmemory"
)

// Auth selects how the registry authenticates clients.
type Auth int

// Authentication modes.
const (
	AuthNone     Auth = iota // anonymous push and pull
	AuthHtpasswd             // HTTP Basic, bcrypt htpasswd file
	AuthToken                // Bearer tokens from the lab's token server
)

func (a Auth) String() string {
	switch a {
	case AuthHtpasswd:
		return "htpasswd"
	case AuthToken:
		return "token"
	}
	return "none"
}

// TokenMode selects the validity window of the tokens the token server issues.
type TokenMode int

// Token modes. The registry accepts exp/nbf with 60 s of leeway
// (distribution registry/auth/token/token.go, Leeway), so the lab uses hours.
const (
	TokenValid       TokenMode = iota // iat=nbf=now, exp=now+5m
	TokenExpired                      // iat=nbf=now-2h, exp=now-1h
	TokenNotYetValid                  // iat=nbf=now+1h, exp=now+2h (a runner clock behind)
)

// Options describe one scenario's registry. The zero value is an anonymous
// plain-HTTP registry on 127.0.0.1.
type Options struct {
	Auth  Auth
	Token TokenMode // AuthToken only
	// Host is the IP address to listen on (default "127.0.0.1"). Use
	// "127.0.0.2" for TLS scenarios with go-containerregistry clients, which
	// treat 127.0.0.1/localhost as insecure and fall back to HTTP.
	Host string
	// TLS serves HTTPS with a self-signed certificate for CertHosts.
	TLS bool
	// CertHosts are the certificate's SANs (IP literals or DNS names);
	// default []string{Host}. Give another name for a "certificate for
	// another host" scenario.
	CertHosts []string
	// Policy403 makes manifest PUTs fail with 403 DENIED.
	Policy403 bool
	// Namespace owned by the pusher and readable by the reader (default "team").
	Namespace string
	// NetNS is a network namespace path (/run/netns/NAME) to listen in.
	NetNS string
}

// User is one account of the registry (htpasswd or token server).
type User struct {
	Name     string
	Password string
}

// Registry is a running lab registry.
type Registry struct {
	Opts      Options
	Addr      string // host:port, as written in an image reference
	Host      string // listen IP
	Port      int
	URL       string // scheme://host:port
	Service   string // token service name (AuthToken), the "service" challenge parameter
	Pusher    User   // push+pull on Namespace/*
	Reader    User   // pull on Namespace/*
	Namespace string
	// CAFile is a PEM file holding the self-signed certificate (TLS only);
	// CertDir holds it as ca.crt for clients taking a certificate directory
	// (skopeo --cert-dir, podman --cert-dir).
	CAFile  string
	CertDir string
	// DockerConfig is a directory with an empty config.json ({"auths":{}}),
	// for DOCKER_CONFIG.
	DockerConfig string
	// Dir is the scenario's scratch directory (removed at cleanup).
	Dir string

	tokens *tokenServer
}

var logOnce sync.Once

func quietLogs() {
	logOnce.Do(func() {
		// handlers.NewApp ignores cfg.Log.Level: set logrus directly.
		if os.Getenv("LAB_DEBUG") == "1" {
			logrus.SetLevel(logrus.DebugLevel)
			return
		}
		logrus.SetLevel(logrus.PanicLevel)
		logrus.SetOutput(io.Discard)
	})
}

// Start runs a fresh registry for opts and registers its shutdown with
// t.Cleanup. It fails the test (t.Fatal) when the registry cannot start.
func Start(t testing.TB, opts Options) *Registry {
	t.Helper()
	quietLogs()
	if opts.Host == "" {
		opts.Host = "127.0.0.1"
	}
	if len(opts.CertHosts) == 0 {
		opts.CertHosts = []string{opts.Host}
	}
	if opts.Namespace == "" {
		opts.Namespace = "team"
	}
	r := &Registry{
		Opts:      opts,
		Host:      opts.Host,
		Namespace: opts.Namespace,
		Dir:       t.TempDir(),
		Pusher:    User{Name: "pusher", Password: "pusher-" + randomHex(8)},
		Reader:    User{Name: "reader", Password: "reader-" + randomHex(8)},
	}
	ln, err := listen(opts.NetNS, net.JoinHostPort(opts.Host, "0"))
	if err != nil {
		t.Fatalf("lab: listen on %s: %v", opts.Host, err)
	}
	r.Port = ln.Addr().(*net.TCPAddr).Port
	r.Addr = net.JoinHostPort(opts.Host, fmt.Sprint(r.Port))
	scheme := "http"
	if opts.TLS {
		scheme = "https"
	}
	r.URL = scheme + "://" + r.Addr
	r.Service = "lab-registry"

	r.DockerConfig = filepath.Join(r.Dir, "docker")
	if err := writeDockerConfig(r.DockerConfig, nil); err != nil {
		ln.Close()
		t.Fatalf("lab: %v", err)
	}

	cfg := &configuration.Configuration{}
	cfg.Storage = configuration.Storage{
		"inmemory":    configuration.Parameters{},
		"maintenance": configuration.Parameters{"uploadpurging": map[any]any{"enabled": false}},
	}
	cfg.HTTP.Secret = randomHex(16)
	cfg.HTTP.Addr = r.Addr
	if opts.Policy403 {
		cfg.Policy.Repository.Classes = []string{"plugin"}
	}
	switch opts.Auth {
	case AuthHtpasswd:
		path := filepath.Join(r.Dir, "htpasswd")
		if err := writeHtpasswd(path, r.Pusher, r.Reader); err != nil {
			ln.Close()
			t.Fatalf("lab: %v", err)
		}
		cfg.Auth = configuration.Auth{"htpasswd": configuration.Parameters{"realm": "lab-registry", "path": path}}
	case AuthToken:
		ts, err := newTokenServer(r, opts.Token)
		if err != nil {
			ln.Close()
			t.Fatalf("lab: token server: %v", err)
		}
		r.tokens = ts
		bundle := filepath.Join(r.Dir, "token-root.pem")
		if err := os.WriteFile(bundle, ts.certPEM, 0o600); err != nil {
			ln.Close()
			t.Fatalf("lab: %v", err)
		}
		cfg.Auth = configuration.Auth{"token": configuration.Parameters{
			"realm":          r.URL + "/token",
			"service":        r.Service,
			"issuer":         tokenIssuer,
			"rootcertbundle": bundle,
		}}
	}

	ctx, cancel := context.WithCancel(context.Background())
	app, err := newApp(ctx, cfg)
	if err != nil {
		cancel()
		ln.Close()
		t.Fatalf("lab: registry: %v", err)
	}
	mux := http.NewServeMux()
	if r.tokens != nil {
		mux.Handle("/token", r.tokens)
	}
	mux.Handle("/", app)
	srv := &http.Server{Handler: mux, ReadHeaderTimeout: 10 * time.Second, ErrorLog: nil}
	if opts.TLS {
		certPEM, keyPEM, err := selfSigned(opts.CertHosts)
		if err != nil {
			cancel()
			ln.Close()
			t.Fatalf("lab: certificate: %v", err)
		}
		pair, err := tls.X509KeyPair(certPEM, keyPEM)
		if err != nil {
			cancel()
			ln.Close()
			t.Fatalf("lab: certificate: %v", err)
		}
		r.CAFile = filepath.Join(r.Dir, "ca.pem")
		r.CertDir = filepath.Join(r.Dir, "certs.d")
		if err := os.MkdirAll(r.CertDir, 0o755); err == nil {
			err = os.WriteFile(filepath.Join(r.CertDir, "ca.crt"), certPEM, 0o644)
		}
		if err == nil {
			err = os.WriteFile(r.CAFile, certPEM, 0o644)
		}
		if err != nil {
			cancel()
			ln.Close()
			t.Fatalf("lab: %v", err)
		}
		srv.TLSConfig = &tls.Config{Certificates: []tls.Certificate{pair}, MinVersion: tls.VersionTLS12}
		ln = tls.NewListener(ln, srv.TLSConfig)
	}
	srv.ErrorLog = discardLogger()
	go srv.Serve(ln) //nolint:errcheck // returns ErrServerClosed at cleanup
	t.Cleanup(func() {
		sctx, scancel := context.WithTimeout(context.Background(), 2*time.Second)
		defer scancel()
		srv.Shutdown(sctx) //nolint:errcheck // best effort at cleanup
		cancel()
	})
	return r
}

// newApp turns handlers.NewApp's panics on a bad configuration into an error.
func newApp(ctx context.Context, cfg *configuration.Configuration) (app *handlers.App, err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("bad configuration: %v", p)
		}
	}()
	return handlers.NewApp(ctx, cfg), nil
}

func writeHtpasswd(path string, users ...User) error {
	var b strings.Builder
	for _, u := range users {
		h, err := bcrypt.GenerateFromPassword([]byte(u.Password), bcrypt.MinCost)
		if err != nil {
			return err
		}
		fmt.Fprintf(&b, "%s:%s\n", u.Name, h)
	}
	return os.WriteFile(path, []byte(b.String()), 0o600)
}

// DockerConfigFile is the JSON shape of $DOCKER_CONFIG/config.json that the lab
// writes (https://docs.docker.com/reference/cli/docker/#docker-cli-configuration-file-configjson-properties).
type DockerConfigFile struct {
	Auths       map[string]DockerAuth `json:"auths"`
	CredsStore  string                `json:"credsStore,omitempty"`
	CredHelpers map[string]string     `json:"credHelpers,omitempty"`
}

// DockerAuth is one "auths" entry: base64("user:password").
type DockerAuth struct {
	Auth string `json:"auth"`
}

func writeDockerConfig(dir string, cfg *DockerConfigFile) error {
	if cfg == nil {
		cfg = &DockerConfigFile{}
	}
	if cfg.Auths == nil {
		cfg.Auths = map[string]DockerAuth{}
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return err
	}
	b, err := json.MarshalIndent(cfg, "", "\t")
	if err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, "config.json"), append(b, '\n'), 0o600)
}

// WriteDockerConfig writes dir/config.json (creating dir) from cfg; a nil cfg
// writes {"auths":{}}.
func WriteDockerConfig(t testing.TB, dir string, cfg *DockerConfigFile) {
	t.Helper()
	if err := writeDockerConfig(dir, cfg); err != nil {
		t.Fatalf("lab: docker config: %v", err)
	}
}

// DockerConfigFor returns a new DOCKER_CONFIG directory whose config.json
// holds u's credential for r.Addr, as `docker login` would store it.
func (r *Registry) DockerConfigFor(t testing.TB, u User) string {
	t.Helper()
	dir, err := os.MkdirTemp(r.Dir, "docker-")
	if err != nil {
		t.Fatalf("lab: %v", err)
	}
	WriteDockerConfig(t, dir, &DockerConfigFile{Auths: map[string]DockerAuth{r.Addr: {Auth: BasicAuth(u)}}})
	return dir
}

// BasicAuth is base64("name:password"), the value of an "auths" entry and of
// an HTTP Basic Authorization header.
func BasicAuth(u User) string {
	return base64.StdEncoding.EncodeToString([]byte(u.Name + ":" + u.Password))
}

// Refused returns a 127.0.0.1 host:port where nothing listens (a port the
// kernel just handed out and that was closed again).
func Refused(t testing.TB) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatalf("lab: %v", err)
	}
	addr := ln.Addr().String()
	ln.Close()
	return addr
}
