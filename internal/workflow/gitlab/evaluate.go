package gitlab

import (
	"fmt"
	"strings"
)

const maxExtendsDepth = 11 // GitLab's limit (F-GL-27)
const maxRefDepth = 10     // nested !reference limit (F-GL-28)

// evaluate computes every job from p.Merged (F-GL-33 steps 3-6).
func (p *Pipeline) evaluate() {
	m := p.Merged
	// Global variables.
	p.Globals = map[string]Var{}
	for _, v := range readVars(m.Get("variables"), "global") {
		p.Globals[v.Name] = v
	}
	p.Stages = m.Get("stages").Strings()
	if p.Stages == nil {
		p.Stages = m.Get("types").Strings()
	}

	// Defaults: default: wins over the legacy top-level form.
	defaults := &Value{Kind: Map}
	for _, k := range legacyGlobalKeys {
		if pr := m.Pair(k); pr != nil {
			defaults.Pairs = append(defaults.Pairs, pr)
		}
	}
	if d := m.Get("default"); d != nil && d.Kind == Map {
		defaults = deepMergeShallow(defaults, d)
	}
	for _, s := range p.listItems(defaults.Get("services"), 0) {
		if sv, ok := readService(s); ok {
			p.DefaultServices = append(p.DefaultServices, sv)
		}
	}
	if bs := defaults.Pair("before_script"); bs != nil {
		p.DefaultBeforeScript = p.scriptLines(bs.Val, 0)
		p.DefaultBeforeScriptPos = bs.KeyPos
	}

	resolved := map[string]*Value{}
	for _, pr := range m.Pairs {
		if reserved[pr.Key] || pr.Val == nil || pr.Val.Kind != Map {
			continue
		}
		hidden := strings.HasPrefix(pr.Key, ".")
		before := len(p.Problems)
		eff := p.resolveExtends(pr.Key, resolved, nil)
		j := &Job{Name: pr.Key, Pos: pr.KeyPos, Hidden: hidden}
		p.buildJob(j, eff, defaults)
		// A parent, a !reference or a loop the model could not follow.
		j.Incomplete = len(p.Problems) > before || p.incompleteExtends(pr.Key, map[string]bool{})
		p.Jobs = append(p.Jobs, j)
	}
}

// deepMergeShallow overlays top-level keys of over onto base (used for
// default: over the legacy top-level keywords).
func deepMergeShallow(base, over *Value) *Value {
	out := &Value{Kind: Map, Pos: over.Pos}
	for _, p := range base.Pairs {
		if !over.Has(p.Key) {
			out.Pairs = append(out.Pairs, p)
		}
	}
	out.Pairs = append(out.Pairs, over.Pairs...)
	return out
}

// resolveExtends returns the job mapping with its extends chain merged.
func (p *Pipeline) resolveExtends(name string, done map[string]*Value, stack []string) *Value {
	if v, ok := done[name]; ok {
		return v
	}
	job := p.Merged.Get(name)
	if job == nil || job.Kind != Map {
		return nil
	}
	for _, s := range stack {
		if s == name {
			p.Problems = append(p.Problems, Problem{Pos: job.Pos, Msg: fmt.Sprintf("extends loop: %s", strings.Join(append(stack, name), " -> "))})
			return job
		}
	}
	if len(stack) >= maxExtendsDepth {
		p.Problems = append(p.Problems, Problem{Pos: job.Pos, Msg: "extends nested deeper than 11 levels"})
		return job
	}
	parents := job.Get("extends").Strings()
	var eff *Value
	for _, par := range parents {
		pv := p.resolveExtends(par, done, append(stack, name))
		if pv == nil {
			p.Problems = append(p.Problems, Problem{Pos: job.Get("extends").Pos, Msg: fmt.Sprintf("extends %q: no such job or hidden job (from an unresolved include?)", par)})
			continue
		}
		eff = extendsMerge(eff, pv)
	}
	eff = extendsMerge(eff, job)
	done[name] = eff
	return eff
}

func (p *Pipeline) buildJob(j *Job, eff *Value, defaults *Value) {
	// inherit: default / variables.
	inhDefault, inhDefaultList := inheritSetting(eff.Get("inherit").Get("default"))
	inhVars, inhVarsList := inheritSetting(eff.Get("inherit").Get("variables"))

	full := &Value{Kind: Map, Pos: eff.Pos, Pairs: append([]*Pair(nil), eff.Pairs...)}
	for _, k := range defaultKeys {
		dp := defaults.Pair(k)
		if dp == nil {
			continue
		}
		allowed := inhDefault || inhDefaultList[k]
		if full.Has(k) {
			continue
		}
		if !allowed {
			if k == "before_script" {
				j.DefaultBeforeScriptDropped = true
			}
			continue
		}
		full.Pairs = append(full.Pairs, dp)
		if k == "before_script" {
			j.BeforeScriptFrom = "default"
		}
	}
	if eff.Has("services") {
		j.ServicesFrom = "job"
	} else if defaults.Has("services") && (inhDefault || inhDefaultList["services"]) {
		j.ServicesFrom = "default"
	}
	if eff.Has("before_script") {
		j.BeforeScriptFrom = "job"
		if defaults.Has("before_script") {
			j.DefaultBeforeScriptDropped = true
		}
	}
	j.Value = full

	j.BeforeScript = p.scriptLines(full.Get("before_script"), 0)
	j.Script = p.scriptLines(full.Get("script"), 0)
	j.AfterScript = p.scriptLines(full.Get("after_script"), 0)
	j.Image = readImage(p.expandRef(full.Get("image"), 0))
	for _, s := range p.listItems(full.Get("services"), 0) {
		if sv, ok := readService(s); ok {
			j.Services = append(j.Services, sv)
		}
	}
	j.Stage = full.Get("stage").String()
	if j.Stage == "" {
		j.Stage = "test"
	}
	for _, n := range p.listItems(full.Get("needs"), 0) {
		switch n.Kind {
		case Scalar:
			j.Needs = append(j.Needs, n.Str)
		case Map:
			if s := n.Get("job").String(); s != "" {
				j.Needs = append(j.Needs, s)
			}
		}
	}
	j.Extends = p.Merged.Get(j.Name).Get("extends").Strings()
	j.Tags = full.Get("tags").Strings()
	j.Rules = full.Get("rules")
	j.Only = full.Get("only")
	j.Except = full.Get("except")
	j.When = full.Get("when").String()

	j.Variables = map[string]Var{}
	for name, v := range p.Globals {
		if inhVars || inhVarsList[name] {
			j.Variables[name] = v
		}
	}
	for _, v := range readVars(p.expandRef(full.Get("variables"), 0), "job") {
		j.Variables[v.Name] = v
	}
}

// inheritSetting reads `inherit: default|variables`: true/absent = all,
// false = none, a list = only those names.
func inheritSetting(v *Value) (all bool, list map[string]bool) {
	if v == nil || v.Kind == Null {
		return true, nil
	}
	if v.Kind == Scalar {
		return v.Str != "false", nil
	}
	list = map[string]bool{}
	for _, s := range v.Strings() {
		list[s] = true
	}
	return false, list
}

// expandRef resolves a value that is itself a !reference.
func (p *Pipeline) expandRef(v *Value, depth int) *Value {
	for v != nil && v.Kind == Ref && depth <= maxRefDepth {
		v = p.lookupRef(v)
		depth++
	}
	if v != nil && v.Kind == Ref {
		return nil
	}
	return v
}

// lookupRef finds the value a `!reference [job, key, ...]` points at, in
// the merged configuration with extends applied to the first element.
func (p *Pipeline) lookupRef(r *Value) *Value {
	path := r.Strings()
	if len(path) == 0 {
		return nil
	}
	cur := p.Merged.Get(path[0])
	if cur != nil && cur.Kind == Map && cur.Has("extends") {
		cur = p.resolveExtends(path[0], map[string]*Value{}, nil)
	}
	for _, k := range path[1:] {
		cur = cur.Get(k)
	}
	if cur == nil {
		p.Problems = append(p.Problems, Problem{Pos: r.Pos, Msg: fmt.Sprintf("!reference [%s] not found (from an unresolved include?)", strings.Join(path, ", "))})
	}
	return cur
}

// listItems flattens a list whose items may be !reference tags that expand
// to lists (F-GL-28); a scalar gives a one-item list.
func (p *Pipeline) listItems(v *Value, depth int) []*Value {
	v = p.expandRef(v, depth)
	if v == nil {
		return nil
	}
	if v.Kind != Seq {
		if v.Kind == Null {
			return nil
		}
		return []*Value{v}
	}
	var out []*Value
	for _, it := range v.Items {
		if it != nil && it.Kind == Ref {
			if depth >= maxRefDepth {
				continue
			}
			out = append(out, p.listItems(it, depth+1)...)
			continue
		}
		if it != nil && it.Kind == Seq { // nested lists in scripts are flattened by GitLab
			out = append(out, p.listItems(it, depth+1)...)
			continue
		}
		out = append(out, it)
	}
	return out
}

func (p *Pipeline) scriptLines(v *Value, depth int) []Line {
	var out []Line
	for _, it := range p.listItems(v, depth) {
		if it == nil || it.Kind != Scalar {
			continue
		}
		l := Line{Text: it.Str, Pos: it.Pos, TextLine: it.Pos.Line, TextCol: it.Pos.Col}
		if it.Block {
			l.TextLine = it.Pos.Line + 1
			l.TextCol = 0 // unknown indentation; rules use Pos.Col of the item
		} else if it.Quoted {
			l.TextCol = it.Pos.Col + 1
		}
		out = append(out, l)
	}
	return out
}

func readVars(v *Value, scope string) []Var {
	if v == nil || v.Kind != Map {
		return nil
	}
	var out []Var
	for _, pr := range v.Pairs {
		vr := Var{Name: pr.Key, Pos: pr.KeyPos, Scope: scope, Expand: true}
		switch {
		case pr.Val == nil || pr.Val.Kind == Null:
		case pr.Val.Kind == Scalar:
			vr.Value = pr.Val.Str
		case pr.Val.Kind == Map:
			vr.Value = pr.Val.Get("value").String()
			if pr.Val.Get("expand").String() == "false" {
				vr.Expand = false
			}
		}
		out = append(out, vr)
	}
	return out
}

func readImage(v *Value) *Image {
	switch {
	case v == nil:
		return nil
	case v.Kind == Scalar:
		return &Image{Name: v.Str, Pos: v.Pos}
	case v.Kind == Map:
		return &Image{Name: v.Get("name").String(), Entrypoint: v.Get("entrypoint").Strings(), Pos: v.Pos}
	}
	return nil
}

func readService(v *Value) (Service, bool) {
	switch {
	case v == nil:
	case v.Kind == Scalar:
		return Service{Name: v.Str, Pos: v.Pos}, true
	case v.Kind == Map:
		return Service{
			Name: v.Get("name").String(), Alias: v.Get("alias").String(), Pos: v.Pos,
			Variables: readVars(v.Get("variables"), "service"),
			Command:   v.Get("command").Strings(), Entrypoint: v.Get("entrypoint").Strings(),
		}, true
	}
	return Service{}, false
}

// Aliases returns the host names a service is reachable under on the Docker
// executor: the alias(es), else names derived from the image (registry and
// tag removed, `/` replaced by `__` and by `-`) (https://docs.gitlab.com/ci/services/#accessing-the-services).
func (s Service) Aliases() []string {
	var out []string
	for _, a := range strings.Split(s.Alias, ",") {
		if a = strings.TrimSpace(a); a != "" {
			out = append(out, a)
		}
	}
	if len(out) > 0 {
		// The runner also keeps the derived names next to an alias.
		out = append(out, derivedServiceNames(s.Name)...)
		return out
	}
	return derivedServiceNames(s.Name)
}

func derivedServiceNames(image string) []string {
	name := image
	if i := strings.IndexByte(name, '@'); i >= 0 {
		name = name[:i]
	}
	if i := strings.LastIndexByte(name, ':'); i > strings.LastIndexByte(name, '/') {
		name = name[:i]
	}
	return []string{strings.ReplaceAll(name, "/", "__"), strings.ReplaceAll(name, "/", "-")}
}

// incompleteExtends reports an extends chain that names a job not in the
// configuration (defined in an unresolved include, or a typo).
func (p *Pipeline) incompleteExtends(name string, seen map[string]bool) bool {
	if seen[name] {
		return false
	}
	seen[name] = true
	for _, par := range p.Merged.Get(name).Get("extends").Strings() {
		if v := p.Merged.Get(par); v == nil || v.Kind != Map || p.incompleteExtends(par, seen) {
			return true
		}
	}
	return false
}

// HasUnresolvedIncludes reports an include the model did not read: the
// configuration may then hold jobs, defaults and variables it cannot see.
func (p *Pipeline) HasUnresolvedIncludes() bool {
	for _, inc := range p.Includes {
		if !inc.Resolved {
			return true
		}
	}
	return false
}
