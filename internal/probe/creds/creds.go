// Package creds resolves the credential a container client would send to a
// registry, and says where it came from: --username/--password-stdin, the
// docker config (DOCKER_CONFIG or ~/.docker/config.json: auths, credsStore,
// credHelpers) or a containers auth file (REGISTRY_AUTH_FILE,
// $XDG_RUNTIME_DIR/containers/auth.json, ~/.config/containers/auth.json).
//
// It reports what go-containerregistry's authn.DefaultKeychain hides: the file
// and the key that matched, the helper that ran and how it failed, and near
// misses (a key for the same registry written another way, another port,
// another ECR account or region, another GCR/GAR location).
//
// Lookup rules follow the clients: docker/cli configfile.GetAuthConfig (a
// credHelpers entry for the host, else credsStore, else auths by exact key or
// by hostname with scheme and path stripped; Docker Hub under
// "https://index.docker.io/v1/") and containers-auth.json(5) (keys may be
// host/namespace/repository, most specific first).
package creds

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/docker/cli/cli/config/configfile"
	"github.com/docker/cli/cli/config/types"
	helperclient "github.com/docker/docker-credential-helpers/client"
	"github.com/docker/docker-credential-helpers/credentials"

	"github.com/regdoctor/regdoctor/internal/reghost"
)

// DockerHubKey is the key docker stores Docker Hub credentials under
// (docker/cli registry.IndexServer).
const DockerHubKey = "https://index.docker.io/v1/"

// Credential is what would be sent. Secret fields never leave this process
// except towards the registry's own host (see package probe).
type Credential struct {
	Username      string
	Password      string // password or access token
	IdentityToken string // OAuth2 refresh token (docker "identitytoken")
	RegistryToken string // bearer token sent as is (docker "registrytoken")

	Source string // "flags", "docker config /root/.docker/config.json", "credential helper docker-credential-pass", ...
	Key    string // the key that matched, e.g. "ghcr.io" or "https://index.docker.io/v1/"
}

// Empty reports a credential whose secret is empty (an unset CI variable).
func (c *Credential) Empty() bool {
	return c.Password == "" && c.IdentityToken == "" && c.RegistryToken == ""
}

// Describe says where the credential came from, without the secret.
func (c *Credential) Describe() string {
	s := c.Source
	if c.Key != "" {
		s += " key " + c.Key
	}
	if c.Username != "" {
		s += " (user " + c.Username + ")"
	}
	switch {
	case c.RegistryToken != "":
		s += ", registry token"
	case c.IdentityToken != "":
		s += ", identity token"
	}
	return s
}

// NearMiss is a stored credential that a client will not use for the target
// although it was probably meant for it.
type NearMiss struct {
	Source string // file or helper
	Key    string // the key as stored
	Why    string // "another port", "Docker Hub is looked up under https://index.docker.io/v1/", ...
}

// Problem is a credential source that is broken (credential-store-error).
type Problem struct {
	Source string
	Err    string
}

// Resolution is the outcome of Resolve.
type Resolution struct {
	Cred       *Credential // nil: anonymous
	Checked    []string    // sources looked at, in order
	NearMisses []NearMiss
	Problems   []Problem
	OtherHosts []string // keys for unrelated hosts (to tell no-login from missing-registry-host)
	// DockerConfig is the docker config file that exists ("" when none):
	// docker and go-containerregistry then never read the containers auth
	// files, while podman, skopeo and buildah read those first.
	DockerConfig string
}

// Options for Resolve.
type Options struct {
	// Registry is the registry host[:port] of the reference ("docker.io" for Docker Hub).
	Registry string
	// Repository is the repository path without the host, e.g. "acme/app".
	Repository string
	// Username and Password come from --username and --password-stdin.
	Username, Password string
	// FlagsSet is true when --username or --password-stdin was given.
	FlagsSet bool
	// Getenv reads the environment (os.Getenv when nil).
	Getenv func(string) string
	// Home is the home directory (os.UserHomeDir when empty).
	Home string
	// HelperTimeout bounds each credential helper run (5 s when zero).
	HelperTimeout time.Duration
}

// maxFile bounds how much of an auth file is read.
const maxFile = 4 << 20

// Resolve finds the credential for o.Registry. It never returns an error:
// broken sources are listed in Problems and resolution continues.
func Resolve(ctx context.Context, o Options) Resolution {
	var r Resolution
	getenv := o.Getenv
	if getenv == nil {
		getenv = os.Getenv
	}
	home := o.Home
	if home == "" {
		home, _ = os.UserHomeDir()
	}
	if o.HelperTimeout == 0 {
		o.HelperTimeout = 5 * time.Second
	}
	host := reghost.Normalize(o.Registry)
	if o.FlagsSet {
		r.Checked = append(r.Checked, "--username/--password-stdin")
		r.Cred = &Credential{Username: o.Username, Password: o.Password, Source: "--username/--password-stdin"}
		return r
	}

	// 1. docker config.
	dockerDir := getenv("DOCKER_CONFIG")
	if dockerDir == "" && home != "" {
		dockerDir = filepath.Join(home, ".docker")
	}
	if dockerDir != "" {
		path := filepath.Join(dockerDir, "config.json")
		if _, err := os.Stat(path); err == nil {
			r.DockerConfig = path
		}
		if c := lookupFile(ctx, &r, o, path, host, true); c != nil {
			r.Cred = c
		}
	}
	// 2. containers auth files (podman, skopeo, buildah).
	var paths []string
	if p := getenv("REGISTRY_AUTH_FILE"); p != "" {
		paths = append(paths, p)
	}
	if x := getenv("XDG_RUNTIME_DIR"); x != "" {
		paths = append(paths, filepath.Join(x, "containers", "auth.json"))
	}
	cfgHome := getenv("XDG_CONFIG_HOME")
	if cfgHome == "" && home != "" {
		cfgHome = filepath.Join(home, ".config")
	}
	if cfgHome != "" {
		paths = append(paths, filepath.Join(cfgHome, "containers", "auth.json"))
	}
	for _, p := range paths {
		if c := lookupFile(ctx, &r, o, p, host, false); c != nil && r.Cred == nil {
			r.Cred = c
		}
	}
	sort.Strings(r.OtherHosts)
	return r
}

// lookupFile reads one auth file and returns its credential for host, or nil.
func lookupFile(ctx context.Context, r *Resolution, o Options, path, host string, docker bool) *Credential {
	data, err := readLimited(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	r.Checked = append(r.Checked, path)
	if err != nil {
		r.Problems = append(r.Problems, Problem{Source: path, Err: err.Error()})
		return nil
	}
	cf := configfile.New(path)
	if err := cf.LoadFromReader(bytes.NewReader(data)); err != nil {
		r.Problems = append(r.Problems, Problem{Source: path, Err: "cannot parse: " + err.Error()})
		return nil
	}
	kind := "docker config " + path
	if !docker {
		kind = "auth file " + path
	}

	// Near misses and unrelated hosts, from every key the file names.
	keys := map[string]bool{}
	for k := range cf.AuthConfigs {
		keys[k] = true
	}
	for k := range cf.CredentialHelpers {
		keys[k] = true
	}
	var found *Credential
	for _, k := range sortedKeys(keys) {
		if matches(k, host, o.Repository, docker) {
			continue
		}
		if why := nearMiss(k, host, docker); why != "" {
			r.NearMisses = append(r.NearMisses, NearMiss{Source: path, Key: k, Why: why})
		} else {
			r.OtherHosts = append(r.OtherHosts, reghost.Normalize(k))
		}
	}

	// Helper named for this host, then credsStore (docker/cli getConfiguredCredentialStore).
	helper := ""
	helperKey := ""
	for _, k := range sortedKeys(keys) {
		if _, ok := cf.CredentialHelpers[k]; ok && matches(k, host, o.Repository, docker) {
			helper, helperKey = cf.CredentialHelpers[k], k
			break
		}
	}
	if helper == "" && cf.CredentialsStore != "" {
		helper = cf.CredentialsStore
	}
	serverURL := host
	if host == "docker.io" {
		serverURL = DockerHubKey
	}
	if helper != "" {
		c, err := runHelper(ctx, helper, serverURL, o.HelperTimeout)
		prog := "docker-credential-" + helper
		switch {
		case err != nil && credentials.IsErrCredentialsNotFound(err):
			// Not stored there: docker stops here (credsStore owns every lookup).
			if helperKey == "" {
				r.Checked = append(r.Checked, prog+" (credsStore): nothing stored for "+serverURL)
			}
		case err != nil:
			r.Problems = append(r.Problems, Problem{Source: prog + " (named in " + path + ")", Err: err.Error()})
		default:
			c.Source = "credential helper " + prog + " (from " + path + ")"
			c.Key = serverURL
			return c
		}
		if helperKey != "" || docker {
			return nil
		}
	}

	// auths: most specific key first (containers-auth.json), then the host.
	for _, k := range candidateKeys(cf.AuthConfigs, host, o.Repository, docker) {
		ac := cf.AuthConfigs[k]
		if ac == (types.AuthConfig{}) {
			continue // an empty placeholder left by a credsStore login
		}
		found = &Credential{Username: ac.Username, Password: ac.Password, IdentityToken: ac.IdentityToken,
			RegistryToken: ac.RegistryToken, Source: kind, Key: k}
		break
	}
	return found
}

func readLimited(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxFile+1))
	if err != nil {
		return nil, err
	}
	if len(data) > maxFile {
		return nil, fmt.Errorf("larger than %d bytes", maxFile)
	}
	return data, nil
}

func sortedKeys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// keyHost strips a scheme and a path from a stored key (docker/cli
// credentials.ConvertToHostname), without mapping Docker Hub aliases.
func keyHost(k string) string {
	h := strings.ToLower(strings.TrimSpace(k))
	h = strings.TrimPrefix(h, "https://")
	h = strings.TrimPrefix(h, "http://")
	if i := strings.IndexByte(h, '/'); i >= 0 {
		h = h[:i]
	}
	return h
}

// matches reports whether the client would use key k for host (and repository).
func matches(k, host, repo string, docker bool) bool {
	if host == "docker.io" {
		if docker {
			return k == DockerHubKey // docker: only the canonical key
		}
		// containers/image normalises docker.io and index.docker.io keys.
		if !strings.Contains(strings.TrimPrefix(strings.TrimPrefix(k, "https://"), "http://"), "/") ||
			k == DockerHubKey {
			return reghost.Normalize(k) == "docker.io"
		}
		return repoKeyMatches(k, "docker.io", repo)
	}
	if docker {
		return keyHost(k) == host
	}
	bare := strings.TrimPrefix(strings.TrimPrefix(strings.ToLower(k), "https://"), "http://")
	if !strings.Contains(bare, "/") {
		return bare == host
	}
	return repoKeyMatches(k, host, repo)
}

// repoKeyMatches: containers-auth.json keys "host/ns" or "host/ns/repo" match
// when they are a path prefix of host/repo.
func repoKeyMatches(k, host, repo string) bool {
	bare := strings.TrimSuffix(strings.TrimPrefix(strings.TrimPrefix(strings.ToLower(k), "https://"), "http://"), "/")
	full := host + "/" + repo
	return full == bare || strings.HasPrefix(full, bare+"/")
}

// candidateKeys orders the auths keys that match, most specific (longest) first.
func candidateKeys(auths map[string]types.AuthConfig, host, repo string, docker bool) []string {
	var out []string
	for k := range auths {
		if matches(k, host, repo, docker) {
			out = append(out, k)
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if len(out[i]) != len(out[j]) {
			return len(out[i]) > len(out[j])
		}
		return out[i] < out[j]
	})
	return out
}

// nearMiss says why key k was probably meant for host but will not be used,
// or "" when k is for an unrelated registry.
func nearMiss(k, host string, docker bool) string {
	kh := keyHost(k)
	if host == "docker.io" && reghost.Normalize(k) == "docker.io" && docker {
		return "docker looks Docker Hub credentials up under " + DockerHubKey + ", not " + k
	}
	hName, hPort := splitPort(host)
	kName, kPort := splitPort(kh)
	if hName == kName && hPort != kPort {
		return fmt.Sprintf("same host, another port (%q vs %q)", kh, host)
	}
	if hName == kName {
		return "same host written as a repository key (" + k + ")"
	}
	if isLocal(hName) && isLocal(kName) && hPort == kPort {
		return fmt.Sprintf("same machine under another name (%q vs %q): clients match the host string exactly", kh, host)
	}
	hk, kk := reghost.Classify(hName), reghost.Classify(kName)
	if hk != kk {
		return ""
	}
	switch hk {
	case reghost.ECR:
		return "another ECR account or region (" + kName + " vs " + hName + ")"
	case reghost.GAR:
		return "another Google registry location (" + kName + " vs " + hName + ")"
	case reghost.ACR:
		return "another Azure registry (" + kName + " vs " + hName + ")"
	case reghost.GHCR:
		return "GHCR under another host name (" + kName + ")"
	}
	return ""
}

func isLocal(h string) bool {
	h = strings.Trim(h, "[]")
	return h == "localhost" || strings.HasPrefix(h, "127.") || h == "::1"
}

func splitPort(h string) (string, string) {
	if i := strings.LastIndexByte(h, ':'); i >= 0 && !strings.Contains(h[i:], "]") {
		return h[:i], h[i+1:]
	}
	return h, ""
}

// runHelper runs "docker-credential-NAME get" with a timeout (the docker
// credential helper protocol: serverURL on stdin, JSON on stdout).
func runHelper(ctx context.Context, name, serverURL string, timeout time.Duration) (*Credential, error) {
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	prog := "docker-credential-" + name
	if _, err := exec.LookPath(prog); err != nil {
		return nil, fmt.Errorf("%s: executable file not found in $PATH", prog)
	}
	fn := func(args ...string) helperclient.Program {
		cmd := exec.CommandContext(ctx, prog, args...)
		cmd.WaitDelay = 500 * time.Millisecond
		return &program{cmd: cmd}
	}
	c, err := helperclient.Get(fn, serverURL)
	if ctx.Err() != nil {
		return nil, fmt.Errorf("%s get: no answer within %s", prog, timeout)
	}
	if err != nil {
		return nil, err
	}
	cred := &Credential{Username: c.Username, Password: c.Secret}
	if c.Username == "<token>" { // docker's marker for an identity token
		cred.Username, cred.Password, cred.IdentityToken = "", "", c.Secret
	}
	return cred, nil
}

// program adapts an exec.Cmd to the helper client, keeping stderr bounded.
type program struct {
	cmd *exec.Cmd
}

func (p *program) Output() ([]byte, error) {
	var out, errb limitedBuffer
	out.max, errb.max = 64<<10, 4<<10
	p.cmd.Stdout, p.cmd.Stderr = &out, &errb
	err := p.cmd.Run()
	if err != nil && out.Len() == 0 && errb.Len() > 0 {
		return errb.Bytes(), err
	}
	return out.Bytes(), err
}

func (p *program) Input(in io.Reader) { p.cmd.Stdin = in }

type limitedBuffer struct {
	bytes.Buffer
	max int
}

func (b *limitedBuffer) Write(p []byte) (int, error) {
	n := len(p)
	if room := b.max - b.Len(); room < len(p) {
		if room < 0 {
			room = 0
		}
		p = p[:room]
	}
	b.Buffer.Write(p)
	return n, nil
}
