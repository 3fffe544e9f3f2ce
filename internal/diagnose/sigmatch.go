package diagnose

import "strings"

// Hand-written matchers for the signature and fact regexps that cost the
// most on a long log (measured on the assembled benchmark log: they run on
// thousands of lines, and RE2's backtracker clears a visited set the size
// of program x line for every call). Each returns exactly what its regexp
// returns (leftmost-first semantics); sigmatch_test.go and FuzzSigMatchers
// compare them with the regexps, which stay the definition.

// sigMatchers are the signatures' hand matchers, by signature id: each is
// its regexp's FindStringSubmatchIndex.
var sigMatchers = map[string]func(text string) []int{
	"ecr-eof": matchECREOF,
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
