package diagnose

import "testing"

// TestMessageGrammarClientDefects holds TestMessageGrammar's lines for known
// client defects in older docker wordings and GCR's API-enablement refusal
// (sig_clientdefects.go, rankGCPPermission), found in the eighteenth held-out
// batch (threads of 2015-2021): one line (or a few) per shape, the first
// finding's cause wanted ("" = no finding).
func TestMessageGrammarClientDefects(t *testing.T) {
	checkFirstCause(t, map[string]string{
		// Docker Hub's block page for docker 1.8.0, quoted by the engine
		`Error parsing HTTP response: invalid character '<' looking for beginning of value: "<html><body><h1>403 Forbidden</h1>\nRequest forbidden by administrative rules.\n</body></html>\n\n"`: "client-bug",
		// docker login's removed -e/--email (aws ecr get-login without --no-include-email)
		"$(aws ecr get-login --region eu-west-1)\nunknown shorthand flag: 'e' in -e\nSee 'docker login --help'.":                                                   "client-bug",
		"$ docker login -e none -u AWS -p *** https://123456789012.dkr.ecr.eu-west-1.amazonaws.com\nunknown shorthand flag: 'e' in -e\nSee 'docker login --help'.": "client-bug",
		// the same usage error, then a refused push: the push went out without a credential
		"$ docker login -e=\"$DOCKER_EMAIL\" -u=\"$DOCKER_USER\" -p=\"$DOCKER_PASS\"\nunknown shorthand flag: 'e' in -e=[secure]\nSee 'docker login --help'.\n$ docker push lumenlabs/ledger-api:2.4.1\nThe push refers to a repository [docker.io/lumenlabs/ledger-api]\n5c1e2f3a9b7d: Preparing\ndenied: requested access to the resource is denied": "no-login",
		// another command's -e is not docker login's
		"Error: unknown shorthand flag: 'e' in -e\nSee 'kubectl exec --help' for usage.": "",
		// GCR: the Container Registry API is off for the project
		"denied: Token exchange failed for project 'lumen-ledger-7731'. Please enable Google Container Registry API in Cloud Console at https://console.cloud.google.com/apis/api/containerregistry.googleapis.com/overview?project=lumen-ledger-7731 before performing this operation.": "registry-disabled",
		// the IAM wording of the same token exchange stays cloud-iam-denied
		"denied: Token exchange failed for project 'lumen-ledger-7731'. Caller does not have permission 'storage.buckets.get'. To configure permissions, follow instructions at: https://cloud.google.com/container-registry/docs/access-control": "cloud-iam-denied",
		// docker-compose 1.8.0 ignored a credentials store (docker/compose#3929, fixed in 1.8.1)
		"$ docker-compose version\ndocker-compose version 1.8.0, build f3628c7\n$ docker-compose push\nPushing ledger (registry.lumen.example/lumen/ledger-api:2.4.1)...\nThe push refers to a repository [registry.lumen.example/lumen/ledger-api]\nERROR: unauthorized: authentication required": "client-bug",
		"Pulling ledger (registry.lumen.example/lumen/ledger-api:2.4.1)...\nERROR: pull access denied for registry.lumen.example/lumen/ledger-api, repository does not exist or may require 'docker login'\n$ docker-compose --version\ndocker-compose version 1.8.0, build f3628c7":               "client-bug",
		// the fixed release leaves the registry's reading
		"$ docker-compose version\ndocker-compose version 1.8.1, build 878cff1\n$ docker-compose push\nPushing ledger (registry.lumen.example/lumen/ledger-api:2.4.1)...\nThe push refers to a repository [registry.lumen.example/lumen/ledger-api]\nERROR: unauthorized: authentication required": "no-login",
		// the version line alone, or beside a failure that is no registry's, is nothing
		"docker-compose version 1.8.0, build f3628c7": "",
		"docker-compose version 1.8.0, build f3628c7\nERROR: for ledger  Cannot start service ledger: driver failed programming external connectivity": "",
		// clients that parse the registry's WWW-Authenticate themselves and stop on a challenge they did not expect
		"VERBOSE Obtaining manifest: https://registry.orbit.test/v2/orbit/trainer/manifests/24.01\nDEBUG GET https://registry.orbit.test/v2/orbit/trainer/manifests/24.01\nERROR Unrecognized authentication challenge, exiting.": "client-bug",
		"Unrecognized authentication challenge from registry registry.orbit.test, exiting.":                                              "client-bug",
		"pulling image:    registry.orbit.test/orbit/trainer:24.01\nmanifest: downloading\nerror: WWW-Authenticate missing key: service": "client-bug",
		"error: WWW-Authenticate missing key: realm":                                                                                     "client-bug",
		// the same words in a sign-in flow, a parser's debug line or a raw response header are nothing
		"Unrecognized authentication challenge.": "",
		"DEBUG WWW-Authenticate parse: {'realm': 'https://auth.orbit.test/token', 'service': 'registry.orbit.test'}":                           "",
		`< www-authenticate: Bearer realm="https://auth.orbit.test/token",service="registry.orbit.test",scope="repository:orbit/trainer:pull"`: "",
	})
}
