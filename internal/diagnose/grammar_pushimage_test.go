package diagnose

import (
	"strings"
	"testing"
)

// TestMessageGrammarFailedToPushImage holds the "failed to push image …"
// wordings of Go tools that wrap a push (fmt.Errorf("failed to push image
// %s: %w") and "failed to push image: %w"; zarf's mirroring names the source
// image and the destination URL), with the registry and repository each
// finding must name, and the BuildKit/kaniko forms the change must keep.
func TestMessageGrammarFailedToPushImage(t *testing.T) {
	for _, tc := range []struct {
		line, cause, registry, repository string
	}{
		// the bare wording names no image: no "image" repository on Docker Hub
		{"Error: failed to push image: unauthorized: authentication required", "no-login", "", ""},
		{"Error: failed to push image: denied: requested access to the resource is denied", "push-outside-namespace", "", ""},
		// the wording with the image named
		{"ERROR: failed to push image registry.orbit.test/team/api:1.0: unexpected status: 401 Unauthorized", "no-login", "registry.orbit.test", "team/api"},
		// a mirror's push names the source image; the request URL is the destination
		{`2025-06-16 08:33:32 DBG retrying image push error=failed to push image registry.gitlab.com/orbit/tools/helper:x86_64-v17.10.1: failed to perform "PushReference" on destination: PUT "https://registry.orbit.test/v2/mirror/orbit/tools/helper/manifests/x86_64-v17.10.1-zarf-2339378743": response status code 401: unauthorized: authentication required`, "no-login", "registry.orbit.test", "mirror/orbit/tools/helper"},
		// guard: BuildKit's "failed to push REF" and kaniko's "to destination REF" keep their reference
		{"ERROR: failed to push orbit.azurecr.io/team/api:1.0: unexpected status: 401 Unauthorized", "no-login", "orbit.azurecr.io", "team/api"},
		{"error pushing image: failed to push to destination registry.orbit.test/team/api:1.0: UNAUTHORIZED: authentication required", "no-login", "registry.orbit.test", "team/api"},
		// guard: a Docker Hub reference and its request URL agree after normalising
		{"ERROR: failed to push docker.io/orbitteam/api:1.0: unexpected status from HEAD request to https://registry-1.docker.io/v2/orbitteam/api/blobs/sha256:0a1b: 401 Unauthorized", "no-login", "docker.io", "orbitteam/api"},
	} {
		rep, err := Explain(strings.NewReader(tc.line+"\n"), Options{})
		if err != nil {
			t.Fatal(err)
		}
		if len(rep.Findings) == 0 {
			t.Errorf("%s\n  no finding, want %s", tc.line, tc.cause)
			continue
		}
		f := rep.Findings[0]
		if f.Cause != tc.cause || f.Registry != tc.registry || f.Repository != tc.repository {
			t.Errorf("%s\n  got %s %q %q, want %s %q %q", tc.line, f.Cause, f.Registry, f.Repository, tc.cause, tc.registry, tc.repository)
		}
	}
}
