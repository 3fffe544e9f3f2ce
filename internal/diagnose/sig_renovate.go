package diagnose

import (
	"strings"
)

// Renovate's docker datasource on Amazon ECR. For an ECR host Renovate asks
// AWS for an authorization token (ECR GetAuthorizationToken) with the
// hostRules username/password as the access key id and secret access key
// (docs.renovatebot.com/docker/#aws-ecr-amazon-web-services-elastic-container-registry);
// when that call fails it logs at debug level "ECR getAuthorizationToken
// error" and goes on without a registry credential, so the tag lookup that
// follows fails too ("Failed to get authHeaders for getTags lookup",
// "Failed to look up dependency"). The AWS error itself is in the logged
// err object, often not printed; the usual reason is that no AWS credential
// for ECR reached Renovate (no hostRules entry for the host, or one with a
// registry password instead of an access key pair).
//
// Renovate's docker datasource aborts a run with an external-host error, after
// a warning "docker registry failure: REASON", when a tag lookup gets
// (renovate lib/datasource/docker, getTags):
//   - 429 from Docker Hub: "docker registry failure: too many requests";
//   - 401 from Docker Hub: "docker registry failure: unauthorized". Docker
//     Hub answers a repository that does not exist exactly as a private one,
//     and the names that fail so are mostly not Docker Hub images at all (CI
//     machine image names, another registry's image written without its
//     host): renovatebot/renovate#8641, where ignoreDeps fixed it;
//   - 5xx from any registry: "docker registry failure: internal error".

func init() { sigGroups = append(sigGroups, sigsRenovate) }

func sigsRenovate() {
	register(
		&signature{
			id:   "renovate-ecr-token-error",
			keys: []string{"ecr getauthorizationtoken error"},
			re:   lazyRe(`(?i)\bECR getAuthorizationToken error\b`),
			rank: rankRenovateECRToken,
		},
		&signature{
			id:   "renovate-docker-registry-failure",
			keys: []string{"docker registry failure: "},
			re:   lazyRe(`\bdocker registry failure: (too many requests|unauthorized|internal error)(?:\s*$|\s*\(|")`),
			rank: rankRenovateRegistryFailure,
		},
	)
}

// rankRenovateRegistryFailure ranks Renovate's "docker registry failure:
// REASON" warning by its reason (see above).
func rankRenovateRegistryFailure(h *hit, f *facts) []cand {
	h.assumeOp(opPull)
	switch h.m[1] {
	case "too many requests":
		return []cand{c("rate-limited", 0.85, "Docker Hub answered Renovate's tag lookups with 429 Too Many Requests: the pull rate limit of the address or account Renovate uses was reached. Give Renovate a Docker Hub account (a hostRules entry for docker.io with a username and access token) so the per-account limit applies, or look images up through a mirror.")}
	case "internal error":
		return []cand{c("registry-fault", 0.8, "The registry answered Renovate's tag lookup with a 5xx server error: a registry-side fault; Renovate stops the run and retries on the next one. Nothing in Renovate's setup causes it."),
			c("registry-unreachable", 0.35, "")}
	}
	return []cand{
		c("manifest-unknown", 0.7, "Docker Hub refused Renovate's tag lookup (401). Docker Hub answers a repository that does not exist exactly as a private one, and the names that fail so are mostly not Docker Hub images (a CI provider's machine image name, another registry's image written without its host, an image only built locally): add the name to ignoreDeps, or write the image's registry host in the file Renovate reads."),
		c("no-login", 0.6, "If the repository is a private Docker Hub repository, give Renovate a credential for it: a hostRules entry matching docker.io with a username and access token."),
		c("missing-registry-host", 0.4, ""),
	}
}

func rankRenovateECRToken(h *hit, f *facts) []cand {
	if strings.Contains(h.low, "accessdenied") { // the err object printed on the line: AWS refused the key pair
		return []cand{
			c("cloud-iam-denied", 0.64, "AWS refused Renovate's ECR GetAuthorizationToken call: the access key in the hostRules entry for this registry belongs to an identity without ecr:GetAuthorizationToken (and the pull actions on the repository)."),
			c("no-login", 0.45, ""),
			c("client-bug", 0.35, ""),
		}
	}
	return []cand{
		c("no-login", 0.6, "Renovate could not get an ECR authorization token, so its tag lookups on this registry ran without a credential. Give Renovate AWS credentials for the ECR host: a hostRules entry with matchHost set to the registry host, username = an AWS access key id and password = its secret access key (docs.renovatebot.com/docker/, \"AWS ECR\"), for an identity allowed ecr:GetAuthorizationToken."),
		c("cloud-iam-denied", 0.48, ""),
		c("client-bug", 0.4, ""),
	}
}
