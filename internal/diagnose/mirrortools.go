package diagnose

import "strings"

// Mirroring and air-gap tools (zarf, hauler, regsync, crane copy in scripts)
// wrap go-containerregistry's reference parser as "failed to parse ref REF:
// invalid reference: invalid repository \"/PATH\"" (zarf's
// src/pkg/transform, name.ParseReference's error). The parser's quoted
// repository starts with / both for an empty variable ("/team/app") and for
// a URL given as a registry ("https://index.docker.io/v1/…" leaves
// "/index.docker.io/v1/…" after "https:"); the unquoted REF before it tells
// the two apart.

// parseRefArg returns REF of a "parse ref REF: …" wrapper (unquoted, up to
// the colon that ends it), or "" when the line has none.
func parseRefArg(text string) string {
	i := strings.Index(text, "parse ref ")
	if i < 0 {
		return ""
	}
	rest := strings.TrimLeft(text[i+len("parse ref "):], `"'`)
	end := strings.Index(rest, ": ")
	if end <= 0 {
		return ""
	}
	ref := strings.TrimRight(rest[:end], `"'`)
	if strings.ContainsAny(ref, " \t") {
		return ""
	}
	return ref
}
