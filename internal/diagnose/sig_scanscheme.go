package diagnose

import (
	"fmt"
	"strings"
)

// Grype and Syft read an image argument "SCHEME:REST" with SCHEME one of
// their source schemes (docker, podman, registry, containerd...) as "REST
// from that source" (github.com/anchore/grype README, "Supported sources").
// An image whose own name is a scheme word ("docker:cli", "registry:2")
// therefore loses its name: the tool resolves the tag alone as the image
// ("an error occurred attempting to resolve 'cli'") and the pull of that
// bare name is refused as a repository that does not exist. The fix is
// the reference written in full (docker.io/library/docker:cli) or behind an
// explicit scheme (registry:docker:cli).

func init() {
	factKeys = append(factKeys, scanSchemeCmdKeys...)
}

// scanSchemeCmdKeys are the command lines' keywords (rare: a scanner's name
// followed by a source scheme).
var scanSchemeCmdKeys = []string{"grype docker:", "syft docker:", "grype podman:", "syft podman:", "grype registry:", "syft registry:"}

var kScanSchemeCmd = lowKeys(scanSchemeCmdKeys)

// mScanSchemeCmd is kScanSchemeCmd's mask: observe tests it on every
// delivered line, where testing the six keys one by one cost about 130
// instructions a line.
var mScanSchemeCmd = maskOf(kScanSchemeCmd)

var (
	// scanSchemeCmdRe is the command: the name after the scheme, bare
	// (no tag, digest or path, so SCHEME:NAME also reads as an image).
	scanSchemeCmdRe = lazyRe(`(?i)\b(?:grype|syft)\s+(docker|podman|registry):([a-z0-9][a-z0-9._-]*)(?:\s|$)`)
	// scanResolveRe is the tool's failure naming what it resolved.
	scanResolveRe = lazyRe(`(?i)attempting to resolve '([^'\s]+)'`)
)

// observeScanScheme records the names a scanner command took after a
// scheme word (facts.observe).
func (f *facts) observeScanScheme(text string) {
	if len(f.scanSchemeArgs) >= maxLogins || !f.hasAnyIn(kScanSchemeCmd, &mScanSchemeCmd) {
		return
	}
	for _, k := range kScanSchemeCmd {
		if f.has(k) {
			if m := scanSchemeCmdRe.FindStringSubmatch(text); m != nil {
				f.scanSchemeArgs = append(f.scanSchemeArgs, [2]string{strings.ToLower(m[1]), strings.ToLower(m[2])})
			}
			return
		}
	}
}

// scanSchemeCand returns invalid-reference when the failure is the scanner
// resolving a bare name that an earlier command wrote after a scheme word,
// and the pull of that name was refused as unknown or denied.
func scanSchemeCand(h *hit, f *facts, cs []cand) (cand, bool) {
	if len(cs) == 0 || len(f.scanSchemeArgs) == 0 || !strings.Contains(h.low, "attempting to resolve '") {
		return cand{}, false
	}
	if !strings.Contains(h.low, "does not exist") && !strings.Contains(h.low, "denied") && !strings.Contains(h.low, "not found") {
		return cand{}, false
	}
	m := scanResolveRe.FindStringSubmatch(h.low)
	if m == nil {
		return cand{}, false
	}
	name := m[1] // h.low is lower-cased already
	for _, a := range f.scanSchemeArgs {
		if a[1] == name {
			return c("invalid-reference", cs[0].w+0.05, fmt.Sprintf("The scanner read %q as its %q source scheme and resolved %q alone as the image, which does not exist: write the reference in full (docker.io/library/%s:%s) or behind an explicit scheme (registry:%s:%s).", a[0]+":"+a[1], a[0], a[1], a[0], a[1], a[0], a[1])), true
		}
	}
	return cand{}, false
}
