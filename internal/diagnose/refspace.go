package diagnose

import (
	"fmt"
	"strings"
)

// unopenedQuotedRef returns the reference of an "invalid reference format"
// line whose opening quote was cut off (a log excerpt that starts inside the
// quoted name: `name: 1.0": invalid reference format`), or "" when the line
// has none. Without it the reference reads as empty, which would blame an
// empty variable.
func unopenedQuotedRef(text string) string {
	i := strings.Index(text, `": invalid reference`)
	if i <= 0 || strings.Contains(text[:i], `"`) {
		return ""
	}
	return strings.TrimSpace(text[:i])
}

// spaceInReference reads a reference with white space inside it: the
// reference grammar has no place for a space (docker/distribution
// reference.go), so a name and a version joined with one ("notes: 1.4",
// "notes :1.4") come from a script or template that put a space between them,
// not from an empty variable.
func spaceInReference(raw string) []cand {
	r := strings.TrimSpace(raw)
	if r == "" || !strings.ContainsAny(r, " \t") {
		return nil
	}
	return []cand{
		c("invalid-reference", 0.84, fmt.Sprintf("The reference %q has a space inside it, which no part of an image reference may hold: the script or template that joined the name and the tag put a space between them (often a version string printed with a leading space).", r)),
		c("empty-reference-variable", 0.45, ""),
	}
}
