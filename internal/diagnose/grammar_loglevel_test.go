package diagnose

import "testing"

// TestMessageGrammarLogLevelFatal holds the lines of Apptainer's and
// SingularityCE's fatal errors (pkg/sylog: "FATAL:   MESSAGE"), read after
// their upper-case log level as any other registry error, and the look-alikes
// that keep git's lower-case "fatal:" prefix out. Held-out batch 22l.
func TestMessageGrammarLogLevelFatal(t *testing.T) {
	checkFirstCause(t, map[string]string{
		// a docker:// run or pull whose registry certificate is not trusted
		`FATAL:   Unable to handle docker://registry.orbit.test/orbit/tool:1.0 uri: failed to get SHA of docker://registry.orbit.test/orbit/tool:1.0: pinging container registry registry.orbit.test: Get "https://registry.orbit.test/v2/": x509: certificate signed by unknown authority`:                                  "tls-untrusted",
		`FATAL:   While making image from oci registry: error fetching image to cache: failed to get checksum for docker://registry.orbit.test/orbit/tool:1.0: pinging container registry registry.orbit.test: Get "https://registry.orbit.test/v2/": x509: certificate is valid for ingress.local, not registry.orbit.test`: "tls-untrusted",
		// indented, as Nextflow quotes the pull's message
		`    FATAL:   While pulling image from oci registry: error fetching image to cache: failed to get checksum for oras://registry.orbit.test/orbit/tool.sif:1.0: Head "https://registry.orbit.test/v2/orbit/tool.sif/manifests/1.0": x509: certificate signed by unknown authority`: "tls-untrusted",
		// Docker Hub's pull limit behind the level
		"FATAL:   While making image from oci registry: error fetching image to cache: failed to get checksum for docker://orbit/tool:2.1: reading manifest 2.1 in docker.io/orbit/tool: toomanyrequests: You have reached your pull rate limit. You may increase the limit by authenticating and upgrading: https://www.docker.com/increase-rate-limit": "rate-limited",
		// a tag that does not exist: "fetching image to cache" is the pull's own wrapper
		"FATAL:   While making image from oci registry: error fetching image to cache: failed to get checksum for docker://ghcr.io/orbit/tool:1.0: reading manifest 1.0 in ghcr.io/orbit/tool: manifest unknown":                                           "manifest-unknown",
		"FATAL:   While making image from oci registry: error fetching image to cache: failed to get checksum for docker://registry.orbit.test/orbit/tool:9.9: reading manifest 9.9 in registry.orbit.test/orbit/tool: manifest unknown: manifest unknown": "manifest-unknown",
		// the level in the verbose form has no colon and was read before
		`FATAL   [U=1000,P=4242]   pullRun()                     While making image from oci registry: failed to get checksum for docker://registry.orbit.test/orbit/tool:1.0: pinging container registry registry.orbit.test: Get "https://registry.orbit.test/v2/": x509: certificate signed by unknown authority`: "tls-untrusted",
		// guards: git's own prefix keeps its veto
		"fatal: unable to access 'https://git.orbit.test/orbit/tool.git/': SSL certificate problem: unable to get local issuer certificate":    "",
		"fatal: unable to access 'https://git.orbit.test/orbit/tool.git/': server certificate verification failed. CAfile: none CRLfile: none": "",
		`fatal: Get "https://git.orbit.test/info/lfs/objects/batch": x509: certificate signed by unknown authority`:                            "",
		// guard: a level word followed by git's answer keeps git's veto
		`FATAL: fatal: unable to access 'https://git.orbit.test/orbit/tool.git/': x509: certificate signed by unknown authority`: "",
		// guard: a level with no registry words stays quiet (gitlab-runner's artifact upload)
		"FATAL: Too large": "",
		// guard: an upper-case word run into the next one is not the level
		`FATAL:x509: certificate signed by unknown authority`: "",
		// guards: BuildKit's cache import keeps its veto
		"ERROR: failed to solve: ghcr.io/orbit/tool:buildcache: not found":                                "",
		"importing cache manifest from ghcr.io/orbit/tool:cache: manifest unknown":                        "",
		"WARNING: error fetching cache manifest ghcr.io/orbit/tool:cache: manifest unknown, falling back": "",
	})
}
