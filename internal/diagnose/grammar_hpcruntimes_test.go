package diagnose

import "testing"

// TestMessageGrammarHPCRuntimes holds the lines of the HPC container
// runtimes' registry errors found in held-out batch 22l: enroot's curl status
// line ("[ERROR] URL URL returned error code: CODE", with or without the
// reason phrase) and a Docker Hub request whose first path component is a
// registry host (the client did not read it as the registry), with the
// look-alikes that keep their readings.
func TestMessageGrammarHPCRuntimes(t *testing.T) {
	checkFirstCause(t, map[string]string{
		// enroot's bare status code on a registry request
		"[ERROR] URL https://registry-1.docker.io/v2/orbit/tool/manifests/1.0 returned error code: 401": "no-login",
		"[ERROR] URL https://registry.orbit.test/v2/orbit/tool/manifests/1.0 returned error code: 403":  "insufficient-role",
		// a host written with '/' instead of enroot's '#': the name went to Docker Hub
		"[ERROR] URL https://registry-1.docker.io/v2/registry.orbit.test/orbit/tool/manifests/1.0 returned error code: 401":              "missing-registry-host",
		"[ERROR] URL https://registry-1.docker.io/v2/registry.orbit.test/orbit/tool/manifests/1.0 returned error code: 401 Unauthorized": "missing-registry-host",
		"[ERROR] URL https://registry-1.docker.io/v2/localhost:5000/orbit/tool/manifests/1.0 returned error code: 401":                   "missing-registry-host",
		// the same shape from docker itself (a docker.io/ prefix before a host)
		`Error response from daemon: Head "https://registry-1.docker.io/v2/quay.io/orbit/tool/manifests/1.0": unauthorized: authentication required`: "missing-registry-host",
		// guards: a dot in the repository name (not the namespace) is a Docker Hub name
		"[ERROR] URL https://registry-1.docker.io/v2/orbit/tool.v2/manifests/1.0 returned error code: 401": "no-login",
		// a deeper path without a host keeps the NAMESPACE/NAME reading
		"[ERROR] URL https://registry-1.docker.io/v2/orbit/team/tool/manifests/1.0 returned error code: 401": "push-outside-namespace",
		// enroot's status line for a URL that is not a registry's stays quiet
		"[ERROR] URL https://downloads.orbit.test/tool.tar.gz returned error code: 401": "",
		// the words of a wrong password keep their reading whatever the path
		`Error response from daemon: Head "https://registry-1.docker.io/v2/quay.io/orbit/tool/manifests/1.0": unauthorized: incorrect username or password`: "bad-credentials",
	})
}

// TestMessageGrammarSingularityConveyor holds Singularity's conveyor error
// for an OCI cache that lost the image's reference (sig_hpcruntimes.go) and
// the look-alikes that are not it.
func TestMessageGrammarSingularityConveyor(t *testing.T) {
	checkFirstCause(t, map[string]string{
		// 3.x's pull and build wordings, and as Nextflow indents them
		`FATAL:   While making image from oci registry: error fetching image to cache: while building SIF from layers: conveyor failed to get: no descriptor found for reference "0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0"`: "client-bug",
		`FATAL:   Unable to pull docker://orbit/tool:1.2: conveyor failed to get: no descriptor found for reference "0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0"`:                                                              "client-bug",
		`    FATAL:   While making image from oci registry: while building SIF from layers: conveyor failed to get: no descriptor found for reference "0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0"`:                            "client-bug",
		// guards: skopeo reading a local OCI layout without that tag is not Singularity's cache
		`FATA[0000] Error initializing source oci:/srv/orbit/layout:1.2: no descriptor found for reference "1.2"`: "",
		// Singularity's conveyor with a registry's answer keeps the registry's reading
		`FATAL:   While performing build: conveyor failed to get: Error reading manifest 1.2 in docker.io/orbit/tool: manifest unknown: manifest unknown`: "manifest-unknown",
	})
}
