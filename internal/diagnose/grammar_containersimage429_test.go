package diagnose

import "testing"

// TestMessageGrammarContainersImage429 holds containers/image's own error for
// a 429 answer, "too many requests to registry" (docker/errors.go
// ErrTooManyRequests), as podman, skopeo, buildah and Diun print it, with the
// look-alikes that must stay quiet: the sentinel ends the error chain, other
// tools' "too many requests to registry NOUN" go on.
func TestMessageGrammarContainersImage429(t *testing.T) {
	checkFirstCause(t, map[string]string{
		// podman pull, skopeo inspect, Diun's watcher
		"Error: initializing source docker://registry.orbit.test/orbit/app:1.2: reading manifest 1.2 in registry.orbit.test/orbit/app: too many requests to registry":                         "rate-limited",
		`time="2024-01-02T10:00:00Z" level=fatal msg="Error parsing image name \"docker://quay.io/orbit/app:1.2\": reading manifest 1.2 in quay.io/orbit/app: too many requests to registry"`: "rate-limited",
		"ERR Cannot create image closer: too many requests to registry image=docker.io/orbit/app:latest provider=docker":                                                                      "rate-limited",
		"Cannot create image closer: too many requests to registry":                                                                                                                           "rate-limited",
		// guard: a package registry's own API limit, and npm's 429
		`{"error":"Too many requests to registry API. Please try again later."}`:                                             "",
		"npm error 429 Too Many Requests - GET https://registry.npmjs.org/left-pad":                                          "",
		"error: failed to fetch `orbit-core`: too many requests to registry index, retry after 60s":                          "",
		"ERROR: HTTP error 429 while getting https://pypi.orbit.test/simple/orbitlib/: too many requests to registry mirror": "",
		"Error: could not query provider versions for orbit/thing: too many requests to registry, try again later":           "",
	})
}
