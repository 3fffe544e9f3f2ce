package diagnose

import "testing"

// Dependency bots' own phrases for a registry failure (sig_renovate.go).
func TestGrammarBots(t *testing.T) {
	checkFirstCause(t, map[string]string{
		// Renovate's debug line when its ECR token call failed
		`DEBUG: ECR getAuthorizationToken error (repository=org/deploy)`: "no-login",
		// the same with the AWS refusal in the printed err object
		`DEBUG: ECR getAuthorizationToken error {"err":{"name":"AccessDeniedException","message":"not authorized to perform: ecr:GetAuthorizationToken"}}`: "cloud-iam-denied",
		// guard: Renovate's generic lookup failure alone names no registry cause
		`DEBUG: Failed to look up dependency billing-worker (repository=org/deploy)`: "",
		// guard: the AWS CLI's refusal stays cloud-iam-denied
		`An error occurred (AccessDeniedException) when calling the GetAuthorizationToken operation: User: arn:aws:iam::123456789012:user/ci is not authorized to perform: ecr:GetAuthorizationToken on resource: *`: "cloud-iam-denied",
	})
}
