package diagnose

import "testing"

// TestMessageGrammarServerlessPackagers holds the answers serverless and
// ML-model packaging tools relay (sig_credchain.go, replicate.go, the
// registry-5xx veto in sig_transport.go): an image builder's ECR call with no
// AWS credential in the SDK chain, Replicate's NAME_UNKNOWN for a model the
// credential cannot see, and the OpenFaaS gateway's status wording that is
// not a registry's.
func TestMessageGrammarServerlessPackagers(t *testing.T) {
	checkFirstCause(t, map[string]string{
		// AWS SDK for Go v1: the default credential chain found nothing, in a controller's ECR call
		"reconcile failed: check image 210987654321.dkr.ecr.eu-west-1.amazonaws.com/ledger/api:1.4 exists: list ECR images: NoCredentialProviders: no valid providers in chain.": "no-login",
		"describe ecr images: NoCredentialProviders: no valid providers in chain. Deprecated.":                                                                                   "no-login",
		// the same SDK error from an S3 or SSM call is not the registry
		"upload artifacts to s3://ledger-builds: NoCredentialProviders: no valid providers in chain. Deprecated.": "",
		// the ECR credential helper's own wrapper stays a credential-store failure
		"E0412 09:12:44.101010 1 aws_credentials.go:77] error getting credentials from ECR for 210987654321.dkr.ecr.eu-west-1.amazonaws.com NoCredentialProviders: no valid providers in chain. Deprecated.": "credential-store-error",
		// Replicate (r8.im): a model the credential cannot see
		"name unknown: The model https://replicate.com/ledgerops/ledger-llm does not exist":                                             "bad-credentials",
		`unknown: {"errors":[{"code":"NAME_UNKNOWN","message":"The model https://replicate.com/ledgerops/ledger-llm does not exist"}]}`: "bad-credentials",
		// Replicate (r8.im): no credential sent at all
		"unauthorized: not authenticated: No valid credential was supplied.": "no-login",
		// another registry's name unknown on a push keeps its reading
		"name unknown: The repository with name 'ledger-api' does not exist in the registry": "repo-not-found",
		// the OpenFaaS gateway's answers through faas-cli are not a registry's
		"Server returned unexpected status code: 500 - Error pulling metrics from provider/backend. Status code: 500": "",
		"Server returned unexpected status code: 502 - upstream pull of ledger-fn failed":                             "",
		// a registry's own 5xx is still the registry's fault
		"received unexpected HTTP status: 500 Internal Server Error": "registry-fault",
	})
}
