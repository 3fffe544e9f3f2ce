package diagnose

import (
	"strings"

	"github.com/regdoctor/regdoctor/internal/finding"
)

// crossMount is a BuildKit token request for a push that also asks pull on
// another repository of the same registry: BuildKit's progress line
// "[auth] ops/base:pull ops/app:pull,push token for registry.example"
// (moby/buildkit session/auth). BuildKit (containerd's pusher) asks so when
// a layer it pushes came from that other repository, to mount the blob
// across repositories (distribution spec "Mounting a blob from another
// repository": POST /v2/TO/blobs/uploads/?mount=DIGEST&from=FROM).
type crossMount struct {
	from, to, host string // repository paths and the registry host
	line           int    // 1-based log line
}

// buildkitCrossMount reads a crossMount from one line; the zero value when
// the line holds no "[auth] " request with both a push scope and another
// repository's pull-only scope.
func buildkitCrossMount(text string, line int) crossMount {
	const lead, tail = "[auth] ", " token for "
	i := strings.Index(text, lead)
	if i < 0 {
		return crossMount{}
	}
	rest := text[i+len(lead):]
	j := strings.Index(rest, tail)
	if j < 0 {
		return crossMount{}
	}
	host := strings.Fields(rest[j+len(tail):])
	if len(host) == 0 {
		return crossMount{}
	}
	var from, to string
	for _, scope := range strings.Fields(rest[:j]) {
		k := strings.LastIndexByte(scope, ':')
		if k <= 0 {
			return crossMount{}
		}
		repo, actions := scope[:k], scope[k+1:]
		switch {
		case strings.Contains(actions, "push"):
			to = repo
		case actions == "pull" && from == "":
			from = repo
		}
	}
	if from == "" || to == "" || from == to {
		return crossMount{}
	}
	return crossMount{from: from, to: to, host: host[0], line: line}
}

// pushedTo tells whether the crossMount's push scope is repo (a repository
// path, with or without its registry host).
func (m crossMount) pushedTo(repo string) bool {
	return m.to != "" && repo != "" && (repo == m.to || strings.HasSuffix(repo, "/"+m.to) || strings.HasSuffix(m.to, "/"+repo))
}

// crossMountRefused ranks a push refused with insufficient_scope after
// BuildKit asked a token for a cross-repository mount: the credential can
// push the target but not read the source repository, so the registry
// refuses the mount, and containerd's pusher before containerd 2.1
// returned that refusal instead of uploading the blob (moby/buildkit#3509,
// fixed by containerd/containerd#11709, BuildKit v0.23.0). Seen with
// per-repository tokens (CI job tokens, scoped robot accounts) on a shared
// or cached builder whose earlier build pulled the layer from the source.
// The client-bug names the fixed release but not the one that ran: BuildKit
// prints no version in its progress output, and buildx's docker-container
// driver names its image by a moving tag (moby/buildkit:buildx-stable-1)
// when it names it at all; the reading rests on the mount token request
// before the refusal, which only the mounting pusher sends. It ranks second,
// after insufficient-role: BuildKit asks that token whenever a pushed layer
// came from another repository of the same registry (a base image kept
// next to the application's), so a credential that may not push at all
// gets the same request and the same bare insufficient_scope, and
// causes.md names "insufficient_scope after a good login" as
// insufficient-role's sign.
func crossMountRefused(h *hit, m crossMount) []cand {
	why := "BuildKit asked the registry for a token to mount a layer from " + m.from + " into " + m.to +
		" (a cross-repository blob mount: an earlier build on this builder pulled that layer from " + m.from +
		"), and the credential may push " + m.to + " but not read " + m.from + ". BuildKit before v0.23.0 (containerd's pusher before 2.1) then fails the push with insufficient_scope instead of uploading the blob (moby/buildkit#3509, containerd/containerd#11709). Use BuildKit v0.23.0 or newer (driver-opts image=moby/buildkit:v0.23.0+), or give the credential pull on " + m.from + ", or use a builder (or cache) per credential."
	return []cand{
		c("insufficient-role", 0.62, "The registry refused the push with insufficient_scope after a good token request: most often the credential may pull here but not push (a read-only robot account, deploy token or role)."),
		c("client-bug", 0.58, why, finding.Evidence{Line: m.line, Text: "(token request for a cross-repository mount from " + m.from + " into " + m.to + " at " + m.host + ")"}),
		c("push-outside-namespace", 0.4, ""),
	}
}
