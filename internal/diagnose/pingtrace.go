package diagnose

import "strings"

// The registry API's version check answered 401 in a client's debug trace.
//
// Every registry client opens an exchange with GET /v2/ and no credential; a
// registry that authenticates with tokens answers 401 Unauthorized with a
// WWW-Authenticate challenge naming its token realm, and the client asks the
// realm for a token next (distribution/distribution docs/spec/auth/token.md,
// "How to authenticate": steps 1-3; OCI distribution-spec "Determining
// Support"). Debug traces print that answer:
//
//   - containers/image (skopeo --debug, podman and buildah --log-level=debug),
//     docker/docker_client.go detectPropertiesHelper:
//     `Ping https://HOST/v2/ status 401`
//   - go-containerregistry's transport logger (crane and gcrane --verbose,
//     ko -v; pkg/v1/remote/transport/logger.go): a header
//     `<-- 401 https://HOST/v2/ (DURATION)` and then the dumped response,
//     `HTTP/1.1 401 Unauthorized`, its headers, and the registry's JSON body
//     {"errors":[{"code":"UNAUTHORIZED","message":"authentication required"}]}.
//
// Neither is a failure, with or without a credential: the challenge comes
// before any credential is sent. A real refusal shows on the token request
// or on the request for the image, which the trace and the client's own
// error line print too.

// kTraceResponse marks go-containerregistry's response header lines.
var kTraceResponse = lowKey("<-- ")

// traceResponseRe is go-containerregistry's response header: status, URL
// and the round trip's duration in parentheses.
var traceResponseRe = lazyRe(`<-- (\d{3}) https?://[^/\s]+(/\S*)? \(`)

// pingLineRe is containers/image's debug line for the /v2/ check's answer.
var pingLineRe = lazyRe(`(?i)\bping https?://[^/\s]+/v2/? status 401\b`)

// pingDumpLines is how far a dumped response runs past its header when no
// other response header ends it: the status line, a dozen headers, a blank
// line and the body.
const pingDumpLines = 30

// pingDump is the line span of one dumped /v2/ answer: from its header up to
// the next response header (end 0 while none came).
type pingDump struct{ start, end int }

// observeTraceResponse records the spans of go-containerregistry's dumped
// answers to the /v2/ check (capped).
func (f *facts) observeTraceResponse(n int, text string) {
	if !f.has(kTraceResponse) {
		return
	}
	m := traceResponseRe.FindStringSubmatch(text)
	if m == nil {
		return
	}
	if k := len(f.pingDumps); k > 0 && f.pingDumps[k-1].end == 0 {
		f.pingDumps[k-1].end = n
	}
	if m[1] == "401" && (m[2] == "/v2/" || m[2] == "/v2") && len(f.pingDumps) < 4*maxLogins {
		f.pingDumps = append(f.pingDumps, pingDump{start: n})
	}
}

// v2PingChallenge reports whether the hit is a debug trace's record of the
// 401 that answers the /v2/ check: containers/image's Ping line, or a line of
// go-containerregistry's dump of that answer.
func v2PingChallenge(h *hit, f *facts) bool {
	if strings.Contains(h.low, "ping http") && pingLineRe.MatchString(h.low) {
		return true
	}
	if strings.Contains(h.low, "error:") {
		return false // the client's own error line, not the dumped response
	}
	n := h.line()
	for _, d := range f.pingDumps {
		if d.start < n && n-d.start <= pingDumpLines && (d.end == 0 || n < d.end) {
			return true
		}
	}
	return false
}
