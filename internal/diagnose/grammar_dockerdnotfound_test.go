package diagnose

import "testing"

// TestDockerdManifestForNotFound: dockerd's own not-found wording names the
// pulled reference in its familiar form, "manifest for REF not found"
// (moby distribution/pull_v2.go, daemon/containerd image_pull.go). The
// finding names that pull and its registry even when no other line does:
// the bare CLI reply, the daemon's journal (msg="…" quoted, level=info
// "Translating …" beside it) and a CI runner's quote of it.
func TestDockerdManifestForNotFound(t *testing.T) {
	checkFirstMessage(t, map[string]string{
		"Error response from daemon: manifest for orbit/ledger-api:3.9 not found: manifest unknown: manifest unknown":                                                                                         "The pull from docker.io/orbit/ledger-api ",
		"ERROR: manifest for registry.orbit.test/team/app:1.2 not found":                                                                                                                                      "The pull from registry.orbit.test/team/app ",
		"Mar 03 10:12:40 ci-07 dockerd[812]: time=\"2019-03-03T10:12:40.112233445Z\" level=error msg=\"Handler for POST /v1.39/images/create returned error: manifest for quay.io/orbit/tool:2.0 not found\"": "The pull from quay.io/orbit/tool ",
		"docker: Error response from daemon: manifest for registry.orbit.test:5000/ci/runner:edge not found: manifest unknown: manifest unknown.\nSee 'docker run --help'.":                                   "The pull from registry.orbit.test:5000/ci/runner ",
		// look-alikes: a line that already names the pull keeps its reference
		"Pulling web (orbit/web:2.0)...\nERROR: manifest for orbit/web:2.0 not found: manifest unknown: manifest unknown":                                                                                                                "The pull from docker.io/orbit/web ",
		`fatal: [localhost]: FAILED! => {"changed": false, "msg": "Error pulling image registry.orbit.test/team/app:1.0 - 404 Client Error: Not Found (\"manifest for registry.orbit.test/team/app:1.0 not found: manifest unknown\")"}`: "from registry.orbit.test/team/app ",
	})
	checkFirstCause(t, map[string]string{
		// the cause stays the tag's: reading the registry does not move it
		"Error response from daemon: manifest for ghcr.io/orbit-org/orbit-api:1.4.0 not found: manifest unknown":                                                                                  "manifest-unknown",
		"Feb 02 08:01:10 ci-07 dockerd[545]: time=\"2017-02-02T08:01:10.1+01:00\" level=error msg=\"Handler for POST /v1.24/images/create returned error: manifest for orbit/db:10.1 not found\"": "manifest-unknown",
		// a null tag is still an empty variable, a commit-SHA tag on a bare name still no registry host
		"Error response from daemon: manifest for team/cart:null not found: manifest unknown: manifest unknown":                        "empty-reference-variable",
		"CannotPullContainerError: Error response from daemon: manifest for gadget:9a1c4e7b2d3f5a6b8c9d0e1f2a3b4c5d6e7f8a9b not found": "missing-registry-host",
		// not a pull's refusal: a platform gap stays quiet
		"Error response from daemon: no matching manifest for linux/arm64/v8 in the manifest list entries": "",
	})
}
