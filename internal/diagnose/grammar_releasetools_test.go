package diagnose

import "testing"

// TestMessageGrammarReleaseTools holds registry refusals as release
// pipelines meet them (sig_releasetools.go): GHCR's unknown owner,
// Artifact Registry's tag immutability, a 403 with an empty body (docker
// manifest push's blob mount, ECR's IAM denial), JReleaser's check of a
// registry credential that resolved to nothing, and docker manifest's "no
// such manifest" for an image the registry does not hold.
func TestMessageGrammarReleaseTools(t *testing.T) {
	checkFirstCause(t, map[string]string{
		// GHCR: the owner segment names no GitHub account
		"denied: not_found: owner not found": "push-outside-namespace",
		"ERROR: failed to push ghcr.io/ledger-ops/ledgerd:1.4.0: error from registry: not_found: owner not found": "push-outside-namespace",
		// GitHub Packages' npm registry says the same of an npm scope: not an image
		"npm error 403 403 Forbidden - PUT https://npm.pkg.github.com/@ledger-ops%2fclient - Permission not_found: owner not found": "",
		// Artifact Registry with immutable tags
		"cannot update tag latest. The repository has enabled tag immutability": "tag-immutable-or-protected",
		// a 403 with an empty body: docker manifest push's blob mount on Docker Hub
		`failed to mount blob ledgerops/ledgerd@sha256:3c9e1f7a2b5d to docker.io/ledgerops/ledgerd:v3.2.0: error parsing HTTP 403 response body: unexpected end of JSON input: ""`: "registry-fault",
		// the same answer from ECR is an IAM-denied push call
		"The push refers to repository [123456789012.dkr.ecr.eu-west-1.amazonaws.com/ledgerd]\n7a1f0c2e9b33: Waiting\nerror parsing HTTP 403 response body: unexpected end of JSON input: \"\"": "cloud-iam-denied",
		// go-containerregistry (ko) quoting an UNAUTHORIZED with an empty message
		"error=ko: failed to publish artifacts: publish: GET https://git.ledger.example/v2/token?scope=repository%3Aledger%2Fledgerd%3Apush%2Cpull&service=container_registry: UNAUTHORIZED: ": "no-login",
		// a colon ending another API's line is not a registry's answer
		"GET https://api.ledger.example/accounts/42: unauthorized:": "",
		// docker manifest push with the registry's bare DENIED (a manifest list on Docker Hub)
		"failed to put manifest docker.io/ledger/ledgerd:v3.2.0: denied": "push-outside-namespace",
		// JReleaser's docker registry credential check
		"[ERROR] registry.DEFAULT.password must not be blank. Configure a value using the Maven DSL, or define [jreleaser.docker.default.password] System properties": "empty-credential",
		"[ERROR] registry.docker.io.username must not be blank. Configure a value using the CLI yaml DSL":                                                             "empty-credential",
		// its other checks are not a registry's
		"[ERROR] release.github.token must not be blank. Configure a value using the CLI yaml DSL": "",
		// docker manifest create/inspect: an image the list names is not in the registry
		"no such manifest: docker.io/ledgerops/ledgerd:v3.2.0-arm64": "manifest-unknown",
		"error=docker manifests: failed to publish artifacts: failed to create ledgerops/ledgerd:v3.2.0: exit status 1: no such manifest: docker.io/ledgerops/ledgerd:v3.2.0-amd64": "manifest-unknown",
		"No such manifest: registry.ledger.example:5000/ledger/ledgerd:nightly":                                                                                                     "manifest-unknown",
		"no such manifest: ghcr.io/ledger-ops/ledgerd@sha256:3c9e1f7a2b5d8e0f4a6c1b3d5e7f9a0b2c4d6e8f0a1b3c5d7e9f1a2b4c6d8e0f":                                                      "manifest-unknown",
		// the same words from other tools name a file or a Kubernetes kind
		"no such manifest: /home/ci/build/manifest.json": "",
		"Error: no such manifest: Deployment":            "",
		"no such manifest: manifests/prod.yaml":          "",
		// docker manifest inspect as a "published yet?" check, then the push of that repository completes
		"$ docker manifest inspect ledgerops/ledgerd:v3.2.0 > /dev/null || make publish\nno such manifest: docker.io/ledgerops/ledgerd:v3.2.0\n$ docker push ledgerops/ledgerd:v3.2.0\nThe push refers to repository [docker.io/ledgerops/ledgerd]\nv3.2.0: digest: sha256:3c9e1f7a2b5d8e0f4a6c1b3d5e7f9a0b2c4d6e8f0a1b3c5d7e9f1a2b4c6d8e0f size: 1570": "",
		// a push of another repository after it does not make it a check
		"no such manifest: docker.io/ledgerops/ledgerd:v3.2.0-arm64\n$ docker push ledgerops/ledger-web:v3.2.0\nThe push refers to repository [docker.io/ledgerops/ledger-web]\nv3.2.0: digest: sha256:3c9e1f7a2b5d8e0f4a6c1b3d5e7f9a0b2c4d6e8f0a1b3c5d7e9f1a2b4c6d8e0f size: 1570": "manifest-unknown",
		// the local image store's answer is not the registry's
		"Error response from daemon: No such image: ledgerops/ledgerd:v3.2.0": "",
	})
}
