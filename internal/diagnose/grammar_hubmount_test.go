package diagnose

import "testing"

// TestMessageGrammarHubMountSource holds Docker Hub's 400 "invalid
// repository name" in a copy from another registry: the target is a valid
// NAMESPACE/NAME, so the name refused is the cross-registry mount's source
// (go-containerregistry#1679). The look-alikes keep invalid-reference: a
// target Docker Hub cannot hold, or no other repository in sight. The first
// finding's cause is wanted ("" = no finding).
func TestMessageGrammarHubMountSource(t *testing.T) {
	checkFirstCause(t, map[string]string{
		// the token request names both repositories: a deep pull scope next to the push
		"Error: failed to copy image: GET https://auth.docker.io/token?scope=repository%3Ashop-prod%2Fimages%2Fcart%3Apull&scope=repository%3Ashoplab%2Fcart%3Apush%2Cpull&service=registry.docker.io: unexpected status code 400 Bad Request: {\"details\":\"invalid repository name\"}": "client-bug",
		// only the status is printed: the copy command names the source
		"$ crane copy europe-docker.pkg.dev/shop-prod/images/cart:1.8 shoplab/cart:1.8\nError: unexpected status code 400 Bad Request: {\"details\":\"invalid repository name\"}": "client-bug",
		// the same with options and the index.docker.io host
		"+ crane copy --platform=all registry.gitlab.example/shop/platform/cart:1.8 index.docker.io/shoplab/cart:1.8\n2026/03/02 10:20:11 Copying from registry.gitlab.example/shop/platform/cart:1.8 to index.docker.io/shoplab/cart:1.8\nError: failed to copy image: unexpected status code 400 Bad Request: {\"details\":\"invalid repository name\"}": "client-bug",
		// crane cp and gcrane cp, the alias of copy (go-containerregistry
		// cmd/crane/cmd/copy.go, Aliases: []string{"cp"})
		"$ crane cp registry.orbit.test/platform/team/orbit-api:2.0 orbitlab/orbit-api:2.0\nError: unexpected status code 400 Bad Request: {\"details\":\"invalid repository name\"}":                           "client-bug",
		"+ gcrane cp --platform=all registry.orbit.test:5050/orbit/platform/api:2.0 index.docker.io/orbitlab/api:2.0\nError: unexpected status code 400 Bad Request: {\"details\":\"invalid repository name\"}": "client-bug",
		// guard: crane cp to a target Docker Hub cannot hold names the target
		"$ crane cp registry.orbit.test/platform/team/orbit-api:2.0 orbitlab/team/orbit-api:2.0\nError: unexpected status code 400 Bad Request: {\"details\":\"invalid repository name\"}": "invalid-reference",
		// guard: a file copy (cp, kubectl cp) is no image copy: no source to blame
		"$ cp -r registry.orbit.test/platform/team/orbit-api orbitlab/orbit-api\nError: unexpected status code 400 Bad Request: {\"details\":\"invalid repository name\"}":                  "invalid-reference",
		"$ kubectl cp orbit-ns/orbit-pod:/srv/platform/team/orbit-api.tar orbitlab/orbit-api.tar\nError: unexpected status code 400 Bad Request: {\"details\":\"invalid repository name\"}": "invalid-reference",
		// guard: the target itself has three components, which Docker Hub cannot hold
		"Error: failed to copy image: GET https://auth.docker.io/token?scope=repository%3Ashoplab%2Fteam%2Fcart%3Apush%2Cpull&service=registry.docker.io: unexpected status code 400 Bad Request: {\"details\":\"invalid repository name\"}": "invalid-reference",
		"$ crane copy europe-docker.pkg.dev/shop-prod/images/cart:1.8 shoplab/team/cart:1.8\nError: unexpected status code 400 Bad Request: {\"details\":\"invalid repository name\"}":                                                       "invalid-reference",
		// guard: a copy within Docker Hub has no foreign source to blame
		"$ crane copy shoplab/cart:1.8 shoplab/cart-mirror:1.8\nError: unexpected status code 400 Bad Request: {\"details\":\"invalid repository name\"}": "invalid-reference",
		// guard: a source Docker Hub could hold is not the refused name
		"$ crane copy quay.io/shoplab/cart:1.8 shoplab/cart:1.8\nError: unexpected status code 400 Bad Request: {\"details\":\"invalid repository name\"}": "invalid-reference",
		// guard: skopeo does not mount across registries, so its source is not the refused name
		"$ skopeo copy docker://europe-docker.pkg.dev/shop-prod/images/cart:1.8 docker://docker.io/shoplab/cart:1.8\nFATA[0002] unexpected status code 400 Bad Request: {\"details\":\"invalid repository name\"}": "invalid-reference",
		// guard: another registry's 400 keeps the registry's path reading
		"$ crane copy europe-docker.pkg.dev/shop-prod/images/cart:1.8 europe-docker.pkg.dev/shop-prod/cart:1.8\nError: unexpected status code 400 Bad Request: {\"details\":\"invalid repository name\"}": "invalid-reference",
	})
}
