package github

import (
	"strings"

	"github.com/regdoctor/regdoctor/internal/reghost"
	wf "github.com/regdoctor/regdoctor/internal/workflow/github"
)

// verdict says how a push is authenticated (shared by GHA010, GHA011,
// GHA012, GHA013, GHA017).
type verdictKind int

const (
	vCovered   verdictKind = iota
	vAbstain               // a value we cannot read could be the credential
	vNoLogin               // no login for any registry the push could use
	vWrongHost             // logins exist, none for this host
	vAfter                 // the only matching login is later in the job
	vOtherJob              // the only matching login is in another job
	vScoped                // only a login-action `scope:` login (Buildx-only) covers a docker CLI push
)

type verdict struct {
	kind     verdictKind
	m        *jobModel
	p        *push
	by       []*login // covering logins (vCovered, vAfter, vOtherJob, vScoped)
	others   []*login // non-matching logins (vWrongHost)
	otherJob string
	source   bool // the verdict is about a copy's source (a read)
}

// anonymousHosts accept pushes without credentials or are local.
func anonymousHost(h string) bool {
	hh := h
	if i := strings.LastIndexByte(hh, ':'); i >= 0 {
		hh = hh[:i]
	}
	return hh == "localhost" || hh == "127.0.0.1" || hh == "ttl.sh" || hh == "0.0.0.0" || !strings.Contains(hh, ".")
}

func (c *lintCtx) verdicts(w *wf.Workflow) []verdict {
	if v, ok := c.vcache[w]; ok {
		return v
	}
	var out []verdict
	models := c.jobs(w)
	for _, m := range models {
		for _, p := range m.pushes {
			if p.host == "self" {
				continue
			}
			if p.known && !anonymousHost(p.host) {
				out = append(out, c.judge(models, m, p, p.host, false))
			}
			if p.copySource != "" {
				h, _, _, ok := splitRefHost(p.copySource)
				if ok && !anonymousHost(h) {
					switch reghost.Classify(h) {
					case reghost.GHCR, reghost.ECR, reghost.GAR, reghost.ACR, reghost.GitLab:
						v := c.judge(models, m, p, h, true)
						if v.kind == vNoLogin || v.kind == vWrongHost {
							v.kind = vNoLogin
							out = append(out, v)
						}
					}
				}
			}
		}
	}
	c.vcache[w] = out
	return out
}

func (c *lintCtx) judge(models []*jobModel, m *jobModel, p *push, host string, source bool) verdict {
	v := verdict{m: m, p: p, source: source}
	var before, after, scoped []*login
	unresolvedBefore := false
	pkgLevel, _, _, pkgKnown := effectivePerm(m.wf, m.job, "packages")
	for _, l := range m.logins {
		if l.implicit && pkgKnown && pkgLevel == "none" {
			// setup-crane/setup-ko log in with GITHUB_TOKEN, which here has packages: none
			continue
		}
		if l.covers(host) {
			switch {
			case l.order < p.order && p.dockerCLI && !l.dockerCLI && l.scoped:
				scoped = append(scoped, l)
			case l.order < p.order:
				before = append(before, l)
			default:
				after = append(after, l)
			}
			continue
		}
		if l.order < p.order {
			if l.unresolved() {
				unresolvedBefore = true
			}
			if !l.self {
				v.others = append(v.others, l)
			}
		}
	}
	switch {
	case len(before) > 0:
		v.kind, v.by = vCovered, before
	case unresolvedBefore:
		v.kind = vAbstain
	case len(scoped) > 0:
		v.kind, v.by = vScoped, scoped
	case len(after) > 0:
		v.kind, v.by = vAfter, after
	default:
		for _, om := range models {
			if om == m {
				continue
			}
			for _, l := range om.logins {
				if l.covers(host) && !l.self {
					v.kind, v.by, v.otherJob = vOtherJob, []*login{l}, om.job.ID
					return v
				}
			}
		}
		if len(v.others) > 0 {
			v.kind = vWrongHost
		} else {
			v.kind = vNoLogin
		}
		if len(m.opaquePush) > 0 || hasOpaqueCredStep(m) {
			v.kind = vAbstain
		}
	}
	return v
}

// hasOpaqueCredStep: steps that may set up registry credentials we do not
// model (a script file, a make target, an unknown action with password input).
func hasOpaqueCredStep(m *jobModel) bool {
	for _, s := range m.steps {
		if s.Uses.Set && !strings.HasPrefix(s.Uses.Str, "./") {
			if _, ok := s.With["password"]; ok {
				a := s.Action()
				if a != "docker/login-action" && a != "azure/docker-login" && a != "redhat-actions/podman-login" && a != "redhat-actions/push-to-registry" {
					return true
				}
			}
		}
		if s.Run.Set && strings.Contains(s.Run.Str, "config.json") {
			return true
		}
		// a script, make target or tool we do not model that logs in
		if s.Run.Set && strings.Contains(strings.ToLower(s.Run.Str), "login") && !m.stepHasLogin(s) {
			return true
		}
	}
	return false
}

func splitRefHost(ref string) (string, string, string, bool) {
	return splitRef(ref)
}

// stepHasLogin: the model found a login in this step.
func (m *jobModel) stepHasLogin(s *wf.Step) bool {
	for _, l := range m.logins {
		if l.step == s {
			return true
		}
	}
	return false
}

// selfHosted: the job may run on a machine with stored registry credentials.
func selfHosted(j *wf.Job) bool {
	r := strings.ToLower(j.RunsOn.Str)
	return strings.Contains(r, "self-hosted") || strings.Contains(r, "${{")
}
