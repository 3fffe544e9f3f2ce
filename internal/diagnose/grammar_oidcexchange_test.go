package diagnose

import "testing"

// TestMessageGrammarOIDCExchange holds the refusals of a CI job's OIDC token
// exchange for a cloud credential (sig_oidcexchange.go, and the Entra ID
// codes read by cloud-login-credentials in sig_authn.go): read as the
// registry job's failure when the log shows that cloud's registry, and quiet
// when it does not (the same lines end Terraform and deploy jobs). One line
// (or a few) per shape, the first finding's cause wanted ("" = no finding).
func TestMessageGrammarOIDCExchange(t *testing.T) {
	const ecrLogin = "$ aws ecr get-login-password --region eu-west-1 | docker login --username AWS --password-stdin 210987654321.dkr.ecr.eu-west-1.amazonaws.com\n"
	checkFirstCause(t, map[string]string{
		// the AWS CLI's web-identity provider (GitLab id_tokens in
		// AWS_WEB_IDENTITY_TOKEN_FILE) refused by the role's trust policy
		ecrLogin + "An error occurred (AccessDenied) when calling the AssumeRoleWithWebIdentity operation: Not authorized to perform sts:AssumeRoleWithWebIdentity": "cloud-iam-denied",
		// ... no IAM OIDC provider for the issuer, a wrong audience, a session too long
		ecrLogin + "An error occurred (InvalidIdentityToken) when calling the AssumeRoleWithWebIdentity operation: No OpenIDConnect provider found in your account for https://gitlab.orbit.test": "cloud-iam-denied",
		ecrLogin + "An error occurred (InvalidIdentityToken) when calling the AssumeRoleWithWebIdentity operation: Incorrect token audience":                                                      "cloud-iam-denied",
		ecrLogin + "An error occurred (ValidationError) when calling the AssumeRoleWithWebIdentity operation: The requested DurationSeconds exceeds the MaxSessionDuration set for this role.":    "cloud-iam-denied",
		// ... the OIDC token was already expired when exchanged
		ecrLogin + "An error occurred (ExpiredTokenException) when calling the AssumeRoleWithWebIdentity operation: Token is expired": "token-expired",
		// configure-aws-credentials' wording (and its retrying one) in a job
		// whose registry login or push shows the ECR registry
		"Logging into registry 210987654321.dkr.ecr.us-east-1.amazonaws.com\nError: Could not assume role with OIDC: Not authorized to perform sts:AssumeRoleWithWebIdentity":                                    "cloud-iam-denied",
		"Retry AssumeRole: attempt 1 of 12 failed: Could not assume role with OIDC: Not authorized to perform sts:AssumeRoleWithWebIdentity. Retrying after 17ms.\n$ docker push public.ecr.aws/orbit/api:1.4.0": "cloud-iam-denied",
		// guards: the same refusals with no registry in the log are a
		// deploy or Terraform job's sign-in
		"Error: Could not assume role with OIDC: Not authorized to perform sts:AssumeRoleWithWebIdentity":                                                                           "",
		"Run hashicorp/setup-terraform@v3\nError: Could not assume role with OIDC: No OpenIDConnect provider found in your account for https://token.actions.githubusercontent.com": "",
		"An error occurred (InvalidIdentityToken) when calling the AssumeRoleWithWebIdentity operation: Missing a required claim: aud":                                              "",
		// guard: another registry's login does not make an AWS sign-in the registry's
		"Logging into ghcr.io...\nLogin Succeeded!\nError: Could not assume role with OIDC: Not authorized to perform sts:AssumeRoleWithWebIdentity": "",
		// guard: a refusal STS did not word as one of its known causes stays quiet
		ecrLogin + "An error occurred (InvalidIdentityToken) when calling the AssumeRoleWithWebIdentity operation: Couldn't retrieve verification key from your identity provider": "",

		// google-github-actions/auth: the STS exchange (provider condition)
		// and the impersonation of the service account, in a job that logs
		// docker in to Artifact Registry
		"$ gcloud auth configure-docker us-central1-docker.pkg.dev --quiet\ngoogle-github-actions/auth failed with: failed to generate Google Cloud federated token for //iam.googleapis.com/projects/123456789/locations/global/workloadIdentityPools/ci/providers/orbit: {\"error\":\"unauthorized_client\",\"error_description\":\"The given credential is rejected by the attribute condition.\"}": "cloud-iam-denied",
		"$ docker push europe-west1-docker.pkg.dev/orbit/apps/api:1.4.0\nError: google-github-actions/auth failed with: failed to generate Google Cloud OAuth 2.0 Access Token for ci@orbit.iam.gserviceaccount.com: {":                                                                                                                                                                                "cloud-iam-denied",
		// guards: without an Artifact Registry or GCR host it is a Terraform or Cloud Run job's sign-in
		"google-github-actions/auth failed with: failed to generate Google Cloud federated token for //iam.googleapis.com/projects/123456789/locations/global/workloadIdentityPools/ci/providers/orbit: {\"error\":\"unauthorized_client\",\"error_description\":\"The given credential is rejected by the attribute condition.\"}": "",
		"Error: google-github-actions/auth failed with: failed to generate Google Cloud OAuth 2.0 Access Token for ci@orbit.iam.gserviceaccount.com: {":                                                                                                                                                                             "",
		// guard: an ECR host does not make a Google sign-in the registry's
		"Logging into registry 210987654321.dkr.ecr.us-east-1.amazonaws.com\nError: google-github-actions/auth failed with: failed to generate Google Cloud OAuth 2.0 Access Token for ci@orbit.iam.gserviceaccount.com: {": "",

		// Entra ID after az acr login: the federated assertion expired in a
		// long job, or no federated credential matches the token
		"/usr/bin/az acr login --name orbitcr\nERROR: AADSTS700024: Client assertion is not within its valid time range. Current time: 2026-03-02T10:40:00Z, assertion valid from 2026-03-02T10:00:00Z, expiry time of assertion 2026-03-02T10:05:00Z.":                         "token-expired",
		"$ az acr login -n orbitcr\nError: AADSTS700213: No matching federated identity record found for presented assertion subject 'repo:orbit/api:environment:prod'. Check your federated identity credential Subject, Audience and Issuer against the presented assertion.": "cloud-iam-denied",
		// guards: the same codes in an AKS or ARM step stay an Azure sign-in, not a registry's
		"ERROR: AADSTS700024: Client assertion is not within its valid time range. Current time: 2026-03-02T10:40:00Z, assertion valid from 2026-03-02T10:00:00Z, expiry time of assertion 2026-03-02T10:05:00Z.":                                                                                      "",
		"Attempting Azure CLI login by using OIDC...\nError: AADSTS700213: No matching federated identity record found for presented assertion subject 'repo:orbit/infra:ref:refs/heads/main'. Check your federated identity credential Subject, Audience and Issuer against the presented assertion.": "",
		// guard: an expired client secret keeps its reading
		"/usr/bin/az acr login --name orbitcr\nERROR: AADSTS7000222: The provided client secret keys for app '***' are expired.": "token-expired",
	})
}
