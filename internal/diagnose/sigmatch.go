package diagnose

import (
	"regexp"
	"strings"
)

// Hand-written matchers for the signature and fact regexps that cost the
// most on a long log (measured on the assembled benchmark log: they run on
// thousands of lines, and RE2's backtracker clears a visited set the size
// of program x line for every call). Each returns exactly what its regexp
// returns (leftmost-first semantics); sigmatch_test.go and FuzzSigMatchers
// compare them with the regexps, which stay the definition.

// sigMatchers are the signatures' hand matchers, by signature id: each is
// its regexp's FindStringSubmatchIndex.
var sigMatchers = map[string]func(text string) []int{
	"ecr-eof":         matchECREOF,
	"eof-after-retry": matchBareEOF,
}

// sigASCIIMatchers are hand matchers of signature regexps for ASCII lines,
// by signature id, each with the regexp (as written) it stands for: a
// signature whose regexp is changed falls back to the regexp until the
// matcher is brought along (TestSigMatchersAgreeWithRegexps fails then).
// A match returns what FindStringSubmatchIndex returns on the line; it
// reads the lowercased line (the regexps are (?i); on ASCII the offsets are
// the line's, and no non-ASCII rune folds to ASCII there, e.g. KELVIN SIGN
// to k or LONG S to s).
var sigASCIIMatchers = map[string]struct {
	expr  string
	match func(low string) []int
}{
	"name-unknown": {`(?i)(?:name unknown|NAME_UNKNOWN|repository name not known to registry|project \S+ not found|Repository does not exist: (\S+)|\bunknown: The repository \S.{0,200}? does not exist\b|\bunknown: (?:repository|artifact) \S+ not found\b)`, matchNameUnknownASCII},
}

// nameUnknownLeads are the literals name-unknown's alternatives begin
// with (lowercase); at one position at most one of them can match.
var nameUnknownLeads = [...]string{"name unknown", "name_unknown", "repository name not known to registry", "project ", "repository does not exist: ", "unknown: the repository ", "unknown: repository ", "unknown: artifact "}

// matchNameUnknownASCII is name-unknown's regexp on an ASCII line (low its
// lowercase). The regexp's `.{0,200}?` makes its program 601 instructions,
// over the 500 Go's backtracker takes, so it ran on the NFA: ~25 us for
// every line it read. Every match begins at a lead; the leftmost lead
// where an alternative matches holds the leftmost match.
func matchNameUnknownASCII(low string) []int {
	for from := 0; from < len(low); {
		at := -1
		for _, l := range nameUnknownLeads {
			if i := strings.Index(low[from:], l); i >= 0 && (at < 0 || from+i < at) {
				at = from + i
			}
		}
		if at < 0 {
			return nil
		}
		if loc := nameUnknownAt(low, at); loc != nil {
			return loc
		}
		from = at + 1
	}
	return nil
}

// nameUnknownAt matches name-unknown's alternatives at p, in the regexp's
// order: the match and its group 1 (set by "repository does not exist: "
// only), or nil.
func nameUnknownAt(low string, p int) []int {
	n, rest := len(low), low[p:]
	for _, l := range [...]string{"name unknown", "name_unknown", "repository name not known to registry"} {
		if strings.HasPrefix(rest, l) {
			return []int{p, p + len(l), -1, -1}
		}
	}
	// `project \S+ not found`, `unknown: (?:repository|artifact) \S+ not
	// found\b`: \S+ cannot hold the space that follows it, so it is the
	// whole run of \S.
	notFound := func(q int, boundary bool) []int {
		e := nonSpaceEnd(low, q)
		if e == q || !strings.HasPrefix(low[e:], " not found") {
			return nil
		}
		end := e + len(" not found")
		if boundary && end < n && isREWord(low[end]) {
			return nil
		}
		return []int{p, end, -1, -1}
	}
	if strings.HasPrefix(rest, "project ") {
		return notFound(p+len("project "), false)
	}
	if lead := "repository does not exist: "; strings.HasPrefix(rest, lead) {
		q := p + len(lead)
		if e := nonSpaceEnd(low, q); e > q {
			return []int{p, e, q, e}
		}
		return nil
	}
	if p > 0 && isREWord(low[p-1]) {
		return nil // \b before "unknown: "
	}
	if lead := "unknown: the repository "; strings.HasPrefix(rest, lead) {
		// \S (one byte on ASCII), then the fewest bytes (0 to 200, no
		// newline: '.') before " does not exist" on a word boundary.
		q := p + len(lead)
		if q >= n || isRESpace(low[q]) {
			return nil
		}
		const tail = " does not exist"
		for k := 0; k <= 200 && q+1+k <= n; k++ {
			e := q + 1 + k
			if k > 0 && low[e-1] == '\n' {
				return nil
			}
			if strings.HasPrefix(low[e:], tail) && (e+len(tail) == n || !isREWord(low[e+len(tail)])) {
				return []int{p, e + len(tail), -1, -1}
			}
		}
		return nil
	}
	for _, lead := range [...]string{"unknown: repository ", "unknown: artifact "} {
		if strings.HasPrefix(rest, lead) {
			return notFound(p+len(lead), true)
		}
	}
	return nil
}

// reSpace is RE2's \s: [\t\n\f\r ] (github.com/google/re2/wiki/Syntax).
var reSpace = asciiSet("\t\n\f\r ")

// matchBareEOF is eof-after-retry's `^\s*EOF\s*$`: the whole line when it
// is "EOF" between spaces, else nil. Its key "eof" delivers every "...: EOF"
// error line too, on which the regexp ran to no match.
func matchBareEOF(text string) []int {
	if trimASCII(text, &reSpace) != "EOF" {
		return nil
	}
	return []int{0, len(text)}
}

// sigShortcuts decide, for some signatures, whether the regexp matches at
// p, an occurrence of a start literal on an ASCII line (findIndex), from
// the regexp's alternatives that can begin there: the match (decided, loc),
// no match at p (decided, nil), or undecided (the regexp runs, anchored at
// p). low is the lowercased line (the regexps are (?i)); n is the regexp's
// NumSubexp.
var sigShortcuts = map[string]func(low string, p, n int) (loc []int, decided bool){
	// (?i)(?:manifest unknown|MANIFEST_UNKNOWN|manifest for (\S+) not found|
	// failed to resolve reference "..."|Error: ...|(?:ERROR|failed to solve|Error): ...|failed to resolve ...)
	"manifest-unknown": func(low string, p, n int) ([]int, bool) {
		for _, l := range [...]string{"manifest unknown", "manifest_unknown"} {
			if strings.HasPrefix(low[p:], l) {
				return literalLoc(p, len(l), n), true
			}
		}
		const lead = "manifest for "
		if strings.HasPrefix(low[p:], lead) {
			// The other alternatives begin with "failed" or "error".
			j := nonSpaceEnd(low, p+len(lead))
			if j == p+len(lead) || !strings.HasPrefix(low[j:], " not found") {
				return nil, true
			}
			loc := literalLoc(p, j+len(" not found")-p, n)
			loc[2], loc[3] = p+len(lead), j
			return loc, true
		}
		if strings.HasPrefix(low[p:], "error") && !strings.HasPrefix(low[p:], "error: ") {
			return nil, true // both "error" alternatives go on with ": "
		}
		return nil, false
	},
	// (?i)(?:error (?:getting|storing|erasing) credentials|Error saving credentials|...)
	"credential-store": literalShortcut("error getting credentials", "error storing credentials", "error erasing credentials", "error saving credentials"),
	// (?i)(?:Cannot perform an interactive login from a non TTY device|Must provide --username with --password-stdin|...)
	"docker-login-no-tty": literalShortcut("cannot perform an interactive login from a non tty device", "must provide --username with --password-stdin"),
	// (?i)(?:invalid reference format|repository name must be lowercase|is not a valid repository/tag|invalid tag "[^"]*"|...)
	"invalid-reference": literalShortcut("invalid reference format", "repository name must be lowercase", "is not a valid repository/tag"),
	// (?i)(?:Please login prior to (?:push|pull)|Username: (?:Error: )?EOF|reading password: inappropriate ioctl for device):
	// literals only (the optional "Error: " tried first, as ? is greedy).
	"docker-login-prompt-eof": onlyLiterals("please login prior to push", "please login prior to pull", "username: error: eof", "username: eof", "reading password: inappropriate ioctl for device"),
	// (?i)short-name (?:resolution enforced|"[^"]*" did not resolve): [^"]* ends at the next quote.
	"short-name": func(low string, p, n int) ([]int, bool) {
		const lead = "short-name "
		if !strings.HasPrefix(low[p:], lead) {
			return nil, true
		}
		q := p + len(lead)
		if strings.HasPrefix(low[q:], "resolution enforced") {
			return literalLoc(p, len(lead)+len("resolution enforced"), n), true
		}
		if !strings.HasPrefix(low[q:], `"`) {
			return nil, true
		}
		e := strings.IndexByte(low[q+1:], '"')
		if e < 0 || !strings.HasPrefix(low[q+1+e:], `" did not resolve`) {
			return nil, true
		}
		return literalLoc(p, q+1+e+len(`" did not resolve`)-p, n), true
	},
}

// onlyLiterals is a sigShortcuts entry for a regexp that is an alternation
// of literals (lowercase, in the order the regexp tries them, no groups):
// it decides every start.
func onlyLiterals(lits ...string) func(low string, p, n int) ([]int, bool) {
	lit := literalShortcut(lits...)
	return func(low string, p, n int) ([]int, bool) {
		loc, _ := lit(low, p, n)
		return loc, true
	}
}

// literalShortcut is a sigShortcuts entry for leading alternatives that
// are literals (lowercase, in the regexp's order, no groups): it decides
// only their matches.
func literalShortcut(lits ...string) func(low string, p, n int) ([]int, bool) {
	return func(low string, p, n int) ([]int, bool) {
		for _, l := range lits {
			if strings.HasPrefix(low[p:], l) {
				return literalLoc(p, len(l), n), true
			}
		}
		return nil, false
	}
}

// literalLoc is the FindStringSubmatchIndex answer for a match of length
// size at p that sets none of the n groups.
func literalLoc(p, size, n int) []int {
	loc := make([]int, 2+2*n)
	for i := range loc {
		loc[i] = -1
	}
	loc[0], loc[1] = p, p+size
	return loc
}

// maxAnchoredTries bounds the start literals findIndex tries one by one on
// a line; past them, the regexp searches the rest of the line itself.
const maxAnchoredTries = 8

// findIndex is s.re.FindStringSubmatchIndex(text) (low the lowercased line,
// ascii whether it is ASCII), through the signature's hand matcher when it
// has one. On an ASCII line with start literals (startLits: every match
// begins at one), the start literals' occurrences are tried in order: the
// first where the regexp matches, anchored there, holds the leftmost match
// (the unanchored search would try the positions in between in vain). A
// shortcut, when set, decides some of them without the regexp.
func (s *signature) findIndex(text, low string, ascii bool) []int {
	if s.match != nil {
		return s.match(text)
	}
	if ascii && s.matchASCII != nil {
		return s.matchASCII(low)
	}
	start := s.starts()
	if !ascii || start == nil {
		return start.findSubmatchIndex(s.regexp(), text, low, ascii)
	}
	for from, tries := 0, 0; ; tries++ {
		p := start.startFromAt(text, low, from)
		if p < 0 {
			return nil
		}
		if s.shortcut != nil {
			loc, decided := s.shortcut(low, p, s.regexp().NumSubexp())
			if loc != nil {
				return loc
			}
			if decided {
				from = p + 1
				continue
			}
		}
		re := s.anchoredRe()
		if tries >= maxAnchoredTries {
			re = s.regexp()
		}
		if loc := re.FindStringSubmatchIndex(text[p:]); loc != nil || tries >= maxAnchoredTries {
			for i := range loc {
				if loc[i] >= 0 {
					loc[i] += p
				}
			}
			return loc
		}
		from = p + 1
	}
}

// regexp is the signature's regexp, compiled (on first use, see
// lazyRegexp: most logs make a few signatures candidates, and compiling all
// of them was most of an empty log's start-up, explain-perf21).
func (s *signature) regexp() *regexp.Regexp { return s.re.get() }

// anchoredRe is s.re anchored at the start of the text (same groups),
// compiled on first use.
func (s *signature) anchoredRe() *regexp.Regexp {
	s.anchorOnce.Do(func() { s.anchored = regexp.MustCompile(`^(?:` + s.re.String() + `)`) })
	return s.anchored
}

// matchECREOF is `"?https://\S+\.dkr\.ecr\.\S+"?: EOF\s*$`.
//
// A match ends the line: ": EOF" then only white space (\s*$). What comes
// before, from the match start, holds no white space (\S+ and literals), so
// it starts after the last white space before ": EOF", at an "https://"
// (or at the quote just before it). \S+ takes quotes too, so the trailing
// `"?` adds nothing; the match needs ".dkr.ecr." with at least one byte
// before it and one after it in what follows "https://". The leftmost
// "https://" has the longest such tail, so if any start matches, it does.
func matchECREOF(text string) []int {
	e := len(text)
	for e > 0 && isRESpace(text[e-1]) {
		e--
	}
	if e < 5 || text[e-5:e] != ": EOF" {
		return nil
	}
	e -= 5
	w := e - 1 // the last white space before e, or -1
	for w >= 0 && !isRESpace(text[w]) {
		w--
	}
	h := strings.Index(text[w+1:e], "https://")
	if h < 0 {
		return nil
	}
	h += w + 1
	tail := text[h+len("https://") : e]
	if len(tail) < 1 {
		return nil
	}
	if i := strings.Index(tail[1:], ".dkr.ecr."); i < 0 || 1+i+len(".dkr.ecr.") >= len(tail) {
		return nil
	}
	start := h
	if h > w+1 && text[h-1] == '"' {
		start = h - 1
	}
	return []int{start, len(text)}
}

// matchAWSRegionASCII is awsRegionRe.FindStringSubmatch(text) for an ASCII
// line (low its lowercase, same offsets):
// `(?i)(?:--region[= ]|aws-region:\s*|AWS_(?:DEFAULT_)?REGION[=:]\s*)"?([a-z]{2}(?:-gov)?-[a-z]+-\d)\b`.
// On ASCII, (?i) folds only ASCII letters, which low has folded. Every
// match starts at a lead literal; from one, the rest is forced (\s* and "?
// cannot give back: a letter must follow) except the optional "-gov", tried
// first as the regexp does.
func matchAWSRegionASCII(text, low string) []string {
	for from := 0; from < len(low); {
		at := -1
		for _, l := range awsRegionLeads {
			if i := strings.Index(low[from:], l); i >= 0 && (at < 0 || from+i < at) {
				at = from + i
			}
		}
		if at < 0 {
			return nil
		}
		if e, gs, ge := awsRegionAt(low, at); e >= 0 {
			return []string{text[at:e], text[gs:ge]}
		}
		from = at + 1
	}
	return nil
}

// awsRegionAt matches the region regexp at p (a lead literal's start):
// the match end and group 1, or e = -1.
func awsRegionAt(low string, p int) (e, gs, ge int) {
	q := -1
	switch {
	case strings.HasPrefix(low[p:], "--region"):
		if r := p + len("--region"); r < len(low) && (low[r] == '=' || low[r] == ' ') {
			q = r + 1
		}
	case strings.HasPrefix(low[p:], "aws-region:"):
		q = p + len("aws-region:")
	case strings.HasPrefix(low[p:], "aws_"):
		r := p + len("aws_")
		if strings.HasPrefix(low[r:], "default_") {
			r += len("default_")
		}
		if strings.HasPrefix(low[r:], "region") {
			if r += len("region"); r < len(low) && (low[r] == '=' || low[r] == ':') {
				q = r + 1
			}
		}
	}
	if q < 0 {
		return -1, 0, 0
	}
	if low[p] != '-' { // aws-region: and AWS_..._REGION[=:] take \s*
		for q < len(low) && isRESpace(low[q]) {
			q++
		}
	}
	if q < len(low) && low[q] == '"' {
		q++
	}
	if e := awsRegionName(low, q, true); e >= 0 {
		return e, q, e
	}
	if e := awsRegionName(low, q, false); e >= 0 {
		return e, q, e
	}
	return -1, 0, 0
}

// awsRegionName matches `[a-z]{2}(?:-gov)?-[a-z]+-\d\b` at q (with or
// without the "-gov" part) and returns its end, or -1.
func awsRegionName(low string, q int, gov bool) int {
	isLetter := func(i int) bool { return i < len(low) && 'a' <= low[i] && low[i] <= 'z' }
	if !isLetter(q) || !isLetter(q+1) {
		return -1
	}
	q += 2
	if gov {
		if !strings.HasPrefix(low[q:], "-gov") {
			return -1
		}
		q += len("-gov")
	}
	if q >= len(low) || low[q] != '-' || !isLetter(q+1) {
		return -1
	}
	q++
	for isLetter(q) {
		q++
	}
	if q+1 >= len(low) || low[q] != '-' || low[q+1] < '0' || low[q+1] > '9' {
		return -1
	}
	q += 2
	if q < len(low) && isREWord(low[q]) {
		return -1 // \b
	}
	return q
}

// matchWithInput is withInputRe.FindStringSubmatch(text):
// `^\s+(registry|username|password|ecr|logout):\s*(.*)$`. Anchored at the
// start; \s+ must be followed by a word (a letter), so it takes all the
// leading white space. (.*)$ needs no newline after the white space \s*
// takes (giving some back cannot help: it would not remove a newline
// further on).
func matchWithInput(text string) []string {
	i := 0
	for i < len(text) && isRESpace(text[i]) {
		i++
	}
	if i == 0 {
		return nil
	}
	var word string
	for _, w := range [...]string{"registry", "username", "password", "ecr", "logout"} {
		if strings.HasPrefix(text[i:], w) && len(text) > i+len(w) && text[i+len(w)] == ':' {
			word = w
			break
		}
	}
	if word == "" {
		return nil
	}
	v := i + len(word) + 1
	for v < len(text) && isRESpace(text[v]) {
		v++
	}
	if strings.IndexByte(text[v:], '\n') >= 0 {
		return nil
	}
	return []string{text, word, text[v:]}
}

// matchPushDigest is pushDigestRe.MatchString(text):
// `^(\S+): digest: sha256:[0-9a-f]{12,} size: \d+`. The ':' that ends
// group 1 is followed by a space, so it sits just before the line's first
// white space.
func matchPushDigest(text string) bool {
	j := 0
	for j < len(text) && !isRESpace(text[j]) {
		j++
	}
	if j < 2 || !strings.HasPrefix(text[j-1:], ": digest: sha256:") {
		return false
	}
	q := j - 1 + len(": digest: sha256:")
	h := q
	for q < len(text) && ('0' <= text[q] && text[q] <= '9' || 'a' <= text[q] && text[q] <= 'f') {
		q++
	}
	if q-h < 12 || !strings.HasPrefix(text[q:], " size: ") {
		return false
	}
	q += len(" size: ")
	return q < len(text) && '0' <= text[q] && text[q] <= '9'
}

// matchKanikoPushed is kanikoPushed.FindStringSubmatch(text):
// `Pushed (\S+?)@sha256:`: at each "Pushed " in turn, the shortest run of
// \S (one byte or more) followed by "@sha256:".
func matchKanikoPushed(text string) []string {
	const lead, tail = "Pushed ", "@sha256:"
	for from := 0; ; {
		i := strings.Index(text[from:], lead)
		if i < 0 {
			return nil
		}
		p := from + i
		g := p + len(lead)
		for q := g + 1; q <= len(text) && !isRESpace(text[q-1]); q++ {
			if strings.HasPrefix(text[q:], tail) {
				return []string{text[p : q+len(tail)], text[g:q]}
			}
		}
		from = p + 1
	}
}

// v2Kinds are v2Path's second group's alternatives, in its order.
var v2Kinds = [...]string{"blobs/uploads", "blobs", "manifests", "tags"}

// matchV2Path is v2Path.FindStringSubmatch(p):
// `/v2/(.+?)/(blobs/uploads|blobs|manifests|tags)(?:/|$)`: at each "/v2/"
// in turn, the shortest group 1 (no newline, one byte or more) after which
// one of the kinds, tried in order, is followed by '/' or the end.
func matchV2Path(p string) []string {
	for from := 0; ; {
		i := strings.Index(p[from:], "/v2/")
		if i < 0 {
			return nil
		}
		s := from + i
		g := s + len("/v2/")
		for q := g + 1; q <= len(p) && p[q-1] != '\n'; q++ {
			if q >= len(p) || p[q] != '/' {
				continue
			}
			for _, k := range v2Kinds {
				if !strings.HasPrefix(p[q+1:], k) {
					continue
				}
				e := q + 1 + len(k)
				if e == len(p) {
					return []string{p[s:e], p[g:q], k}
				}
				if p[e] == '/' {
					return []string{p[s : e+1], p[g:q], k}
				}
			}
		}
		from = s + 1
	}
}

// userOptAt returns the index just past a "-u" or "--username" option and
// its separator (' ' or '=') when one starts at args[p], or -1.
func userOptAt(args string, p int) int {
	var q int
	switch {
	case strings.HasPrefix(args[p:], "-u"):
		q = p + 2
	case strings.HasPrefix(args[p:], "--username"):
		q = p + len("--username")
	default:
		return -1
	}
	if q >= len(args) || (args[q] != '=' && args[q] != ' ') {
		return -1
	}
	return q + 1
}

// matchLoginUser is loginUserRe.FindStringSubmatch(args)[1], "" when it
// does not match: `(?:-u|--username)[= ]([A-Za-z0-9][\w.-]*)(?:\s|$)`. At
// each "-u" or "--username" in turn; [\w.-]* takes its whole run, which
// must end at white space or the end.
func matchLoginUser(args string) string {
	for p := 0; p < len(args); p++ {
		q := userOptAt(args, p)
		if q < 0 || q >= len(args) || !(isREWord(args[q]) && args[q] != '_') {
			continue
		}
		e := q + 1
		for e < len(args) && (isREWord(args[e]) || args[e] == '.' || args[e] == '-') {
			e++
		}
		if e < len(args) && !isRESpace(args[e]) {
			continue
		}
		return args[q:e]
	}
	return ""
}

// errGettingCredsRe is the ": error getting credentials" reference pattern.
var errGettingCredsRe = lazyRe(`(?:^|failed to solve: )([a-z0-9][\w./-]*:[\w.-]+): error getting credentials`)

// mayErrGettingCreds is false only when errGettingCredsRe cannot match:
// group 1 starts at the line start or after "failed to solve: "; from
// there its two runs are forced ([\w./-]* and [\w.-]+ exclude ':', which
// must follow each).
func mayErrGettingCreds(text string) bool {
	at := func(s int) bool {
		if s >= len(text) || !('a' <= text[s] && text[s] <= 'z' || '0' <= text[s] && text[s] <= '9') {
			return false
		}
		c := s + 1
		for c < len(text) && (isREWord(text[c]) || text[c] == '.' || text[c] == '/' || text[c] == '-') {
			c++
		}
		if c >= len(text) || text[c] != ':' {
			return false
		}
		d := c + 1
		for d < len(text) && (isREWord(text[d]) || text[d] == '.' || text[d] == '-') {
			d++
		}
		return d > c+1 && strings.HasPrefix(text[d:], ": error getting credentials")
	}
	if at(0) {
		return true
	}
	const lead = "failed to solve: "
	for from := 0; ; {
		i := strings.Index(text[from:], lead)
		if i < 0 {
			return false
		}
		if at(from + i + len(lead)) {
			return true
		}
		from += i + 1
	}
}

// refsIfMay is a refMatchFunc that runs re only when may says it can match.
func refsIfMay(re *lazyRegexp, may func(string) bool) refMatchFunc {
	return func(text string, n int, dst []string) []string {
		if !may(text) {
			return dst
		}
		for _, m := range re.FindAllStringSubmatch(text, n) {
			dst = append(dst, m[1])
		}
		return dst
	}
}

// readingManifestRe is the "reading manifest" reference pattern.
var readingManifestRe = lazyRe(`(?i)reading manifest \S+ in (\S+?):(?:\s|$)`)

// matchReadingManifest is readingManifestRe's group 1 of up to n matches
// (refMatchFunc). On an ASCII line (?i) folds only ASCII letters; other
// lines go to the regexp. At each "reading manifest " in turn: \S+ takes
// its whole run, which " in " must follow; then the shortest \S run after
// which ':' is followed by white space or the end.
func matchReadingManifest(text string, n int, dst []string) []string {
	if !isASCII(text) {
		for _, m := range readingManifestRe.FindAllStringSubmatch(text, n) {
			dst = append(dst, m[1])
		}
		return dst
	}
	const lead = "reading manifest "
	for from, found := 0, 0; found < n; {
		i := indexFoldASCII(text[from:], lead)
		if i < 0 {
			break
		}
		p := from + i
		j := nonSpaceEnd(text, p+len(lead))
		from = p + 1
		if j == p+len(lead) || len(text)-j < 4 || text[j] != ' ' || !strings.EqualFold(text[j+1:j+3], "in") || text[j+3] != ' ' {
			continue
		}
		g := j + 4
		for q := g + 1; q <= len(text) && !isRESpace(text[q-1]); q++ {
			if q < len(text) && text[q] == ':' && (q+1 == len(text) || isRESpace(text[q+1])) {
				dst = append(dst, text[g:q])
				found++
				from = q + 1
				if q+1 < len(text) {
					from = q + 2 // the white space is part of the match
				}
				break
			}
		}
	}
	return dst
}

// indexFoldASCII is the index of the first ASCII case-insensitive
// occurrence of the lowercase pattern pat in s, or -1.
func indexFoldASCII(s, pat string) int {
	for i := 0; i+len(pat) <= len(s); i++ {
		if c := s[i]; c|0x20 != pat[0] && c != pat[0] {
			continue
		}
		if strings.EqualFold(s[i:i+len(pat)], pat) {
			return i
		}
	}
	return -1
}

// matchBuildKitAuth is buildkitAuthRe.FindStringSubmatch(text):
// `\[auth\] (\S+?):[\w,]*push[\w,]* token for (\S+)`. At each "[auth] " in
// turn, group 1 is the shortest \S run after which ':' starts a run of
// [\w,] that holds "push" and is followed by " token for " (the run must
// be whole: ' ' is not in [\w,]); group 2 takes all the \S after that.
func matchBuildKitAuth(text string) []string {
	const lead, tail = "[auth] ", " token for "
	for from := 0; ; {
		i := strings.Index(text[from:], lead)
		if i < 0 {
			return nil
		}
		p := from + i
		g := p + len(lead)
		for q := g + 1; q < len(text) && !isRESpace(text[q-1]); q++ {
			if text[q] != ':' {
				continue
			}
			e := q + 1
			for e < len(text) && (isREWord(text[e]) || text[e] == ',') {
				e++
			}
			if !strings.Contains(text[q+1:e], "push") || !strings.HasPrefix(text[e:], tail) {
				continue
			}
			s := e + len(tail)
			if t := nonSpaceEnd(text, s); t > s {
				return []string{text[p:t], text[g:q], text[s:t]}
			}
		}
		from = p + 1
	}
}
