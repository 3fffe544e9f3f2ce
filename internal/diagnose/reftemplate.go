package diagnose

import "strings"

// emptyAffix reports whether a reference (no transport prefix) has a tag
// that starts with '-' or '.' followed by a generated value (a commit SHA,
// a run number, a version: "{{branch}}-{{sha}}" on a tag push gives
// ":-eb78f51"), or a repository path component that starts or ends with
// '-', '.' or '_'. A literal word after the separator (":-suffix") is left
// to invalid-reference: a tool that prefixes its own value (aws-cdk's asset
// tags) fails so too. The grammar allows neither (distribution's
// reference grammar: tag [\w][\w.-]*, path component
// [a-z0-9]+(?:(?:[._]|__|[-]*)[a-z0-9]+)*), and nobody types one: it is a
// template such as "{{branch}}-{{sha}}" or "widget-${ENV}" whose variable
// part expanded to empty. The first component is skipped when it is a
// registry host (it holds a '.' or ':' or is localhost).
func emptyAffix(ref string) bool {
	if i := strings.IndexByte(ref, '@'); i >= 0 {
		ref = ref[:i]
	}
	name, tag := ref, ""
	if i := strings.LastIndexByte(ref, ':'); i >= 0 && i > strings.LastIndexByte(ref, '/') {
		name, tag = ref[:i], ref[i+1:]
	}
	if tag != "" && (tag[0] == '-' || tag[0] == '.') && generatedValue(strings.TrimLeft(tag, "-.")) {
		return true
	}
	parts := strings.Split(name, "/")
	for i, p := range parts {
		if p == "" {
			continue // an empty component is the caller's // case
		}
		if i == 0 && len(parts) > 1 && (strings.IndexByte(p, '.') >= 0 || strings.IndexByte(p, ':') >= 0 || p == "localhost") {
			continue
		}
		if isSep(p[0]) || isSep(p[len(p)-1]) {
			return true
		}
	}
	return false
}

func isSep(b byte) bool { return b == '-' || b == '.' || b == '_' }

// generatedValue reports whether s looks like a value a CI template fills
// in: a hexadecimal commit SHA (7 to 40 digits), a run or build number, or
// a dotted version (1.2.3).
func generatedValue(s string) bool {
	if s == "" {
		return false
	}
	hex, digits := true, true
	for i := 0; i < len(s); i++ {
		b := s[i]
		isDigit := b >= '0' && b <= '9'
		if !isDigit && !(b >= 'a' && b <= 'f') {
			hex = false
		}
		if !isDigit && b != '.' {
			digits = false
		}
	}
	return digits && s[0] != '.' || hex && len(s) >= 7 && len(s) <= 40
}
