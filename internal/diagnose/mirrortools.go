package diagnose

import (
	"fmt"
	"regexp"
	"strings"
)

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

// syncerTaskRe reads the reference of image-syncer's task errors
// (AliyunContainerService/image-syncer pkg/client: fmt.Errorf("generate %s
// image source error: %v", …), "… image target error", "… image destination
// error"), which name the reference unquoted before the parser's error.
var syncerTaskRe = regexp.MustCompile(`\bgenerate (\S+) image (?:source|target|destination) error: `)

// syncerTaskRef returns REF of an image-syncer "generate REF image source
// error: …" line, or "".
func syncerTaskRef(text string) string {
	if !strings.Contains(text, "generate ") {
		return ""
	}
	if m := syncerTaskRe.FindStringSubmatch(text); m != nil {
		return m[1]
	}
	return ""
}

// hubWebPageReference ranks a reference copied from the address of a Docker
// Hub web page: the pages live at hub.docker.com/_/NAME (official images)
// and hub.docker.com/r/OWNER/NAME, while the registry is docker.io
// (registry-1.docker.io; docs.docker.com/docker-hub/repos/); no registry
// serves images under hub.docker.com, and the page's "_" component is what
// the reference parser refuses (a path component must start with a letter
// or digit, docker/distribution reference's regexp). Nil for any other host.
func hubWebPageReference(bare, raw string) []cand {
	host, rest, ok := strings.Cut(bare, "/")
	if !ok || lower(host) != "hub.docker.com" {
		return nil
	}
	name, full := rest, "docker.io/"+rest
	switch {
	case strings.HasPrefix(rest, "_/"):
		name = strings.TrimPrefix(rest, "_/")
		full = "docker.io/library/" + name
	case strings.HasPrefix(rest, "r/"):
		name = strings.TrimPrefix(rest, "r/")
		full = "docker.io/" + name
	}
	return []cand{
		c("invalid-reference", 0.84, fmt.Sprintf("%q is the address of a Docker Hub web page, not an image reference: images are pulled from docker.io, so the reference is %s (in full %s).", raw, name, full)),
		c("empty-reference-variable", 0.4, ""),
	}
}
