package diagnose

import "testing"

// TestMessageGrammarOCIRefsAndLevels holds TestMessageGrammar's lines for the
// shapes found in the sixteenth held-out batch, part e (GitLab CI and Azure
// Pipelines): ORAS's "invalid_reference" error code, Helm v4's registry login
// refusing a path, and Apptainer's "FATAL:" log level before a registry ping
// that timed out. One line (or a few) per shape, the first finding's cause
// wanted ("" = no finding), with guards that keep the neighbouring readings.
func TestMessageGrammarOCIRefsAndLevels(t *testing.T) {
	checkFirstCause(t, map[string]string{
		// ORAS (helm push) refusing an oci:// reference that embeds a URL scheme
		"$ helm push ledger-0.4.2.tgz oci://https://gitlab.lab.example/api/v4/projects/4711/packages/helm/stable\nError: invalid_reference: invalid repository": "invalid-reference",
		// Helm v4's registry login given HOST/PATH
		`Error: invalid reference: invalid registry "registry.lab.example/charts/ledger"`: "invalid-reference",
		// guard: a URL where the host belongs keeps oras-go's own reading (sig_artifacttools.go)
		"Run gcloud auth print-access-token | helm registry login -u oauth2accesstoken --password-stdin https://europe-west1-docker.pkg.dev\n" + `Error: invalid reference: invalid registry "https://europe-west1-docker.pkg.dev"`: "client-bug",
		// Apptainer's FATAL: log level before containers/image's ping timeout
		`FATAL:   While making image from oci registry: error fetching image to cache: failed to get checksum for docker://registry.lab.example:5050/lumen/ledger:1.4: pinging container registry registry.lab.example:5050: Get "https://registry.lab.example:5050/v2/": dial tcp 10.20.30.40:5050: i/o timeout`: "registry-unreachable",
		// guard: git's own network failure stays quiet
		"fatal: unable to access 'https://gitlab.lab.example/lumen/ledger.git/': Failed to connect to gitlab.lab.example port 443: Connection timed out": "",
	})
}
