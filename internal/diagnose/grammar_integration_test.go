package diagnose

import "testing"

// TestMessageGrammarIntegration holds TestMessageGrammar's lines for the shapes found
// in the seventh held-out batch, part c (negatives first): one line (or a
// few) per shape, the first finding's cause wanted ("" = no finding), with
// guards for the other tools' look-alikes that sit in the same jobs. Kept
// apart from the other tables so that parallel batches do not edit the same
// block.
func TestMessageGrammarIntegration(t *testing.T) {
	checkFirstCause(t, map[string]string{
		// GitHub's integration-permission text as the registry's denied answer
		"The push refers to repository [docker.pkg.github.com/lumen-labs/ledger/api]\ndenied: Resource not accessible by integration": "gh-token-packages-permission",
		// ... with Packages: write granted, the package's own access is the gap
		"GITHUB_TOKEN Permissions\n  Contents: read\n  Packages: write\nThe push refers to repository [ghcr.io/lumen-labs/api]\ndenied: Resource not accessible by integration": "ghcr-package-actions-access",
		// guard: the same text from GitHub's REST API is not a registry's
		"HTTP 403: Resource not accessible by integration (https://api.github.com/repos/lumen-labs/ledger/releases)":          "",
		`{"message":"Resource not accessible by integration","documentation_url":"https://docs.github.com/rest"}`:             "",
		"Error: Permission denied: Resource not accessible by integration":                                                    "",
		"HttpError: denied: Resource not accessible by integration (https://api.github.com/repos/lumen-labs/ledger/releases)": "",
		// a registry's upload Range header the client cannot read
		"#12 ERROR: bad range format: 0--1\nERROR: failed to solve: bad range format: 0--1":                          "registry-fault",
		"error pushing blob: bad range format: 0--1 (PATCH https://forge.lab.example/v2/ops/api/blobs/uploads/1f2e)": "registry-fault",
		// guard: another program's range parser
		"2026/03/02 10:14:07 bad range format: 12--4": "",
		// GHCR's placeholder scope carried into a refused anonymous token request
		"Error: failed to authorize: failed to fetch anonymous token: unexpected status from GET request to https://ghcr.io/token?scope=repository%3Alumen%2Fcharts%2Fledger%3Apull&scope=repository%3Auser%2Fimage%3Apull&service=ghcr.io: 403 Forbidden": "client-bug",
		// guard: one scope only keeps the ordinary anonymous-token reading
		"Error: failed to authorize: failed to fetch anonymous token: unexpected status from GET request to https://ghcr.io/token?scope=repository%3Alumen%2Fcharts%2Fledger%3Apull&service=ghcr.io: 403 Forbidden": "no-login",
		// GCR's unauthorized body, read without the "unauthorized:" prefix
		"You don't have the needed permissions to perform this operation, and you may have invalid credentials. To authenticate your request, follow the steps in: https://cloud.google.com/container-registry/docs/advanced-authentication": "no-login",
		// guard (batch negatives): GitHub Packages' npm registry and Docker Hub's web API
		"npm error 401 Unauthorized - PUT https://npm.pkg.github.com/@lumen%2fledger - unauthenticated: User cannot be authenticated with the token provided.": "",
		`{"message":"insufficient scope","errinfo":{}}`: "",
		"ERROR: (gcloud.run.deploy) PERMISSION_DENIED: Permission 'iam.serviceaccounts.actAs' denied on service account ledger@lumen-prod.iam.gserviceaccount.com (or it may not exist).": "",
	})
}
