package diagnose

import "strings"

// Registry clients that say where a fetch failed write "… from remote: …"
// before the registry's or the transport's error: Crossplane's package
// manager ("cannot unpack package: failed to fetch package digest from
// remote: Get "https://HOST/v2/": …", its UnpackPackage events in
// docs.crossplane.io), containerd's and oras' content fetch ("… from remote:
// not found"). git's sideband prefix "remote: " (its server's messages,
// Documentation/gitprotocol-pack.txt) is one of the gitLike vetoes, and the
// same bytes end "from remote:". The transport signatures leave "remote:"
// out of their vetoes (withoutGitRemote) and rule git's lines out in their
// rank instead (gitSideband).

// withoutGitRemote returns list without git's bare "remote:" prefix; the
// list is copied, gitLike is shared.
func withoutGitRemote(list []string) []string {
	out := make([]string, 0, len(list))
	for _, k := range list {
		if k != "remote:" {
			out = append(out, k)
		}
	}
	return out
}

// gitSideband reports whether low (a lowercased line) holds a "remote:"
// that is not the end of a registry client's "from remote:".
func gitSideband(low string) bool {
	return strings.Count(low, "remote:") > strings.Count(low, "from remote:")
}
