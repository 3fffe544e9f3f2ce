package diagnose

import (
	"strings"

	"github.com/regdoctor/regdoctor/internal/reghost"
)

// Keyless CI credentials: the exchange of a CI job's OIDC token for a cloud
// credential, refused by the cloud before any registry was asked. AWS STS
// answers AssumeRoleWithWebIdentity (aws-actions/configure-aws-credentials
// prints "Could not assume role with OIDC: MESSAGE", newer releases prefix
// "Retry AssumeRole: attempt N of M failed: "; the AWS CLI and SDKs print
// "An error occurred (CODE) when calling the AssumeRoleWithWebIdentity
// operation: MESSAGE"), and google-github-actions/auth reports the STS token
// exchange or the service-account impersonation ("failed to generate Google
// Cloud federated token for AUDIENCE: …", "failed to generate Google Cloud
// OAuth 2.0 Access Token for SA: …"). Such a refusal is the registry job's
// failure only when the log shows that cloud's registry: the same lines end
// a Terraform or deploy job (the Azure sign-in errors follow the same rule,
// azureRegistrySeen in otherci.go).

func init() { sigGroups = append(sigGroups, sigsOIDCExchange) }

func sigsOIDCExchange() {
	register(
		&signature{
			id:   "aws-web-identity-refused",
			keys: []string{"could not assume role with oidc", "assumerolewithwebidentity operation"},
			re:   lazyRe(`(?i)(?:Could not assume role with OIDC|when calling the AssumeRoleWithWebIdentity operation): (.+)`),
			rank: func(h *hit, f *facts) []cand {
				if !cloudRegistrySeen(h, f, reghost.ECR, reghost.ECRPublic) {
					return nil // a deploy or Terraform job's AWS sign-in, not a registry's credential
				}
				return rankAWSWebIdentity(strings.ToLower(h.m[1]))
			},
		},
		&signature{
			id:   "gcp-workload-identity-refused",
			keys: []string{"failed to generate google cloud"},
			re:   lazyRe(`(?i)failed to generate Google Cloud (federated token|OAuth 2\.0 Access Token|ID token) for`),
			rank: func(h *hit, f *facts) []cand {
				if !cloudRegistrySeen(h, f, reghost.GAR) {
					return nil // a Terraform or Cloud Run job's sign-in, not a registry's credential
				}
				if strings.EqualFold(h.m[1], "federated token") {
					// Google's STS refuses the OIDC token itself: the
					// workload identity provider's attribute condition,
					// audience or issuer does not accept it
					// (google-github-actions/auth docs/TROUBLESHOOTING.md).
					return []cand{c("cloud-iam-denied", 0.8, "Google Cloud's token exchange refused the job's OIDC token: the workload identity provider's attribute condition (repository, owner, branch), its allowed audiences or its issuer do not match this workflow. Fix the provider's condition or the workload_identity_provider input, then the registry login gets a token.")}
				}
				// The exchange worked; impersonating the service account
				// (iam.serviceAccounts.getAccessToken) was refused.
				return []cand{c("cloud-iam-denied", 0.8, "The federated identity may not impersonate the service account, so no access token for the registry was minted: grant the workload identity pool principal (principalSet://…/attribute.repository/OWNER/REPO) roles/iam.workloadIdentityUser on the service account (Service Account Token Creator for token_format outputs), and check the service account's name.")}
			},
		},
	)
}

// rankAWSWebIdentity ranks the message AWS STS gave for a refused
// AssumeRoleWithWebIdentity (docs.aws.amazon.com/STS/latest/APIReference/
// API_AssumeRoleWithWebIdentity.html, Errors), lowercased; nil for a message
// that names none of its known refusals.
func rankAWSWebIdentity(msg string) []cand {
	switch {
	case strings.Contains(msg, "not authorized to perform sts:assumerolewithwebidentity"):
		return []cand{c("cloud-iam-denied", 0.84, "The IAM role's trust policy does not accept this job's OIDC token: its Federated principal (the account's OIDC provider) or its sub/aud conditions do not match. The sub claim differs by trigger (repo:OWNER/REPO:ref:refs/heads/BRANCH, :pull_request, :environment:NAME) and is matched case-sensitively; a renamed repository changes it. Fix the trust policy, then the registry login gets a token.")}
	case strings.Contains(msg, "no openidconnect provider found"):
		return []cand{c("cloud-iam-denied", 0.8, "The AWS account has no IAM OIDC identity provider for the token's issuer (token.actions.githubusercontent.com, gitlab.com, oidc.circleci.com/org/ID), or the role assumed is in another account: create the provider in the role's account.")}
	case strings.Contains(msg, "incorrect token audience"):
		return []cand{c("cloud-iam-denied", 0.8, "The OIDC token's aud claim is not in the IAM OIDC provider's audience list: add the audience the job requests (sts.amazonaws.com for configure-aws-credentials, the GitLab URL for id_tokens), or request the one the provider lists.")}
	case strings.Contains(msg, "exceeds the maxsessionduration"):
		return []cand{c("cloud-iam-denied", 0.78, "The session length the job asks for (role-duration-seconds, --duration-seconds) is longer than the role's MaxSessionDuration: ask for at most that (3600 s by default) or raise it on the role.")}
	case strings.Contains(msg, "token is expired") || strings.Contains(msg, "expiredtoken"):
		return []cand{c("token-expired", 0.78, "The job's OIDC token had expired when it was exchanged: fetch the token right before the exchange (it lives minutes), or check the runner's clock."),
			c("clock-skew", 0.4, "")}
	}
	return nil
}

// cloudRegistrySeen reports whether the log shows a registry of one of kinds:
// on the hit's line, as a login's host or as a reference's or registry URL's
// host anywhere in the log (the rank runs when the whole log is read, so a
// registry named in the step's env block or a later step counts).
func cloudRegistrySeen(h *hit, f *facts, kinds ...reghost.Kind) bool {
	is := func(host string) bool {
		if host == "" {
			return false
		}
		k := reghost.Classify(reghost.Normalize(host))
		for _, want := range kinds {
			if k == want {
				return true
			}
		}
		return false
	}
	if is(h.host) {
		return true
	}
	if f.pending != nil && is(f.pending.Host) {
		return true
	}
	for _, l := range f.logins {
		if is(l.Host) {
			return true
		}
	}
	seen := false
	f.refs.each(func(r refSeen) { seen = seen || is(r.Ref.Host) })
	f.urls.each(func(u urlSeen) { seen = seen || is(u.URL.Host) })
	return seen
}
