package diagnose

import "testing"

// TestMessageGrammarCNBPreviousImage holds the buildpacks lifecycle's
// analyzer lines about the previous image of the target tag (held-out batch
// 21p: daemonless builders). Lines are ours, in the lifecycle's grammar; the
// first finding's cause is wanted ("" = no finding).
func TestMessageGrammarCNBPreviousImage(t *testing.T) {
	checkFirstCause(t, map[string]string{
		// lifecycle before 0.8.0 on a first build: the registry's not-found
		// answer for a missing previous image failed the analyzer
		"ERROR: failed to get previous image: connect to repo store 'harbor.lab.example/shop/api': GET https://harbor.lab.example/v2/shop/api/manifests/latest: NOT_FOUND: repository shop/api not found":            "client-bug",
		"[analyzer] ERROR: failed to get previous image: connect to repo store 'harbor.lab.example/shop/web:v3': GET https://harbor.lab.example/v2/shop/web/manifests/v3: NOT_FOUND: artifact shop/web:v3 not found": "client-bug",
		`[analyzer] Error: failed to access previous image: connect to repo store "docker.pkg.github.com/acme/shop/api:latest": NAME_UNKNOWN: docker package "api" does not exist under owner "acme"`:                "client-bug",
		// Harbor's answer for a project that does not exist is the registry's refusal
		"ERROR: failed to get previous image: connect to repo store 'harbor.lab.example/noproj/api': GET https://harbor.lab.example/v2/noproj/api/manifests/latest: NOT_FOUND: project noproj not found": "repo-not-found",
		// guard: lifecycle 0.8+ reports a missing previous image as information
		`Previous image with name "harbor.lab.example/shop/api:latest" not found`: "",
		// guard: older lifecycles' warning, the build goes on
		"[analyzer] WARNING: image 'harbor.lab.example/shop/api' not found or requires authentication to access": "",
	})
}
