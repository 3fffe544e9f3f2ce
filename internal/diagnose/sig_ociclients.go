package diagnose

import (
	"regexp"
)

// Registry clients other than docker in their own words: nerdctl and
// buildctl when no BuildKit daemon answers, and oras when a reference
// reaches it with an empty digest.

func init() { sigGroups = append(sigGroups, sigsOCIClients) }

func sigsOCIClients() {
	register(
		&signature{
			id: "buildkitd-unreachable",
			// nerdctl build (pkg/buildkitutil): "`buildctl` needs to be
			// installed and `buildkitd` needs to be running" and "no buildkit
			// host is available, tried N candidates: failed to ping to host
			// unix:///run/buildkit/buildkitd.sock"; buildctl itself: "dial
			// unix /run/buildkit/buildkitd.sock: connect: no such file or
			// directory". BuildKit is the daemon these clients build with,
			// as dockerd is docker's.
			keys: []string{"no buildkit host is available", "buildkitd` needs to be running", "buildkitd.sock: connect:"},
			re:   regexp.MustCompile("(?i)(?:no buildkit host is available|`buildkitd` needs to be running|dial unix \\S*buildkitd\\.sock: connect: (?:no such file or directory|connection refused|permission denied))"),
			rank: fixed(c("daemon-unreachable", 0.86, "The build client (nerdctl build, buildctl) found no BuildKit daemon at its socket: buildkitd is not running, runs under another user (rootless: $XDG_RUNTIME_DIR/buildkit*/buildkitd.sock), or is not set up for this containerd namespace (containerd-rootless-setuptool.sh install-buildkit). No registry was contacted."),
				c("client-bug", 0.3, "")),
		},
		&signature{
			id: "reference-empty-digest",
			// oras (oras-go's reference parser) refuses "REPO@" with
			// `Error: "REPO@": no tag or digest specified`: the reference was
			// built as REPO@${DIGEST} and the digest expanded to empty
			// (commonly the output of an `oras resolve` that failed).
			keys: []string{"no tag or digest specified"},
			re:   regexp.MustCompile(`"([^"\s]+)@"?: no tag or digest specified`),
			rank: fixed(c("empty-reference-variable", 0.72, "The reference ends in \"@\" with nothing after it: it was built as NAME@${DIGEST} and the digest expanded to empty. If the digest comes from resolving a tag (oras resolve, crane digest), that tag does not exist in the registry, and the resolve's failure was swallowed."),
				c("manifest-unknown", 0.62, ""),
				c("invalid-reference", 0.4, "")),
		},
	)
}
