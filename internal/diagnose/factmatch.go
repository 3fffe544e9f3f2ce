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

// matchDollarUser is dollarUserRe.MatchString(v):
// `^[A-Za-z0-9._+@-]+\$\{?[A-Za-z_]`: a run of those bytes from the start,
// then a `$`, an optional `{`, and a letter or '_'.
func matchDollarUser(v string) bool {
	i := 0
	for i < len(v) && isDollarUserByte(v[i]) {
		i++
	}
	if i == 0 || i >= len(v) || v[i] != '$' {
		return false
	}
	i++
	if i < len(v) && v[i] == '{' {
		i++
	}
	return i < len(v) && (v[i] == '_' || isASCIILetter(v[i]))
}

// isDollarUserByte reports whether c is in dollarUserRe's leading class
// [A-Za-z0-9._+@-]: the bytes of a registry username before a `$`.
func isDollarUserByte(c byte) bool {
	return isASCIILetter(c) || '0' <= c && c <= '9' || c == '.' || c == '_' || c == '+' || c == '@' || c == '-'
}

// matchCredsFlag is credsFlagRe.MatchString(text):
// `--(?:creds|dest-creds|src-creds)[= ]`.
func matchCredsFlag(text string) bool {
	for from := 0; ; {
		i := strings.Index(text[from:], "creds")
		if i < 0 {
			return false
		}
		k := from + i
		from = k + 1
		if e := k + len("creds"); e >= len(text) || (text[e] != '=' && text[e] != ' ') {
			continue
		}
		if strings.HasSuffix(text[:k], "--") || strings.HasSuffix(text[:k], "--dest-") || strings.HasSuffix(text[:k], "--src-") {
			return true
		}
	}
}

// findAuthsKeys is authsKeyRe.FindAllStringSubmatch(text, n):
// `auths"?\s*:\s*\{\s*"?((?:https?://)?[^"{}\s]+?)"?\s*:\s*\{`, the
// registry keys of a docker config.json's "auths" a line prints. Up to the
// group, each part's extent is forced (the group takes no quote or white
// space). The group is the shortest run of its bytes after which the tail
// `"?\s*:\s*\{` matches, preferring (the greedy optional) one that holds
// a byte past a leading http:// or https://. A match ends after its
// closing '{'; the next is searched from there.
func findAuthsKeys(text string, n int) [][]string {
	var out [][]string
	for from := 0; n < 0 || len(out) < n; {
		i := strings.Index(text[from:], "auths")
		if i < 0 {
			break
		}
		s := from + i
		from = s + 1
		p := s + len("auths")
		if p < len(text) && text[p] == '"' {
			p++
		}
		p = skipRESpace(text, p)
		if p >= len(text) || text[p] != ':' {
			continue
		}
		p = skipRESpace(text, p+1)
		if p >= len(text) || text[p] != '{' {
			continue
		}
		p = skipRESpace(text, p+1)
		if p < len(text) && text[p] == '"' {
			p++
		}
		// The run the group may take: bytes other than `"{}` and \s.
		r := p
		for r < len(text) && !isRESpace(text[r]) && text[r] != '"' && text[r] != '{' && text[r] != '}' {
			r++
		}
		ge, end := -1, -1
		if pre := httpPrefixLen(text[p:r]); pre > 0 {
			ge, end = authsTail(text, p+pre+1, r)
		}
		if ge < 0 {
			ge, end = authsTail(text, p+1, r)
		}
		if ge < 0 {
			continue
		}
		out = append(out, []string{text[s:end], text[p:ge]})
		from = end
	}
	return out
}

// authsTail is the first group end e in [lo, r] (r: the end of the group's
// run) after which `"?\s*:\s*\{` matches, and the end of that match; -1
// when none.
func authsTail(text string, lo, r int) (e, end int) {
	for e = lo; e <= r; e++ {
		q := e
		if q < len(text) && text[q] == '"' {
			q++
		}
		q = skipRESpace(text, q)
		if q >= len(text) || text[q] != ':' {
			continue
		}
		q = skipRESpace(text, q+1)
		if q < len(text) && text[q] == '{' {
			return e, q + 1
		}
	}
	return -1, -1
}

// httpPrefixLen is the length of a leading "https://" or "http://" of s, else 0.
func httpPrefixLen(s string) int {
	switch {
	case strings.HasPrefix(s, "https://"):
		return len("https://")
	case strings.HasPrefix(s, "http://"):
		return len("http://")
	}
	return 0
}

// skipRESpace is the first index from i that is not \s.
func skipRESpace(s string, i int) int {
	for i < len(s) && isRESpace(s[i]) {
		i++
	}
	return i
}

// matchLoggingInto is loggingInto.FindStringSubmatch(text):
// `Logging into (.+?)\.\.\.` (docker/login-action's "Logging into HOST...").
// The group is at least one character ('.' takes a whole UTF-8 sequence,
// and "..." cannot start inside one, so searching from the byte after the
// group's first gives the same end), up to the first "..." after it, and
// holds no newline ('.'); else the next "Logging into " is tried.
func matchLoggingInto(text string) []string {
	const lead = "Logging into "
	for from := 0; ; {
		i := strings.Index(text[from:], lead)
		if i < 0 {
			return nil
		}
		s := from + i
		from = s + 1
		p := s + len(lead)
		if p >= len(text) {
			return nil
		}
		q := strings.Index(text[p+1:], "...")
		if q < 0 {
			return nil // no "..." after any later start either
		}
		e := p + 1 + q
		if strings.IndexByte(text[p:e], '\n') >= 0 {
			continue
		}
		return []string{text[s : e+3], text[p:e]}
	}
}
