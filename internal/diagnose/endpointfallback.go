package diagnose

import "strings"

// dockerd's endpoint fallback notice. dockerd tries a pull or push on each
// endpoint in turn (registry mirrors first, then the registry itself over
// HTTPS, then plain HTTP for an insecure registry; v1 after v2 on old
// daemons). When an endpoint fails with an error it may fall back from, it
// logs "Attempting next endpoint for pull after error: ERR" ("… for push …")
// and goes on (moby/moby distribution/pull.go and push.go, the endpoint loop
// of Pull and Push; the test is continueOnError in distribution/errors.go).
//
// The notice is not always a failure that was recovered from: when the
// endpoint was the last one, the loop ends right after the notice and dockerd
// returns the error to the client without another log line of its own (the
// API answers the error inside the pull's or push's progress stream). So the
// notice is read as a fallback only when the log shows there was somewhere
// to fall back to:
//   - a later dockerd line names the next endpoint ("Trying to pull NAME from
//     URL v2", logged at debug level); of several notices in one hit the
//     last is judged;
//   - the error is a registry's error code ("manifest unknown: …",
//     "unauthorized: …", "denied: …", "toomanyrequests: …"): current
//     dockerd falls back on a registry's answer only from a mirror
//     (continueOnError returns mirrorEndpoint for an errcode.Error), and a
//     mirror is always followed by the registry itself; old daemons that
//     fell back to v1 on such answers logged the final error themselves
//     ("Translating …", "Handler for POST … returned error"), which is read
//     there.
//
// A transport error (a refused or timed-out dial, DNS, TLS, a plain-HTTP
// answer, an unexpected HTTP status) falls back from any endpoint, the last
// one too: with nothing after it, the notice is the daemon's only record of
// the failure and keeps its reading.

const (
	endpointFallbackPull = "attempting next endpoint for pull after error"
	endpointFallbackPush = "attempting next endpoint for push after error"
)

// registryErrorCodes are the distribution error codes as dockerd prints them
// at the start of an errcode.Error ("CODE: message"; distribution
// registry/api/errcode and registry/api/v2 descriptors, lower case with
// spaces for underscores).
var registryErrorCodes = []string{
	"unauthorized:", "denied:", "toomanyrequests:", "unsupported:", "unavailable:", "unknown:",
	"manifest unknown:", "manifest invalid:", "manifest unverified:", "manifest blob unknown:",
	"name unknown:", "name invalid:", "tag invalid:", "blob unknown:", "blob upload unknown:",
	"blob upload invalid:", "digest invalid:", "size invalid:",
}

// observeEndpointTry records dockerd's debug line for the next endpoint it
// tries ("Trying to pull NAME from URL VERSION").
func (f *facts) observeEndpointTry(n int, low string) {
	if strings.Contains(low, " from http") {
		f.endpointTry = n
	}
}

// endpointFallbackNotice reports a hit whose every line is dockerd's
// endpoint fallback notice and whose last notice the log shows to be a
// fallback (a later endpoint try, or a registry error code that dockerd
// falls back on only from a mirror).
func endpointFallbackNotice(h *hit, f *facts) bool {
	if len(h.texts) == 0 || len(h.texts) < len(h.lines) {
		return false
	}
	last := ""
	for _, t := range h.texts {
		low := strings.ToLower(t)
		i := strings.Index(low, endpointFallbackPull)
		if i < 0 {
			i = strings.Index(low, endpointFallbackPush)
		}
		if i < 0 {
			return false
		}
		last = low[i+len(endpointFallbackPull):]
	}
	if f.endpointTry > h.lines[len(h.lines)-1] {
		return true
	}
	last = strings.TrimLeft(strings.TrimPrefix(strings.TrimSpace(last), ":"), " ")
	for _, code := range registryErrorCodes {
		if strings.HasPrefix(last, code) {
			return true
		}
	}
	return false
}
