package diagnose

import "strings"

// Hand matchers of fact regexps that observe runs on many lines: each gives
// the same answer as its regexp (TestRefMatchersAgreeWithRegexps,
// TestRefMatchersAgreeOnCorpus and FuzzRefMatchers compare them), without
// the regexp engine's backtracker.

// matchTokenVar is tokenVarRe.MatchString(text):
// `\$\{?[A-Za-z_]\w*(?:TOKEN|KEY)\w*\}?`. After a `$` (and the `{` when
// there is one, which [A-Za-z_] cannot take), the name is a run of word
// bytes that starts with a letter or '_'; the match needs TOKEN or KEY in
// that run after its first byte (\w* can stop anywhere in the run, and the
// optional tail always matches).
func matchTokenVar(text string) bool {
	for from := 0; ; {
		i := strings.IndexByte(text[from:], '$')
		if i < 0 {
			return false
		}
		p := from + i + 1
		from = p
		if p < len(text) && text[p] == '{' {
			p++
		}
		if p >= len(text) || !(text[p] == '_' || isASCIILetter(text[p])) {
			continue
		}
		e := p + 1
		for e < len(text) && isREWord(text[e]) {
			e++
		}
		if name := text[p+1 : e]; strings.Contains(name, "TOKEN") || strings.Contains(name, "KEY") {
			return true
		}
	}
}

// matchPasswordPrompt is promptPwdRe.MatchString(text):
// `(?i)^\s*(?:enter )?(?:your )?password:\s*$`. On an ASCII line, case
// folding is ASCII's; a line with other bytes goes to the regexp ((?i)
// folds 's' with U+017F).
func matchPasswordPrompt(text string) bool {
	if !isASCII(text) {
		return promptPwdRe.MatchString(text)
	}
	s := strings.TrimRight(strings.TrimLeft(text, " \t\n\f\r"), " \t\n\f\r")
	s = cutPrefixFold(s, "enter ")
	s = cutPrefixFold(s, "your ")
	return len(s) == len("password:") && strings.EqualFold(s, "password:")
}

// cutPrefixFold is s without prefix (ASCII, lower case) when s starts with
// it in any case, else s.
func cutPrefixFold(s, prefix string) string {
	if len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix) {
		return s[len(prefix):]
	}
	return s
}

// matchLoginOK is loginOK.MatchString(text): `(?i)\blogin succeeded\b`,
// with low the line's lowercase. On an ASCII line low is text with ASCII
// case folded, byte for byte, and word bytes stay word bytes; a line with
// other bytes goes to the regexp ((?i) folds 's' with U+017F, and
// lowercasing can turn other bytes into ASCII letters: U+212A, the Kelvin
// sign, into 'k').
func matchLoginOK(text, low string) bool {
	if len(low) != len(text) || !isASCII(text) {
		return loginOK.MatchString(text)
	}
	const lit = "login succeeded"
	for from := 0; ; {
		i := strings.Index(low[from:], lit)
		if i < 0 {
			return false
		}
		s := from + i
		e := s + len(lit)
		if (s == 0 || !isREWord(low[s-1])) && (e == len(low) || !isREWord(low[e])) {
			return true
		}
		from = s + 1
	}
}
