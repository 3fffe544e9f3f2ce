package diagnose

import "testing"

// TestMessageGrammarLongTail holds TestMessageGrammar's lines for the shapes
// found in the sixth held-out batch, part d (long-tail clients and
// registries): one line (or a few) per shape, the first finding's cause
// wanted ("" = no finding), with guards that keep the neighbouring readings.
// Kept apart from the other tables so that parallel batches do not edit the
// same block.
func TestMessageGrammarLongTail(t *testing.T) {
	checkFirstCause(t, map[string]string{
		// docker's nested token request to a realm only the registry's own network resolves
		`Error response from daemon: Get "https://code.lab.example/v2/": Get "http://forge:3000/v2/token?account=ci&service=container_registry": dial tcp: lookup forge on 127.0.0.53:53: no such host`:   "registry-fault",
		`Error response from daemon: Get "https://code.lab.example/v2/": Get "http://code.lab.example/v2/token?account=ci&service=container_registry": dial tcp 10.1.2.3:80: connect: connection refused`: "registry-fault",
		// guard: Docker Hub's public realm on another host is an ordinary network failure
		`Error response from daemon: Get "https://registry-1.docker.io/v2/": Get "https://auth.docker.io/token?account=ci&service=registry.docker.io": dial tcp: lookup auth.docker.io on 127.0.0.53:53: no such host`: "registry-unreachable",
		// older docker's parser error quoting the reference; a '+' in the tag
		`"111122223333.dkr.ecr.eu-central-1.amazonaws.com/ledger-api:deps-1.3.0+build.7" is not a valid repository/tag`: "invalid-reference",
		// guard: an empty quoted reference is still an empty variable
		`"" is not a valid repository/tag: invalid reference format`: "empty-reference-variable",
		// go-containerregistry's name check, with and without the backquotes
		"Error: repository can only contain the characters `abcdefghijklmnopqrstuvwxyz0123456789_-./`: Tools/Linter":                                   "invalid-reference",
		"error pushing image: getting tag for destination: repository can only contain the runes abcdefghijklmnopqrstuvwxyz0123456789_-./: ops/tool:1": "invalid-reference",
		// guard: another program's "can only contain the characters"
		"Error: username can only contain the characters a-z, 0-9 and -": "",
		// jib's and Java's words for a credential helper that is not there
		"> com.google.cloud.tools.jib.plugins.common.BuildStepsExecutionException: The system does not have docker-credential-gcr CLI": "credential-store-error",
		`Caused by: java.io.IOException: Cannot run program "docker-credential-ecr-login": error=2, No such file or directory`:         "credential-store-error",
		// Gitea's package-access check
		"The push refers to repository [git.lab.example/mira/notes-api]\nunauthorized: reqPackageAccess": "password-not-token",
		// a 404 on the image index after its children went through
		`ERROR: failed commit on ref "index-sha256:9a8b7c6d5e4f": unexpected status from PUT request to https://forge.lab.example/v2/ops/agent/manifests/2.0.1: 404 Not Found`: "registry-fault",
		// guard: a 404 on an image manifest keeps the path reading
		`ERROR: failed commit on ref "manifest-sha256:9a8b7c6d5e4f": unexpected status from PUT request to https://forge.lab.example/v2/ops/agent/manifests/2.0.1: 404 Not Found`: "repo-not-found",
		// the signature tag lookup after the image was written
		"FATA[0004] writing signatures: reading manifest sha256-1f2e3d.sig in harbor.lab.example/apps/web: unknown: artifact apps/web:sha256-1f2e3d.sig not found": "client-bug",
		// batch B: a client that handles only Bearer challenges
		`Error: HTTP request to https://111122223333.dkr.ecr.eu-central-1.amazonaws.com/v2/ledger-api/manifests/1.4.0 failed with response: 401 Unauthorized. Reason: invalidArgument: "missing Bearer challenge in WWW-Authenticate header"`: "client-bug",
		// the macOS keychain refusing the stored login
		`Error: error querying keychain for registry.lab.example (cause: "queryError(\"query failure: unhandledError(status: -25308)\")")`: "credential-store-error",
		// GHCR refusing a pull-only token request: a stale stored credential
		`Error: unknown: "HTTP request to https://ghcr.io/token?client_id=cli&service=ghcr.io&scope=repository:acme/notes-api:pull failed with response: 403 Forbidden"`: "token-expired",
		// guard: a push scope keeps the GITHUB_TOKEN reading
		"Error: GET https://ghcr.io/token?scope=repository%3Aacme%2Fnotes-api%3Apull%2Cpush&service=ghcr.io: unexpected status code 403 Forbidden": "gh-token-packages-permission",
		// the registry has the manifest; the client's Accept header lacks its type
		`GET https://acmeregistry.azurecr.io/v2/tools/sbom/manifests/sha256:5a1b2c: MANIFEST_UNKNOWN: OCI artifact found, but accept header does not support OCI artifacts`: "client-bug",
		// an unqualified name resolved to the client's default registry, not the login's
		"$ docker login docker.io -u mira\nLogin Succeeded\n$ docker push mira/notes-api:0.3.1\nThe push refers to a repository [registry.fedoraproject.org/mira/notes-api]\nunauthorized: authentication required": "missing-registry-host",
		// guard: a qualified reference to another host than the login keeps login-wrong-host
		"$ docker login docker.io -u mira\nLogin Succeeded\n$ docker push registry.lab.example/mira/notes-api:0.3.1\nThe push refers to a repository [registry.lab.example/mira/notes-api]\nunauthorized: authentication required": "login-wrong-host",
		// a proxy that does not answer, placeholder address included
		`docker: Error response from daemon: Get https://registry-1.docker.io/v2/: proxyconnect tcp: dial tcp proxy_ip:proxy_port: connect: connection refused.`: "registry-unreachable",
		// JFrog CLI's REST answers are not the registry's
		"2.0.1: digest: sha256:0f1e2d3c size: 1576\n[Error] error while getting docker repository name. Artifactory response: 403 Forbidden": "",
		// batch C: helm's pull failure without a URL; ECR Public refusing a pull (stale token)
		"Error: failed to download chart: pulling from host public.ecr.aws failed with status code [manifests 2.0.1]: 403 Forbidden": "token-expired",
		// containerd's tag lister drops the bracketed path; same readings as the helm form
		"ctr: listing tags: pulling from host public.ecr.aws failed with status code: 403 Forbidden":       "token-expired",
		"Error: pulling from host registry.lab.example failed with status code: 401 Unauthorized":          "no-login",
		"Error: pulling from host registry.lab.example failed with status code: 403 Forbidden":             "insufficient-role",
		"Error: pulling from host mirror.lab.example failed with status code: 429 Too Many Requests":       "rate-limited",
		"Error: pulling from host registry.lab.example failed with status code: 500 Internal Server Error": "registry-fault",
		// guard: another tool's "failed with status code:" is no registry's
		"Error: artifact upload failed with status code: 403 Forbidden": "",
		"deploy webhook failed with status code: 429 Too Many Requests": "",
		// Harbor's 401 for a project it does not have; a cross-registry mount source is the client's
		"Error: POST https://harbor.lab.example/v2/mirror/cart/blobs/uploads/?from=shop%2Fcart&mount=sha256%3A0167: UNAUTHORIZED: project shop not found": "client-bug",
		"Error: PUT https://harbor.lab.example/v2/nosuch/cart/manifests/1.8.0: UNAUTHORIZED: project nosuch not found":                                    "repo-not-found",
		// dockerd's bare "unauthorized" for a manifest request
		`docker: Error response from daemon: Head "https://ghcr.io/v2/acme-lab/report-tool/manifests/2.3": unauthorized.`: "no-login",
		// guard: another tool's bare "unauthorized" is not a registry's
		"Error: unauthorized": "",
		// Apple's container CLI: a 404 for a manifest
		"Error: HTTP request to https://ghcr.io/v2/acme/app/manifests/1.0 failed with response: 404 Not Found": "manifest-unknown",
		// guard: its 401 keeps the generic reading
		`Error: internalError: "HTTP request to https://acme.azurecr.io/v2/big/manifests/latest failed with response: 401 Unauthorized. Reason: Access denied or wrong credentials. No credentials found for host acme.azurecr.io"`: "no-login",
	})
}
