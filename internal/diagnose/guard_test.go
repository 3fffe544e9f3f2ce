package diagnose

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

func TestLitGuardDerivation(t *testing.T) {
	for _, tc := range []struct {
		re      string
		line    string
		may     bool
		noGuard bool
	}{
		{re: `(?i)manifest unknown|not found: (\S+)`, line: "MANIFEST UNKNOWN", may: true},
		{re: `(?i)manifest unknown|not found: (\S+)`, line: "Not Found: x", may: true},
		{re: `(?i)manifest unknown|not found: (\S+)`, line: "pushing manifest for x", may: false},
		{re: `manifest for (\S+) not found`, line: "manifest for x", may: false},           // both literals needed
		{re: `manifest for (\S+) not found`, line: "Manifest for x not found", may: false}, // case-sensitive part
		{re: `manifest for (\S+) not found`, line: "manifest for x not found", may: true},
		{re: `docker (?:image )?push (\S+)`, line: "docker image push x", may: true},
		{re: `\S+`, line: "anything", may: true, noGuard: true},
		{re: `(?i)a|\d+`, line: "zzz", may: true, noGuard: true}, // an alternative without literal
		{re: `(?:x+)?y*`, line: "zzz", may: true, noGuard: true},
	} {
		re := regexp.MustCompile(tc.re)
		g := newLitGuard(re)
		if (g.alts == nil) != tc.noGuard {
			t.Errorf("%s: guard %v, want none=%v", tc.re, g.alts, tc.noGuard)
		}
		if got := g.may(tc.line, strings.ToLower(tc.line)); got != tc.may {
			t.Errorf("%s on %q: may=%v, want %v (guard %v)", tc.re, tc.line, got, tc.may, g.alts)
		}
		if re.MatchString(tc.line) && !g.may(tc.line, strings.ToLower(tc.line)) {
			t.Errorf("%s on %q: guard rejects a match", tc.re, tc.line)
		}
	}
	// (?i)s matches U+017F, which lowercasing keeps: such lines skip guards.
	if lineGuards("ſtatus") || !lineGuards("status") {
		t.Error("lineGuards must be off exactly for lines holding U+017F")
	}
}

// TestLitGuardsKeepEveryMatch checks, on every line of the test logs and of
// the real corpus (in place) and on upper- and lower-cased copies, that no
// guard of a signature, reference pattern or login regexp rejects a line
// its regexp matches: the guards must change no result.
func TestLitGuardsKeepEveryMatch(t *testing.T) {
	keywords()
	type guardedExpr struct {
		re *regexp.Regexp
		g  *litGuard
	}
	var res []guardedExpr
	for _, r := range []*guardedRe{loginCmdRe, loggingInto, ecrActionLogin, loginOK, credsFlagRe, gcloudCfgRe, azLoginRe} {
		res = append(res, guardedExpr{r.get(), r.guard()})
	}
	for _, s := range allSigs {
		res = append(res, guardedExpr{s.regexp(), s.guards()})
	}
	for i, p := range refPatterns {
		res = append(res, guardedExpr{p.re.get(), refGuard(i)})
	}
	lines := testLogLines(t)
	matched := 0
	for _, l := range lines {
		for _, v := range []string{l, strings.ToUpper(l), strings.ToLower(l)} {
			low := strings.ToLower(v)
			for _, r := range res {
				if r.re.MatchString(v) {
					matched++
					if !r.g.may(v, low) {
						t.Errorf("guard %v of %s rejects a matching line %q", r.g.alts, r.re, v)
					}
				}
				if r.re.MatchString(low) && !r.g.may(low, low) {
					t.Errorf("guard %v of %s rejects a matching line %q", r.g.alts, r.re, low)
				}
			}
		}
	}
	// Started at the first start literal, signatures find the same match.
	for _, l := range lines {
		for _, v := range []string{l, strings.ToUpper(l), strings.ToLower(l), "x " + l} {
			low := strings.ToLower(v)
			for _, s := range allSigs {
				want := s.re.FindStringSubmatchIndex(v)
				got := s.starts().findSubmatchIndex(s.regexp(), v, low, isASCII(v))
				if !slices.Equal(got, want) {
					t.Errorf("signature %s on %q: match %v started at %v, want %v", s.id, v, got, s.starts(), want)
				}
			}
		}
	}
	if matched < 100 {
		t.Fatalf("only %d matches over %d lines: the check saw too little", matched, len(lines))
	}
}

// TestGuardKeys checks that reading a guard's literals from the line's keys
// (mayKeys) decides as searching for them (may), for every signature on
// every line of the test logs and of the corpus, as is and case-changed,
// and that some literals are read so.
func TestGuardKeys(t *testing.T) {
	keywords()
	bound := 0
	for _, s := range allSigs {
		for _, a := range s.guards().alts {
			for _, l := range a {
				if l.key > 0 {
					bound++
					if k := l.key - 1; !l.fold || lineKeyName(k) != l.s {
						t.Errorf("signature %s: literal %q bound to key slot %d (%q)", s.id, l.s, k, lineKeyName(k))
					}
				}
			}
		}
	}
	if bound == 0 {
		t.Fatal("no guard literal is a line key: mayKeys is not exercised")
	}
	t.Logf("%d guard literals read from the line keys", bound)
	for _, l := range testLogLines(t) {
		for _, v := range []string{l, strings.ToUpper(l), strings.ToLower(l)} {
			low := strings.ToLower(v)
			var keys keyBits
			var cand sigSet
			lineKeyPass(low, &keys, &cand)
			for _, s := range allSigs {
				if got, want := s.guards().mayKeys(v, low, &keys), s.guards().may(v, low); got != want {
					t.Errorf("signature %s on %q: mayKeys %v, may %v", s.id, v, got, want)
				}
			}
		}
	}
}

// lineKeyName is the key of a line key slot (keySlots' layout).
func lineKeyName(slot int) string {
	switch {
	case slot < maxSigKeys:
		return sigKeys[slot]
	case slot < auxBase:
		return refIndex.keys[slot-maxSigKeys]
	default:
		return auxLow[slot-auxBase]
	}
}

// checkLitIndex compares guardLit.index with strings.Index for lit looked
// for with each of its bytes as the rare one, on in and on in's suffixes.
func checkLitIndex(t *testing.T, lit, in string) {
	t.Helper()
	if lit == "" {
		return
	}
	for r := 0; r < len(lit); r++ {
		l := guardLit{s: lit, rare: r}
		for _, v := range []string{in, in + in, strings.Repeat(in, 5)} {
			if got, want := l.index(v), strings.Index(v, lit); got != want {
				t.Fatalf("index(%q) of %q (rare %d) = %d, strings.Index %d", v, lit, r, got, want)
			}
		}
	}
}

// TestGuardLitIndex checks guardLit.index against strings.Index: on a table
// built for its edges (the rare byte at the line's ends, a line of rare
// bytes that sends it to strings.Index, near misses) and on every guard
// and start literal of every signature over every line of the test logs
// and the corpus.
func TestGuardLitIndex(t *testing.T) {
	pad := strings.Repeat("x", 70)
	cases := [][2]string{
		{"abc", pad + "abc"},
		{"abc", "abc" + pad},
		{"abc", pad + "ab"},
		{"abc", "bc" + pad},
		{"k:", pad + "k" + pad + "k:"},
		{" failed: ", strings.Repeat(":", 200) + " failed: "},
		{" failed: ", strings.Repeat(" failed; ", 40) + " failed: x"},
		{"aab", strings.Repeat("a", 300) + "b"},
		{"aab", strings.Repeat("a", 300)},
		{"\"q\"", strings.Repeat("\"", 150) + "q\"" + pad},
		{"xyz", pad},
		{"x", pad},
		{pad + "y", pad + pad + "y"},
	}
	for _, c := range cases {
		checkLitIndex(t, c[0], c[1])
	}
	lits := allGuardLits()
	rare := 0
	for _, l := range lits {
		if l.rare > 0 {
			rare++
		}
	}
	if rare == 0 {
		t.Fatal("no literal has a rare byte past its first: the fast path is not exercised")
	}
	for _, line := range testLogLines(t) {
		low := strings.ToLower(line)
		for _, l := range lits {
			in := line
			if l.fold {
				in = low
			}
			if got, want := l.index(in), strings.Index(in, l.s); got != want {
				t.Fatalf("index(%q) of %q (rare %d) = %d, strings.Index %d", in, l.s, l.rare, got, want)
			}
		}
	}
}

// FuzzGuardLitIndex compares guardLit.index with strings.Index.
func FuzzGuardLitIndex(f *testing.F) {
	f.Add(" failed: ", strings.Repeat("a failed; b", 12)+" failed: ")
	f.Add("creating push check transport for ", strings.Repeat("k", 80)+"creating push check transport for x")
	f.Add("ab", strings.Repeat("b", 100))
	f.Fuzz(func(t *testing.T, lit, in string) {
		checkLitIndex(t, lit, in)
	})
}

// assertAfterStartLines put a regexp's \b (or $) right after text that
// ends or goes on as a word, in signatures whose matches begin with a start
// literal and hold an assertion after it (startLitsOf keeps their start
// literals: the assertion looks only at bytes the cut line keeps).
var assertAfterStartLines = []string{
	"Command failed: docker-credential-orbit get",
	"Command failed: docker-credential-orbit getter",
	"Command failed: docker-credential-orbit get_x Command failed: docker-credential-orbit list",
	"xCommand failed: docker-credential-orbit erase-",
	"error: Command failed: docker-credential-orbit store\t",
	"denied: denied", "denied: deniedx", "xdenied: denied_", "DENIED: denied.", "DENIED: deniedDENIED: denied",
	"denied: Not Authorized", "denied: Not Authorizedx denied: not authorized",
	"connect ECONNREFUSED 127.0.0.1:2375", "connect ECONNREFUSED 127.0.0.1:23750", "connect ECONNREFUSED [::1]:2376x connect ECONNREFUSED 10.0.0.1:2376",
	"StatusCode: 413", "StatusCode: 4130 StatusCode: 413_ StatusCode: 413.",
	"status=401", "status=4011 status=401x", "status=403_ status=403",
	"unexpected status code 404", "unexpected status from GET request to https://registry.orbit.test/v2/: 4040", "unexpected status: 400x unexpected status: 400",
	"unexpected status code: 499", "response status code 4990 response status code 499 ",
	"registry/docker-credentials/orbit: 401", "registry/docker-credentials/orbit: 4031",
	"Error verifying write access to \"registry.orbit.test/a/b\": UNAUTHORIZED", "Error verifying write access to \"r/a\": DENIEDx",
	"Caller does not have permission or the resource may not exist 'read", "Caller does not have permission or the resource may not exist readx",
	"CannotPullContainerError: AccessDenied", "CannotPullContainerError: AccessDeniedException",
	"proxyconnect tcp: EOF", "proxyconnect tcp: EOFx proxyconnect tcp: eof",
	"requesting bearer token: unexpected 403", "requesting bearer token: got x4011 and 401",
	"cannot unpack package: fetch xhttps://index.docker.io/v2/ and https://xpkg.upbound.io/a",
	"HTTPConnectionPool(host='orbit', port=2375): Max retries exceeded with url: /version", "HTTPConnectionPool(host='orbit', port=2375): Max retries exceeded with url: /versions",
	"jib.http.ResponseException: 401", "jib.http.ResponseException: 4011",
	"error pushing registry.orbit.test/vsc-app-0123456789abcdef0123456789abcdef", "pushing vsc-app-0123456789abcdef0123456789abcdef_x",
}

// TestStartLitsAfterAssert compares findIndex (which starts at the start
// literals) with the regexp for every signature on assertAfterStartLines,
// as is, case-changed and with a word byte before them.
func TestStartLitsAfterAssert(t *testing.T) {
	keywords()
	matched := 0
	for _, l := range assertAfterStartLines {
		for _, v := range []string{l, strings.ToUpper(l), strings.ToLower(l), "x" + l, "_" + l} {
			checkSigMatchers(t, v, true)
			for _, s := range allSigs {
				if s.starts() != nil && s.re.MatchString(v) {
					matched++
				}
			}
		}
	}
	if matched < 50 {
		t.Fatalf("only %d matches by signatures with start literals: the table exercises too little", matched)
	}
}

// BenchmarkGuardLitIndex times guardLit.index (rare byte) and
// strings.Index (first byte) over every guard and start literal on the
// test logs' (testdata/logs) lines longer than 64 bytes (where index differs).
func BenchmarkGuardLitIndex(b *testing.B) {
	lits := allGuardLits()
	files, _ := filepath.Glob(filepath.Join("testdata", "logs", "*.log"))
	var lines []string
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		for _, l := range strings.Split(string(data), "\n") {
			if len(l) > 64 {
				lines = append(lines, strings.ToLower(l))
			}
		}
	}
	for _, bc := range []struct {
		name string
		f    func(l *guardLit, in string) int
	}{
		{"rare", func(l *guardLit, in string) int { return l.index(in) }},
		{"strings.Index", func(l *guardLit, in string) int { return strings.Index(in, l.s) }},
	} {
		b.Run(bc.name, func(b *testing.B) {
			n := 0
			for range b.N {
				for _, in := range lines {
					for i := range lits {
						n += bc.f(&lits[i], in)
					}
				}
			}
			_ = n
		})
	}
}

// allGuardLits is every signature's guard literals (each alternative's) and
// start literals, in allSigs order.
func allGuardLits() []guardLit {
	keywords()
	var lits []guardLit
	for _, s := range allSigs {
		for _, a := range s.guards().alts {
			lits = append(lits, a...)
		}
		lits = append(lits, s.starts()...)
	}
	return lits
}
