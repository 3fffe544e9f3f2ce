package diagnose

import "testing"

// TestMessageGrammarCIPlatforms holds TestMessageGrammar's lines for the shapes found
// in the sixth held-out batch, part b (other CI platforms: Tekton and
// OpenShift builds, CircleCI executors, Azure Pipelines, Gradle/Maven docker
// plugins): one line (or a few) per shape, the first finding's cause wanted
// ("" = no finding), with guards that keep the ordinary reading. Kept apart
// from the other tables so that batches worked on in parallel do not touch
// the same block.
func TestMessageGrammarCIPlatforms(t *testing.T) {
	checkFirstCause(t, map[string]string{
		// OpenShift's integrated registry answers a service account without the push role with "authentication required"
		`Error: writing blob: initiating layer upload to /v2/shop-ci/orders/blobs/uploads/ in image-registry.openshift-image-registry.svc:5000: unauthorized: authentication required`: "insufficient-role",
		// OpenShift's builder names the image it pushes ("Pushing image REF ...")
		"Pushing image docker-registry.default.svc:5000/shop/api:latest ...\nerror: build error: Failed to push image: errors:\nunauthorized: authentication required": "insufficient-role",
		// guard: another registry keeps the ordinary reading (no login before)
		`Error: writing blob: initiating layer upload to /v2/shop-ci/orders/blobs/uploads/ in registry.lab.example: unauthorized: authentication required`: "no-login",
		// Entra ID sign-in errors outside an Azure Container Registry job are not a registry's
		`##[error]Script failed with error: ERROR: AADSTS7000215: Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID.`: "",
		// guard: the same error in an ACR login stays the registry credential's
		"/usr/bin/az acr login --name acmeshop\nERROR: AADSTS7000222: The provided client secret keys for app '***' are expired.": "token-expired",
		// go-containerregistry's reference grammar error for a reference written as a URL
		"error pushing image: getting tag for destination: repository can only contain the runes `abcdefghijklmnopqrstuvwxyz0123456789_-./`: /192.168.30.4:5001/ci/orders-api": "invalid-reference",
		// guard: a leading / before a plain path is still an empty variable
		"error pushing image: getting tag for destination: repository can only contain the runes `abcdefghijklmnopqrstuvwxyz0123456789_-./`: /orders-api": "empty-reference-variable",
		// guard: a dotted repository component after the leading / is not a host
		"error pushing image: getting tag for destination: repository can only contain the runes `abcdefghijklmnopqrstuvwxyz0123456789_-./`: /my.app/web": "empty-reference-variable",
		// a scheme in docker's reference
		`invalid argument "https://registry.lab.example/ci/orders:1" for "-t, --tag" flag: invalid reference format`: "invalid-reference",
		// CircleCI's executor names the image it pulls
		"Starting container node:20:bookworm\n  image cache not found on this host, downloading node:20:bookworm\n\ninvalid reference format": "invalid-reference",
		// Go's DNS error quoted up to the host
		`error: build error: Failed to push image: pinging container registry registry.lab.example: Get "https://registry.lab.example/v2/": dial tcp: lookup registry.lab.example`: "registry-unreachable",
		// GCR's quoted "Access denied." after go-containerregistry fell back on anonymous
		"No matching credentials were found for \"gcr.io\", falling back on anonymous\nerror pushing image: failed to push to destination gcr.io/acme/app:1: DENIED: \"Access denied.\"": "no-login",
		// Artifact Registry's quoted repository name: the repository does not exist (not Harbor's unquoted "unknown: repository … not found")
		`name unknown: Repository "containers" not found`: "repo-not-found",
		// guard: Harbor's wording keeps the manifest-unknown reading
		`Error response from daemon: unknown: repository hub-cache/redis not found`: "manifest-unknown",
		// docker-java relaying docker 1.x's refusal
		"Pushing image with name 'northwind/billing:2.7.1'.\n> Could not push image: Error pushing to registry: Authentication is required.": "no-login",
	})
}
