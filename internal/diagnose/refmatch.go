package diagnose

import "strings"

// Hand-written matchers for the reference patterns that run on most lines of
// a long log (refPatterns' "docker push ", "docker pull ", "push refers to",
// "pushing manifest for", "pull"). Each returns exactly what its regexp's
// FindAllStringSubmatch(text, n) returns as group 1 (leftmost-first
// semantics, matches not overlapping, at most n), without the regexp engine's
// backtracking or allocation. refmatch_test.go and FuzzRefMatchers check them
// against the regexps. They work on bytes: RE2's \s is [\t\n\f\r ] (regexp/
// syntax, Perl classes), all ASCII, so a byte of a multi-byte or invalid
// UTF-8 sequence is \S, as the regexp decodes it.

// refMatchFunc appends to dst group 1 of up to n matches in text.
type refMatchFunc func(text string, n int, dst []string) []string

// isRESpace is RE2's \s: [\t\n\f\r ]. One compare for a byte above the
// space (most of a line) and a bit test below it, where the five compares
// of the plain definition ran for every non-space byte.
func isRESpace(c byte) bool {
	const set = 1<<' ' | 1<<'\t' | 1<<'\n' | 1<<'\f' | 1<<'\r'
	return c <= ' ' && uint64(set)>>c&1 != 0
}

// nonSpaceEnd is the end of the run of \S starting at i.
func nonSpaceEnd(text string, i int) int {
	for i < len(text) && !isRESpace(text[i]) {
		i++
	}
	return i
}

// optionsThenArg matches `(?:-\S+ )*([^\s-]\S*)` at p: options, then the
// first argument. The repetition is greedy and each repeat is forced (\S+
// runs to the next white space, which must be ' '); with fewer repeats the
// argument would start on '-', so the longest is the only one that can match.
func optionsThenArg(text string, p int) (start, end int, ok bool) {
	for p < len(text) && text[p] == '-' {
		j := nonSpaceEnd(text, p+1)
		if j == p+1 || j >= len(text) || text[j] != ' ' {
			return 0, 0, false
		}
		p = j + 1
	}
	if p >= len(text) || isRESpace(text[p]) || text[p] == '-' {
		return 0, 0, false
	}
	return p, nonSpaceEnd(text, p+1), true
}

// prefixOptionsArg is `PREFIX(?:-\S+ )*([^\s-]\S*)` ("docker push ", "docker pull ").
func prefixOptionsArg(prefix string) refMatchFunc {
	return func(text string, n int, dst []string) []string {
		for from, found := 0, 0; found < n; {
			i := strings.Index(text[from:], prefix)
			if i < 0 {
				break
			}
			at := from + i
			s, e, ok := optionsThenArg(text, at+len(prefix))
			if !ok {
				from = at + 1
				continue
			}
			dst = append(dst, text[s:e])
			found++
			from = e
		}
		return dst
	}
}

// prefixNonSpace is `PREFIX(\S+)` ("pushing manifest for ").
func prefixNonSpace(prefix string) refMatchFunc { return prefixArg(prefix, nil) }

// prefixArg matches PREFIX followed by a run of non-space bytes, the run
// being the group. skip, when set, moves the group's start past an optional
// part right after the prefix (it returns p unchanged when there is none).
func prefixArg(prefix string, skip func(text string, p int) int) refMatchFunc {
	return func(text string, n int, dst []string) []string {
		for from, found := 0, 0; found < n; {
			i := strings.Index(text[from:], prefix)
			if i < 0 {
				break
			}
			at := from + i
			p := at + len(prefix)
			if skip != nil {
				p = skip(text, p)
			}
			if p >= len(text) || isRESpace(text[p]) {
				from = at + 1
				continue
			}
			e := nonSpaceEnd(text, p+1)
			dst = append(dst, text[p:e])
			found++
			from = e
		}
		return dst
	}
}

// matchPushRefersTo is `The push refers to (?:a )?repository \[((?:\[secure\]|[^\]\s])+)\]`.
// The optional "a " is forced: without it "repository" would have to start
// on 'a'; the group runs to the first ']' or white space, which must be ']',
// past Travis CI's secret mask "[secure]" ("[docker.io/[secure]/app]"). When
// it stops elsewhere, the regexp backtracks into the last mask it took and
// ends at the mask's own ']' ("[x[secure] y]" gives "x[secure").
func matchPushRefersTo(text string, n int, dst []string) []string {
	const lead, repo = "The push refers to ", "repository ["
	for from, found := 0, 0; found < n; {
		i := strings.Index(text[from:], lead)
		if i < 0 {
			break
		}
		at := from + i
		from = at + 1
		p := at + len(lead)
		if strings.HasPrefix(text[p:], "a ") {
			p += 2
		}
		if !strings.HasPrefix(text[p:], repo) {
			continue
		}
		p += len(repo)
		e, lastMask := p, -1 // lastMask: the ']' of the last "[secure]" taken
		for e < len(text) && text[e] != ']' && !isRESpace(text[e]) {
			if text[e] == '[' && strings.HasPrefix(text[e:], travisMask) {
				e += len(travisMask)
				lastMask = e - 1
				continue
			}
			e++
		}
		if e >= len(text) || text[e] != ']' {
			if lastMask < 0 {
				continue
			}
			e = lastMask
		}
		if e == p {
			continue
		}
		dst = append(dst, text[p:e])
		found++
		from = e + 1
	}
	return dst
}

// travisMask is what Travis CI prints in place of a secure variable's value.
const travisMask = "[secure]"

// pullLeads are the alternatives of the "pull" pattern; at one position at
// most one of them can match (they differ in their first or ninth byte).
var pullLeads = [...]string{"Failed to pull image", "failed to pull image", "Pulling docker image", "Pulling image"}

// pullLeadAt returns the leftmost match at or after from of one of
// pullLeads, and which (-1 when none). Every lead ends with "image", so the
// line is searched for that word alone (a "pull" line without it, "git
// pull", "--pull", is read once), and at each occurrence the leads are
// compared backwards; the first occurrence that ends a lead ends the
// leftmost one: leads ending at a later "image" begin after this one's
// start (a lead is at most 20 bytes, and none holds "image" before its
// end, so two of them never overlap).
func pullLeadAt(text string, from int) (int, string) {
	const word = "image"
	for p := from; ; {
		i := strings.Index(text[p:], word)
		if i < 0 {
			return -1, ""
		}
		end := p + i + len(word)
		for _, l := range pullLeads {
			if start := end - len(l); start >= from && text[start:end] == l {
				return start, l
			}
		}
		p = end - len(word) + 1
	}
}

// matchPullImage is
// `(?:Failed to pull image|failed to pull image|Pulling docker image|Pulling image) "?([^"\s]+?)"?(?: |$)`.
// The optional quote before the group is taken when present (the group cannot
// start with one); the lazy group can only stop where a space, the end, or a
// quote followed by a space or the end comes, and before that it holds no
// quote or white space, so it is the whole run of [^"\s] that follows.
func matchPullImage(text string, n int, dst []string) []string {
	for from, found := 0, 0; found < n; {
		at, lead := pullLeadAt(text, from)
		if at < 0 {
			break
		}
		end, ok := -1, false
		p := at + len(lead)
		if p < len(text) && text[p] == ' ' {
			p++
			if p < len(text) && text[p] == '"' {
				p++
			}
			e := p
			for e < len(text) && text[e] != '"' && !isRESpace(text[e]) {
				e++
			}
			switch {
			case e == p:
			case e == len(text):
				end, ok = e, true
			case text[e] == ' ':
				end, ok = e+1, true
			case text[e] == '"' && e+1 == len(text):
				end, ok = e+1, true
			case text[e] == '"' && text[e+1] == ' ':
				end, ok = e+2, true
			}
			if ok {
				dst = append(dst, text[p:e])
			}
		}
		if !ok {
			from = at + 1
			continue
		}
		found++
		from = end
	}
	return dst
}

// loginClients are the alternatives of loginCmdRe; they begin with different
// letters, so at one position at most one of them can match.
var loginClients = [...]string{"docker", "podman", "buildah", "skopeo", "nerdctl", "oras", "helm registry", "crane auth", "regctl registry"}

// isREWord is RE2's \w, the characters \b looks at: [0-9A-Za-z_].
func isREWord(c byte) bool {
	return c == '_' || '0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
}

// matchLoginCmd is loginCmdRe.FindStringSubmatch(text):
// `\b(docker|...|regctl registry) login\b(.*)`. Every match holds " login"
// right after the client, and the clients hold no " login", so the leftmost
// match is at the first " login" that ends on a word boundary and follows a
// client that begins on one. `.` stops at a newline.
func matchLoginCmd(text string) []string {
	for from := 0; ; {
		i := strings.Index(text[from:], " login")
		if i < 0 {
			return nil
		}
		k := from + i
		from = k + 1
		after := k + len(" login")
		if after < len(text) && isREWord(text[after]) {
			continue
		}
		for _, c := range loginClients {
			s := k - len(c)
			if s < 0 || text[s:k] != c || (s > 0 && isREWord(text[s-1])) {
				continue
			}
			e := strings.IndexByte(text[after:], '\n')
			if e < 0 {
				e = len(text)
			} else {
				e += after
			}
			return []string{text[s:e], c, text[after:e]}
		}
	}
}

// prefixQuoted is `PREFIX"([^"]+)"` ("checking push permission for ").
func prefixQuoted(prefix string) refMatchFunc { return prefixQuotedMin(prefix, 1) }

// prefixQuotedMin is `PREFIX"([^"]*)"` (min 0: "Error parsing reference: ")
// or `PREFIX"([^"]+)"` (min 1). The group runs to the first quote after
// the opening one, which must close it.
func prefixQuotedMin(prefix string, min int) refMatchFunc {
	lead := prefix + `"`
	return func(text string, n int, dst []string) []string {
		for from, found := 0, 0; found < n; {
			i := strings.Index(text[from:], lead)
			if i < 0 {
				break
			}
			at := from + i
			p := at + len(lead)
			e := strings.IndexByte(text[p:], '"')
			if e < min {
				from = at + 1
				continue
			}
			dst = append(dst, text[p:p+e])
			found++
			from = p + e + 1
		}
		return dst
	}
}

// prefixLazyColon is `PREFIX(\S+?):(?:\s|$)` ("initializing source
// docker://", "exists in "): the group is the shortest run of \S after the
// prefix that is followed by a colon ending the text or followed by white
// space. The colon is \S too, so an earlier one not so followed stays in
// the group.
func prefixLazyColon(prefix string) refMatchFunc {
	return func(text string, n int, dst []string) []string {
		for from, found := 0, 0; found < n; {
			i := strings.Index(text[from:], prefix)
			if i < 0 {
				break
			}
			at := from + i
			from = at + 1
			p := at + len(prefix)
			e := -1
			for j := p + 1; j < len(text) && !isRESpace(text[j]); j++ {
				if text[j] == ':' && !isRESpace(text[j-1]) && (j+1 == len(text) || isRESpace(text[j+1])) {
					e = j
					break
				}
			}
			if e < 0 || isRESpace(text[p]) {
				continue
			}
			dst = append(dst, text[p:e])
			found++
			from = e + 1
		}
		return dst
	}
}

// matchSigningRef is `\bsigning \[([^\]\s,]+)` (cosign's "signing [REF]"):
// the lead on a word boundary (RE2's \b: the byte before is not \w, or
// there is none; a byte of a multi-byte rune is not \w either), then the
// longest non-empty run of bytes other than ']', ',' and white space. The
// regexp has no literal prefix (\b comes first), so RE2 tried it at every
// position of the line: ~17 us a line.
func matchSigningRef(text string, n int, dst []string) []string {
	const lead = "signing ["
	for from, found := 0, 0; found < n; {
		i := strings.Index(text[from:], lead)
		if i < 0 {
			break
		}
		at := from + i
		from = at + 1
		if at > 0 && isREWord(text[at-1]) {
			continue
		}
		p := at + len(lead)
		e := p
		for e < len(text) && text[e] != ']' && text[e] != ',' && !isRESpace(text[e]) {
			e++
		}
		if e == p {
			continue
		}
		dst = append(dst, text[p:e])
		found++
		from = e
	}
	return dst
}

// prefixPlatformArg is `PREFIX(?:--platform=\S+ )?(\S+)` (": FROM ", "] FROM ").
// The option is taken when it is followed by an argument; otherwise the
// regexp backtracks and the argument is the run that starts at the option.
func prefixPlatformArg(prefix string) refMatchFunc {
	const platform = "--platform="
	return prefixArg(prefix, func(text string, p int) int {
		if strings.HasPrefix(text[p:], platform) {
			j := nonSpaceEnd(text, p+len(platform))
			if j > p+len(platform) && j+1 < len(text) && text[j] == ' ' && !isRESpace(text[j+1]) {
				return j + 1
			}
		}
		return p
	})
}

// matchDestination is `--destination[= ]'?([^\s']+)` (kaniko). The quote is
// taken when present (the group cannot start with one).
func matchDestination(text string, n int, dst []string) []string {
	const lead = "--destination"
	for from, found := 0, 0; found < n; {
		i := strings.Index(text[from:], lead)
		if i < 0 {
			break
		}
		at := from + i
		from = at + 1
		p := at + len(lead)
		if p >= len(text) || (text[p] != '=' && text[p] != ' ') {
			continue
		}
		p++
		if p < len(text) && text[p] == '\'' {
			p++
		}
		e := p
		for e < len(text) && text[e] != '\'' && !isRESpace(text[e]) {
			e++
		}
		if e == p {
			continue
		}
		dst = append(dst, text[p:e])
		found++
		from = e
	}
	return dst
}

// awsRegionLeads are the literals every match of awsRegionRe begins with,
// lowercased (its (?i) alternatives: --region, aws-region:, AWS_REGION,
// AWS_DEFAULT_REGION).
var awsRegionLeads = [...]string{"--region", "aws-region:", "aws_region", "aws_default_region"}

// findAWSRegion is awsRegionRe.FindStringSubmatch(text), low being the
// lowercased text: matched by hand on an ASCII line (matchAWSRegionASCII).
func findAWSRegion(text, low string) []string {
	if !isASCII(text) {
		return awsRegionRe.FindStringSubmatch(text)
	}
	return matchAWSRegionASCII(text, low)
}

// isURLStop reports the bytes urlRe's class [^\s"'<>()\[\]{},] excludes.
func isURLStop(c byte) bool {
	switch c {
	case '"', '\'', '<', '>', '(', ')', '[', ']', '{', '}', ',':
		return true
	}
	return isRESpace(c)
}

// findURLs is urlRe.FindAllString(text, n): `https?://[^\s"'<>()\[\]{},]+`.
// A match starts at "http"; the optional 's' is taken when "s://" follows
// (without it "://" would have to start on the 's').
func findURLs(text string, n int) []string {
	var out []string
	for from := 0; len(out) < n; {
		i := strings.Index(text[from:], "http")
		if i < 0 {
			break
		}
		at := from + i
		from = at + 1
		p := at + len("http")
		switch {
		case strings.HasPrefix(text[p:], "://"):
			p += len("://")
		case strings.HasPrefix(text[p:], "s://"):
			p += len("s://")
		default:
			continue
		}
		e := p
		for e < len(text) && !isURLStop(text[e]) {
			e++
		}
		if e == p {
			continue
		}
		out = append(out, text[at:e])
		from = e
	}
	return out
}
