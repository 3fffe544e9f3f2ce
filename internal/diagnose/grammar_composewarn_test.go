package diagnose

import "testing"

// TestMessageGrammarComposeWarn holds Docker Compose v2's Warning status for
// a pull of a service that has a build section (composewarn.go): compose
// builds the image instead, so the line is no failure. Compose's Error
// status, the daemon's own line and other "!" lines keep their answers.
func TestMessageGrammarComposeWarn(t *testing.T) {
	checkFirstCause(t, map[string]string{
		// tty progress: "!" glyph, service id, "Warning", the daemon's answer, elapsed time
		"! web Warning   pull access denied for orbit-web, repository does not exist or may require 'docker login'   0.8s":                                                                  "",
		" ! api Warning  pull access denied for registry.orbit.test/orbit/api, repository does not exist or may require 'docker login': denied: requested access to the resource is denied": "",
		`! web Warning  Head "https://registry.orbit.test/v2/orbit/web/manifests/1.4": unauthorized: authentication required`:                                                               "",
		// newer releases: the id "Image NAME" and no word
		"! Image orbit-worker   pull access denied for orbit-worker, repository does not exist or may require 'docker login'": "",
		// plain progress: id, "Warning", the answer
		"web Warning pull access denied for orbit-web, repository does not exist or may require 'docker login'": "",
		// the daemon's answer as the API client words it, and as the containerd image store does
		"! worker Warning  Error response from daemon: pull access denied for orbit-worker, repository does not exist or may require 'docker login'": "",
		`! api Warning  failed to resolve reference "registry.orbit.test/orbit/api:1.4": registry.orbit.test/orbit/api:1.4: not found   1.1s`:        "",
		// look-alikes: a name, "Warning", then something other than the daemon's answer (an event
		// reason, a capitalised message): another tool's listing, which keeps its answer
		`notes-api-6f7d8c9b5-k2mzp   Warning   BackOff   Back-off pulling image "registry.orbit.test/orbit/notes:1.4": unauthorized: authentication required`: "no-login",
		`orbit-deploy Warning Pull failed: Head "https://registry.orbit.test/v2/orbit/web/manifests/1.4": unauthorized: authentication required`:              "no-login",
		// look-alikes: compose's Error status, the daemon's line, the final error of `docker compose pull`, another tool's "!"
		"✘ web Error pull access denied for orbit-web, repository does not exist or may require 'docker login'":                                                                     "manifest-unknown",
		` ✘ web Error Head "https://registry.orbit.test/v2/orbit/web/manifests/1.4": unauthorized: authentication required`:                                                         "no-login",
		"Error response from daemon: pull access denied for orbit-web, repository does not exist or may require 'docker login': denied: requested access to the resource is denied": "manifest-unknown",
		"Image orbit/web:1.4  Error pull access denied for orbit/web, repository does not exist or may require 'docker login'":                                                      "manifest-unknown",
		"! web Warning  pull access denied for orbit-web, repository does not exist or may require 'docker login'\nWARNING: Some service image(s) must be built from source by running:\n    docker compose build web\nError response from daemon: pull access denied for orbit-web, repository does not exist or may require 'docker login': denied: requested access to the resource is denied": "manifest-unknown",
		"! Error: pull access denied for orbit/web, repository does not exist or may require 'docker login'": "manifest-unknown",
	})
}
