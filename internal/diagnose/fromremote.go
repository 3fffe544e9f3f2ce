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

// withoutGitRemote returns list without git's bare "remote:" prefix and
// the word "terraform" (terraformTool reads it in rank); the list is copied,
// gitLike is shared.
func withoutGitRemote(list []string) []string {
	out := make([]string, 0, len(list))
	for _, k := range list {
		if k != "remote:" && k != "terraform" {
			out = append(out, k)
		}
	}
	return out
}

// terraformTool reports whether low (a lowercased line) names Terraform
// other than as a repository path segment. "terraform" is a gitLike veto for
// Terraform's own registry and provider errors (registry.terraform.io,
// `terraform init`), but it is also a common image name (hashicorp/terraform,
// upbound/provider-terraform, /v2/tools/terraform/manifests/…): a word
// whose segment starts after a single "/" is a repository path's.
func terraformTool(low string) bool {
	for i := 0; ; {
		j := strings.Index(low[i:], "terraform")
		if j < 0 {
			return false
		}
		j += i
		k := j
		for k > 0 && (low[k-1] >= 'a' && low[k-1] <= 'z' || low[k-1] >= '0' && low[k-1] <= '9' || low[k-1] == '-' || low[k-1] == '_') {
			k--
		}
		if k == 0 || low[k-1] != '/' || k >= 2 && low[k-2] == '/' {
			return true
		}
		i = j + len("terraform")
	}
}

// gitSideband reports whether low (a lowercased line) holds a "remote:"
// that is not the end of a registry client's "from remote:".
func gitSideband(low string) bool {
	return strings.Count(low, "remote:") > strings.Count(low, "from remote:")
}
