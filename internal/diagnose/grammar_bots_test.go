package diagnose

import (
	"strings"
	"testing"
)

// Dependency bots' own phrases for a registry failure (sig_renovate.go).
func TestGrammarBots(t *testing.T) {
	checkFirstCause(t, map[string]string{
		// Renovate's debug line when its ECR token call failed
		`DEBUG: ECR getAuthorizationToken error (repository=org/deploy)`: "no-login",
		// the same with the AWS refusal in the printed err object
		`DEBUG: ECR getAuthorizationToken error {"err":{"name":"AccessDeniedException","message":"not authorized to perform: ecr:GetAuthorizationToken"}}`: "cloud-iam-denied",
		// guard: Renovate's generic lookup failure alone names no registry cause
		`DEBUG: Failed to look up dependency billing-worker (repository=org/deploy)`: "",
		// Renovate's docker datasource aborting a run: Docker Hub's 401 and 429, any registry's 5xx
		`WARN: docker registry failure: unauthorized (repository=orbit/infra)`:                                                                                      "manifest-unknown",
		`{"name":"renovate","level":40,"registryHost":"https://index.docker.io","dockerRepository":"orbitdev/tools","msg":"docker registry failure: unauthorized"}`: "manifest-unknown",
		` WARN: docker registry failure: too many requests (repository=orbit/infra)`:                                                                                "rate-limited",
		`WARN: docker registry failure: internal error`:                                                                                                             "registry-fault",
		// guards: Renovate's debug line for a 401 elsewhere, and the words inside other prose
		`DEBUG: Unauthorized docker lookup (repository=orbit/infra)`:                           "",
		`the docker registry failure: unauthorized access was logged by the proxy`:             "",
		`WARN: docker registry failure: timeout while resolving tags (repository=orbit/infra)`: "",
		// guard: the AWS CLI's refusal stays cloud-iam-denied
		`An error occurred (AccessDeniedException) when calling the GetAuthorizationToken operation: User: arn:aws:iam::123456789012:user/ci is not authorized to perform: ecr:GetAuthorizationToken on resource: *`: "cloud-iam-denied",
	})
}

// Grype/Syft reading an image named like a source scheme (sig_scanscheme.go).
func TestGrammarScanScheme(t *testing.T) {
	fail := "failed to catalog: an error occurred attempting to resolve '2': docker: pull failed: Error response from daemon: pull access denied for 2, repository does not exist or may require 'docker login': denied: requested access to the resource is denied"
	checkFirstCause(t, map[string]string{
		"$ syft registry:2 -o json\n" + fail: "invalid-reference",
		// guard: the same refusal for a name given without a scheme word is not a lost prefix
		"$ syft acme-internal -o json\n" + strings.Replace(fail, "'2'", "'acme-internal'", 1): "manifest-unknown",
	})
}
