package diagnose

// Refusals that come from a registry server's own policy or routing rather
// than from the client's credential or reference (found in the ninth
// held-out batch, part c): Harbor's project quota, Nexus's "Disable
// redeploy" deployment policy, a servlet container's answer to a registry
// API request that never reached the registry, and an AWS IAM denial whose
// sentence a reporter wrapped after "is not authorized".

func init() {
	sigGroups = append(sigGroups, sigsServerPolicy)
	// Docker Hub's web API (repository description and README, which
	// docker-pushrm and README-sync actions write) is not the registry:
	// it refuses personal access tokens that pushes accept.
	otherEcosystems = append(otherEcosystems, "error pushing readme", "hub.docker.com/v2/repositories")
}

func sigsServerPolicy() {
	register(
		&signature{
			id: "harbor-quota-exceeded",
			// Harbor's project quota refusal (Harbor 1.9+, storage and
			// artifact count): "adding 151.7 MiB of storage resource, which
			// when updated to current usage of 100.0 GiB will exceed the
			// configured upper limit of 100.0 GiB." (Harbor 1.x prefixed it
			// "Quota exceeded when processing the request of"). A reporter
			// may wrap the sentence: each half is read.
			keys: []string{"of storage resource", "of count resource", "exceed the configured upper limit"},
			re:   lazyRe(`(?i)(?:adding \S+(?: \S+)? of (?:storage|count) resource|will exceed the configured upper limit)`),
			veto: gitLike,
			rank: fixed(
				c("registry-fault", 0.86, "The registry's quota for this project is used up (Harbor: storage or artifact count): the push is refused whatever the credential. Free space (a retention policy, delete per-run CI tags, run garbage collection) or have an administrator raise the project's quota."),
				c("insufficient-role", 0.2, "")),
		},
		&signature{
			id: "nexus-redeploy-disabled",
			// Nexus Repository's hosted Docker repository with the
			// deployment policy "Disable redeploy" refuses to store an asset
			// it already has (a tag's manifest, or the same manifest under
			// another tag): BLOB_UPLOAD_INVALID with detail "Repository does
			// not allow updating assets: REPO"
			// (help.sonatype.com, Repository Management, deployment policy).
			// Maven and other formats get the same words from Nexus;
			// their clients' lines carry gitLike's markers ("maven").
			keys: []string{"does not allow updating assets"},
			re:   lazyRe(`(?i)Repository does not allow updating assets`),
			need: []string{"blob_upload", "blob upload", "manifest", "/v2/", "docker", "errors"},
			veto: gitLike,
			rank: fixed(
				c("tag-immutable-or-protected", 0.88, "The Nexus repository's deployment policy is \"Disable redeploy\": it refuses to store an asset it already holds (the tag's manifest, or the same image under another tag). Push a new, unique tag with new content, or set the repository's deployment policy to \"Allow redeploy\" (or \"Deploy by Replication Only\" for mirrors)."),
				c("registry-fault", 0.3, "")),
		},
		&signature{
			id: "servlet-method-not-supported",
			// A Java servlet's default answer to a method it does not
			// implement (javax.servlet.http.HttpServlet: "HTTP method POST
			// is not supported by this URL", 405, or 400 for HTTP/1.0): the
			// registry API request (the blob upload's POST, the manifest's
			// PUT) reached a web application, not the registry: a reverse
			// proxy routes /v2/ to the wrong backend, or the reference names
			// the server's web port instead of its Docker connector (Nexus,
			// Artifactory behind Tomcat/Jetty).
			keys: []string{"is not supported by this url"},
			re:   lazyRe(`(?i)HTTP method (\w+) is not supported by this URL`),
			need: registryContext,
			veto: gitLike,
			rank: fixed(
				c("registry-fault", 0.8, "The registry request reached a web application that does not implement the registry API (a servlet's \"method not supported\"): the reverse proxy in front of the registry routes the request to the wrong backend, or the image names the server's web port instead of its Docker connector port. Fix the proxy's routing (or the port in the image name)."),
				c("login-wrong-host", 0.35, ""),
				c("registry-unreachable", 0.25, "")),
		},
		&signature{
			id: "ecr-iam-denied-wrapped",
			// AWS's IAM denial, "User: ARN is not authorized to perform:
			// ecr:ACTION on resource: ARN because …", with the line broken
			// after "is not authorized" by a wrapper or a reporter: the
			// second line begins with "to perform: ecr:ACTION" (ecr-iam-denied
			// reads the unbroken sentence).
			keys: []string{"to perform: ecr"},
			re:   lazyRe(`^\s*to perform: (ecr(?:-public)?:\w+)`),
			rank: func(h *hit, f *facts) []cand {
				return []cand{c("cloud-iam-denied", 0.93, "The AWS identity's IAM policy (or the repository's resource policy, for another account's identity) does not allow "+h.m[1]+"."),
					c("repo-not-found", 0.3, "")}
			},
		},
	)
}
