// Package diagnose is explain's diagnosis: it reads a CI job log once,
// extracts the facts around a container-registry failure (registry hosts,
// repository, operation, logins before it, token scopes, the CI platform, the
// GITHUB_TOKEN Permissions block, the event) and matches the message grammar
// of each client (docker CLI and daemon, buildx/BuildKit, docker/login-action,
// kaniko, crane/ko, skopeo/podman/buildah, regctl, oras, helm, jib,
// containerd/nerdctl) against signatures, one file per signature group.
// Each signature names candidate causes (catalog ids); the facts rank them.
// Client grammar that names the image reference and the operation (docker's
// "The push refers to repository", BuildKit's "failed to push X", kaniko's
// "checking push permission for", podman's "initiating layer upload to ...
// in HOST") lives in refs.go; signature groups live in sig_*.go; client
// releases with known registry-auth defects and the failed cross-repository
// mount live in clientbug.go.
//
// When the log cannot decide (a bare 401 after a login, a denied push that
// only the repository path separates), the candidates that fit are ranked
// by the context the log does show (logins and their hosts, users and
// regions, REGISTRY_AUTH_FILE, the GITHUB_TOKEN Permissions block) and the
// best finding's Distinguish text says what would tell them apart.
//
// Failures that the log itself shows were retried into a success (the same
// push, pull or login completing later) and misses of a BuildKit
// --cache-from import are not reported. The same message repeated by
// wrappers (BuildKit step, "failed to solve", "buildx failed with") is folded
// into one finding with up to three evidence lines.
//
// Memory is bounded: lines are streamed (internal/logscan), and only capped
// lists of facts and hits are kept.
package diagnose

import (
	"fmt"
	"io"
	"math/bits"
	"regexp"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/regdoctor/regdoctor/internal/catalog"
	"github.com/regdoctor/regdoctor/internal/finding"
	"github.com/regdoctor/regdoctor/internal/logscan"
	"github.com/regdoctor/regdoctor/internal/redact"
	"github.com/regdoctor/regdoctor/internal/reghost"
)

// Options tune Explain.
type Options struct {
	MaxFindings int // findings reported, best first; 0 = default 3
}

// DefaultMaxFindings is how many ranked causes Explain reports by default.
const DefaultMaxFindings = 3

// Explain reads a CI job log (plain, gzip or GitHub zip archive, as
// internal/logscan detects) and returns a finding.Report with Mode explain and
// findings best first; an empty list means no container-registry failure was
// found. Errors are the reader's (I/O, binary input), never a panic.
func Explain(r io.Reader, o Options) (*finding.Report, error) {
	return explain(r, o, keywords())
}

// explain is Explain with the keyword prefilter given: nil delivers every
// line (the fuzz test uses it, so that the diagnosis sees every input line
// and does not pay the prefilter's per-call build).
func explain(r io.Reader, o Options, kw []string) (*finding.Report, error) {
	max := o.MaxFindings
	if max <= 0 {
		max = DefaultMaxFindings
	}
	keysOnce.Do(buildKeywords)
	e := newEngine()
	// Lines carrying a CI platform's prefix or marker: counted in a short
	// list (a few platforms), added to the votes once, not a map update
	// per line.
	type platformLines struct {
		name string
		n    int
	}
	var lines []platformLines
	sum, err := pipeline(r, kw, func(in *lineIn) {
		if p := in.l.Platform; p != "" {
			i := 0
			for i < len(lines) && lines[i].name != p {
				i++
			}
			if i == len(lines) {
				lines = append(lines, platformLines{name: p})
			}
			lines[i].n++
		}
		e.apply(in)
	})
	if err != nil {
		return nil, err
	}
	for _, l := range lines {
		e.f.votes[l.name] += 2 * l.n
	}
	if sum.Platform != "" {
		e.f.votes[sum.Platform] += 5 // the scanner saw the CI's own line prefixes and markers
	}
	e.f.finish()
	rep := &finding.Report{Mode: finding.Explain, Findings: e.findings(max), Context: e.f.context()}
	return rep, nil
}

// signature is one message grammar that points at a set of causes.
type signature struct {
	id   string      // stable rule id, shown as Finding.Rule
	keys []string    // lowercase fragments; a line must contain one to be tried
	re   *lazyRegexp // must match (compiled on first use: regexp()); the match start is where the registry's own message begins
	veto []string    // lowercase fragments that rule the line out (other tools' look-alikes)
	need []string    // lowercase fragments of registry context; when set, the line must hold one
	// refGroup, when set, is the submatch of re that holds the image
	// reference the message is about.
	refGroup int
	// generic signatures fire only on lines no specific signature matched.
	generic bool
	// wrapper signatures read a tool's frame around another client's
	// message (helm's "could not download oci://…: MESSAGE") and decide only
	// some of its forms: their match does not keep the generic signatures
	// off the line, so the wrapped message is still read.
	wrapper bool
	keyIdx  []int // indexes of keys in sigKeys
	// vetoKeys and needKeys are veto and need as keys (linekeys.go).
	vetoKeys, needKeys []*auxKey
	vetoMask, needMask auxMask // their slots (maskOf)
	// guard and start are built on first use (guards, starts), not at
	// start-up: most logs make a few signatures candidates, and parsing
	// every signature's regexp for them was a third of an empty log's
	// instructions without collections (23 M of 65 M, cachegrind,
	// explain-perf20).
	litsOnce sync.Once
	guard    litGuard  // literals re needs (guards())
	start    startLits // literals every match of re begins with (starts())
	// match, when set, is re.FindStringSubmatchIndex by hand (sigmatch.go).
	match func(text string) []int
	// shortcut, when set, decides some matches at the first start literal
	// (sigShortcuts).
	shortcut func(low string, p, n int) ([]int, bool)
	// matchASCII, when set, is re.FindStringSubmatchIndex by hand on an
	// ASCII line, given its lowercase (sigASCIIMatchers).
	matchASCII func(low string) []int
	anchorOnce sync.Once
	anchored   *regexp.Regexp // re anchored at the text start (anchoredRe)
	rank       func(h *hit, f *facts) []cand
	// tell says what separates the candidates (Finding.Distinguish).
	tell func(h *hit, f *facts) string
}

// cand is one candidate cause with a weight in 0..1 and why, in words
// specific to this log.
type cand struct {
	cause string
	w     float64
	why   string
	ev    []finding.Evidence // context lines that support this candidate (a login, a permissions line)
}

// strongest is the candidate of cs with the highest weight (the first of
// equals); cs must not be empty.
func strongest(cs []cand) cand {
	top := cs[0]
	for _, x := range cs[1:] {
		if x.w > top.w {
			top = x
		}
	}
	return top
}

// hit is one signature matched on one or more (folded, repeated) lines.
type hit struct {
	sig    *signature
	lines  []int
	texts  []string // redacted
	inner  string   // the innermost registry/client message, redacted
	m      []string // submatches of sig.re
	low    string   // lowercased line
	op     string   // push, pull, login, build or ""
	ref    imageRef // reference the failure is about (may be empty)
	url    urlFacts // first registry URL on the line
	hasURL bool
	host   string // registry host, normalised; "" when unknown
	// pingOnly: op is opLogin only because the request was the /v2/ check
	// (a URL naming no repository) and no login ran near the line: the
	// message names the request, not a login (a pull checks /v2/ first).
	pingOnly bool
	// kindHint is the registry kind the message's wording shows when the
	// log does not name the host (ECR's "does not exist in the registry
	// with id", GitLab's "access forbidden").
	kindHint reghost.Kind
}

func (h *hit) line() int { return h.lines[0] }

// assumeOp sets the hit's operation to op when nothing named one (no
// reference or URL near the line): a signature whose message implies the
// operation (an upload is a push) says so.
func (h *hit) assumeOp(op string) {
	if h.op == "" {
		h.op = op
	}
}

// kind is the registry kind of the hit's host ("" when unknown).
func (h *hit) kind() reghost.Kind {
	if h.host == "" {
		return h.kindHint
	}
	return reghost.Classify(h.host)
}

// hostFromRef sets the hit's host, when no URL gave one, from its image
// reference (Docker Hub for a reference without a registry host).
func (h *hit) hostFromRef() {
	if h.host == "" {
		h.host = reghost.Normalize(h.ref.hostOrHub())
	}
}

// repo is the repository the hit is about, from the reference or the URL.
func (h *hit) repo() string {
	if h.ref.Repo != "" {
		return h.ref.Repo
	}
	if h.url.Repo != "" {
		return h.url.Repo
	}
	for _, s := range h.url.Scopes {
		if s.Type == "repository" {
			return s.Name
		}
	}
	return ""
}

var allSigs []*signature

// sigGroups register the signatures of each sig_*.go file (in file order).
// They run once, on first use (keysOnce), so that commands other than
// explain do not compile the signatures' regexps at start-up.
var sigGroups []func()

func register(s ...*signature) { allSigs = append(allSigs, s...) }

var keywordList []string

var keysOnce sync.Once

// Keywords returns the keyword prefilter Explain passes to logscan
// (lowercase fragments; a line holding none of them is not read further),
// sorted. Benchmarks use it to compare the scanner with other tools on the
// same list. The slice is a copy.
func Keywords() []string { return append([]string(nil), keywords()...) }

func keywords() []string {
	keysOnce.Do(buildKeywords)
	return keywordList
}

func buildKeywords() {
	for _, g := range sigGroups {
		g()
	}
	buildRefIndex()
	indexSigKeys()
	buildLineKeyIndex()
	bindGuardKeys()
	seen := map[string]bool{}
	for _, k := range append(factKeys, refKeys()...) {
		seen[k] = true
	}
	for _, s := range allSigs {
		for _, k := range s.keys {
			seen[k] = true
		}
	}
	for k := range seen {
		keywordList = append(keywordList, k)
	}
	sort.Strings(keywordList)
}

type engine struct {
	f    *facts
	hits []*hit
	fold map[foldKey]*hit
}

func newEngine() *engine { return &engine{f: newFacts(), fold: map[foldKey]*hit{}} }

// foldKey names the repeats of one message that engine.add folds into one
// hit: the signature's id and the message from the match on (a struct, so
// that looking a repeat up builds no string).
type foldKey struct{ id, inner string }

// lineIn is a delivered line with what its text alone tells (prepare): the
// text the diagnosis reads, its lowercase, its keys and the signatures they
// admit. It is worked out on either goroutine (pipeline.go), before apply.
type lineIn struct {
	l         logscan.Line
	text, low string
	keys      keyBits // findLineKeys
	cand      sigSet  // signatures with a key in the line
	refMask   refSet  // reference keys (findLineKeys)
	anyKey    bool    // the line holds a key (else only observeKeyless reads it)
	prepared  bool    // prepare ran (pipeline: on either goroutine)
}

func (in *lineIn) prepare(l logscan.Line, ar *lowArena) {
	in.l = l
	text := stripRunViewPrefix(l.Text)
	if len(text) > maxLine {
		text = text[:maxLine]
	}
	in.reread(text, ar)
	if in.keys.hasAux(kWebLogLink.slot) { // copied from GitHub's web log view (weblog.go)
		if t := stripWebLogLinks(text); t != text {
			in.reread(t, ar)
		}
	}
	if in.keys.hasAux(kReprTail[0].slot) || in.keys.hasAux(kReprTail[1].slot) { // a Python repr of the output (sig_cloudlogin.go)
		if t := stripReprTail(in.text); t != in.text {
			in.reread(t, ar)
		}
	}
	if in.keys.hasAux(kAnsibleFailed.slot) { // Ansible's task status, not git's "fatal:" (ansible.go)
		if t := stripAnsibleFatal(in.text, in.low); t != in.text {
			in.reread(t, ar)
		}
	}
	if in.keys.hasAux(kLevelFatal.slot) { // a log level's "FATAL:", not git's "fatal:" (sig_loglevel.go)
		if t := stripLevelFatal(in.text, in.low); t != in.text {
			in.reread(t, ar)
		}
	}
	in.prepared = true
}

// reread makes text the line's text and works out, in one pass, which
// signature, reference and fact keys it holds (prepare calls it again after
// it strips a wrapper whose words must not count).
func (in *lineIn) reread(text string, ar *lowArena) {
	in.text, in.low = text, ar.lower(text)
	in.keys, in.cand = keyBits{}, sigSet{}
	in.anyKey = lineKeyPass(in.low, &in.keys, &in.cand)
	in.refMask = in.keys.refs()
}

// apply reads one prepared line into the facts and the signature hits.
func (e *engine) apply(in *lineIn) {
	l, text, low := in.l, in.text, in.low
	f := e.f
	if !in.anyKey && !fullObserve {
		// No key: every keyed fact and signature rules the line out;
		// only the facts read from a line's position remain (the same
		// result as observe, see TestObserveKeyless).
		f.observeKeyless(l.N, text)
		return
	}
	f.text, f.low, f.lineKeys = text, low, &in.keys
	f.lineRefMask = in.refMask
	defer func() { f.lineKeys = &unknownKeys }()
	f.observe(l.N, text, low)
	if in.cand.empty() {
		return
	}
	if l.Level == "warning" || l.Level == "notice" || l.Level == "debug" {
		// A GitHub Actions / Azure Pipelines annotation below error: the
		// step went on (an action's core.warning, setup-buildx's own probe
		// printing "##[warning]docker: invalid reference format."). A
		// failure that stops the job prints its own line.
		return
	}
	if f.hasAnyIn(otherEcosystemKeys, &otherEcosystemMask) {
		f.otherEcoLine = l.N
		return // another package registry's client (npm, Maven, NuGet...) on GitHub Packages or elsewhere
	}
	if f.otherEcoLine > 0 && l.N-f.otherEcoLine == 1 && text != "" && (text[0] == ' ' || text[0] == '\t' || strings.HasPrefix(text, "- ")) {
		// An indented continuation of that client's message: npm prints
		// GitHub Packages' answer on its own line ("npm error 401
		// Unauthorized - PUT https://npm.pkg.github.com/…" then
		// "      unauthenticated: User cannot be authenticated…"), or wraps
		// its " - " separator onto the next line ("- unauthenticated: …").
		return
	}
	guards := lineGuards(text)
	ascii := -1 // unknown yet; 1 when the line is ASCII (startLits)
	matched := false
	for pass := 0; pass < 2 && !matched; pass++ {
		// The signatures with a key in the line, in allSigs order.
		for w, set := range in.cand {
			for set != 0 {
				i := w*64 + bits.TrailingZeros64(set)
				set &= set - 1
				s := allSigs[i]
				if s.generic != (pass == 1) || f.hasAnyIn(s.vetoKeys, &s.vetoMask) ||
					(len(s.needKeys) > 0 && !f.hasAnyIn(s.needKeys, &s.needMask) && !(f.lastRegistry > 0 && l.N-f.lastRegistry <= 5 && f.otherService < f.lastRegistry)) ||
					(guards && s.match == nil && !s.guards().mayKeys(text, low, &in.keys)) {
					continue
				}
				if ascii < 0 {
					ascii = 0
					if isASCII(text) {
						ascii = 1
					}
				}
				loc := s.findIndex(text, low, ascii == 1)
				if loc == nil {
					continue
				}
				matched = matched || !s.wrapper
				e.add(s, l, text, low, loc)
			}
		}
	}
}

const maxSigKeys = 640 // a multiple of 64 (keyBits words); 512 nearly filled (502) with the twenty-second held-out batches

// sigKeys are the distinct keys of all signatures; signature.keyIdx points
// into it. Built once, on first use.
var sigKeys []string

func indexSigKeys() {
	at := map[string]int{}
	for _, s := range allSigs {
		s.keyIdx = nil
		s.match, s.shortcut = sigMatchers[s.id], sigShortcuts[s.id]
		if m, ok := sigASCIIMatchers[s.id]; ok && m.expr == s.re.String() {
			s.matchASCII = m.match // only for the regexp it was written for
		} else {
			s.matchASCII = nil
		}
		for _, k := range s.keys {
			i, ok := at[k]
			if !ok {
				i = len(sigKeys)
				at[k] = i
				sigKeys = append(sigKeys, k)
			}
			s.keyIdx = append(s.keyIdx, i)
		}
	}
	if len(sigKeys) > maxSigKeys {
		panic("diagnose: more than maxSigKeys signature keys")
	}
	if len(allSigs) > maxSigs {
		panic("diagnose: more than maxSigs signatures")
	}
	for _, s := range allSigs {
		s.vetoKeys, s.needKeys = lowKeys(s.veto), lowKeys(s.need)
		s.vetoMask, s.needMask = maskOf(s.vetoKeys), maskOf(s.needKeys)
	}
	otherEcosystemKeys = lowKeys(otherEcosystems)
	otherEcosystemMask = maskOf(otherEcosystemKeys)
	gitLikeKeys = lowKeys(gitLike)
	gitLikeMask = maskOf(gitLikeKeys)
}

// keyIndex finds which of a set of lowercase keys (2 bytes or longer) occur
// in a line in one pass: keys are bucketed by their first two bytes, and
// only the buckets of byte pairs the line holds are compared.
type keyIndex struct {
	keys   []string
	bucket [1 << 16]int32 // byte pair -> 1 + index into lists; 0 = no key starts so
	lists  [][]int
}

func newKeyIndex(keys []string) *keyIndex {
	ki := &keyIndex{keys: keys}
	for i, k := range keys {
		if len(k) < 2 {
			panic("diagnose: signature key shorter than 2 bytes: " + k)
		}
		p := uint16(k[0])<<8 | uint16(k[1])
		if ki.bucket[p] == 0 {
			ki.lists = append(ki.lists, nil)
			ki.bucket[p] = int32(len(ki.lists))
		}
		ki.lists[ki.bucket[p]-1] = append(ki.lists[ki.bucket[p]-1], i)
	}
	return ki
}

// find marks the keys present in s and reports whether any is.
func (ki *keyIndex) find(s string, present *[maxSigKeys]bool) bool {
	any := false
	for i := 0; i+1 < len(s); i++ {
		b := ki.bucket[uint16(s[i])<<8|uint16(s[i+1])]
		if b == 0 {
			continue
		}
		for _, k := range ki.lists[b-1] {
			if !present[k] && strings.HasPrefix(s[i:], ki.keys[k]) {
				present[k], any = true, true
			}
		}
	}
	return any
}

func (s *signature) hasKey(present *[maxSigKeys]bool) bool {
	for _, i := range s.keyIdx {
		if present[i] {
			return true
		}
	}
	return false
}

// runViewPrefix is the "JOB<TAB>STEP<TAB>TIMESTAMP " prefix of each line of
// `gh run view --log` / `--log-failed` output (internal/logscan does not strip
// it yet), optionally followed by a ##[group]/##[error] marker.
var runViewPrefix = lazyRe(`^[^\t]{1,200}\t[^\t]{0,300}\t\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z ?(?:##\[\w+\])?`)

func stripRunViewPrefix(s string) string {
	if strings.IndexByte(s, '\t') < 0 {
		return s
	}
	if loc := runViewPrefix.FindStringIndex(s); loc != nil {
		return s[loc[1]:]
	}
	return s
}

// otherEcosystems mark lines of non-container package clients, whose 401/403
// wording overlaps the registries' (GitHub Packages answers npm and OCI alike).
var otherEcosystems = []string{"npm err", "npm error", "npm notice", "npm.pkg.github.com", "maven.pkg.github.com",
	"nuget.pkg.github.com", "rubygems.pkg.github.com", "upload.pypi.org", "registry.npmjs.org",
	// The Go module proxy protocol ($GOPROXY/MODULE/@v/VERSION.mod|.zip|.info,
	// go.dev/ref/mod#goproxy-protocol) and its public servers.
	"/@v/", "proxy.golang.org", "sum.golang.org"}

var (
	otherEcosystemKeys []*auxKey // built with the signatures' keys
	otherEcosystemMask auxMask   // their slots (maskOf)
)

// gitLikeKeys are gitLike as line keys: after a line of another service
// (git, Sigstore's signing services), the lines that follow are that
// service's answer, not the last registry request's (facts.otherService).
var (
	gitLikeKeys []*auxKey
	gitLikeMask auxMask
)

// trimQuotingTail drops the closing quotes, brackets and escapes that a
// message quoted inside JSON or a repr ends with (Ansible's `…denied\")"}`,
// a Go %q's `…format\""`): a trailing run of \ " ' ) } ] that holds an
// escaped quote. A message's own ")" ("403 (Forbidden)") and a registry's
// JSON body (`{"errors":[…]}`) stay.
func trimQuotingTail(s string) string {
	i := len(s)
	for i > 0 && strings.IndexByte(`\"')}]`, s[i-1]) >= 0 {
		i--
	}
	tail := s[i:]
	if i == 0 || !strings.Contains(tail, `\"`) {
		return s
	}
	return s[:i]
}

func containsAny(s string, subs []string) bool {
	for _, k := range subs {
		if strings.Contains(s, k) {
			return true
		}
	}
	return false
}

// add records a signature match on line l, folding a repeat of the same
// message into the first hit. Evidence from a log archive names its entry.
func (e *engine) add(s *signature, l logscan.Line, text, low string, loc []int) {
	n := l.N
	evidence := func() string { // redaction is the costly part: only for kept lines
		ev := evidenceText(text, text[loc[0]:loc[1]])
		if l.File != "" {
			ev = "[" + l.File + "] " + ev
		}
		return ev
	}
	inner := trimQuotingTail(strings.TrimSpace(text[loc[0]:]))
	if len(inner) > 300 {
		inner = inner[:300] + "..."
	}
	if h, ok := e.fold[foldKey{s.id, inner}]; ok {
		if len(h.lines) < 3 {
			h.lines = append(h.lines, n)
			h.texts = append(h.texts, evidence())
		}
		return
	}
	if len(e.hits) >= maxHits {
		// Keep the latest failures: a job's fatal error comes last.
		old := e.hits[0]
		e.hits = e.hits[1:]
		for k, v := range e.fold {
			if v == old {
				delete(e.fold, k)
			}
		}
	}
	// A kept hit holds copies: the line's strings share blocks with many
	// other lines (logscan's and lowArena's), which would stay in memory.
	text, low = strings.Clone(text), strings.Clone(low)
	inner = strings.Clone(inner)
	h := &hit{sig: s, lines: []int{n}, texts: []string{evidence()}, inner: redact.String(inner), low: low}
	for i := 0; i < len(loc); i += 2 {
		if loc[i] < 0 {
			h.m = append(h.m, "")
		} else {
			h.m = append(h.m, text[loc[i]:loc[i+1]])
		}
	}
	for _, u := range urlRe.FindAllString(text, 4) {
		if uf, ok := parseURL(u); ok {
			if !h.hasURL || (h.url.Realm && !uf.Realm) {
				h.url, h.hasURL = uf, true
			}
		}
	}
	var refHas [maxSigKeys]bool
	refCandidates(text, low, &refHas)
	for i, p := range refPatterns {
		if !refHas[i] || (p.key == "--destination" && helmDestinationDir(text)) {
			continue
		}
		if m := p.re.FindStringSubmatch(text); m != nil {
			if r, ok := asciiRef(refFromMatch(m)); ok {
				h.ref = r
			}
			h.op = p.op
			break
		}
	}
	if s.refGroup > 0 && s.refGroup < len(h.m) && h.m[s.refGroup] != "" {
		h.ref = parseRef(h.m[s.refGroup])
	}
	e.fold[foldKey{s.id, inner}] = h // inner is the clone here
	e.hits = append(e.hits, h)
	if h.hasURL {
		e.f.lastRegistry = n // a registry request failed here: the next lines may be its body
	}
}

// maxEvidenceBytes bounds the text of one evidence line (bytes, before the
// "..." marks).
const maxEvidenceBytes = 400

// evidenceText is the redacted text shown for an evidence line. A line longer
// than maxEvidenceBytes is cut to a window that holds the matched message
// (anchor, the signature's match) when the line's head would cut it: a long
// line's head is then usually a progress bar or a base64 blob, not the refusal. The line is redacted whole before it
// is cut, so a cut never splits a secret out of the redactor's sight; cuts
// fall on UTF-8 boundaries and are marked "...".
func evidenceText(s, anchor string) string {
	s = redact.String(strings.TrimSpace(s))
	if len(s) <= maxEvidenceBytes {
		return s
	}
	start := 0
	anchor = strings.TrimSpace(anchor)
	if i := strings.Index(s, anchor); i > 0 && i+min(len(anchor), maxEvidenceBytes/2) > maxEvidenceBytes {
		// The head would cut the message: the window moves to it, and a
		// little of what precedes it (its host or step) stays.
		start = max(0, min(i-maxEvidenceBytes/4, len(s)-maxEvidenceBytes))
	}
	for start > 0 && !utf8.RuneStart(s[start]) {
		start--
	}
	end := start + maxEvidenceBytes
	for end < len(s) && !utf8.RuneStart(s[end]) {
		end--
	}
	out := s[start:end]
	if start > 0 {
		out = "..." + out
	}
	if end < len(s) {
		out += "..."
	}
	return out
}

// resolve fills what a hit's own line did not say from the lines around it.
func (e *engine) resolve(h *hit) {
	n := h.line()
	if h.op == "" && strings.Contains(h.low, "logging in to") {
		h.op = opLogin // docker's "Error logging in to endpoint, trying next endpoint"
	}
	if h.ref.Repo == "" && h.ref.Host == "" {
		// The nearest reference: the latest one before the line, else the
		// first one in the next few lines (wrapped messages).
		var before, after *refSeen
		e.f.refs.each(func(r refSeen) {
			switch {
			case r.Op == opBuild && r.Line != n:
			case r.Line <= n && n-r.Line <= 400:
				before = &r
			case r.Line > n && r.Line <= n+3 && after == nil:
				after = &r
			}
		})
		if best := before; best != nil || after != nil {
			if best == nil {
				best = after
			}
			h.ref = best.Ref
			h.assumeOp(best.Op)
		}
	}
	if !h.hasURL {
		e.f.urls.each(func(u urlSeen) {
			if u.Line > n && u.Line <= n+3 && !h.hasURL {
				h.url, h.hasURL = u.URL, true
			}
		})
	}
	if !h.hasURL && h.ref.Repo == "" && h.ref.Host == "" {
		// A message wrapped after its request (sig_wrapped.go): the
		// request's URL ends the line just before.
		e.f.urls.each(func(u urlSeen) {
			if u.Line == n-1 && !h.hasURL {
				h.url, h.hasURL = u.URL, true
			}
		})
	}
	if h.hasURL && !h.url.Realm && h.url.Repo != "" && h.ref.Host != "" && reghost.Normalize(h.ref.Host) != h.url.Host {
		// The line names one registry's image and requested another's: the
		// named one is a copy's source ("failed to push image SRC: failed to
		// perform \"PushReference\" on destination: PUT DEST-URL", zarf's
		// mirroring), and the request URL is where the push went.
		h.ref = imageRef{Raw: h.url.Host + "/" + h.url.Repo, Host: h.url.Host, Repo: h.url.Repo}
	}
	// The registry host: from a URL on the line (a token realm's URL names
	// the registry it serves, see parseURL), else from the reference; a
	// reference without a host goes to Docker Hub.
	switch {
	case h.hasURL && h.url.Realm && h.ref.Host != "" && realmOtherPort(h.ref.Host, h.url.Host):
		// containerd's `failed to resolve reference "HOST/REPO": …
		// failed to fetch oauth token: Post "https://HOST:8443/…"`: the
		// realm is on another port of the reference's host, so the
		// reference names the registry (sig_realmaddr.go).
		h.host = reghost.Normalize(h.ref.Host)
	case h.hasURL:
		h.host = h.url.Host
	case h.ref.Host != "":
		h.host = reghost.Normalize(h.ref.Host)
	case h.ref.Repo != "":
		h.host = "docker.io"
	}
	if h.op == "" || h.op == opBuild {
		switch {
		case strings.Contains(h.low, "push") || h.url.Object == "blobs/uploads" || strings.Contains(h.low, "put manifest"):
			h.op = opPush
		case (strings.Contains(h.low, "login") || strings.Contains(h.low, "logging in")) && h.url.Repo == "", h.url.Object == "ping":
			// A URL naming a repository (…/v2/NAME/tags/list, manifests) is a
			// read even when the words say "needs login" (GitHub's old
			// registry; image updaters listing tags).
			h.op = opLogin
			h.pingOnly = !strings.Contains(h.low, "login") && !strings.Contains(h.low, "logging in") && !e.f.loginNear(n)
		case strings.Contains(h.low, "pull") || strings.Contains(h.low, "resolve reference") || strings.Contains(h.low, "load metadata"):
			h.op = opPull
		}
	}
	for _, s := range h.url.Scopes {
		if s.has("push") {
			h.op = opPush
		}
	}
	if h.op == "" && e.f.pending != nil && n-e.f.pending.Line <= 5 {
		h.op = opLogin
	}
	if h.host == "" && h.op == opLogin && (strings.Contains(h.low, "login") || strings.Contains(h.low, "logging in")) {
		// A failed login names its host on the command line, not always in
		// the error ("Error: logging into \"HOST\": invalid username/password").
		if ls := e.f.loginsBefore(n + 1); len(ls) > 0 && n-ls[len(ls)-1].Line <= 10 {
			h.host = ls[len(ls)-1].Host
		}
	}
}

type scored struct {
	cand
	h     *hit
	order int
	sigs  map[string]bool
}

func (e *engine) findings(max int) []finding.Finding {
	by := map[string]*scored{}
	var list []*scored
	for i, h := range e.hits {
		e.resolve(h)
		if e.f.retried(h.lines[len(h.lines)-1], h.op, h.host, h.repo()) {
			continue // the same push, pull or login completed later: the failure was retried away
		}
		if h.ref.Raw != "" && h.op != opPush && e.f.isCacheRef(h.ref.Raw) {
			continue // a --cache-from import that missed: BuildKit goes on without it
		}
		if e.f.pinWarningBody(h) {
			continue // the registry's errors printed in docker service create's pinning warning: the service was created (sig_swarmtasks.go)
		}
		if composeBuildableWarning(h) {
			continue // compose's Warning for a service it builds from source instead (composewarn.go)
		}
		if endpointFallbackNotice(h, e.f) {
			continue // dockerd went on with the next endpoint (endpointfallback.go)
		}
		fallback := strings.Contains(h.low, "trying next endpoint") // docker tries HTTPS, then HTTP: an info line, not the failure
		cs := h.sig.rank(h, e.f)
		if cb, ok := clientBugCand(h, e.f, cs); ok {
			cs = append(cs, cb)
		}
		if rf, ok := configBlobAuthCand(h, cs); ok {
			cs = append(cs, rf)
		}
		if sc, ok := credMangleCand(h, e.f, cs); ok { // sig_credmangle.go
			cs = append(cs, sc)
		}
		if ec, ok := guestModeCand(h, e.f, cs); ok {
			cs = append(cs, ec)
		}
		if ec, ok := emptyLoginCand(h, e.f, cs); ok { // emptylogin.go
			cs = append(cs, ec)
		}
		if ev, ok := emptySegmentCand(h, cs); ok {
			cs = append(cs, ev)
		}
		if nv, ok := nullRefCand(h, cs); ok { // sig_nullref.go
			cs = append(cs, nv)
		}
		if rf, ok := runnerHubCredCand(h, e.f, cs); ok {
			cs = append(cs, rf)
		}
		if oc, ok := ownPathCand(h, e.f, cs); ok {
			cs = append(cs, oc)
		}
		if sc, ok := storeWarningCand(h, e.f, cs); ok {
			cs = append(cs, sc)
		}
		if ss, ok := scanSchemeCand(h, e.f, cs); ok { // sig_scanscheme.go
			cs = append(cs, ss)
		}
		if ea, ok := emptyAuthCand(h, e.f, cs); ok { // sig_buildplugins.go
			cs = append(cs, ea)
		}
		if pc, ok := publicOnlyCand(h, cs); ok {
			cs = append(cs, pc)
		}
		if mc, ok := shaTagOfficialCand(h, cs); ok {
			cs = append(cs, mc)
		}
		if hosts := e.f.searchedHosts(h.repo()); len(hosts) >= 2 && h.op != opPush {
			// A short-name search (podman, buildah, skopeo) tried several
			// registries and each refused in its own words: the common
			// cause is a name that none of them has.
			cs = append(cs, c("manifest-unknown", 0.86, fmt.Sprintf("The short name was searched in %d registries (%s) and every one refused it: no registry has an image of that name (check the spelling, or give the registry host).", len(hosts), strings.Join(hosts, ", "))),
				c("missing-registry-host", 0.6, ""))
		}
		for _, c := range cs {
			if fallback {
				c.w *= 0.8
			}
			if _, ok := catalog.Get(c.cause); !ok {
				continue // a signature naming an unknown id is a defect the tests catch
			}
			s, ok := by[c.cause]
			if !ok {
				s = &scored{cand: c, h: h, order: i, sigs: map[string]bool{}}
				by[c.cause] = s
				list = append(list, s)
			} else if c.w >= s.w {
				s.cand, s.h = c, h
			}
			s.sigs[h.sig.id] = true
		}
	}
	for _, s := range list {
		if len(s.sigs) > 1 {
			s.w += 0.03 * float64(len(s.sigs)-1)
		}
		if s.w > 0.97 {
			s.w = 0.97
		}
	}
	sort.SliceStable(list, func(i, j int) bool {
		if list[i].w != list[j].w {
			return list[i].w > list[j].w
		}
		return list[i].order > list[j].order // later failures win ties: the fatal error comes last
	})
	if len(list) > max {
		list = list[:max]
	}
	out := make([]finding.Finding, 0, len(list))
	for i, s := range list {
		// What tells the candidates apart is said once, on the best one.
		out = append(out, e.finding(s, i == 0 && len(list) > 1))
	}
	return out
}

func (e *engine) finding(s *scored, several bool) finding.Finding {
	c := catalog.MustGet(s.cause)
	h := s.h
	kind := string(h.kind())
	f := finding.Finding{
		Cause:      s.cause,
		Title:      c.Title,
		Confidence: round2(s.w),
		Severity:   finding.Error,
		Source:     finding.Explain,
		Rule:       h.sig.id,
		Message:    redact.String(message(h, s.cand)),
		Platform:   e.f.platform,
		Registry:   h.host,
		Repository: h.repo(),
		Fix:        c.FixFor(e.f.platform, kind),
		Doc:        c.DocPath(),
	}
	if f.Title == "" {
		f.Title = c.Summary
	}
	for i, n := range h.lines {
		f.Evidence = append(f.Evidence, finding.Evidence{Line: n, Text: h.texts[i]})
	}
	for _, ev := range s.ev {
		if len(f.Evidence) < 6 {
			ev.Text = redact.String(ev.Text)
			f.Evidence = append(f.Evidence, ev)
		}
	}
	sort.SliceStable(f.Evidence, func(i, j int) bool { return f.Evidence[i].Line < f.Evidence[j].Line })
	if several && h.sig.tell != nil {
		f.Distinguish = redact.String(h.sig.tell(h, e.f))
	}
	return f
}

func round2(x float64) float64 { return float64(int(x*100+0.5)) / 100 }

// message is one or two sentences specific to this log: what failed where,
// the registry's own words, and why this cause.
func message(h *hit, c cand) string {
	var b strings.Builder
	target := strings.Trim(h.host+"/"+h.repo(), "/")
	switch h.op {
	case opPush:
		fmt.Fprintf(&b, "The push to %s failed", orSome(target, "the registry"))
	case opPull:
		fmt.Fprintf(&b, "The pull from %s failed", orSome(target, "the registry"))
	case opLogin:
		if h.pingOnly && h.host != "" {
			fmt.Fprintf(&b, "The /v2/ request to %s failed", h.host) // not a login (hit.pingOnly)
		} else {
			fmt.Fprintf(&b, "The login to %s failed", orSome(h.host, "the registry"))
		}
	case opBuild:
		b.WriteString("The build failed before any registry request")
	default:
		switch {
		case target != "":
			fmt.Fprintf(&b, "The request to %s failed", target)
		case c.cause == "daemon-unreachable":
			// An Engine API call (docker info, version, build) that never
			// reached a daemon: no registry was asked.
			b.WriteString("The docker client's call to its daemon failed")
		default:
			b.WriteString("The registry request failed")
		}
	}
	fmt.Fprintf(&b, " with %q.", h.inner)
	if c.why != "" {
		b.WriteString(" " + c.why)
	}
	return b.String()
}

func orSome(s, def string) string {
	if s == "" {
		return def
	}
	return s
}
