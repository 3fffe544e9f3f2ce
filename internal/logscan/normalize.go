package logscan

import (
	"encoding/binary"
	"strings"
	"unicode/utf8"
	"unsafe"
)

// CI platform names reported by NormalizeLine, Line.Platform and
// Summary.Platform. They match the corpus' "platform:" field.
const (
	GitHubActions  = "github-actions"
	GitLabCI       = "gitlab-ci"
	Jenkins        = "jenkins"
	AzurePipelines = "azure-pipelines"
	CodeBuild      = "codebuild"
	CloudBuild     = "cloud-build"
	Tekton         = "tekton"
	CircleCI       = "circleci"
	Bitbucket      = "bitbucket"
)

// Normalize returns the text of one raw log line as a person reads it: ANSI/VT
// escape sequences removed, carriage-return overwrites resolved (the last
// segment wins), CI platform prefixes and markers removed, invalid UTF-8
// replaced by U+FFFD. See NormalizeLine for the formats.
func Normalize(s string) string {
	t, _ := NormalizeLine(s)
	return t
}

// NormalizeLine is Normalize that also reports which CI platform the removed
// prefix or marker belongs to ("" when the line carries none). Formats, each
// removed from the start of the line, repeatedly (they stack):
//
//   - GitHub Actions and Azure Pipelines: "2024-01-01T00:00:00.1234567Z " and the
//     "##[group]", "##[endgroup]", "##[error]", "##[warning]", "##[notice]",
//     "##[debug]", "##[command]", "##[section]" markers; Azure's "##vso[...]"
//     logging commands. Both platforms write the same timestamp and most
//     markers; "##[section]" and "##vso[" are Azure's own, so a line with only
//     the shared forms reports github-actions as a weak hint; "##[group]Run "
//     (a run step's header), "Current runner version: " and "GITHUB_TOKEN
//     Permissions" are GitHub's own (Summary.PlatformSure).
//   - GitLab CI: "section_start:UNIX_TS:NAME[options]\r\x1b[0K" and
//     "section_end:UNIX_TS:NAME\r\x1b[0K" (docs.gitlab.com/ci/jobs/job_logs),
//     and the runner's timestamp "2024-01-01T00:00:00.123456Z 00O " (stream
//     number, O/E for stdout/stderr, then ' ' or '+' for a continued line).
//   - Jenkins: "[Pipeline] ", Timestamper's "[2024-01-01T00:00:00.000Z] " and
//     "12:34:56  " prefixes, and ConsoleNote blobs "\x1b[8mha:...\x1b[0m".
//   - AWS CodeBuild: "[Container] 2024/01/01 00:00:00.123 ".
//   - Google Cloud Build: "Step #1: " and `Step #1 - "push": `.
//   - Tekton (tkn logs): "[task : step] " and "[step] " (a lower-case
//     DNS-label name that is not a log level such as [info] or [notice]).
//   - CircleCI and Bitbucket Pipelines print no per-line prefix; a line
//     "#!/bin/bash -eo pipefail" (CircleCI's step shell header) or
//     "+ umask 000" (Bitbucket's first script line) is reported as a hint and
//     kept.
//
// Trailing whitespace and CR are removed; leading indentation is kept.
func NormalizeLine(s string) (text, platform string) {
	t, h := normalize(s)
	return t, h.name
}

// normalize is NormalizeLine that also tells whether the platform hint is
// specific to that platform (strong) or shared with others (weak: GitHub
// Actions and Azure Pipelines write the same timestamps and most markers).
func normalize(s string) (string, hint) {
	s = strings.TrimPrefix(s, "\uFEFF")
	s = stripControls(s)
	s = strings.TrimRight(s, "\r")
	return normalizeRest(s, hint{}, 0, false, false)
}

// normalizeRest is normalize for a line without a byte-order mark or
// control bytes (TAB and CR aside) and without trailing CRs, of which steps
// CI prefixes were already removed, as hint p recorded (linePrefix). ascii
// says the line is known to be ASCII (then valid UTF-8), noCR that it is
// known to hold no CR (firstControlASCII): no search for one.
func normalizeRest(s string, p hint, steps int, ascii, noCR bool) (string, hint) {
	for ; steps < maxPrefixes; steps++ {
		n, ok := p.stripOne(s)
		if !ok {
			break
		}
		s = s[n:]
	}
	if strings.HasPrefix(s, "section_start:") || strings.HasPrefix(s, "section_end:") {
		p.set(GitLabCI, true)
		if i := strings.IndexByte(s, '\r'); i >= 0 {
			s = s[i+1:]
		} else {
			s = ""
		}
	}
	if !noCR && strings.IndexByte(s, '\r') >= 0 { // IndexByte is vectorised, LastIndexByte is not
		s = s[strings.LastIndexByte(s, '\r')+1:]
	}
	s = trimRightBlank(s) // strings.TrimRight(s, " \t\r") without building its cutset per line
	if name := wholeLineHint(s); name != "" {
		p.set(name, true)
	}
	if !ascii && !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	return s, p
}

// textStart returns the length of the CI prefixes at the start of the raw
// line s that normalize removes: timestamps (GitHub Actions / Azure
// Pipelines, the GitLab runner's with its stream tag, Jenkins Timestamper's,
// CodeBuild's), markers ("##[group]", "##vso[...]", "[Pipeline] ", Tekton's
// "[task : step] ", Cloud Build's "Step #N: ") and a GitLab section marker up
// to its CR, after any escape sequences and byte-order mark that lead the
// line; 0 when there is none. It reads the raw bytes as they are: a prefix
// that control bytes interrupt is not one here (the line's whole raw text is
// searched).
//
// The keyword prefilter (Options.Keywords) searches s[textStart(s):]: a
// line's meaning must not change with the time it was printed, and the
// runner's seven-digit fraction holds any three digits ("...05.4040000Z").
func textStart(s string) int { return linePrefix(s).n }

// prefix is what linePrefix found at the start of a raw line.
type prefix struct {
	n     int  // textStart
	steps int  // prefixes removed (stripPrefixes)
	h     hint // what they told
	// plain: the prefixes are the line's first bytes, with no byte-order
	// mark, escape or GitLab section marker: when the line holds no
	// control byte, normalize(s) is normalizeRest(s[n:] without trailing
	// CRs, h, maxPrefixes): linePrefix read the prefixes as normalize does,
	// from the line without its trailing CRs, and stopped where it stops.
	plain bool
}

// linePrefix is textStart with how the prefixes were removed. Like
// normalize it reads the line without its trailing CRs (a "[Container]"
// timestamp needs 20 bytes: a CR must not make one).
func linePrefix(s string) prefix {
	s = trimRightCR(s)
	i := 0
	if strings.HasPrefix(s, "\uFEFF") {
		i = len("\uFEFF")
	}
	for i < len(s) && s[i] == 0x1b { // GitLab's "\x1b[0Ksection_start:", Jenkins' ConsoleNote
		i = skipEscape(s, i)
	}
	if len(s)-i < 3 {
		return prefix{}
	}
	switch c := s[i]; {
	case isDigit(c), c == '#', c == '[', c == 'S', c == 's':
	default:
		return prefix{}
	}
	var h hint
	rest, steps := h.stripPrefixes(s[i:])
	if rest != "" && rest[0] == 's' && (strings.HasPrefix(rest, "section_start:") || strings.HasPrefix(rest, "section_end:")) {
		if j := strings.IndexByte(rest, '\r'); j >= 0 {
			return prefix{n: len(s) - len(rest) + j + 1}
		}
		return prefix{n: len(s)}
	}
	if len(rest) == len(s)-i {
		return prefix{} // no prefix: the leading escapes stay searched, as any text
	}
	return prefix{n: len(s) - len(rest), steps: steps, h: h, plain: i == 0}
}

// trimRightCR is strings.TrimRight(s, "\r").
func trimRightCR(s string) string {
	e := len(s)
	for e > 0 && s[e-1] == '\r' {
		e--
	}
	return s[:e]
}

// trimRightBlank is strings.TrimRight(s, " \t\r").
func trimRightBlank(s string) string {
	e := len(s)
	for e > 0 && (s[e-1] == ' ' || s[e-1] == '\t' || s[e-1] == '\r') {
		e--
	}
	return s[:e]
}

type hint struct {
	name   string
	strong bool
	level  string // annotation level of a "##[error|warning|notice|debug]" marker (Line.Level)
}

// set records a platform; a strong (platform-specific) hint replaces a weak
// (shared by several platforms) one, never the other way round.
func (h *hint) set(name string, strong bool) {
	if h.name == "" || (strong && !h.strong) {
		h.name, h.strong = name, strong
	}
}

// maxPrefixes is how many stacked prefixes normalize removes at most.
const maxPrefixes = 8

// stripPrefixes removes up to maxPrefixes stacked prefixes and says how many.
func (h *hint) stripPrefixes(s string) (string, int) {
	for i := range maxPrefixes {
		n, ok := h.stripOne(s)
		if !ok {
			return s, i
		}
		s = s[n:]
	}
	return s, maxPrefixes
}

// stripOne removes one known prefix from s and returns its length.
func (h *hint) stripOne(s string) (int, bool) {
	if len(s) < 3 {
		return 0, false
	}
	switch {
	case isDigit(s[0]):
		if n, frac := isoTimestamp(s); n > 0 && (n == len(s) || s[n] == ' ') {
			if n < len(s) {
				n++
			}
			// GitLab runner: "<ts> 00O " / "00E+".
			if m := gitlabStream(s[n:]); m > 0 {
				h.set(GitLabCI, true)
				return n + m, true
			}
			if frac == 7 {
				h.set(GitHubActions, false) // .NET "o" format: GitHub or Azure
			}
			return n, true
		}
		if n := clockPrefix(s); n > 0 {
			h.set(Jenkins, false)
			return n, true
		}
	case s[0] == '#':
		if strings.HasPrefix(s, "##[") {
			end := strings.IndexByte(s, ']')
			if end < 0 || !isLowerWord(s[3:end]) {
				return 0, false
			}
			switch s[3:end] {
			case "section":
				h.set(AzurePipelines, true)
			case "group":
				// "##[group]Run <step>" is the runner's header of a run step.
				h.set(GitHubActions, strings.HasPrefix(s[end+1:], "Run "))
			case "endgroup", "error", "warning", "notice", "debug", "command":
				h.set(GitHubActions, false)
				h.level = levelOf(s[3:end]) // a constant: s may be a reused buffer (linePrefix)
			default:
				return 0, false
			}
			return end + 1, true
		}
		if strings.HasPrefix(s, "##vso[") {
			if end := strings.IndexByte(s, ']'); end > 0 {
				h.set(AzurePipelines, true)
				return end + 1, true
			}
		}
	case s[0] == '[':
		if strings.HasPrefix(s, "[Pipeline] ") {
			h.set(Jenkins, true)
			return len("[Pipeline] "), true
		}
		if strings.HasPrefix(s, "[Container] ") {
			h.set(CodeBuild, true)
			n := len("[Container] ")
			if m := slashTimestamp(s[n:]); m > 0 {
				n += m
			}
			return n, true
		}
		end := strings.IndexByte(s, ']')
		if end < 2 || end+1 >= len(s) || s[end+1] != ' ' {
			return 0, false
		}
		inner := s[1:end]
		if n, _ := isoTimestamp(inner); n > 0 && n == len(inner) {
			h.set(Jenkins, true) // Timestamper, ISO form
			return end + 2, true
		}
		if task, step, ok := strings.Cut(inner, " : "); ok && isLabel(task) && isLabel(step) {
			h.set(Tekton, true)
			return end + 2, true
		}
		if isLabel(inner) && !logLevels[inner] {
			h.set(Tekton, false)
			return end + 2, true
		}
	case s[0] == 'S':
		if n := cloudBuildStep(s); n > 0 {
			h.set(CloudBuild, true)
			return n, true
		}
	}
	return 0, false
}

// levelOf is the annotation level of a "##[w]" marker (hint.level) as a
// constant string, "" for a marker without one.
func levelOf(w string) string {
	switch w {
	case "error":
		return "error"
	case "warning":
		return "warning"
	case "notice":
		return "notice"
	case "debug":
		return "debug"
	}
	return ""
}

// logLevels are bracketed words that tools print themselves; they are not
// Tekton step names.
var logLevels = map[string]bool{
	"info": true, "warn": true, "warning": true, "error": true, "err": true,
	"notice": true, "debug": true, "trace": true, "fatal": true, "internal": true,
	"auth": true, "success": true, "ok": true, "fail": true, "failed": true,
	"skip": true, "skipped": true, "done": true, "note": true, "hint": true,
}

// wholeLineHint recognises lines that only one platform prints (after its
// prefixes are removed).
func wholeLineHint(s string) string {
	if s == "" {
		return ""
	}
	switch s[0] { // the first bytes of the lines below: most lines are none of them
	case 'C', 'G', '#', '+', 'R', 'S', 'F':
	default:
		return ""
	}
	switch {
	case strings.HasPrefix(s, "Current runner version: "), strings.HasPrefix(s, "GITHUB_TOKEN Permissions"):
		return GitHubActions // the runner's "Set up job" step
	case s == "#!/bin/bash -eo pipefail", strings.HasPrefix(s, "CircleCI received exit code"):
		return CircleCI
	case s == "+ umask 000":
		return Bitbucket
	case strings.HasPrefix(s, "Running with gitlab-runner "):
		return GitLabCI
	case strings.HasPrefix(s, "Starting Step #"), strings.HasPrefix(s, "Finished Step #"):
		return CloudBuild
	}
	return ""
}

func isDigit(b byte) bool { return '0' <= b && b <= '9' }

func digits(s string, n int) bool {
	if len(s) < n {
		return false
	}
	for i := range n {
		if !isDigit(s[i]) {
			return false
		}
	}
	return true
}

// isoTimestamp matches "YYYY-MM-DDTHH:MM:SS[.frac]Z" at the start of s and
// returns its length and the number of fraction digits.
func isoTimestamp(s string) (n, frac int) {
	if len(s) < 20 {
		return 0, 0
	}
	// "YYYY-MM-" and "DDTHH:MM" as two words, then ":SS".
	b := unsafe.Slice(unsafe.StringData(s), len(s))
	if !wordIs(binary.LittleEndian.Uint64(b), isoDate) || !wordIs(binary.LittleEndian.Uint64(b[8:]), isoTime) ||
		s[16] != ':' || !isDigit(s[17]) || !isDigit(s[18]) {
		return 0, 0
	}
	i := 19
	if len(s) >= 28 && wordIs(binary.LittleEndian.Uint64(b[20:]), isoFrac7) && s[i] == '.' {
		// GitHub Actions' seven fraction digits then 'Z' in one word test
		// (the loop below read them one by one).
		return 28, 7
	}
	if s[i] == '.' {
		j := i + 1
		for j < len(s) && isDigit(s[j]) {
			j++
		}
		frac = j - i - 1
		if frac == 0 {
			return 0, 0
		}
		i = j
	}
	if i >= len(s) || s[i] != 'Z' {
		return 0, 0
	}
	return i + 1, frac
}

// wordPattern is eight bytes of a fixed layout: literal bytes (lit, under
// litMask) and ASCII digits (under digitMask, 0xff a digit byte).
type wordPattern struct{ lit, litMask, digitMask uint64 }

// pattern8 is the wordPattern of p, eight bytes where 'D' stands for a digit.
func pattern8(p string) (w wordPattern) {
	for i := range 8 {
		if p[i] == 'D' {
			w.digitMask |= 0xff << (8 * i)
		} else {
			w.lit |= uint64(p[i]) << (8 * i)
			w.litMask |= 0xff << (8 * i)
		}
	}
	return w
}

var (
	isoDate = pattern8("DDDD-DD-")
	isoTime = pattern8("DDTDD:DD")
	// isoFrac7 is a timestamp's seven fraction digits and 'Z' (the .NET
	// "o" format GitHub Actions and Azure Pipelines print), from byte 20.
	isoFrac7 = pattern8("DDDDDDDZ")
)

// wordIs reports whether the eight bytes x (little-endian) fit p. A byte b
// is a digit when its high nibble is 3 and b+6's is too (0x30..0x39): the
// additions carry into no other byte once the first test holds.
func wordIs(x uint64, p wordPattern) bool {
	const f0, d3, six = 0xf0f0f0f0f0f0f0f0, 0x3030303030303030, 0x0606060606060606
	return x&p.litMask == p.lit && x&f0&p.digitMask == d3&p.digitMask &&
		(x&p.digitMask+six&p.digitMask)&f0&p.digitMask == d3&p.digitMask
}

// gitlabStream matches the runner's stream tag after its timestamp: two hex
// digits (stream number), O or E (stdout/stderr), then ' ' or '+' (the line
// continues the previous one).
func gitlabStream(s string) int {
	if len(s) < 4 || !isHex(s[0]) || !isHex(s[1]) || (s[2] != 'O' && s[2] != 'E') || (s[3] != ' ' && s[3] != '+') {
		return 0
	}
	return 4
}

func isHex(b byte) bool { return isDigit(b) || 'a' <= b && b <= 'f' }

// clockPrefix matches Jenkins Timestamper's "HH:MM:SS  " (two spaces).
func clockPrefix(s string) int {
	if len(s) >= 10 && digits(s, 2) && s[2] == ':' && digits(s[3:], 2) && s[5] == ':' &&
		digits(s[6:], 2) && s[8] == ' ' && s[9] == ' ' {
		return 10
	}
	return 0
}

// slashTimestamp matches CodeBuild's "2024/01/01 00:00:00[.123] ".
func slashTimestamp(s string) int {
	if len(s) < 20 || !digits(s, 4) || s[4] != '/' || !digits(s[5:], 2) || s[7] != '/' ||
		!digits(s[8:], 2) || s[10] != ' ' || !digits(s[11:], 2) || s[13] != ':' ||
		!digits(s[14:], 2) || s[16] != ':' || !digits(s[17:], 2) {
		return 0
	}
	i := 19
	if i < len(s) && s[i] == '.' {
		i++
		for i < len(s) && isDigit(s[i]) {
			i++
		}
	}
	if i < len(s) && s[i] == ' ' {
		i++
	}
	return i
}

// cloudBuildStep matches `Step #12: ` and `Step #12 - "id": `.
func cloudBuildStep(s string) int {
	if !strings.HasPrefix(s, "Step #") {
		return 0
	}
	i := len("Step #")
	j := i
	for j < len(s) && isDigit(s[j]) {
		j++
	}
	if j == i {
		return 0
	}
	rest := s[j:]
	if strings.HasPrefix(rest, ": ") {
		return j + 2
	}
	if rest == ":" {
		return j + 1
	}
	if strings.HasPrefix(rest, ` - "`) {
		k := strings.Index(rest[4:], `": `)
		if k >= 0 {
			return j + 4 + k + 3
		}
		if strings.HasSuffix(rest, `":`) {
			return len(s)
		}
	}
	return 0
}

func isLowerWord(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < 'a' || s[i] > 'z' {
			return false
		}
	}
	return true
}

// isLabel reports a Kubernetes-style name: lower-case letters, digits, '-',
// starting with a letter, at most 63 bytes.
func isLabel(s string) bool {
	if s == "" || len(s) > 63 || s[0] < 'a' || s[0] > 'z' || s[len(s)-1] == '-' {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || isDigit(c) || c == '-') {
			return false
		}
	}
	return true
}

// stripControls removes ANSI/VT escape sequences (CSI such as colour and
// "\x1b[0K", OSC such as hyperlinks and titles, DCS/APC/PM/SOS strings,
// charset designations, two-byte escapes), Jenkins ConsoleNote blobs and C0
// control characters other than TAB and CR.
func stripControls(s string) string {
	i := firstControl(s)
	if i == len(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	b.WriteString(s[:i])
	for i < len(s) {
		c := s[i]
		if c == 0x1b {
			i = skipEscape(s, i)
			continue
		}
		if isControl[c] {
			i++
			continue
		}
		b.WriteByte(c)
		i++
	}
	return b.String()
}

// firstControl is the index of the first byte of s that stripControls
// removes or interprets (isControl), len(s) when there is none.
func firstControl(s string) int {
	i, _, _ := firstControlASCII(s)
	return i
}

// firstControlASCII is firstControl that also says whether the bytes before
// the first control byte are ASCII, and (noCR) that s holds no CR: true when
// s is at least eight bytes long and none of its bytes is below 0x20 or DEL
// (every word read said so); false when s holds a CR or that is not known.
func firstControlASCII(s string) (i int, ascii, noCR bool) {
	var high uint64 // the bytes seen, or'ed: bit 7 of a byte set for a non-ASCII one
	// Eight bytes at a time while none is below 0x20 or is DEL (SWAR, see
	// "Determine if a word has a byte less than n", Bit Twiddling Hacks).
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	b := unsafe.Slice(unsafe.StringData(s), len(s))
	base := unsafe.Pointer(unsafe.StringData(s))
	// Sixteen bytes a turn first, with a cheaper test whose two words
	// share one branch (a turn of eight bytes was 21 instructions, this
	// is 23 for sixteen): an ASCII byte c is below 0x20 or DEL exactly
	// when ((c+1)&0x7f)+0x5f has bit 7 clear (no carries leave a byte:
	// c&0x7f+1 <= 0x80, then <= 0x7f+0x5f), and a byte with bit 7 set
	// (non-ASCII) is never one; so every byte of (v|x) has bit 7 set when
	// the word holds none. A turn that finds one leaves it to the loop
	// below.
	const m7f = 0x7f * ones
	for ; i+16 <= len(b); i += 16 {
		x := binary.LittleEndian.Uint64((*[8]byte)(unsafe.Add(base, i))[:])
		y := binary.LittleEndian.Uint64((*[8]byte)(unsafe.Add(base, i+8))[:])
		vx := (x&m7f+ones)&m7f + 0x5f*ones
		vy := (y&m7f+ones)&m7f + 0x5f*ones
		if (vx|x)&(vy|y)&highs != highs {
			break
		}
		high |= x | y
	}
	for ; i+8 <= len(b); i += 8 {
		// One load (the byte-wise OR was eight), through the pointer: the
		// slice's bounds checks were a third of the loop.
		x := binary.LittleEndian.Uint64((*[8]byte)(unsafe.Add(base, i))[:])
		d := x ^ (0x7f * ones)
		if ((x-0x20*ones)&^x|(d-ones)&^d)&highs != 0 {
			break
		}
		high |= x
	}
	if i < len(b) && i+8 > len(b) && len(b) >= 8 {
		// The last bytes (fewer than eight): the line's last eight in one
		// load, the ones before i already read.
		x := binary.LittleEndian.Uint64(b[len(b)-8:])
		d := x ^ (0x7f * ones)
		if ((x-0x20*ones)&^x|(d-ones)&^d)&highs == 0 {
			return len(s), (high|x)&highs == 0, true
		}
	}
	if i == len(b) && i >= 8 { // the word loop read every byte
		return i, high&highs == 0, true
	}
	for i < len(s) && !isControl[s[i]] {
		high |= uint64(s[i])
		i++
	}
	return i, high&0x8080808080808080 == 0, false
}

// isControl marks the bytes stripControls removes or interprets: C0
// controls other than TAB and CR, and DEL.
var isControl = func() (t [256]bool) {
	for c := 0; c < 0x20; c++ {
		t[c] = c != '\t' && c != '\r'
	}
	t[0x7f] = true
	return t
}()

// skipEscape returns the index after the escape sequence starting at s[i].
func skipEscape(s string, i int) int {
	if i+1 >= len(s) {
		return len(s)
	}
	switch c := s[i+1]; {
	case c == '[':
		// Jenkins ConsoleNote: ESC[8m ha:<base64> ESC[0m.
		if strings.HasPrefix(s[i:], "\x1b[8mha:") {
			if k := strings.Index(s[i:], "\x1b[0m"); k >= 0 {
				return i + k + len("\x1b[0m")
			}
			return len(s)
		}
		j := i + 2
		for j < len(s) && s[j] >= 0x20 && s[j] <= 0x3f { // parameters, intermediates
			j++
		}
		if j < len(s) && s[j] >= 0x40 && s[j] <= 0x7e { // final byte
			return j + 1
		}
		return j
	case c == ']' || c == 'P' || c == 'X' || c == '^' || c == '_':
		// String until BEL or ST (ESC \).
		for j := i + 2; j < len(s); j++ {
			if s[j] == 0x07 {
				return j + 1
			}
			if s[j] == 0x1b && j+1 < len(s) && s[j+1] == '\\' {
				return j + 2
			}
		}
		return len(s)
	case c == '(' || c == ')' || c == '*' || c == '+' || c == '#' || c == '%':
		return min(i+3, len(s))
	case c >= 0x30 && c <= 0x7e:
		return i + 2
	default:
		return i + 1
	}
}
