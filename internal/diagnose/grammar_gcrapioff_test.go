package diagnose

import (
	"slices"
	"strings"
	"testing"
)

// TestMessageGrammarGCRAPIOff holds Container Registry's token-exchange
// refusal for a project whose Container Registry API is off
// (rankGCPPermission), in both wordings: "Please enable Google Container
// Registry API" and, to a caller that may not enable services there,
// "Please enable or contact project owners to enable the Google Container
// Registry API". The IAM wording of the same exchange keeps its answer.
func TestMessageGrammarGCRAPIOff(t *testing.T) {
	const owners = "denied: Token exchange failed for project 'orbit-tools'. Please enable or contact project owners to enable the Google Container Registry API in Cloud Console at https://console.cloud.google.com/apis/api/containerregistry.googleapis.com/overview?project=orbit-tools before performing this operation."
	checkFirstCause(t, map[string]string{
		// docker pull of a build-step image, through the daemon
		"Error response from daemon: Get https://gcr.io/v2/orbit-tools/builder/manifests/latest: " + owners: "registry-disabled",
		// docker push into a project the CI service account cannot administer
		"The push refers to repository [gcr.io/orbit-tools/web]\n4f2a9c1d7b3e: Preparing\n" + owners: "registry-disabled",
		// the owner's wording
		"denied: Token exchange failed for project 'orbit-tools'. Please enable Google Container Registry API in Cloud Console at https://console.cloud.google.com/apis/api/containerregistry.googleapis.com/overview?project=orbit-tools before performing this operation.": "registry-disabled",
		// look-alike: the IAM wording of the same exchange
		"denied: Token exchange failed for project 'orbit-tools'. Caller does not have permission 'storage.buckets.get'. To configure permissions, follow instructions at: https://cloud.google.com/container-registry/docs/access-control": "cloud-iam-denied",
	})
	// A pull may name a project that is not the caller's (a typo, an image
	// never published there): the missing image is the runner-up; a push
	// does not get it.
	for log, want := range map[string]bool{
		"Error response from daemon: Get https://gcr.io/v2/orbit-tools/builder/manifests/latest: " + owners: true,
		"The push refers to repository [gcr.io/orbit-tools/web]\n4f2a9c1d7b3e: Preparing\n" + owners:        false,
	} {
		rep, err := Explain(strings.NewReader(log+"\n"), Options{})
		if err != nil {
			t.Fatal(err)
		}
		var causes []string
		for _, f := range rep.Findings {
			causes = append(causes, f.Cause)
		}
		if got := slices.Contains(causes, "manifest-unknown"); got != want {
			t.Errorf("%s\n  causes %v, manifest-unknown wanted: %v", log, causes, want)
		}
	}
}
