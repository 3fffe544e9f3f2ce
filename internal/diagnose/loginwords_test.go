package diagnose

import (
	"slices"
	"strings"
	"testing"
)

// plainWordsCases are login arguments around plainWords' edges: plain
// parameter expansions (taken as fields) and every other use of `$`, braces
// and quoting (left to the parser).
var plainWordsCases = []string{
	" -u gitlab-ci-token -p $CI_JOB_TOKEN $CI_REGISTRY",
	" $ORBIT_REGISTRY -u $ORBIT_USER --password-stdin",
	" -u ${ORBIT_USER} -p ${ORBIT_PASS} ${ORBIT_REGISTRY}",
	" -u robot$orbit+ci -p $P registry.orbit.test",
	" -u a${B}c -p $_x $A-b $A:5000 $A/b ${A}/c x$A$B",
	" -u ci -p $1 r.io", " -u ci -p $@ r.io", " -u ci -p $? r.io", " -u ci -p $$ r.io", " -u ci -p $ r.io",
	" -u ci -p ${A:-x} r.io", " -u ci -p ${A r.io", " -u ci -p ${} r.io", " -u ci -p ${1} r.io", " -u ci -p $A} r.io",
	" -u ci -p {a,b} r.io", " -u ci -p $(cat /run/t) r.io", " -u ci -p \"$P\" r.io", " -u ci -p '$P' r.io",
	" -u ci -p \\$P r.io", " -u ci -p $P$ r.io", " -u ci -p $A[0] r.io", " -u ci -p ${A}[0] r.io", " -p $P\tr.io ",
	" A=$B -u ci r.io", " -u ci -p $P # r.io", " -u ci -p $P; echo", " -u ci -p $P | tee x", " -u ci -p $P && x",
	" -u ci -p $P > out", " -u ci -p !$P r.io", " -u ci -p $é r.io", " -u ci -p $Aé r.io", "", " ", " $A",
	" -u ci -p $P -- r.io", " -u ci ~ $HOME/x *.io ?x [ab]",
}

// checkPlainWords fails when plainWords takes args as fields and the shell
// parser reads other words.
func checkPlainWords(t *testing.T, args string) bool {
	t.Helper()
	fields := strings.Fields(args)
	if !plainWords(args, fields) {
		return false
	}
	if got := parsedWords(args, fields); !slices.Equal(got, fields) {
		t.Fatalf("plainWords(%q): fields %q, the parser reads %q", args, fields, got)
	}
	return true
}

// TestPlainWordsAgreeWithParser compares plainWords' fields with the shell
// parser's words on the cases and on the login arguments of every line of
// the package's test logs and the shared corpus (each also with a plain
// `$NAME` argument added, so the expansion path is seen on every login).
func TestPlainWordsAgreeWithParser(t *testing.T) {
	plain, dollar := 0, 0
	for _, args := range plainWordsCases {
		if checkPlainWords(t, args) {
			plain++
			if strings.Contains(args, "$") {
				dollar++
			}
		}
	}
	for _, l := range testLogLines(t) {
		m := matchLoginCmd(l)
		if m == nil {
			continue
		}
		for _, args := range []string{m[2], m[2] + " $ORBIT_TOKEN", " ${ORBIT_REGISTRY}" + m[2]} {
			if checkPlainWords(t, args) {
				plain++
				if strings.Contains(args, "$") {
					dollar++
				}
			}
		}
	}
	if plain < 50 || dollar < 20 {
		t.Fatalf("only %d plain argument lists (%d with an expansion): the check saw too little", plain, dollar)
	}
}

func FuzzPlainWords(f *testing.F) {
	for _, c := range plainWordsCases {
		f.Add(c)
	}
	f.Fuzz(func(t *testing.T, args string) { checkPlainWords(t, args) })
}
