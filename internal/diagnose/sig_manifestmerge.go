package diagnose

// BuildKit's "merging manifest list REF" step: a builder with several nodes
// (buildx with an appended node, or a remote builder per platform) pushes
// each platform's image, then reads the per-platform manifests back by
// digest and writes the image index over them. A 404 on that read
// (containerd's "httpReadSeeker: failed open: content at URL not found",
// sig_contentstore.go) is not a tag someone pulled that is missing: it is
// the builder's own read-after-write of content it has just pushed. buildx
// v0.10.0 got that read wrong (docker/buildx#1519 and #1555: "merging
// manifest list … failed open … not found" from v0.10.0 on, gone after a
// downgrade to v0.9 or an upgrade); a registry that does not yet serve what
// it has just accepted fails the same way.

func init() { factKeys = append(factKeys, "merging manifest list") }

// kMergeList is BuildKit's progress line of the index merge.
var kMergeList = lowKey("merging manifest list")

// observeMergeList records the last "merging manifest list" line.
func (f *facts) observeMergeList(n int) {
	if f.has(kMergeList) {
		f.mergeList = n
	}
}

// mergeListRead ranks a manifest 404 of content-not-found that follows a
// "merging manifest list" line (on it or at most two lines after): the
// builder's read of a manifest it has just pushed. nil otherwise.
func mergeListRead(h *hit, f *facts) []cand {
	if f.mergeList == 0 || f.mergeList > h.line() || h.line()-f.mergeList > 2 {
		return nil
	}
	h.op = opPush
	return []cand{
		c("client-bug", 0.74, "The 404 came while the builder merged the per-platform manifests it had just pushed into one image index (\"merging manifest list\"): the builder read back its own content by digest and did not find it. buildx v0.10.0 fails this way (docker/buildx#1519); upgrade buildx/BuildKit (or pin v0.9) and rebuild."),
		c("registry-fault", 0.5, "If the buildx version is not affected, the registry did not yet serve the manifest it had just accepted; retry the push."),
		c("manifest-unknown", 0.3, ""),
	}
}
