package diagnose

import "strings"

// Helm commands that name a classic (HTTP) chart repository with --repo.
//
// `helm pull|fetch|install|upgrade|template|show … --repo https://HOST/PATH
// CHART --version V` reads the repository's index.yaml and downloads the
// URL it lists for CHART V. When that URL is an OCI reference that already
// carries the tag (oci://registry-1.docker.io/bitnamicharts/CHART:V, as
// Bitnami's index lists since November 2024, bitnami/charts#30110), Helm 3.16
// appends the version again and oras-go refuses its own reference with
// "Error: invalid_reference: invalid tag" (helm/helm#13466): the user typed
// no OCI reference at all, so the refusal is Helm's defect, not a malformed
// reference. The same chart pulled as oci://…/CHART --version V works.
//
// `helm pull|fetch|package` also take -d/--destination DIR, the local
// directory the chart is written to (helm.sh/docs/helm/helm_pull); Argo CD
// runs every Helm source as `helm pull --destination /tmp/UUID … --repo URL
// CHART`. That value is a path, not kaniko's --destination image reference.

// The lines facts reads for observeHelmRepoCmd (factKeys): a helm command
// whose --repo is an http(s) URL.
func init() { factKeys = append(factKeys, "--repo http", "--repo=http") }

// helmRepoFlagRe finds a helm command with --repo and an http(s) URL on one
// line (the command may be quoted inside a wrapper's error, Argo CD's).
var helmRepoFlagRe = lazyRe(`\bhelm (?:pull|fetch|install|upgrade|template|show \w+)\b[^\x60]*?--repo[= ]['"]?https?://`)

// helmRepoCmd reports whether low (a lowercased line) runs a helm command
// against a classic chart repository named by --repo http(s)://.
func helmRepoCmd(low string) bool {
	return strings.Contains(low, "--repo") && helmRepoFlagRe.MatchString(low)
}

// helmDestinationDir reports whether text is a helm command line, where
// --destination names the local directory the chart is written to.
func helmDestinationDir(text string) bool {
	i := strings.Index(text, "--destination")
	if i < 0 {
		return false
	}
	head := lower(text[:i])
	for _, verb := range []string{"helm pull ", "helm fetch ", "helm package "} {
		if strings.Contains(head, verb) {
			return true
		}
	}
	return false
}

// observeHelmRepoCmd records the last helm command line with --repo
// http(s):// (facts.helmRepoLine).
func (f *facts) observeHelmRepoCmd(n int, low string) {
	if f.has(kHelmCmd) && helmRepoCmd(low) {
		f.helmRepoLine = n
	}
}

// helmRepoTagDefect ranks oras-go's bare "invalid_reference: invalid tag"
// when the failing helm command named a chart repository with --repo
// http(s):// on the same line or up to 5 lines before: Helm's handling of an
// index.yaml that lists OCI URLs (helm/helm#13466). nil otherwise.
func helmRepoTagDefect(h *hit, f *facts) []cand {
	if !strings.Contains(h.low, "invalid_reference: invalid tag") {
		return nil
	}
	n := h.line()
	if !helmRepoCmd(h.low) && (f.helmRepoLine == 0 || f.helmRepoLine > n || n-f.helmRepoLine > 5) {
		return nil
	}
	return []cand{
		c("client-bug", 0.8, "Helm was given a classic chart repository (--repo https://…), not an OCI reference: the repository's index.yaml lists this chart version as an oci:// URL that already holds the tag, and Helm 3.16's --repo path adds the version again, so oras-go refuses the reference it built (helm/helm#13466). Pull the chart by its OCI reference instead (helm pull oci://REGISTRY/PATH/CHART --version V), or use a Helm release with the fix."),
		c("invalid-reference", 0.4, ""),
	}
}
