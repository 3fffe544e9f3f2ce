package diagnose

import "testing"

// TestMessageGrammarHelmActions holds helm install/upgrade's action wrapper
// around the OCI client's "REF: not found" (sig_policy.go, manifest-unknown):
// helm v3 prefixes the error with "INSTALLATION FAILED: " or "UPGRADE
// FAILED: ". Found in the twenty-first held-out batch, part a; the
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
