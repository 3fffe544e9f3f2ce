package diagnose

import (
	"fmt"
	"strings"
)

// A build's base image (a Dockerfile FROM: the classic builder's "Step N/M
// : FROM REF", BuildKit's "[1/3] FROM REF" and "load metadata for REF") is
// read from its own registry, often another account's ECR than the one the
// job pushes to and logs in to. docker sends the credentials it holds for
// that host (docker/cli build: GetAllCredentials); with no helper shown in
// the log (no credsStore/credHelpers, no docker-credential-*), ECR's "no
// basic auth credentials" on the base image means no login for the base
// image's registry ran, not a credential helper that failed silently.

// baseImageKeys are the reference patterns' keys (refPatterns) of FROM
// lines.
var baseImageKeys = map[string]bool{": FROM ": true, "] FROM ": true, "load metadata for": true}

// noteBaseImage records the reference just added (facts.addRef) when the
// pattern that found it (key) reads a FROM line.
func (f *facts) noteBaseImage(n int, key string) {
	if !baseImageKeys[key] || len(f.baseImages) >= maxLogins || len(f.refs.items) == 0 {
		return
	}
	var last refSeen
	f.refs.eachNewest(func(r refSeen) bool { last = r; return false })
	if last.Line == n {
		f.baseImages = append(f.baseImages, last)
	}
}

// baseImageOn returns the line of a FROM whose reference names host before
// line n, or 0.
func (f *facts) baseImageOn(host string, n int) int {
	for _, r := range f.baseImages {
		if r.Line <= n && r.Ref.Host != "" && sameRegistry(r.Ref.Host, host) {
			return r.Line
		}
	}
	return 0
}

// ecrBaseImageNoLogin ranks ECR's "no basic auth credentials" for a base
// image of the build (see above); nil when the hit is not about one.
func ecrBaseImageNoLogin(h *hit, f *facts) []cand {
	from := f.baseImageOn(h.host, h.line())
	if from == 0 || f.credHelper || strings.TrimSpace(h.host) == "" {
		return nil
	}
	return []cand{
		c("no-login", 0.7, fmt.Sprintf("The build's base image (FROM at line %d) is in %s, and no login for that registry appears before it: a job that logs in only to the registry it pushes to leaves the base image's registry (often another account or region) without a credential. Log in to %s before the build.", from, hostName(h.host), hostName(h.host))),
		c("credential-store-error", 0.6, ""),
		c("login-wrong-host", 0.5, whyECRHostKey),
	}
}
