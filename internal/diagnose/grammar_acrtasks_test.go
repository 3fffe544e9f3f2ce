package diagnose

import "testing"

// TestMessageGrammarACRTasks holds the Azure CLI's ACR Tasks refusal
// (sig_acrtasks.go), with a guard.
func TestMessageGrammarACRTasks(t *testing.T) {
	checkFirstCause(t, map[string]string{
		// az acr build / az acr run without the control-plane action
		"Packing source code into tar to upload...\nCould not get SAS URL to upload.": "cloud-iam-denied",
		"ERROR: Could not get SAS URL to upload.":                                     "cloud-iam-denied",
		// guard: a successful upload names the SAS URL without failing
		"Uploading archived source code from '/tmp/build_archive_1.tar.gz'...\nSending context (1.2 KiB) to registry: acme...": "",
	})
}
