package diagnose

import (
	"slices"
	"strings"
	"testing"
)

// TestKubeletManagedClusterPull: the kubelet's "Failed to pull image" event
// refused with 401 and no login in sight reads no-login first (an
// imagePullSecret is missing), but for Google's registries and Azure
// Container Registry the node's own identity (GKE node service account, AKS
// kubelet identity of an attached registry) is the other reading, so
// cloud-iam-denied is among the candidates (rank.go kubeletPullHost). Other
// registries and other clients keep their lists.
func TestKubeletManagedClusterPull(t *testing.T) {
	cases := []struct {
		line  string
		first string
		has   string // a cause that must (or, with "!", must not) be among the findings
	}{
		{`Failed to pull image "gcr.io/orbit-ml/trainer:1.2": rpc error: code = Unknown desc = unauthorized: authentication required`, "no-login", "cloud-iam-denied"},
		{`Warning  Failed  12s  kubelet  Failed to pull image "europe-west1-docker.pkg.dev/orbit/apps/api:2.0": rpc error: code = Unknown desc = failed to pull and unpack image "europe-west1-docker.pkg.dev/orbit/apps/api:2.0": failed to resolve reference "europe-west1-docker.pkg.dev/orbit/apps/api:2.0": unexpected status from HEAD request to https://europe-west1-docker.pkg.dev/v2/orbit/apps/api/manifests/2.0: 401 Unauthorized`, "no-login", "cloud-iam-denied"},
		{`Failed to pull image "orbitacr.azurecr.io/web:v1": rpc error: code = Unknown desc = Error response from daemon: Get https://orbitacr.azurecr.io/v2/web/manifests/v1: unauthorized: authentication required`, "no-login", "cloud-iam-denied"},
		{`Failed to pull image "orbitacr.azurecr.io/web:v1": rpc error: code = Unknown desc = failed to pull and unpack image "orbitacr.azurecr.io/web:v1": failed to resolve reference "orbitacr.azurecr.io/web:v1": failed to authorize: failed to fetch anonymous token: unexpected status from GET request to https://orbitacr.azurecr.io/oauth2/token?scope=repository%3Aweb%3Apull&service=orbitacr.azurecr.io: 401 Unauthorized`, "no-login", ""},
		{"Failed to pull image \"orbitacr.azurecr.io/web:v1\": rpc error: code = Unknown desc = Error response from daemon: Get https://orbitacr.azurecr.io/v2/web/manifests/v1: unauthorized: authentication required, visit https://aka.ms/acr/authorization for more information.", "no-login", "cloud-iam-denied"},
		// look-alikes: another registry's kubelet pull, and docker's own
		// pull from gcr.io, keep the list without the node identity
		{`Failed to pull image "registry.orbit.test/ml/trainer:1.2": rpc error: code = Unknown desc = unauthorized: authentication required`, "no-login", "!cloud-iam-denied"},
		{"$ docker pull gcr.io/orbit-ml/trainer:1.2\nError response from daemon: Head \"https://gcr.io/v2/orbit-ml/trainer/manifests/1.2\": unauthorized: authentication required", "", "!cloud-iam-denied"},
		{"$ docker pull orbitacr.azurecr.io/web:v1\nError response from daemon: Get https://orbitacr.azurecr.io/v2/web/manifests/v1: unauthorized: authentication required, visit https://aka.ms/acr/authorization for more information.", "no-login", "!cloud-iam-denied"},
	}
	for _, tc := range cases {
		rep, err := Explain(strings.NewReader(tc.line+"\n"), Options{})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, f := range rep.Findings {
			got = append(got, f.Cause)
		}
		if tc.first != "" && (len(got) == 0 || got[0] != tc.first) {
			t.Errorf("%s\n  got %v, want %s first", tc.line, got, tc.first)
		}
		switch {
		case strings.HasPrefix(tc.has, "!") && slices.Contains(got, tc.has[1:]):
			t.Errorf("%s\n  got %v, want no %s", tc.line, got, tc.has[1:])
		case tc.has != "" && !strings.HasPrefix(tc.has, "!") && !slices.Contains(got, tc.has):
			t.Errorf("%s\n  got %v, want %s among them", tc.line, got, tc.has)
		}
	}
}
