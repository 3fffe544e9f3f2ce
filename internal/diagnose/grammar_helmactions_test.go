package diagnose

import "testing"

// TestMessageGrammarHelmActions holds helm install/upgrade's action wrapper
// around the OCI client's "REF: not found" (sig_policy.go, manifest-unknown):
// helm v3 prefixes the error with "INSTALLATION FAILED: " or "UPGRADE
// FAILED: " (helm v3 cmd/helm/install.go and upgrade.go); the
// look-alikes are helm's own install/upgrade failures that name no
// registry reference.
func TestMessageGrammarHelmActions(t *testing.T) {
	checkFirstCause(t, map[string]string{
		// helm install of a chart version the repository does not hold
		`Error: INSTALLATION FAILED: registry.orbit.test/charts/ledger:1.4.2: not found`: "manifest-unknown",
		// helm upgrade --install of a chart path that names no repository on GHCR
		`Error: UPGRADE FAILED: ghcr.io/orbit-org/helm:3.0.1: not found`: "manifest-unknown",
		// by digest
		`Error: INSTALLATION FAILED: orbit.azurecr.io/helm/api@sha256:5be0c2a1d9f3e47a6b2c8d1e0f9a7b6c5d4e3f2a1b0c9d8e7f6a5b4c3d2e1f00: not found`: "manifest-unknown",
		// the same wrapper without the action, as helm pull/template print it (unchanged)
		`Error: ghcr.io/orbit-org/helm:3.0.1: not found`: "manifest-unknown",
		// look-alikes: helm's own install/upgrade failures, no registry reference
		`Error: INSTALLATION FAILED: cannot re-use a name that is still in use`:                                                                                 "",
		`Error: UPGRADE FAILED: "ledger" has no deployed releases`:                                                                                              "",
		`Error: INSTALLATION FAILED: path "./charts/ledger" not found`:                                                                                          "",
		`Error: INSTALLATION FAILED: chart "ledger" matching 1.4.2 not found in orbit index. (try 'helm repo update'): no chart version found for ledger-1.4.2`: "",
		`Error: INSTALLATION FAILED: unable to build kubernetes objects from release manifest: resource mapping not found for name: "ledger" namespace: "" from "": no matches for kind "Ingress" in version "extensions/v1beta1"`: "",
		`Error: UPGRADE FAILED: configmaps "ledger-config" not found`: "",
	})
}

// TestMessageGrammarHelmDownloadWrapper holds helm's dependency download
// frame "could not download oci://CHART: MESSAGE" (sig_artifacttools.go,
// tool-wrapped-refusal, a wrapper signature): the frame decides only the
// doubled chart name; for every other chart path the wrapped registry
// message is read as it would be on its own line (helm v3
// pkg/downloader/manager.go, downloadAll: errors.Wrapf(err, "could not
// download %s", churl)).
func TestMessageGrammarHelmDownloadWrapper(t *testing.T) {
	checkFirstCause(t, map[string]string{
		// the containerd-resolver wording of helm 3.8-3.17, no login in the log
		`Error: could not download oci://registry.orbit.test/charts/ledger: unexpected status from HEAD request to https://registry.orbit.test/v2/charts/ledger/manifests/1.4.2: 401 Unauthorized`: "no-login",
		// helm dependency build's own prefix
		`Save error occurred:  could not download oci://orbit.azurecr.io/helm/ledger: unexpected status from HEAD request to https://orbit.azurecr.io/v2/helm/ledger/manifests/0.3.0: 401 Unauthorized`: "no-login",
		// the oras-go v2 wording of helm 3.18+
		`Error: could not download oci://registry.orbit.test/charts/ledger: GET "https://registry.orbit.test/v2/charts/ledger/tags/list": response status code 401: Unauthorized`: "no-login",
		// a specific reading of the wrapped message stays as it was
		`Error: could not download oci://registry.orbit.test/charts/ledger: failed to do request: Head "https://registry.orbit.test/v2/charts/ledger/manifests/1.4.2": dial tcp 10.1.2.3:443: connect: connection refused`: "registry-unreachable",
		// the frame's own reading: the chart name twice in the path
		`Error: could not download oci://registry.orbit.test/charts/ledger/ledger: unexpected status from HEAD request to https://registry.orbit.test/v2/charts/ledger/ledger/manifests/1.4.2: 401 Unauthorized`: "manifest-unknown",
		// look-alikes: helm's own download failures wrap no registry answer
		`Error: could not download oci://registry.orbit.test/charts/ledger: chart reference and version mismatch: 1.4.2 is not 1.4.3`: "",
		`Error: could not download oci://registry.orbit.test/charts/ledger: no cached repo found. (try helm repo update)`:             "",
	})
}
