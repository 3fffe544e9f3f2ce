package diagnose

import (
	"strings"
	"testing"
)

// TestMessageGrammarBuilders holds TestMessageGrammar's lines for the shapes
// found in the ninth held-out batch, part b (GitLab CI and the other CI
// systems): image builders' own wording (buildpacks lifecycle, Packer),
// GCR's older refusal, a mount within one registry, a CI agent's own
// API, and a reverse proxy's status text relayed as the registry's answer. One line (or a few) per shape, the first finding's cause wanted
// ("" = no finding).
func TestMessageGrammarBuilders(t *testing.T) {
	checkFirstCause(t, map[string]string{
		// the lifecycle exported onto an empty run image: it could not read it
		"ERROR: failed to export: get run image top layer SHA: image registry.lab.example/stacks/run:base has no layers": "no-login",
		// Packer's docker plugin rejecting a well-formed ECR host is its defect
		"Error fetching ECR credentials: failed to parse the ECR URL: 210987654321.dkr.ecr.eu-west-1.amazonaws.com": "client-bug",
		// guard: a login server that is no ECR host is the configuration's
		"Error fetching ECR credentials: failed to parse the ECR URL: registry.lab.example/ecr": "invalid-reference",
		// GCR's older wording of an unauthenticated push
		"The push refers to repository [gcr.io/shop-ci/cart]\ndenied: Unable to access the repository, please check that you have permission to access it.": "no-login",
		// a mount within one registry (no origin=) refused as unauthenticated: no credential
		`POST https://index.docker.io/v2/shoplab/cart/blobs/uploads/?from=stacks%2Frun&mount=sha256%3A7a3dbe31: UNAUTHORIZED: authentication required; [map[Action:pull Class: Name:shoplab/cart Type:repository] map[Action:push Class: Name:shoplab/cart Type:repository] map[Action:pull Class: Name:stacks/run Type:repository]]`: "no-login",
		// guard: a mount from another registry (origin=) keeps the crane defect reading
		`Error: failed to copy image: POST https://index.docker.io/v2/relayco/relay/blobs/uploads/?from=tools%2Fmirror%2Frelay&mount=sha256%3A9a8b7c6d&origin=registry.gitlab.example: UNAUTHORIZED: authentication required; [map[Action:pull Class: Name:relayco/relay Type:repository] map[Action:push Class: Name:relayco/relay Type:repository] map[Action:pull Class: Name:tools/mirror/relay Type:repository]]`: "client-bug",
		// the Buildkite agent's own API is not a registry ("buildkite" holds "buildkit")
		`FATAL  Failed to change step: Put "https://agent.buildkite.com/v3/steps/0190f1c2/meta-data": x509: certificate signed by unknown authority`: "",
		// guard: BuildKit's own x509 failure stays a registry's
		`ERROR: failed to solve: failed to do request: Head "https://registry.lab.example/v2/shop/cart/manifests/1": x509: certificate signed by unknown authority`: "tls-untrusted",
		// the proxy in front of a registry cut a long upload (nginx's 499 status text)
		"#22 ERROR: unknown: Client Closed Request": "registry-fault",
		// guard: the status text in an application's own test output is no registry's
		"proxy_test.go:88: got 499 Client Closed Request, want 200": "",
	})
}

// TestBareLibraryPushCandidates checks that a push whose token request asks
// for library/NAME with a bare NAME (no namespace, no host written) keeps
// missing-registry-host among the candidates, and a namespaced name does not
// get it.
func TestBareLibraryPushCandidates(t *testing.T) {
	causes := func(msg string) []string {
		t.Helper()
		rep, err := Explain(strings.NewReader(msg+"\n"), Options{})
		if err != nil {
			t.Fatal(err)
		}
		var cs []string
		for _, f := range rep.Findings {
			cs = append(cs, f.Cause)
		}
		return cs
	}
	has := func(cs []string, want string) bool {
		for _, c := range cs {
			if c == want {
				return true
			}
		}
		return false
	}
	bare := `#14 ERROR: failed to push shop-portal-1272: failed to authorize: failed to fetch oauth token: unexpected status from GET request to https://auth.docker.io/token?scope=repository%3Alibrary%2Fshop-portal-1272%3Apull%2Cpush&service=registry.docker.io: 401 Unauthorized`
	if cs := causes(bare); len(cs) < 3 || !has(cs[:3], "missing-registry-host") {
		t.Errorf("bare library push: want missing-registry-host in the first three, got %v", cs)
	}
	nested := `ERROR: failed to push shop/portal:1: failed to authorize: failed to fetch oauth token: unexpected status from GET request to https://auth.docker.io/token?scope=repository%3Ashop%2Fportal%3Apull%2Cpush&service=registry.docker.io: 401 Unauthorized`
	if cs := causes(nested); has(cs, "missing-registry-host") {
		t.Errorf("namespaced push: want no missing-registry-host, got %v", cs)
	}
}
