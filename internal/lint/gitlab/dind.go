package gitlab

import (
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"sync"

	"github.com/regdoctor/regdoctor/internal/shellcmd"
	gl "github.com/regdoctor/regdoctor/internal/workflow/gitlab"
)

// dind is what a job's Docker client and its dind service see.
type dind struct {
	svc      *gl.Service
	svcTag   string // tag of the dind image ("dind", "27-dind", "19.03.12-dind", "latest" ...)
	floating bool   // tag names no version (dind, latest, stable, rc, git)
	major    int    // 0 when floating or unknown
	minor    int

	host     string // DOCKER_HOST value ("" unset)
	hostVar  *gl.Var
	hostFrom string // "yaml" or "script"

	// certdir the service sees: its own services:variables value, else the
	// job's YAML value, else the image default (/certs since 19.03, "" before).
	certdir     string
	certdirSet  bool // defined in YAML (job, global or service)
	certdirVar  *gl.Var
	jobCertdir  *gl.Var // the job container's value, when defined in YAML
	customFlags bool    // service command: overrides --host or --tls flags
}

var dindTag = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^(\d+)(?:\.(\d+))?`) })

// isDindImage reports a docker-in-docker service image.
func isDindImage(name string) bool {
	n := strings.ToLower(name)
	if i := strings.LastIndexByte(n, '@'); i >= 0 {
		n = n[:i]
	}
	repo, tag := n, ""
	if i := strings.LastIndexByte(n, ':'); i > strings.LastIndexByte(n, '/') {
		repo, tag = n[:i], n[i+1:]
	}
	base := repo[strings.LastIndexByte(repo, '/')+1:]
	return base == "docker" && strings.Contains(tag, "dind") || strings.Contains(base, "dind")
}

// jobDind returns the job's dind setup, or nil when it has no dind service.
func (jc *jobCtx) dind() *dind {
	var d *dind
	for i := range jc.job.Services {
		s := &jc.job.Services[i]
		if isDindImage(s.Name) {
			d = &dind{svc: s}
			break
		}
	}
	if d == nil {
		return nil
	}
	name := strings.ToLower(d.svc.Name)
	if i := strings.LastIndexByte(name, ':'); i > strings.LastIndexByte(name, '/') {
		d.svcTag = name[i+1:]
	}
	if m := dindTag().FindStringSubmatch(d.svcTag); m != nil && !strings.Contains(d.svcTag, "$") {
		d.major, _ = strconv.Atoi(m[1])
		d.minor, _ = strconv.Atoi(m[2])
	} else {
		d.floating = true
	}
	// A custom command or entrypoint may change --host/--tls: unknown.
	d.customFlags = len(d.svc.Command) > 0 || len(d.svc.Entrypoint) > 0
	if v, ok := jc.job.Variables["DOCKER_HOST"]; ok {
		vv := v
		d.host, d.hostVar, d.hostFrom = jc.env["DOCKER_HOST"], &vv, "yaml"
	}
	if h, ok := jc.scriptAssigned("DOCKER_HOST"); ok {
		d.host, d.hostFrom = h, "script"
	}
	if v, ok := jc.job.Variables["DOCKER_TLS_CERTDIR"]; ok {
		vv := v
		d.jobCertdir = &vv
		d.certdir, d.certdirSet, d.certdirVar = v.Value, true, &vv
	}
	for _, v := range d.svc.Variables {
		if v.Name == "DOCKER_TLS_CERTDIR" {
			vv := v
			d.certdir, d.certdirSet, d.certdirVar = v.Value, true, &vv
		}
	}
	if !d.certdirSet {
		if d.floating || d.major > 19 || d.major == 19 && d.minor >= 3 {
			d.certdir = "/certs"
		}
	}
	return d
}

// tlsDefaultCertain reports that the daemon certainly enables TLS: an
// explicit non-empty DOCKER_TLS_CERTDIR or a pinned dind >= 19.03.
func (d *dind) tlsCertain() bool {
	if d.certdirSet {
		return d.certdir != ""
	}
	return !d.floating && (d.major > 19 || d.major == 19 && d.minor >= 3)
}

// hostPort parses DOCKER_HOST as tcp://host:port.
func hostPort(h string) (host string, port int, ok bool) {
	u, err := url.Parse(strings.TrimSpace(h))
	if err != nil || u.Scheme != "tcp" {
		return "", 0, false
	}
	p, err := strconv.Atoi(u.Port())
	if err != nil {
		return u.Hostname(), 0, u.Hostname() != ""
	}
	return u.Hostname(), p, true
}

// usesDockerCLI reports whether the job runs docker client commands that
// need a daemon (build, push, pull, login, tag...).
func (jc *jobCtx) usesDockerCLI() (cmd, bool) {
	for _, c := range jc.cmds {
		if c.Tool == "docker" && c.Action != "" && c.Action != shellcmd.Logout {
			return c, true
		}
	}
	return cmd{}, false
}

var scriptAssign = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?m)(?:^|[;&|]\s*)(?:export\s+)?([A-Z_][A-Z0-9_]*)=("[^"]*"|'[^']*'|[^\s;&|]*)`)
})

// scriptAssigned returns the last literal value a script assigns to name.
func (jc *jobCtx) scriptAssigned(name string) (string, bool) {
	val, ok := "", false
	if !strings.Contains(jc.src, name+"=") {
		return "", false
	}
	for _, m := range scriptAssign().FindAllStringSubmatch(jc.src, -1) {
		if m[1] == name {
			val, ok = strings.Trim(m[2], `"'`), true
		}
	}
	return val, ok
}
