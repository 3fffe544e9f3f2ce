package shellcmd

import (
	"strings"

	"github.com/regdoctor/regdoctor/internal/reghost"
)

// valueFlags are the flags that take a separate value, for every tool
// (a flag unknown here is read as a boolean; for the commands we read, a
// misread only adds a stray positional after the one we use).
var valueFlags = map[string]bool{
	// login
	"-u": true, "--username": true, "-p": true, "--password": true, "--authfile": true, "--cert-dir": true,
	"--compat-auth-file": true, "--secret": true,
	// build / push / pull
	"-t": true, "--tag": true, "-f": true, "--file": true, "--build-arg": true, "--platform": true, "--target": true,
	"--label": true, "--cache-from": true, "--cache-to": true, "-o": true, "--output": true, "--ssh": true,
	"--progress": true, "--builder": true, "--network": true, "--iidfile": true, "--metadata-file": true,
	"--add-host": true, "--shm-size": true, "--ulimit": true, "--allow": true, "--annotation": true, "--attest": true,
	"--build-context": true, "--cgroup-parent": true, "--isolation": true, "--memory": true, "-m": true,
	"--creds": true, "--digestfile": true, "--sign-by": true, "--compression-format": true, "--format": true,
	"--encryption-key": true, "--retry": true, "--retry-delay": true, "--layers": true, "--jobs": true,
	"--arch": true, "--os": true, "--variant": true, "--manifest": true, "--region": true, "--profile": true,
	"--registry-ids": true, "-n": true, "--name": true, "--subscription": true, "--resource-group": true, "-g": true,
	"--dest-creds": true, "--src-creds": true, "--dest-username": true, "--dest-password": true,
	"--src-username": true, "--src-password": true, "--dest-authfile": true, "--src-authfile": true,
	"--dest-registry-token": true, "--src-registry-token": true, "--dest-cert-dir": true, "--src-cert-dir": true,
	"--dest-tls-verify": false, "--multi-arch": true, "--src": true, "--dest": true, "--image-parallel-copies": true,
	"--ca-file": true, "--cert-file": true, "--key-file": true, "--registry-config": true, "--repository-config": true,
	"--repository-cache": true, "--kube-context": true, "--namespace": true, "--version": true, "--base-import-paths": false,
	"--image-refs": true, "--sbom": true, "--sbom-dir": true, "--tag-only": false, "--image-label": true,
	"--artifact-type": true, "--config": true, "--identity-token": true, "--registry-token": true,
	"-a": false, "--plain-http": false, "--insecure": false,
}

type parsedArgs struct {
	flags map[string][]Word // canonical flag name ("--tag" for -t) -> values ("" value for a boolean)
	pos   []Word
}

var canon = map[string]string{
	"-t": "--tag", "-u": "--username", "-p": "--password", "-f": "--file", "-o": "--output", "-n": "--name",
	"-m": "--memory", "-g": "--resource-group",
}

func parseArgs(args []Word) parsedArgs {
	pa := parsedArgs{flags: map[string][]Word{}}
	for i := 0; i < len(args); i++ {
		a := args[i]
		v := a.Value
		if v == "--" {
			pa.pos = append(pa.pos, args[i+1:]...)
			break
		}
		if len(v) < 2 || v[0] != '-' || v == "-" {
			pa.pos = append(pa.pos, a)
			continue
		}
		name, val, hasEq := strings.Cut(v, "=")
		if c, ok := canon[name]; ok {
			name = c
		}
		if hasEq {
			w := a
			w.Value = val
			pa.flags[name] = append(pa.flags[name], w)
			continue
		}
		takes := valueFlags[v]
		if !takes && len(v) > 2 && v[1] != '-' && valueFlags[v[:2]] {
			// -tghcr.io/x: short flag with its value attached
			w := a
			w.Value = v[2:]
			pa.flags[canonName(v[:2])] = append(pa.flags[canonName(v[:2])], w)
			continue
		}
		if takes && i+1 < len(args) {
			pa.flags[name] = append(pa.flags[name], args[i+1])
			i++
			continue
		}
		pa.flags[name] = append(pa.flags[name], Word{Pos: a.Pos, End: a.End, Value: "", Literal: true})
	}
	return pa
}

func canonName(n string) string {
	if c, ok := canon[n]; ok {
		return c
	}
	return n
}

func (p parsedArgs) has(name string) bool { _, ok := p.flags[name]; return ok }

func (p parsedArgs) first(name string) *Word {
	if ws := p.flags[name]; len(ws) > 0 {
		w := ws[0]
		return &w
	}
	return nil
}

// boolFlag reads --flag, --flag=true/false.
func (p parsedArgs) boolFlag(name string) (set, val bool) {
	ws, ok := p.flags[name]
	if !ok {
		return false, false
	}
	v := strings.ToLower(ws[len(ws)-1].Value)
	return true, v == "" || v == "true" || v == "1"
}

// subcommand splits the leading non-flag words: it returns the sub-command
// words (up to max) and the remaining args.
func subcommand(args []Word, max int) ([]string, []Word) {
	var sub []string
	i := 0
	for i < len(args) && len(sub) < max {
		v := args[i].Value
		if strings.HasPrefix(v, "-") {
			// global flags before the sub-command (aws --region R ecr ...)
			if valueFlags[v] && i+1 < len(args) {
				i += 2
				continue
			}
			i++
			continue
		}
		sub = append(sub, v)
		i++
	}
	return sub, args[i:]
}

// classify fills the command's action and fields; false when the
// invocation is not registry-relevant.
func classify(c *Command) bool {
	switch c.Tool {
	case "docker", "podman", "nerdctl", "buildah":
		return classifyDocker(c)
	case "crane":
		return classifyCrane(c)
	case "skopeo":
		return classifySkopeo(c)
	case "helm":
		return classifyHelm(c)
	case "ko":
		return classifyKo(c)
	case "oras":
		return classifyOras(c)
	case "regctl":
		return classifyRegctl(c)
	case "aws":
		return classifyAWS(c)
	case "gcloud":
		return classifyGcloud(c)
	case "az":
		return classifyAz(c)
	}
	return false
}

func setSub(c *Command, sub ...string) { c.Sub = strings.Join(sub, " ") }

// login fills a Login/Logout from parsed args; server is the server word.
func login(c *Command, action Action, pa parsedArgs, server *Word, defHost string) {
	c.Action = action
	c.Server = server
	c.Username = pa.first("--username")
	c.Password = pa.first("--password")
	if set, v := pa.boolFlag("--password-stdin"); set && v {
		c.PasswordStdin = true
	}
	switch {
	case server != nil:
		c.Hosts = []string{hostOf(*server)}
	case defHost != "":
		c.Hosts = []string{defHost}
	}
}

// hostOf normalizes a literal server word; an unresolved one keeps its value.
func hostOf(w Word) string {
	if strings.Contains(w.Value, "$") {
		return w.Value
	}
	return reghost.Normalize(w.Value)
}

func classifyDocker(c *Command) bool {
	sub, rest := subcommand(c.Args, 1)
	if len(sub) == 0 {
		return false
	}
	verb := sub[0]
	switch verb {
	case "image", "buildx", "manifest", "builder", "container":
		s2, r2 := subcommand(rest, 1)
		if len(s2) == 0 {
			return false
		}
		if verb == "buildx" && s2[0] == "imagetools" {
			s3, r3 := subcommand(r2, 1)
			if len(s3) == 0 || s3[0] != "create" {
				return false
			}
			setSub(c, verb, s2[0], s3[0])
			pa := parseArgs(r3)
			c.Action = Push
			c.Refs = pa.flags["--tag"]
			return true
		}
		sub = append(sub, s2[0])
		rest = r2
		verb = verb + " " + s2[0]
	}
	setSub(c, sub...)
	pa := parseArgs(rest)
	switch verb {
	case "login":
		var server *Word
		if len(pa.pos) > 0 {
			server = &pa.pos[0]
		}
		login(c, Login, pa, server, "docker.io")
		return true
	case "logout":
		var server *Word
		if len(pa.pos) > 0 {
			server = &pa.pos[0]
		}
		login(c, Logout, pa, server, "docker.io")
		c.Username, c.Password = nil, nil
		return true
	case "push", "image push":
		if len(pa.pos) == 0 {
			return false
		}
		c.Action = Push
		ref := stripTransportWord(pa.pos[0])
		if len(pa.pos) > 1 { // podman/buildah push SRC DEST
			src := ref
			c.Source = &src
			ref = stripTransportWord(pa.pos[1])
		}
		c.Refs = []Word{ref}
		return true
	case "pull", "image pull":
		return oneRef(c, Pull, pa, true)
	case "tag", "image tag":
		return srcDst(c, Tag, pa)
	case "manifest push":
		if len(pa.pos) == 0 {
			return false
		}
		c.Action = Push
		ref := stripTransportWord(pa.pos[0])
		if len(pa.pos) > 1 {
			src := ref
			c.Source = &src
			ref = stripTransportWord(pa.pos[1])
		}
		c.Refs = []Word{ref}
		return true
	case "build", "image build", "buildx build", "buildx b", "builder build", "bud":
		c.Refs = pa.flags["--tag"]
		c.Action = Build
		if set, v := pa.boolFlag("--push"); set && v {
			c.Action = Push
		}
		for _, o := range pa.flags["--output"] {
			if outputPushes(o.Value) {
				c.Action = Push
				if n := outputName(o); n != nil {
					c.Refs = append(c.Refs, *n)
				}
			}
		}
		return true
	}
	return false
}

// outputPushes reports a buildx --output value that pushes:
// type=registry, or type=image with push=true.
func outputPushes(v string) bool {
	fields := strings.Split(v, ",")
	typ, push := "", false
	for _, f := range fields {
		k, val, _ := strings.Cut(strings.TrimSpace(f), "=")
		switch k {
		case "type":
			typ = val
		case "push":
			push = val == "true"
		}
	}
	return typ == "registry" || (typ == "image" || typ == "oci" || typ == "docker") && push
}

func outputName(o Word) *Word {
	for _, f := range strings.Split(o.Value, ",") {
		k, val, _ := strings.Cut(strings.TrimSpace(f), "=")
		if k == "name" && val != "" {
			w := o
			w.Value = val
			return &w
		}
	}
	return nil
}

func stripTransportWord(w Word) Word {
	w.Value, _ = StripTransport(w.Value)
	return w
}

// StripTransport removes a containers-image or OCI transport prefix
// ("docker://", "oci://", "docker:") and reports whether the reference names
// a remote registry (false for local transports: docker-daemon:,
// containers-storage:, oci:, oci-archive:, docker-archive:, dir:).
func StripTransport(ref string) (string, bool) {
	for _, p := range []string{"docker://", "oci://"} {
		if strings.HasPrefix(ref, p) {
			return strings.TrimPrefix(ref, p), true
		}
	}
	for _, p := range []string{"docker-daemon:", "containers-storage:", "oci:", "oci-archive:", "docker-archive:", "dir:"} {
		if strings.HasPrefix(ref, p) {
			return strings.TrimPrefix(ref, p), false
		}
	}
	return ref, true
}

func classifyCrane(c *Command) bool {
	sub, rest := subcommand(c.Args, 1)
	if len(sub) == 0 {
		return false
	}
	switch sub[0] {
	case "auth":
		s2, r2 := subcommand(rest, 1)
		if len(s2) == 0 {
			return false
		}
		setSub(c, "auth", s2[0])
		pa := parseArgs(r2)
		var server *Word
		if len(pa.pos) > 0 {
			server = &pa.pos[0]
		}
		switch s2[0] {
		case "login":
			login(c, Login, pa, server, "")
			return server != nil
		case "logout":
			login(c, Logout, pa, server, "")
			return server != nil
		}
		return false
	case "push":
		setSub(c, "push")
		pa := parseArgs(rest)
		if len(pa.pos) < 2 {
			return false
		}
		c.Action = Push
		c.Refs = []Word{pa.pos[1]}
		return true
	case "copy", "cp":
		setSub(c, sub[0])
		pa := parseArgs(rest)
		return srcDst(c, Push, pa)
	case "tag":
		setSub(c, "tag")
		pa := parseArgs(rest)
		if len(pa.pos) < 2 {
			return false
		}
		c.Action = Push
		c.Refs = []Word{pa.pos[0]}
		return true
	case "append", "mutate", "rebase", "index":
		setSub(c, sub[0])
		pa := parseArgs(rest)
		c.Refs = pa.flags["--tag"]
		if len(c.Refs) == 0 {
			c.Refs = pa.flags["--new_tag"]
		}
		if len(c.Refs) == 0 {
			return false
		}
		c.Action = Push
		return true
	case "pull", "export":
		setSub(c, sub[0])
		pa := parseArgs(rest)
		return oneRef(c, Pull, pa, false)
	}
	return false
}

func classifySkopeo(c *Command) bool {
	verb, pa, ok := subArgs(c)
	if !ok {
		return false
	}
	switch verb {
	case "login", "logout":
		return loginOrLogout(c, verb, pa)
	case "copy", "sync":
		if len(pa.pos) < 2 {
			return false
		}
		dst, remote := StripTransport(pa.pos[1].Value)
		src := stripTransportWord(pa.pos[0])
		c.Source = &src
		if verb == "sync" {
			remote = pa.first("--dest") == nil || pa.first("--dest").Value == "docker"
		}
		if remote {
			c.Action = Push
			w := pa.pos[1]
			w.Value = dst
			c.Refs = []Word{w}
		} else {
			c.Action = Pull
			c.Refs = []Word{src}
		}
		// --dest-creds user:pass / --dest-username carry their own credential.
		if w := pa.first("--dest-creds"); w != nil {
			c.Password = w
		}
		if w := pa.first("--dest-password"); w != nil {
			c.Password = w
		}
		c.Username = pa.first("--dest-username")
		return true
	}
	return false
}

func classifyHelm(c *Command) bool {
	sub, rest := subcommand(c.Args, 1)
	if len(sub) == 0 {
		return false
	}
	switch sub[0] {
	case "registry":
		s2, r2 := subcommand(rest, 1)
		if len(s2) == 0 {
			return false
		}
		setSub(c, "registry", s2[0])
		pa := parseArgs(r2)
		if len(pa.pos) == 0 {
			return false
		}
		switch s2[0] {
		case "login":
			login(c, Login, pa, &pa.pos[0], "")
			return true
		case "logout":
			login(c, Logout, pa, &pa.pos[0], "")
			return true
		}
		return false
	case "push":
		setSub(c, "push")
		pa := parseArgs(rest)
		if len(pa.pos) < 2 || !strings.HasPrefix(pa.pos[1].Value, "oci://") {
			return false
		}
		c.Action = Push
		c.Refs = []Word{stripTransportWord(pa.pos[1])}
		return true
	case "pull", "install", "upgrade", "template", "show":
		setSub(c, sub[0])
		pa := parseArgs(rest)
		for _, p := range pa.pos {
			if strings.HasPrefix(p.Value, "oci://") {
				c.Action = Pull
				c.Refs = []Word{stripTransportWord(p)}
				return true
			}
		}
	}
	return false
}

func classifyKo(c *Command) bool {
	verb, pa, ok := subArgs(c)
	if !ok {
		return false
	}
	switch verb {
	case "login":
		return loginOrLogout(c, verb, pa)
	case "build", "publish", "resolve", "apply", "create", "run":
		if set, v := pa.boolFlag("--push"); set && !v {
			return false
		}
		if set, v := pa.boolFlag("--local"); set && v {
			return false
		}
		if set, v := pa.boolFlag("-L"); set && v {
			return false
		}
		c.Action = Push
		// ko pushes to $KO_DOCKER_REPO; the word is synthetic, at the command.
		c.Refs = []Word{{Pos: c.Pos, End: c.End, Text: "$KO_DOCKER_REPO", Value: "$KO_DOCKER_REPO", Vars: []string{"KO_DOCKER_REPO"}}}
		return true
	}
	return false
}

func classifyOras(c *Command) bool {
	verb, pa, ok := subArgs(c)
	if !ok {
		return false
	}
	switch verb {
	case "login", "logout":
		return loginOrLogout(c, verb, pa)
	case "push", "attach", "tag":
		return oneRef(c, Push, pa, false)
	case "cp", "copy":
		return srcDst(c, Push, pa)
	case "pull":
		return oneRef(c, Pull, pa, false)
	}
	return false
}

func classifyRegctl(c *Command) bool {
	sub, rest := subcommand(c.Args, 2)
	if len(sub) < 2 {
		return false
	}
	setSub(c, sub...)
	pa := parseArgs(rest)
	switch sub[0] + " " + sub[1] {
	case "registry login":
		if len(pa.pos) == 0 {
			return false
		}
		login(c, Login, pa, &pa.pos[0], "")
		return true
	case "image copy", "image cp":
		return srcDst(c, Push, pa)
	}
	return false
}

func classifyAWS(c *Command) bool {
	sub, _ := subcommand(c.Args, 2)
	if len(sub) < 2 {
		return false
	}
	pa := parseArgs(c.Args)
	c.Region = pa.first("--region")
	switch sub[0] + " " + sub[1] {
	case "ecr get-login-password":
		setSub(c, sub...)
		c.Action = ECRPassword
		return true
	case "ecr-public get-login-password":
		setSub(c, sub...)
		c.Action = ECRPassword
		c.Hosts = []string{"public.ecr.aws"}
		return true
	case "ecr get-login":
		setSub(c, sub...)
		c.Action = ECRGetLogin
		return true
	}
	return false
}

// GCRHosts are the hosts `gcloud auth configure-docker` with no argument
// registers (https://cloud.google.com/sdk/gcloud/reference/auth/configure-docker).
var GCRHosts = []string{"gcr.io", "us.gcr.io", "eu.gcr.io", "asia.gcr.io", "staging-k8s.gcr.io", "marketplace.gcr.io"}

func classifyGcloud(c *Command) bool {
	sub, rest := subcommand(c.Args, 2)
	if len(sub) < 2 || sub[0] != "auth" || sub[1] != "configure-docker" {
		return false
	}
	setSub(c, sub...)
	pa := parseArgs(rest)
	c.Action = CredHelper
	if len(pa.pos) == 0 {
		c.Hosts = append([]string(nil), GCRHosts...)
		return true
	}
	w := pa.pos[0]
	c.Server = &w
	for _, h := range strings.Split(w.Value, ",") {
		if h = strings.TrimSpace(h); h != "" {
			c.Hosts = append(c.Hosts, hostOf(Word{Value: h}))
		}
	}
	return true
}

func classifyAz(c *Command) bool {
	sub, rest := subcommand(c.Args, 2)
	if len(sub) < 2 || sub[0] != "acr" || sub[1] != "login" {
		return false
	}
	setSub(c, sub...)
	pa := parseArgs(rest)
	if set, v := pa.boolFlag("--expose-token"); set && v {
		return false // prints a token; the docker login that uses it is the login
	}
	name := pa.first("--name")
	if name == nil {
		return false
	}
	c.Action = CredHelper
	c.Server = name
	h := name.Value
	if !strings.Contains(h, "$") && !strings.Contains(h, ".") {
		h = strings.ToLower(h) + ".azurecr.io"
	}
	c.Hosts = []string{hostOf(Word{Value: h})}
	return true
}

// SplitRef splits an image reference by docker's normalisation rules
// (distribution/reference normalize.go): host is the first path component
// when it contains '.' or ':' or is "localhost", else "docker.io" (and a
// single-component name gets "library/"); repo is the path; tag the part
// after ':' (or '@' digest). ok is false when the host part is not known
// literally (it contains an expansion) or ref is empty.
func SplitRef(ref string) (host, repo, tag string, ok bool) {
	ref, _ = StripTransport(strings.TrimSpace(ref))
	if ref == "" {
		return "", "", "", false
	}
	name := ref
	if i := strings.IndexByte(name, '@'); i >= 0 {
		tag = name[i+1:]
		name = name[:i]
	}
	if i := strings.LastIndexByte(name, ':'); i >= 0 && !strings.Contains(name[i+1:], "/") {
		tag = name[i+1:]
		name = name[:i]
	}
	first, rest, hasSlash := strings.Cut(name, "/")
	if hasSlash && (reghost.LooksLikeHost(first) || strings.HasPrefix(first, "$")) {
		if strings.Contains(first, "$") {
			return first, rest, tag, false
		}
		return reghost.Normalize(first), rest, tag, true
	}
	if strings.HasPrefix(name, "$") && !hasSlash {
		// "$IMAGE": the whole reference is a variable.
		return "", name, tag, false
	}
	if !hasSlash {
		return "docker.io", "library/" + name, tag, true
	}
	return "docker.io", name, tag, true
}

// loginOrLogout records `TOOL login HOST` or `TOOL logout HOST` (the host is
// the first positional argument); false when no host is given.
func loginOrLogout(c *Command, sub string, pa parsedArgs) bool {
	if len(pa.pos) == 0 {
		return false
	}
	a := Login
	if sub == "logout" {
		a = Logout
	}
	login(c, a, pa, &pa.pos[0], "")
	return true
}

// oneRef records a command whose first positional argument is the image
// reference (push, pull, ...); strip removes a transport prefix such as
// docker://. False when no argument is given.
func oneRef(c *Command, a Action, pa parsedArgs, strip bool) bool {
	if len(pa.pos) == 0 {
		return false
	}
	ref := pa.pos[0]
	if strip {
		ref = stripTransportWord(ref)
	}
	c.Action = a
	c.Refs = []Word{ref}
	return true
}

// srcDst records a command with a source and a destination reference
// (tag, copy); false with fewer than two positional arguments.
func srcDst(c *Command, a Action, pa parsedArgs) bool {
	if len(pa.pos) < 2 {
		return false
	}
	c.Action = a
	src := pa.pos[0]
	c.Source = &src
	c.Refs = []Word{pa.pos[1]}
	return true
}

// subArgs reads a one-word sub-command (`skopeo copy`, `oras push`),
// records it in c.Sub and parses the arguments after it; false when there
// is no sub-command.
func subArgs(c *Command) (string, parsedArgs, bool) {
	sub, rest := subcommand(c.Args, 1)
	if len(sub) == 0 {
		return "", parsedArgs{}, false
	}
	setSub(c, sub[0])
	return sub[0], parseArgs(rest), true
}
