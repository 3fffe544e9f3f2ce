package diagnose

// Registry clients other than docker in their own words: nerdctl and
// buildctl when no BuildKit daemon answers, and oras when a reference
// reaches it with an empty digest.

import "fmt"

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
			re:   lazyRe("(?i)(?:no buildkit host is available|`buildkitd` needs to be running|dial unix \\S*buildkitd\\.sock: connect: (?:no such file or directory|connection refused|permission denied))"),
			rank: fixed(c("daemon-unreachable", 0.86, "The build client (nerdctl build, buildctl) found no BuildKit daemon at its socket: buildkitd is not running, runs under another user (rootless: $XDG_RUNTIME_DIR/buildkit*/buildkitd.sock), or is not set up for this containerd namespace (containerd-rootless-setuptool.sh install-buildkit). No registry was contacted."),
				c("client-bug", 0.3, "")),
		},
		&signature{
			id: "upload-html-answer",
			// containers/image (podman, buildah, skopeo) quotes the body of a
			// refused layer upload: "writing blob: uploading layer chunked:
			// StatusCode: 403, <!DOCTYPE html>…". A registry answers its API
			// with JSON errors (distribution spec); an HTML page comes from a
			// web application firewall, reverse proxy or load balancer in
			// front of it. 413 has its own reading (request-too-large).
			// The body is quoted with Go's %q when it starts with a line
			// break, so the page may open after escaped "\r\n" sequences:
			// `StatusCode: 400, "\r\n<html>\r\n  <head>…"`.
			keys: []string{"uploading layer chunked: statuscode", "uploading layer monolithic: statuscode"},
			re:   lazyRe(`(?i)uploading layer (?:chunked|monolithic): StatusCode: (40[0-9]|41[0-24-9]|4[2-9]\d|5\d\d),\s*\\?"?(?:\\[rnt]|\s)*<`),
			rank: fixed(c("registry-fault", 0.68, "The layer upload was answered with an HTML page instead of the registry's JSON error: a web application firewall, reverse proxy or load balancer in front of the registry refused the request (a WAF rule matching the uploaded bytes, a body or header limit, a misrouted ingress). Check that front end's logs; the credential and the image name are not what failed."),
				c("registry-unreachable", 0.4, ""),
				c("insufficient-role", 0.3, "")),
		},
		&signature{
			id: "upload-init-404",
			// containers/image (podman, buildah, skopeo, bluebuild) when the
			// POST that opens a layer upload is answered 404 with a body that
			// is not a registry JSON error: "writing blob: initiating layer
			// upload to /v2/NAME/blobs/uploads/ in HOST: StatusCode: 404,
			// \"Not found.\\n\"". The registry's router serves no such
			// repository path: the project/owner does not exist, or the path
			// lacks the owner segment the registry requires (Gitea and
			// Forgejo serve /v2/{owner}/{image}/ only,
			// forgejo.org/docs/latest/user/packages/container; blue-build/cli#838).
			// BuildKit's "POST request to …/blobs/uploads/: 404 Not Found"
			// reads the same (repo-not-found first).
			keys: []string{"layer upload to"}, // shared with the other upload-step signatures: no new prefilter key
			re:   lazyRe(`(?i)initiating layer upload to /v2/(\S+?)/blobs/uploads/? in ([^\s:]+(?::\d+)?): StatusCode: 404\b`),
			rank: func(h *hit, f *facts) []cand {
				h.assumeOp(opPush)
				return []cand{c("repo-not-found", 0.6, fmt.Sprintf("%s answered 404 Not Found to opening the layer upload for %q, without a registry error: it serves no such repository path. Check that the project/organization exists and that the image path carries the owner or namespace segment the registry requires (Gitea and Forgejo: HOST/OWNER/IMAGE).", hostName(h.m[2]), h.m[1])),
					c("push-outside-namespace", 0.5, ""),
					c("registry-disabled", 0.35, "")}
			},
		},
		&signature{
			id: "reference-empty-digest",
			// oras (oras-go's reference parser) refuses "REPO@" with
			// `Error: "REPO@": no tag or digest specified`: the reference was
			// built as REPO@${DIGEST} and the digest expanded to empty
			// (commonly the output of an `oras resolve` that failed).
			keys: []string{"no tag or digest specified"},
			re:   lazyRe(`"([^"\s]+)@"?: no tag or digest specified`),
			rank: fixed(c("empty-reference-variable", 0.72, "The reference ends in \"@\" with nothing after it: it was built as NAME@${DIGEST} and the digest expanded to empty. If the digest comes from resolving a tag (oras resolve, crane digest), that tag does not exist in the registry, and the resolve's failure was swallowed."),
				c("manifest-unknown", 0.62, ""),
				c("invalid-reference", 0.4, "")),
		},
	)
}
