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

func init() { sigGroups = append(sigGroups, sigsRenovate) }

func sigsRenovate() {
	register(
		&signature{
			id:   "renovate-ecr-token-error",
			keys: []string{"ecr getauthorizationtoken error"},
			re:   lazyRe(`(?i)\bECR getAuthorizationToken error\b`),
			rank: rankRenovateECRToken,
		},
	)
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
