package diagnose

import "testing"

// TestMessageGrammarSelfHostedPull holds the lines for the shapes found in
// the nineteenth held-out batch, part k (users pulling self-hosted apps'
// published images with docker compose, docker run or a Helm chart):
//
//   - containerd's "failed to resolve reference "REF": not found" quoted
//     without the reference repeated before "not found" (the resolver's
//     own wrapping repeats it; kubelet events copied from a terminal or
//     shortened by the reporter do not);
//   - GHCR's anonymous read of a path it does not have, named only by the
//     daemon's manifest request (`Head "https://ghcr.io/v2/OWNER/NAME/
//     manifests/TAG": denied`, compose v2's "✘ svc Error" line): GHCR
//     answers a path that does not exist (renamed owner, a typo in the
//     docs) with "denied", and an existing private package with
//     "unauthorized", which keeps the no-login reading.
//
// Kept apart from the other tables so that parallel batches do not edit
// the same block.
func TestMessageGrammarSelfHostedPull(t *testing.T) {
	checkFirstCause(t, map[string]string{
		// the reference not repeated before "not found"
		`failed to resolve reference "quay.io/orbit/notes-sync:4.1.0": not found`: "manifest-unknown",
		// the repeated form still reads the same
		`failed to resolve reference "docker.io/orbit/notes-sync:4.1.0": docker.io/orbit/notes-sync:4.1.0: not found`: "manifest-unknown",
		// guard: a cache import that is not found stays quiet
		`importing cache manifest from ghcr.io/orbit/notes-sync:buildcache: failed to resolve reference "ghcr.io/orbit/notes-sync:buildcache": not found`: "",
		// GHCR's denied for a path it does not have, the request line only
		`Error response from daemon: Head "https://ghcr.io/v2/orbit-old/notes-server/manifests/latest": denied`: "manifest-unknown",
		// compose v2's service line
		` ✘ notes Error Head "https://ghcr.io/v2/orbit/notes-sevrer/manifests/latest": denied                  0.4s`: "manifest-unknown",
		// guard: GHCR's unauthorized (an existing private package) keeps no-login first
		`Error response from daemon: Head "https://ghcr.io/v2/orbit/notes-server/manifests/latest": unauthorized`: "no-login",
		// guard: a push's manifest read keeps the push readings (not a pull)
		`ERROR: failed to push ghcr.io/orbit/notes-server:1.0: unexpected status from HEAD request to https://ghcr.io/v2/orbit/notes-server/manifests/1.0: 403 Forbidden`: "gh-token-packages-permission",
	})
}
