package github

import (
	"regexp"
	"sort"
	"strings"
	"sync"

	"github.com/regdoctor/regdoctor/internal/finding"
	"github.com/regdoctor/regdoctor/internal/reghost"
	"github.com/regdoctor/regdoctor/internal/shellcmd"
	wf "github.com/regdoctor/regdoctor/internal/workflow/github"
)

// credKind says where a login's password comes from.
type credKind string

const (
	credNone        credKind = ""             // not given (the action/tool uses ambient credentials)
	credGitHubToken credKind = "github-token" // secrets.GITHUB_TOKEN / github.token
	credSecret      credKind = "secret"       // secrets.X (X != GITHUB_TOKEN)
	credOther       credKind = "other"        // step outputs, inputs, literal, unknown
)

type cred struct {
	kind    credKind
	secrets []string // secret names referenced (besides GITHUB_TOKEN)
	text    string   // expression text, for messages (redacted before printing)
}

// loc is a position in a file.
type loc struct {
	file string
	wf.Pos
}

// login is one credential provider in a job (F-GH-44).
type login struct {
	order int // step index (composite steps share their caller's index) * 1000 + command index
	step  *wf.Step
	at    loc
	// passAt is where the password is given (an input line, a -p word); zero when unknown.
	passAt loc
	mech   string // "docker/login-action", "docker login", "gcloud auth configure-docker", ...
	// hosts are normalized registry hosts; unresolved hosts keep '$'.
	hosts []string
	// ecrAny: provides credentials for any private ECR host (amazon-ecr-login without a known account).
	ecrAny     bool
	user, pass cred
	cond       string // normalized `if:` of the step
	contErr    bool   // continue-on-error on the step
	scoped     bool   // login-action `scope:` (Buildx-only credentials, F-GH-35)
	dockerCLI  bool   // stored where the docker CLI reads it
	self       bool   // a pushing action's own login (username/password inputs)
	// implicit: a setup action's automatic login (setup-crane, setup-ko),
	// not a sign that the job means to push there.
	implicit bool
	// cmd is the shell command of a run: login (nil for actions).
	cmd *shellcmd.Command
	// script is the parsed run: script the login is in.
	script *shellcmd.Script
}

// push is one upload of an image reference.
type push struct {
	order int
	step  *wf.Step
	at    loc
	// stepAt is the pushing step's uses: line (actions) or the command (shell);
	// pushAt is the `push:` input of build-push-action when set.
	stepAt, pushAt loc
	mech           string
	ref            string // reference as resolved (may contain ${{ }} or $VAR)
	host           string // normalized host; "" when unknown
	repo           string // repository path without host and tag
	known          bool   // host known literally
	cond           string
	// pushCond is a condition on the push itself (build-push-action
	// `push: ${{ expr }}`).
	pushCond string
	// fromMeta: the reference comes from docker/metadata-action images
	// (lowercased by the action).
	fromMeta bool
	// origin is where an uppercase-prone value entered the reference
	// (an env definition or a shell assignment), when not at the push.
	origin *loc
	// segs are the parts of ref that came from variables defined in the
	// workflow, with their definitions (traceRef): rules report a fault in
	// the text at the place it is written (originAt, namespaceAt).
	segs []refSeg
	// dockerCLI: the docker CLI performs the push (needs docker-config credentials).
	dockerCLI bool
	// copySource: for copy commands, the source reference (a read).
	copySource string
	// vars are the shell variables the reference word expands (run: steps).
	vars []string
}

// jobModel is what a job does with registries, in step order.
type jobModel struct {
	job    *wf.Job
	wf     *wf.Workflow
	logins []*login
	pushes []*push
	// names are references built or tagged locally (shell build -t, tag).
	names []*push
	// unloaded are build-push-action tags built with neither push nor load.
	unloaded []*push
	// opaquePush: a step that pushes to targets we cannot see (goreleaser,
	// bake, a script); rules that need a target abstain.
	opaquePush []*wf.Step
	// shellErrors are run: scripts that did not parse.
	steps []*wf.Step // effective steps (composite actions expanded)
	env   map[string]string
	// githubEnvWrites are variable names written to $GITHUB_ENV by any step.
	githubEnvWrites map[string]bool
	// githubEnvUnknown: a step writes $GITHUB_ENV from a file or command.
	githubEnvUnknown bool
	// leg is the matrix combination this model is built for (nil: all legs,
	// single-valued keys only).
	leg     map[string]string
	scripts map[*wf.Step]*shellcmd.Script
	repo    *wf.Repo
	// scriptCache is the run's parse memo (lintCtx.scriptCache).
	scriptCache map[string]*shellcmd.Script
	// scriptSteps are synthetic steps for repository scripts run: steps call.
	scriptSteps []*wf.Step
}

var (
	reSecret   = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`secrets\.([A-Za-z_][A-Za-z0-9_-]*)`) })
	reSecretIx = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`secrets\[['"]([A-Za-z_][A-Za-z0-9_-]*)['"]\]`) })
	reEnvRef   = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`\$\{\{\s*env\.([A-Za-z_][A-Za-z0-9_-]*)\s*\}\}`) })
	reMatrix   = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`\$\{\{\s*matrix\.([A-Za-z_][A-Za-z0-9_-]*)\s*\}\}`) })
	reInputs   = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`\$\{\{\s*inputs\.([A-Za-z_][A-Za-z0-9_-]*)\s*\}\}`) })
	reGHEnvW   = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`(?m)\b([A-Za-z_][A-Za-z0-9_]*)=.*>>\s*"?\$\{?GITHUB_ENV`)
	})
	reRegistryKey = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`registry:\s*(\S+)`) })
	reGHEnvW2     = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`(?m)echo\s+["']?([A-Za-z_][A-Za-z0-9_]*)=`) })
)

// classifyCred reads a credential expression (already env-resolved).
func classifyCred(s string) cred {
	c := cred{text: s}
	if strings.TrimSpace(s) == "" {
		return c
	}
	low := strings.ToLower(s)
	if !strings.Contains(s, "secrets") {
		goto kind
	}
	// Each pattern runs (and is compiled) only on text holding its literal.
	for _, m := range findAllIf(s, "secrets.", reSecret) {
		if strings.EqualFold(m[1], "GITHUB_TOKEN") {
			continue
		}
		c.secrets = append(c.secrets, m[1])
	}
	for _, m := range findAllIf(s, "secrets[", reSecretIx) {
		if !strings.EqualFold(m[1], "GITHUB_TOKEN") {
			c.secrets = append(c.secrets, m[1])
		}
	}
kind:
	switch {
	case strings.Contains(low, "secrets.github_token") || strings.Contains(low, "github.token") || strings.Contains(s, "$GITHUB_TOKEN") || strings.Contains(s, "${GITHUB_TOKEN}"):
		c.kind = credGitHubToken
		if len(c.secrets) > 0 {
			c.kind = credOther // "secrets.PAT || secrets.GITHUB_TOKEN": either
		}
	case len(c.secrets) > 0:
		c.kind = credSecret
	default:
		c.kind = credOther
	}
	return c
}

// normCond normalizes an `if:` for comparison: ${{ }} removed, spaces squeezed.
func normCond(s string) string {
	s = strings.TrimSpace(s)
	if strings.HasPrefix(s, "${{") && strings.HasSuffix(s, "}}") {
		s = strings.TrimSpace(s[3 : len(s)-2])
	}
	return strings.Join(strings.Fields(s), " ")
}

// envChain merges workflow, job and step env (later wins).
func envChain(w *wf.Workflow, j *wf.Job, s *wf.Step) map[string]string {
	out := map[string]string{}
	for k, v := range w.Env {
		out[k] = v.Str
	}
	for k, v := range j.Env {
		out[k] = v.Str
	}
	if s != nil {
		for k, v := range s.Env {
			out[k] = v.Str
		}
	}
	return out
}

// resolve substitutes ${{ env.X }} and single-valued ${{ matrix.X }} in s,
// up to a few rounds (env values may refer to other env values).
func (m *jobModel) resolve(s string, env map[string]string) string {
	for round := 0; round < 4 && strings.Contains(s, "${{"); round++ {
		before := s
		if !strings.Contains(s, "env.") && !strings.Contains(s, "matrix.") && !strings.Contains(s, "inputs.") {
			break
		}
		s = replaceIf(s, "env.", reEnvRef, func(x string) string {
			name := reEnvRef().FindStringSubmatch(x)[1]
			if v, ok := env[name]; ok {
				return v
			}
			return x
		})
		s = replaceIf(s, "matrix.", reMatrix, func(x string) string {
			name := reMatrix().FindStringSubmatch(x)[1]
			if v, ok := m.leg[name]; ok {
				return v
			}
			if vs := m.job.Matrix[name]; len(vs) == 1 {
				return vs[0]
			}
			return x
		})
		if m.wf.CallInputs != nil {
			s = replaceIf(s, "inputs.", reInputs, func(x string) string {
				name := reInputs().FindStringSubmatch(x)[1]
				if v, ok := m.wf.CallInputs[name]; ok && v.Set && v.Str != "" {
					return v.Str
				}
				return x
			})
		}
		if s == before {
			break
		}
	}
	return s
}

// findAllIf is re().FindAllStringSubmatch(s, -1) when s holds lit (a
// literal every match of re holds), else nil, without compiling re.
func findAllIf(s, lit string, re func() *regexp.Regexp) [][]string {
	if !strings.Contains(s, lit) {
		return nil
	}
	return re().FindAllStringSubmatch(s, -1)
}

// replaceIf is re().ReplaceAllStringFunc(s, fn) when s holds lit (a
// literal every match of re holds), else s, without compiling re: most
// values hold no such expression.
func replaceIf(s, lit string, re func() *regexp.Regexp, fn func(string) string) string {
	if !strings.Contains(s, lit) {
		return s
	}
	return re().ReplaceAllStringFunc(s, fn)
}

// resolveShellVars substitutes $NAME / ${NAME} from env in s (one round).
var reShellVar = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?`) })

func resolveShellVars(s string, env map[string]string) string {
	if !strings.Contains(s, "$") {
		return s
	}
	return reShellVar().ReplaceAllStringFunc(s, func(x string) string {
		if strings.HasPrefix(x, "${{") {
			return x
		}
		name := reShellVar().FindStringSubmatch(x)[1]
		if v, ok := env[name]; ok {
			return v
		}
		return x
	})
}

func hostKnown(h string) bool {
	return h != "" && !strings.Contains(h, "$") && !strings.Contains(h, "{")
}

// splitList splits an action's list input (newline- or comma-separated)
// into items with their line offset inside the value (1-based) and column.
func splitList(v string) []listItem {
	var out []listItem
	for i, line := range strings.Split(v, "\n") {
		col := 1
		for _, part := range splitCSV(line) {
			t := strings.TrimSpace(part)
			if t != "" && !strings.HasPrefix(t, "#") {
				out = append(out, listItem{text: t, line: i + 1, col: col + strings.Index(part, t)})
			}
			col += len(part) + 1
		}
	}
	return out
}

type listItem struct {
	text      string
	line, col int
}

// splitCSV splits on commas outside ${{ }}.
func splitCSV(s string) []string {
	var out []string
	depth, start := 0, 0
	for i := 0; i < len(s); i++ {
		switch {
		case strings.HasPrefix(s[i:], "${{"):
			depth++
			i += 2
		case strings.HasPrefix(s[i:], "}}") && depth > 0:
			depth--
			i++
		case s[i] == ',' && depth == 0:
			out = append(out, s[start:i])
			start = i + 1
		}
	}
	return append(out, s[start:])
}

// lintCtx is shared by the rules for one run.
type lintCtx struct {
	out         []finding.Finding
	repo        *wf.Repo
	owner       string // repository owner when known (config, git remote, workflow conditions)
	models      map[*wf.Job]*jobModel
	vcache      map[*wf.Workflow][]verdict
	seenAction  map[string]bool
	callerCache map[string]bool
	// scriptCache holds parsed run: scripts by scriptKey: the base model and
	// every matrix leg (judged by several rules) parse the same script with
	// the same environment; a *shellcmd.Script is only read once parsed.
	scriptCache map[string]*shellcmd.Script
}

var splitRef = shellcmd.SplitRef

// build analyses one job.
func (c *lintCtx) build(w *wf.Workflow, j *wf.Job) *jobModel {
	if m, ok := c.models[j]; ok {
		return m
	}
	m := c.newModel(w, j, nil)
	c.models[j] = m
	m.fill(c)
	return m
}

func (c *lintCtx) newModel(w *wf.Workflow, j *wf.Job, leg map[string]string) *jobModel {
	if c.scriptCache == nil {
		c.scriptCache = map[string]*shellcmd.Script{}
	}
	return &jobModel{job: j, wf: w, githubEnvWrites: map[string]bool{}, scripts: map[*wf.Step]*shellcmd.Script{}, repo: c.repo, leg: leg, scriptCache: c.scriptCache}
}

// parseScript is shellcmd.Parse (its error dropped: a script that does not
// parse yields the commands of the lines that do), memoised in scriptCache.
func (m *jobModel) parseScript(file, src string, env map[string]string) *shellcmd.Script {
	key := scriptKey(file, src, env)
	if sc, ok := m.scriptCache[key]; ok {
		return sc
	}
	sc, _ := shellcmd.Parse(file, src, shellcmd.Options{Env: env})
	if m.scriptCache != nil {
		m.scriptCache[key] = sc
	}
	return sc
}

// scriptKey identifies a parse: file, script and environment (sorted).
func scriptKey(file, src string, env map[string]string) string {
	keys := make([]string, 0, len(env))
	n := len(file) + len(src) + 2
	for k, v := range env {
		keys = append(keys, k)
		n += len(k) + len(v) + 2
	}
	sort.Strings(keys)
	var b strings.Builder
	b.Grow(n)
	b.WriteString(file)
	b.WriteByte(0)
	b.WriteString(src)
	for _, k := range keys {
		b.WriteByte(0)
		b.WriteString(k)
		b.WriteByte('=')
		b.WriteString(env[k])
	}
	return b.String()
}

// buildLeg analyses job j for one matrix combination (not cached).
func (c *lintCtx) buildLeg(w *wf.Workflow, j *wf.Job, leg map[string]string) *jobModel {
	m := c.newModel(w, j, leg)
	m.fill(c)
	return m
}

func (m *jobModel) fill(c *lintCtx) {
	j := m.job
	m.steps = c.expandSteps(j.Steps, 0)
	for _, s := range m.steps {
		if s.Run.Set && strings.Contains(s.Run.Str, "GITHUB_ENV") {
			for _, line := range strings.Split(s.Run.Str, "\n") {
				if !strings.Contains(line, "GITHUB_ENV") {
					continue
				}
				named := false
				for _, re := range []*regexp.Regexp{reGHEnvW(), reGHEnvW2()} {
					for _, g := range re.FindAllStringSubmatch(line, -1) {
						m.githubEnvWrites[g[1]] = true
						named = true
					}
				}
				if !named {
					m.githubEnvUnknown = true // `cat file >> $GITHUB_ENV`: any name
				}
			}
		}
	}
	for i, s := range m.steps {
		m.step(i, s)
	}
}

// expandSteps inlines local composite actions (depth-bounded) so their
// logins and pushes count for the job; inputs are substituted.
func (c *lintCtx) expandSteps(steps []*wf.Step, depth int) []*wf.Step {
	var out []*wf.Step
	for _, s := range steps {
		out = append(out, s)
		if depth >= 3 || !strings.HasPrefix(s.Uses.Str, "./") {
			continue
		}
		a, err := c.repo.LocalAction(s.Uses.Str)
		if err != nil || a == nil || a.Using != "composite" {
			continue
		}
		inputs := map[string]string{}
		for k, v := range a.Inputs {
			if v.Set {
				inputs[k] = v.Str
			}
		}
		for k, v := range s.With {
			inputs[k] = v.Str
		}
		for _, inner := range c.expandSteps(a.Steps, depth+1) {
			cp := *inner
			if cp.Via == nil {
				cp.Via = s
			}
			cp.With = substInputs(cp.With, inputs)
			cp.Env = substInputs(cp.Env, inputs)
			if cp.Run.Set {
				cp.Run.Str = substInputStr(cp.Run.Str, inputs)
			}
			cp.If.Str = substInputStr(cp.If.Str, inputs)
			out = append(out, &cp)
		}
	}
	return out
}

func substInputs(m map[string]wf.Value, inputs map[string]string) map[string]wf.Value {
	out := make(map[string]wf.Value, len(m))
	for k, v := range m {
		v.Str = substInputStr(v.Str, inputs)
		out[k] = v
	}
	return out
}

var reInputsAny = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`\$\{\{\s*inputs\.([A-Za-z_][A-Za-z0-9_-]*)\s*\}\}`) })

func substInputStr(s string, inputs map[string]string) string {
	if !strings.Contains(s, "inputs.") {
		return s
	}
	return reInputsAny().ReplaceAllStringFunc(s, func(x string) string {
		name := reInputsAny().FindStringSubmatch(x)[1]
		if v, ok := inputs[name]; ok {
			return v
		}
		return x
	})
}

// anchorLoc is where a finding about a step's `uses:`/`with:` goes.
func anchorLoc(s *wf.Step, v wf.Value) loc {
	a := s.Anchor()
	if a != s || !v.Set {
		if a.Uses.Set {
			return loc{a.File, a.Uses.Pos}
		}
		return loc{a.File, a.Pos}
	}
	return loc{s.File, v.Pos}
}

// scriptLoc maps a position in a step's run script to the file.
func scriptLoc(s *wf.Step, p shellcmd.Pos) loc {
	a := s.Anchor()
	if a != s {
		if a.Uses.Set {
			return loc{a.File, a.Uses.Pos}
		}
		return loc{a.File, a.Pos}
	}
	return loc{s.File, s.ScriptPos(p.Line, p.Col)}
}

func (m *jobModel) step(i int, s *wf.Step) {
	env := envChain(m.wf, m.job, s)
	cond := normCond(s.If.Str)
	if a := s.Anchor(); a != s && a.If.Set {
		cond = strings.TrimSpace(normCond(a.If.Str) + " " + cond)
	}
	contErr := s.ContinueOnError.Str == "true"
	order := i * 1000
	with := func(k string) wf.Value { return s.With[k] }
	withStr := func(k string) string { return m.resolve(s.With[k].Str, env) }
	action := s.Action()
	switch {
	case action == "docker/login-action":
		if ra := s.With["registry-auth"]; ra.Set {
			// registry-auth: YAML list of {registry, username, password}
			for _, it := range reRegistryKey().FindAllStringSubmatch(m.resolve(ra.Str, env), -1) {
				m.logins = append(m.logins, &login{order: order, step: s, at: anchorLoc(s, s.Uses), mech: action,
					hosts: []string{normHost(it[1])}, cond: cond, contErr: contErr, dockerCLI: true,
					pass: classifyCred(m.resolve(ra.Str, env))})
			}
			return
		}
		reg := withStr("registry")
		if !with("registry").Set || strings.TrimSpace(reg) == "" {
			reg = "docker.io"
		}
		l := &login{order: order, step: s, at: anchorLoc(s, s.Uses), mech: action, hosts: []string{normHost(reg)},
			user: classifyCred(withStr("username")), pass: classifyCred(withStr("password")), cond: cond, contErr: contErr,
			scoped: with("scope").Set && strings.TrimSpace(with("scope").Str) != "", dockerCLI: true}
		if !with("password").Set {
			l.pass = cred{}
		} else {
			l.passAt = anchorLoc(s, with("password"))
		}
		if l.scoped && s.Env["DOCKER_LOGIN_SCOPE_DISABLED"].Str != "true" {
			l.dockerCLI = false
		}
		m.logins = append(m.logins, l)
	case action == "aws-actions/amazon-ecr-login":
		l := &login{order: order, step: s, at: anchorLoc(s, s.Uses), mech: action, cond: cond, contErr: contErr, dockerCLI: true}
		if strings.EqualFold(withStr("registry-type"), "public") {
			l.hosts = []string{"public.ecr.aws"}
		} else {
			l.ecrAny = true
		}
		m.logins = append(m.logins, l)
	case action == "azure/docker-login":
		reg := withStr("login-server")
		if reg == "" {
			reg = "docker.io"
		}
		m.logins = append(m.logins, &login{order: order, step: s, at: anchorLoc(s, s.Uses), mech: action, hosts: []string{normHost(reg)},
			user: classifyCred(withStr("username")), pass: classifyCred(withStr("password")), cond: cond, contErr: contErr, dockerCLI: true})
	case action == "redhat-actions/podman-login":
		m.logins = append(m.logins, &login{order: order, step: s, at: anchorLoc(s, s.Uses), mech: action, hosts: []string{normHost(withStr("registry"))},
			user: classifyCred(withStr("username")), pass: classifyCred(withStr("password")), cond: cond, contErr: contErr, dockerCLI: false})
	case action == "docker/metadata-action" || action == "crazy-max/ghaction-docker-meta":
		// resolved when a push references its outputs
	case strings.HasSuffix(action, "/build-push-action"):
		m.buildPush(order, s, env, cond)
	case action == "redhat-actions/push-to-registry":
		reg := withStr("registry")
		img := withStr("image")
		tags := withStr("tags")
		if tags == "" {
			tags = "latest"
		}
		if withStr("username") != "" || withStr("password") != "" {
			m.logins = append(m.logins, &login{order: order - 1, step: s, at: anchorLoc(s, s.Uses), mech: action, self: true,
				hosts: []string{normHost(firstComponent(reg))}, pass: classifyCred(withStr("password")), cond: cond, contErr: contErr})
		}
		for _, t := range splitList(tags) {
			ref := strings.TrimSuffix(reg, "/") + "/" + img + ":" + t.text
			if strings.Contains(t.text, "/") {
				ref = t.text
			}
			m.addPush(&push{order: order, step: s, at: anchorLoc(s, s.Uses), mech: action, ref: strings.ToLower(ref), cond: cond, fromMeta: true})
		}
	case strings.Contains(action, "helm-oci-chart-releaser") || strings.Contains(action, "publish-docker-github-action") || strings.Contains(action, "docker-build-push"):
		// third-party pushers with their own registry/username/password inputs
		reg := withStr("registry")
		m.genericLogin(order, s, env, cond, contErr, action)
		if reg != "" {
			ref := reg
			if n := withStr("name"); n != "" {
				ref = strings.TrimSuffix(reg, "/") + "/" + n
			}
			m.addPush(&push{order: order, step: s, at: anchorLoc(s, with("registry")), mech: action, ref: ref, cond: cond})
		} else {
			m.opaquePush = append(m.opaquePush, s)
		}
	case action == "imjasonh/setup-crane" || action == "ko-build/setup-ko":
		// both log in to ghcr.io with GITHUB_TOKEN (their README)
		m.logins = append(m.logins, &login{order: order, step: s, at: anchorLoc(s, s.Uses), mech: action, hosts: []string{"ghcr.io"},
			pass: cred{kind: credGitHubToken, text: "github.token"}, cond: cond, contErr: contErr, dockerCLI: true, implicit: true})
	case action == "goreleaser/goreleaser-action" || action == "docker/bake-action" || action == "ko-build/setup-ko" && false:
		if action == "docker/bake-action" && !(strings.Contains(withStr("push"), "true") || strings.Contains(withStr("push"), "${{")) {
			return
		}
		m.opaquePush = append(m.opaquePush, s)
	default:
		if s.Uses.Set && !strings.HasPrefix(s.Uses.Str, "./") {
			m.genericLogin(order, s, env, cond, contErr, action)
		}
	}
	// A GHCR credential handed to a tool through env (DOCKER_GHCR_IO_PASSWORD, GHCR_TOKEN...).
	for k, v := range s.Env {
		uk := strings.ToUpper(k)
		if strings.Contains(uk, "GHCR") && (strings.Contains(uk, "PASS") || strings.Contains(uk, "TOKEN")) && action != "docker/login-action" {
			m.logins = append(m.logins, &login{order: order, step: s, at: anchorLoc(s, v), mech: "env " + k, hosts: []string{"ghcr.io"},
				pass: classifyCred(m.resolve(v.Str, env)), cond: cond, contErr: contErr, dockerCLI: false})
			if !s.Run.Set || !strings.Contains(s.Run.Str, "docker") {
				m.opaquePush = append(m.opaquePush, s)
			}
		}
	}
	if s.Run.Set && runsShell(s, m.job) {
		before := len(m.logins)
		m.shell(order, s, env, cond, contErr)
		if len(m.logins) == before {
			m.toolGHCR(order, s, env, cond, contErr)
		}
	}
}

var rePublishWord = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?i)\b(push|publish|release|deploy|jib)`)
})

// toolGHCR models a run: step that hands GITHUB_TOKEN to a tool we do not
// parse (jib, a make target, a script) together with ghcr.io and a publish
// verb: a GHCR login with GITHUB_TOKEN and a push we cannot see.
func (m *jobModel) toolGHCR(order int, s *wf.Step, env map[string]string, cond string, contErr bool) {
	text := s.Run.Str
	for _, v := range s.Env {
		text += "\n" + v.Str
	}
	text = m.resolve(text, env)
	if !strings.Contains(text, "ghcr.io") || !strings.Contains(text, "GITHUB_TOKEN") && !strings.Contains(text, "github.token") || !rePublishWord().MatchString(s.Run.Str) {
		return
	}
	resolved := resolveShellVars(text, env)
	if cr := classifyCred(resolved); cr.kind != credGitHubToken {
		return
	}
	m.logins = append(m.logins, &login{order: order, step: s, at: anchorLoc(s, s.Run), mech: "run: (tool)", hosts: []string{"ghcr.io"},
		pass: cred{kind: credGitHubToken, text: "GITHUB_TOKEN"}, cond: cond, contErr: contErr, dockerCLI: false, self: true})
	m.opaquePush = append(m.opaquePush, s)
}

// genericLogin models an action we do not know that logs in: its name says
// login/auth, or it takes a registry and a password/token input. The host
// is its registry input (unresolved when absent, so host rules abstain).
func (m *jobModel) genericLogin(order int, s *wf.Step, env map[string]string, cond string, contErr bool, action string) {
	reg, pass := "", ""
	hasPass := false
	for k, v := range s.With {
		lk := strings.ToLower(k)
		switch {
		case lk == "registry" || lk == "login-server" || lk == "registry-url" || lk == "registry_url" || lk == "server":
			reg = m.resolve(v.Str, env)
		case strings.Contains(lk, "password") || (strings.Contains(lk, "token") && lk != "github-token" && lk != "github_token"):
			pass, hasPass = m.resolve(v.Str, env), true
		}
	}
	name := strings.ToLower(action)
	isLogin := strings.Contains(name, "login") || strings.Contains(name, "docker-auth") || strings.Contains(name, "registry-auth")
	if !isLogin && !(hasPass && reg != "") {
		return
	}
	host := "$unknown"
	if reg != "" {
		host = normHost(firstComponent(reg))
	}
	m.logins = append(m.logins, &login{order: order - 1, step: s, at: anchorLoc(s, s.Uses), mech: action, self: !isLogin,
		hosts: []string{host}, pass: classifyCred(pass), cond: cond, contErr: contErr, dockerCLI: true})
}

// runsShell reports a run step in a POSIX shell (bash/sh default on Linux).
func runsShell(s *wf.Step, j *wf.Job) bool {
	sh := strings.ToLower(s.Shell.Str)
	if sh == "" {
		return true
	}
	return strings.HasPrefix(sh, "bash") || strings.HasPrefix(sh, "sh") || strings.Contains(sh, "bash")
}

func firstComponent(reg string) string {
	if i := strings.IndexByte(reg, '/'); i >= 0 {
		return reg[:i]
	}
	return reg
}

func normHost(h string) string {
	h = strings.TrimSpace(h)
	if h == "" {
		return ""
	}
	if strings.Contains(h, "${{") || strings.Contains(h, "$") {
		return h
	}
	return reghost.Normalize(h)
}

func (m *jobModel) addPush(p *push) {
	if p.stepAt.Line == 0 {
		if p.step != nil && p.step.Uses.Set {
			p.stepAt = anchorLoc(p.step, p.step.Uses)
		} else {
			p.stepAt = p.at
		}
	}
	if p.step != nil && p.step.With["push"].Set && p.pushAt.Line == 0 {
		p.pushAt = anchorLoc(p.step, p.step.With["push"])
	}
	host, repo, _, ok := shellcmd.SplitRef(p.ref)
	p.repo = repo
	first, rest, hasSlash := strings.Cut(p.ref, "/")
	if strings.Contains(first, "$") || !hasSlash && strings.Contains(p.ref, "$") {
		ok = false
	}
	if hasSlash && reNamespaceSecret().MatchString(first) {
		// `${{ secrets.DOCKERHUB_USERNAME }}/app`: a user or organisation
		// name holds no '.' or ':' and is not "localhost", so it is a
		// Docker Hub namespace, not a registry host (the reference grammar:
		// https://github.com/distribution/reference/blob/main/reference.go)
		host, ok = "docker.io", true
		p.repo = repoPart(first + "/" + rest)
	}
	if ok {
		p.host, p.known = host, true
	}
	m.pushes = append(m.pushes, p)
}

// reNamespaceSecret matches a reference's first component that is one
// secret or variable named as an account (..._USERNAME, ..._USER,
// ..._NAMESPACE, ..._ORG, ..._ORGANIZATION, ..._ACCOUNT, ..._OWNER).
var reNamespaceSecret = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?i)^\$\{\{\s*(secrets|vars)\.[A-Z0-9_]*(USERNAME|USER|NAMESPACE|ORG|ORGANIZATION|ACCOUNT|OWNER)\s*\}\}$`)
})

// buildPush reads docker/build-push-action (F-GH-36).
func (m *jobModel) buildPush(order int, s *wf.Step, env map[string]string, cond string) {
	pushV := strings.TrimSpace(s.With["push"].Str)
	pushes := false
	pushCond := ""
	switch {
	case strings.EqualFold(pushV, "true"):
		pushes = true
	case strings.Contains(pushV, "${{"):
		pushes, pushCond = true, normCond(pushV)
	}
	for _, o := range []string{"outputs", "output"} {
		if v := m.resolve(s.With[o].Str, env); strings.Contains(v, "type=registry") || strings.Contains(v, "push=true") {
			pushes = true
		}
	}
	ver := s.Uses.Str[strings.LastIndexByte(s.Uses.Str, '@')+1:]
	if strings.HasPrefix(ver, "v1") && s.Action() == "docker/build-push-action" {
		// v1 had its own login and repository/tags inputs.
		reg := m.resolve(s.With["registry"].Str, env)
		if reg == "" {
			reg = "docker.io"
		}
		if s.With["username"].Set {
			m.logins = append(m.logins, &login{order: order - 1, step: s, at: anchorLoc(s, s.Uses), mech: "docker/build-push-action@v1", self: true,
				hosts: []string{normHost(reg)}, pass: classifyCred(m.resolve(s.With["password"].Str, env)), cond: cond})
		}
		if strings.EqualFold(pushV, "false") {
			return
		}
		m.addPush(&push{order: order, step: s, at: anchorLoc(s, s.Uses), mech: "docker/build-push-action@v1",
			ref: strings.TrimSuffix(reg, "/") + "/" + m.resolve(s.With["repository"].Str, env), cond: cond})
		return
	}
	for _, k := range []string{"cache-from", "cache-to"} {
		for _, it := range splitList(strings.ReplaceAll(s.With[k].Str, ",", "\n")) {
			if ref, ok := strings.CutPrefix(it.text, "ref="); ok {
				m.names = append(m.names, &push{order: order, step: s, at: anchorLoc(s, s.With[k]), mech: s.Action() + " " + k, ref: m.resolve(ref, env), cond: cond})
			}
		}
	}
	if !pushes {
		if !strings.EqualFold(strings.TrimSpace(s.With["load"].Str), "true") && !s.With["outputs"].Set && !s.With["output"].Set {
			for _, it := range splitList(s.With["tags"].Str) {
				m.unloaded = append(m.unloaded, &push{order: order, step: s, at: anchorLoc(s, s.With["tags"]), mech: s.Action(), ref: m.resolve(it.text, env), cond: cond})
			}
		}
		return
	}
	tagsV := s.With["tags"]
	if !tagsV.Set || strings.TrimSpace(tagsV.Str) == "" {
		// the names of an image exporter (`outputs: type=image,name=R,push=true`,
		// push-by-digest) are what is pushed
		names := 0
		for _, o := range []string{"outputs", "output"} {
			for _, n := range exporterNames(m.resolve(s.With[o].Str, env)) {
				m.addPush(&push{order: order, step: s, at: anchorLoc(s, s.With[o]), mech: "docker/build-push-action", ref: n, cond: cond, pushCond: pushCond})
				names++
			}
		}
		if names == 0 {
			// no tags: buildx fails with "tag is needed when pushing to registry"
			m.addPush(&push{order: order, step: s, at: anchorLoc(s, s.Uses), mech: "docker/build-push-action", cond: cond, pushCond: pushCond})
		}
		return
	}
	for _, it := range splitList(tagsV.Str) {
		at := anchorLoc(s, tagsV)
		if s.Anchor() == s {
			p := wf.ScalarPos(tagsV, s.Lines, it.line, it.col)
			if tagsV.Node != nil && (tagsV.Node.Style == 0) && it.line == 1 {
				p = wf.Pos{Line: tagsV.Line, Col: tagsV.Col + it.col - 1}
			}
			at = loc{s.File, p}
		}
		text := it.text
		if meta := m.metaStep(text); meta != nil {
			imgs := meta.With["images"]
			items := splitList(m.resolve(imgs.Str, env))
			for _, im := range items {
				name := im.text
				if strings.HasPrefix(name, "name=") {
					name = strings.TrimPrefix(name, "name=")
				} else if strings.Contains(name, "=") {
					continue // an attribute of the line's image (enable=, priority=)
				}
				enable, enabled := metaLineEnable(items, im.line)
				if !enabled {
					continue
				}
				mat := anchorLoc(meta, imgs)
				if meta.Anchor() == meta {
					mat = loc{meta.File, wf.ScalarPos(imgs, meta.Lines, im.line, im.col)}
				}
				m.addPush(&push{order: order, step: s, at: mat, mech: "docker/build-push-action", ref: strings.ToLower(name), cond: cond, pushCond: andCond(pushCond, enable), fromMeta: true, dockerCLI: false})
			}
			if strings.TrimSpace(imgs.Str) == "" {
				m.addPush(&push{order: order, step: s, at: at, mech: "docker/build-push-action", cond: cond, pushCond: pushCond, fromMeta: true})
			}
			continue
		}
		if outs, ok := m.stepOutput(text); ok {
			for _, o := range outs {
				m.addPush(&push{order: order, step: s, at: at, mech: "docker/build-push-action", ref: o.ref, cond: cond, pushCond: pushCond, origin: o.origin})
			}
			continue
		}
		ref := m.resolve(text, env)
		p := &push{order: order, step: s, at: at, mech: "docker/build-push-action", ref: ref, cond: cond, pushCond: pushCond}
		m.traceRef(p, text, env, nil)
		if ref != text {
			// the value came through env: remember where it was defined,
			// preferring the variable that carries an uppercase-prone value
			// (IMAGE_NAME: ${{ github.repository }}, not REGISTRY: ghcr.io)
			var first *loc
			for _, g := range reEnvRef().FindAllStringSubmatch(text, -1) {
				v, ok := envDef(m.wf, m.job, s, g[1])
				if !ok {
					continue
				}
				if first == nil {
					first = &v
				}
				if upperSource(env[g[1]]) != "" {
					first = &v
					break
				}
			}
			p.origin = first
		}
		m.addPush(p)
	}
}

// exporterNames returns the image names of the buildx image/registry
// exporters in an `outputs:` value that push (`type=image,name=a,push=true`,
// `type=image,"name=a,b",push-by-digest=true,push=true`, `type=registry,name=a`).
// Source: https://docs.docker.com/build/exporters/image-registry/.
func exporterNames(v string) []string {
	var out []string
	for _, line := range strings.Split(v, "\n") {
		line = strings.TrimSpace(line)
		if !(strings.Contains(line, "type=registry") || strings.Contains(line, "type=image") && strings.Contains(line, "push=true")) {
			continue
		}
		i := strings.Index(line, "name=")
		if i < 0 {
			continue
		}
		var list string
		if i > 0 && line[i-1] == '"' {
			list, _, _ = strings.Cut(line[i+len("name="):], `"`)
		} else {
			list = line[i+len("name="):]
			depth := 0
			for j := 0; j < len(list); j++ {
				switch {
				case strings.HasPrefix(list[j:], "${{"):
					depth++
				case strings.HasPrefix(list[j:], "}}") && depth > 0:
					depth--
				case list[j] == ',' && depth == 0:
					list = list[:j]
				}
			}
		}
		for _, it := range splitCSV(list) {
			if it = strings.TrimSpace(it); it != "" {
				out = append(out, it)
			}
		}
	}
	return out
}

// metaLineEnable reads the `enable=` attribute on one line of a
// docker/metadata-action `images` input (`name,enable=<bool>`, one image per
// line, https://github.com/docker/metadata-action#images-input): enabled is
// false for a literal false; cond is the expression of `enable=${{ expr }}`
// (the image gets tags, so is pushed, only when it holds), else "".
func metaLineEnable(items []listItem, line int) (cond string, enabled bool) {
	for _, it := range items {
		v, ok := strings.CutPrefix(it.text, "enable=")
		if it.line != line || !ok {
			continue
		}
		v = strings.TrimSpace(v)
		if strings.HasPrefix(v, "${{") {
			return normCond(v), true
		}
		return "", !strings.EqualFold(v, "false")
	}
	return "", true
}

// andCond joins two step-level conditions ("" is always true).
func andCond(a, b string) string {
	switch {
	case a == "":
		return b
	case b == "":
		return a
	}
	return a + " && " + b
}

// envDef finds where env name is defined for step s (step, job, workflow).
func envDef(w *wf.Workflow, j *wf.Job, s *wf.Step, name string) (loc, bool) {
	if v, ok := s.Env[name]; ok {
		return loc{s.File, v.Pos}, true
	}
	if v, ok := j.Env[name]; ok {
		return loc{w.File, v.Pos}, true
	}
	if v, ok := w.Env[name]; ok {
		return loc{w.File, v.Pos}, true
	}
	return loc{}, false
}

var reStepOut = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`steps\.([A-Za-z0-9_-]+)\.outputs\.([A-Za-z0-9_-]+)`) })

// metaStep returns the metadata-action step whose outputs a tag expression uses.
func (m *jobModel) metaStep(text string) *wf.Step {
	if !strings.Contains(text, "steps.") {
		return nil
	}
	g := reStepOut().FindStringSubmatch(text)
	if g == nil || (g[2] != "tags" && g[2] != "json") {
		return nil
	}
	for _, s := range m.steps {
		if s.ID.Str == g[1] && (s.Action() == "docker/metadata-action" || s.Action() == "crazy-max/ghaction-docker-meta") {
			return s
		}
	}
	return nil
}

type outRef struct {
	ref    string
	origin *loc
}

var reOutputLine = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?m)^\s*echo\s+["']?([A-Za-z0-9_-]+)=(.*?)["']?\s*>>\s*"?\$\{?GITHUB_OUTPUT`)
})

// stepOutput resolves a tag expression that is exactly a run step's output
// (`${{ steps.X.outputs.Y }}` written by `echo "Y=..." >> $GITHUB_OUTPUT`)
// into the references it lists, with the line the value is built on.
func (m *jobModel) stepOutput(text string) ([]outRef, bool) {
	if !strings.Contains(text, "steps.") {
		return nil, false
	}
	g := reStepOut().FindStringSubmatch(text)
	if g == nil || strings.TrimSpace(text) != "${{ "+g[0]+" }}" {
		return nil, false
	}
	st := m.stepByID(g[1])
	if st == nil || !st.Run.Set {
		return nil, false
	}
	if !strings.Contains(st.Run.Str, "GITHUB_OUTPUT") {
		return nil, false
	}
	sc := m.scripts[st]
	if sc == nil {
		// not parsed for commands (no registry tool in it): parse for its variables
		sc = m.parseScript(st.File, st.Run.Str, nil)
	}
	for _, ol := range reOutputLine().FindAllStringSubmatch(st.Run.Str, -1) {
		if ol[1] != g[2] {
			continue
		}
		vars := map[string]string{}
		if sc != nil {
			vars = sc.Vars
		}
		val := resolveShellVars(ol[2], vars)
		var out []outRef
		for _, it := range splitList(val) {
			r := outRef{ref: it.text}
			if src := upperSource(it.text); src != "" {
				if o, ok := scriptOrigin(st, src); ok {
					r.origin = &o
				}
			}
			out = append(out, r)
		}
		return out, len(out) > 0
	}
	return nil, false
}

// stepByID returns the step with id in the job.
func (m *jobModel) stepByID(id string) *wf.Step {
	for _, s := range m.steps {
		if s.ID.Str == id {
			return s
		}
	}
	return nil
}

// shell reads a run: script.
func (m *jobModel) shell(order int, s *wf.Step, env map[string]string, cond string, contErr bool) {
	if !shellcmd.MayHaveCommands(s.Run.Str) {
		if !s.ScriptFile {
			m.followScripts(order, s, env, cond, contErr)
		}
		return
	}
	senv := map[string]string{}
	for k, v := range env {
		senv[k] = m.resolve(v, env)
	}
	sc := m.parseScript(s.File, s.Run.Str, senv)
	if sc == nil {
		return
	}
	m.scripts[s] = sc
	// shellVars: a script assignment wins over env
	shellVars := func(name string) (string, bool) {
		if v, ok := sc.Vars[name]; ok {
			return v, true
		}
		v, ok := senv[name]
		return v, ok
	}
	if !s.ScriptFile {
		m.followScripts(order, s, env, cond, contErr)
	}
	for ci, c := range sc.Commands {
		o := order + ci + 1
		at := scriptLoc(s, c.Pos)
		ccond := cond
		if c.Conditional {
			ccond = strings.TrimSpace(cond + " [shell-conditional]")
		}
		switch c.Action {
		case shellcmd.Login, shellcmd.CredHelper:
			l := &login{order: o, step: s, at: at, mech: c.Tool + " " + c.Sub, cond: ccond, contErr: contErr,
				dockerCLI: c.Tool == "docker" || c.Tool == "nerdctl" || c.Tool == "gcloud" || c.Tool == "az" || c.Tool == "helm" || c.Tool == "ko" || c.Tool == "crane" || c.Tool == "oras"}
			for _, h := range c.Hosts {
				l.hosts = append(l.hosts, normHost(m.resolve(h, env)))
			}
			l.cmd, l.script = &sc.Commands[ci], sc
			if c.Username != nil {
				l.user = classifyCred(m.resolve(resolveShellVars(c.Username.Value, senv), env))
			}
			switch {
			case c.Password != nil:
				l.pass = classifyCred(m.resolve(resolveShellVars(c.Password.Value, senv), env))
			case c.Stdin != nil && c.Stdin.Pipe != "":
				l.pass = classifyCred(m.resolve(resolveShellVars(c.Stdin.Pipe, senv), env))
			case c.Stdin != nil && c.Stdin.Word != nil:
				l.pass = classifyCred(m.resolve(resolveShellVars(c.Stdin.Word.Value, senv), env))
			}
			if c.Stdin != nil {
				for _, pc := range c.Stdin.PipeCommands {
					if pc.Action == shellcmd.ECRPassword && len(l.hosts) == 0 {
						l.ecrAny = true
					}
				}
			}
			m.logins = append(m.logins, l)
		case shellcmd.ECRGetLogin:
			if c.InSubst || true {
				m.logins = append(m.logins, &login{order: o, step: s, at: at, mech: "aws ecr get-login", ecrAny: true, cond: ccond, dockerCLI: true})
			}
		case shellcmd.Build, shellcmd.Tag:
			for _, r := range c.Refs {
				p := &push{order: o, step: s, at: scriptLoc(s, r.Pos), stepAt: at, mech: c.Tool + " " + c.Sub, ref: m.resolve(r.Value, env), cond: ccond, vars: r.Vars}
				if c.Source != nil {
					p.copySource = m.resolve(c.Source.Value, env)
				}
				m.traceRef(p, r.Text, env, shellVars)
				m.names = append(m.names, p)
			}
		case shellcmd.Push:
			for _, r := range c.Refs {
				p := &push{order: o, step: s, at: scriptLoc(s, r.Pos), stepAt: at, mech: c.Tool + " " + c.Sub, ref: m.resolve(r.Value, env), cond: ccond,
					dockerCLI: c.Tool == "docker" || c.Tool == "nerdctl", vars: r.Vars}
				if c.Source != nil {
					p.copySource = m.resolve(c.Source.Value, env)
				}
				if r.Pos.Line == 0 {
					p.at = at
				}
				m.traceRef(p, r.Text, env, shellVars)
				if c.Password != nil { // skopeo --dest-creds
					m.logins = append(m.logins, &login{order: o - 1, step: s, at: at, mech: c.Tool + " " + c.Sub, self: true, pass: classifyCred(c.Password.Value)})
					p.host = "self"
				}
				m.addPush(p)
			}
		}
	}
}

var reScriptCall = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?m)(?:^|[;&|(]\s*)(?:(?:bash|sh|source|\.)\s+(?:-[a-z]+\s+)*)?((?:\./)?[A-Za-z0-9_./-]+\.sh)\b`)
})

// followScripts reads repository shell scripts the run: step executes
// (`bash docker_push.sh`, `./ci/push.sh`) and scans them like the step,
// with positions in the script file. One level, at most 8 scripts.
func (m *jobModel) followScripts(order int, s *wf.Step, env map[string]string, cond string, contErr bool) {
	if m.repo == nil || !strings.Contains(s.Run.Str, ".sh") {
		return
	}
	for i, g := range reScriptCall().FindAllStringSubmatch(s.Run.Str, 8) {
		rel := strings.TrimPrefix(g[1], "./")
		if strings.Contains(rel, "$") || strings.HasPrefix(rel, "/") || strings.Contains(rel, "..") {
			continue
		}
		if d := s.WorkingDir; d.Set && !strings.Contains(d.Str, "$") {
			rel = strings.TrimSuffix(d.Str, "/") + "/" + rel
		}
		data, err := m.repo.ReadFile(rel)
		if err != nil || len(data) > shellcmd.MaxScript {
			continue
		}
		st := &wf.Step{Index: s.Index, File: rel, Run: wf.Value{Str: string(data), Set: true, Pos: wf.Pos{Line: 1, Col: 1}},
			Env: s.Env, If: s.If, ScriptFile: true, CalledFrom: s, Node: s.Node}
		m.scriptSteps = append(m.scriptSteps, st)
		m.shell(order+100*(i+1), st, env, cond, contErr)
	}
}

// covers reports whether a login provides credentials for host.
func (l *login) covers(host string) bool {
	if l.ecrAny && reghost.Classify(host) == reghost.ECR {
		return true
	}
	for _, h := range l.hosts {
		if h == host {
			return true
		}
		if reghost.Classify(h) == reghost.DockerHub && reghost.Classify(host) == reghost.DockerHub {
			return true
		}
	}
	return false
}

// unresolved reports a login whose host we cannot read.
func (l *login) unresolved() bool {
	if l.ecrAny {
		return false
	}
	for _, h := range l.hosts {
		if !hostKnown(h) {
			return true
		}
	}
	return len(l.hosts) == 0
}

// jobsOf returns every workflow's job models, in file order.
func sortedKeys(m map[string]bool) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
