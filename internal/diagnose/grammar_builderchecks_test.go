package diagnose

import "testing"

// TestMessageGrammarBuilderChecks holds TestMessageGrammar's lines for the
// shapes found in the eighteenth held-out batch, part c (image builders other
// than docker build): kpack's write-access check, go-containerregistry's
// empty error response, Harbor's token service failing a push scope, Python
// clients' certificate failure and Spring Boot's publish-registry check. One
// line per shape, the first finding's cause wanted ("" = no finding).
func TestMessageGrammarBuilderChecks(t *testing.T) {
	checkFirstCause(t, map[string]string{
		// kpack's prepare step: no credential the registry accepts for a full tag
		`Error verifying write access to "registry.shoplab.example/apps/cart": UNAUTHORIZED`: "no-login",
		// the credential is accepted but may not write there
		`Error verifying write access to "registry.shoplab.example/apps/cart": DENIED: not allowed to push`: "insufficient-role",
		// a tag without a host is a Docker Hub repository
		`Error verifying write access to "shoplab/cart": UNAUTHORIZED`: "push-outside-namespace",
		// guard: the same check failing to reach the registry stays a network problem
		`Error verifying write access to "shoplab/cart": creating push check transport for index.docker.io failed: Get "https://index.docker.io/v2/": dial tcp: lookup index.docker.io: i/o timeout`: "registry-unreachable",
		// old go-containerregistry: an error answer without a body, behind pack's wrapper
		`ERROR: connect to repo store 'registry.shoplab.example/stacks/build:base': <empty transport.Error response>`: "bad-credentials",
		// Harbor's token service fails a push scope for an account without push rights
		`[prepare] prepare:main.go:79: GET https://harbor.shoplab.example/service/token?scope=repository%3Aapps%2Fcart%3Apush%2Cpull&service=harbor-registry: unsupported status code 500`: "insufficient-role",
		// guard: a pull-only scope failing is the token service's own fault
		`GET https://harbor.shoplab.example/service/token?scope=repository%3Aapps%2Fcart%3Apull&service=harbor-registry: unsupported status code 500`: "registry-fault",
		// Python pushers (rules_docker) with a private CA
		`F0101 10:00:00.000000 4242 fast_pusher_.py:194] Error publishing regbox.shoplab.example:8500/apps/cart:1: [SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed (_ssl.c:726)`: "tls-untrusted",
		// guard: pip behind a TLS-intercepting proxy is no registry's problem
		`Could not fetch URL https://pypi.org/simple/requests/: There was a problem confirming the ssl certificate: HTTPSConnectionPool(host='pypi.org', port=443): Max retries exceeded with url: /simple/requests/ (Caused by SSLError(SSLError(1, '[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed (_ssl.c:1006)'))) - skipping`: "",
		// docker-py's APIError quoting the engine's refusal of a private or missing image
		// (GHCR's anonymous "denied" is a path it does not have: ghcrAnonymousRead)
		`docker.errors.APIError: 500 Server Error for http+docker://localhost/v1.45/images/create?tag=1.2&fromImage=ghcr.io%2Fshoplab%2Fcart: Internal Server Error ("Head "https://ghcr.io/v2/shoplab/cart/manifests/1.2": denied")`: "manifest-unknown",
		// Spring Boot build-image with publishRegistry credentials that rendered empty
		`[ERROR] Failed to execute goal org.springframework.boot:spring-boot-maven-plugin:3.1.5:build-image (default-cli) on project cart: Invalid Docker publish registry configuration, either token or username/password must be provided -> [Help 1]`: "empty-credential",
	})
}
