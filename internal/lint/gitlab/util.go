package gitlab

import "strings"

func lastColonAfterSlash(s string) int {
	i := strings.LastIndexByte(s, ':')
	if i > strings.LastIndexByte(s, '/') {
		return i
	}
	return -1
}

func hasSuffix(s, suf string) bool { return strings.HasSuffix(s, suf) }
