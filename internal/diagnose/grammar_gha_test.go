package diagnose

import (
	"strings"
	"testing"
)

// TestMessageGrammarGHA holds TestMessageGrammar's lines for the shapes found
// in the sixth held-out batch (GitHub Actions): one line (or a few) per
// shape, the first finding's cause wanted ("" = no finding). Kept apart from
// the other tables so that batches collected in parallel add their lines
// without touching the same block.
func TestMessageGrammarGHA(t *testing.T) {
	checkFirstCause(t, map[string]string{
		// buildx pushing with an empty tags input (metadata-action generated none)
		"ERROR: tag is needed when pushing to registry":                              "invalid-reference",
		"##[error]buildx failed with: ERROR: tag is needed when pushing to registry": "invalid-reference",
		// the registry's NAME_INVALID: a GHCR repository without its owner part
		" > pushing ghcr.io/ledger-api:2.4.0 with docker:\nERROR: name invalid": "push-outside-namespace",
		// NAME_INVALID for a name with its owner part: a name the registry does not accept
		" > pushing registry.example.io/team/sub/ledger-api:2.4.0 with docker:\nERROR: name invalid": "invalid-reference",
		`failed to push registry.example.io/a/b/c/d:1: NAME_INVALID: invalid repository name`:        "invalid-reference",
		// other tools' "name invalid" are not the registry's
		"error: username invalid: must be 3 to 30 characters": "",
		"bucket name invalid": "",
		// actions/attest finds no static credential: a gcloud credential helper it does not run
		"\"credHelpers\": {\n  \"us-east1-docker.pkg.dev\": \"gcloud\"\n}\nError: Error: No credentials found for registry us-east1-docker.pkg.dev": "client-bug",
		// no login at all for the subject's registry
		"Error: Error: No credentials found for registry registry.example.io": "no-login",
		// docker/login-action's AWS call for an ECR token refused (its own "ECR detected" line before)
		"AWS ECR detected with eu-west-1 region\nError: The security token included in the request is invalid.": "bad-credentials",
		// the same AWS error from another AWS call is not a registry's
		"fatal error: An error occurred (InvalidClientTokenId) when calling the ListObjectsV2 operation: The security token included in the request is invalid.": "",
		// ECR refusing the credential a login sent
		`Error response from daemon: Get "https://public.ecr.aws/v2/": denied: Not Authorized`: "bad-credentials",
		// oras-go v2's tag-by-digest step answered 404 after the push (helm after v3.18.6 on ghcr.io)
		`Error: failed to perform "Tag" on destination: sha256:5d1f3c2b1a0e9f8d7c6b5a4e3d2c1b0a9f8e7d6c5b4a3e2d1c0b9a8f7e6d5c4b: not found`: "client-bug",
		// the same wording on a pull (source) stays a missing tag
		`Error: failed to perform "FetchReference" on source: ghcr.io/acme/charts/widget:9.9.9: not found`: "manifest-unknown",
		// a bare 403 under build-push-action with no registry host in the log: GHCR's refusal of GITHUB_TOKEN
		"error: failed to solve: unexpected status: 403 Forbidden\nError: buildx failed with: error: failed to solve: unexpected status: 403 Forbidden": "gh-token-packages-permission",
		// the same with a host named keeps the registry's own reading
		"ERROR: failed to solve: failed to push registry.example.io/team/api:1: unexpected status from POST request to https://registry.example.io/v2/team/api/blobs/uploads/: 403 Forbidden\nError: buildx failed with: ERROR: failed to solve: failed to push registry.example.io/team/api:1: unexpected status from POST request to https://registry.example.io/v2/team/api/blobs/uploads/: 403 Forbidden": "insufficient-role",
		// Quay's push refusal in a CI job with no login shown: the job's robot lacks write (or the repository does not exist)
		"+ docker push quay.io/example-org/ledger-api\nThe push refers to repository [quay.io/example-org/ledger-api]\nunauthorized: access to the requested resource is not authorized\nError: Process completed with exit code 1.":                                                             "insufficient-role",
		"Error: buildx failed with: ERROR: failed to solve: failed to push quay.io/example-org/ledger-api:1.0: unexpected status from HEAD request to https://quay.io/v2/example-org/ledger-api/blobs/sha256:5d1f3c2b1a0e9f8d7c6b5a4e3d2c1b0a9f8e7d6c5b4a3e2d1c0b9a8f7e6d5c4b: 401 UNAUTHORIZED": "insufficient-role",
		// the same refusal outside CI keeps the namespace reading
		"$ docker push quay.io/example-org/ledger-api:v1\nunauthorized: access to the requested resource is not authorized": "push-outside-namespace",
		// lines copied from GitHub's web log view keep its line links inline
		`Error response from daemon: Head "https://registry-1.docker.io/v[2](https://github.com/example-org/ledger/actions/runs/111/job/222#step:4:2)/tonistiigi/binfmt/manifests/latest": received unexpected HTTP status: 50[3](https://github.com/example-org/ledger/actions/runs/111/job/222#step:4:3) Service Unavailable`: "registry-fault",
		"  Error response from daemon: manifest for example/deploy-action:v2.[1](https://github.com/example-org/ledger/actions/runs/111/jobs/222#step:2:2)0.0 not found: manifest unknown: manifest unknown":                                                                                                                    "manifest-unknown",
	})
}

func TestStripWebLogLinks(t *testing.T) {
	for in, want := range map[string]string{
		"v[2](https://github.com/o/r/actions/runs/1/job/2#step:9:2)/x":                         "v2/x",
		"50[3](https://github.com/o/r/actions/runs/1/job/2?pr=5#step:9:3) Service Unavailable": "503 Service Unavailable",
		"a [64](https://github.com/o/r/runs/8105?check_suite_focus=true#step:8:65) b":          "a 64 b",
		// links that are not the web view's line links stay
		"see [docs](https://github.com/o/r/blob/main/README.md)":                   "see [docs](https://github.com/o/r/blob/main/README.md)",
		"[3](https://github.com/o/r/pull/3)":                                       "[3](https://github.com/o/r/pull/3)",
		"no link at all":                                                           "no link at all",
		"[1](https://github.com/o/r#step:1:1)[2](https://github.com/o/r#step:1:2)": "12",
	} {
		if got := stripWebLogLinks(in); got != want {
			t.Errorf("stripWebLogLinks(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestRunnerGHCRLoginRanksIncident checks that the runner's own ghcr.io login
// for a job container (GITHUB_TOKEN when no credentials are given) keeps a
// GHCR incident among the candidates: the token is GitHub's own.
func TestRunnerGHCRLoginRanksIncident(t *testing.T) {
	log := "Starting job container\n" +
		"  /usr/bin/docker --config /home/runner/work/_temp/.docker_0a1b2c3d login ghcr.io -u ledger-ci-bot --password-stdin\n" +
		"  Error: Docker login for 'ghcr.io' failed with exit code 1\n"
	rep, err := Explain(strings.NewReader(log), Options{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range rep.Findings {
		got = append(got, f.Cause)
	}
	if len(got) < 2 || got[0] != "bad-credentials" || got[1] != "registry-fault" {
		t.Errorf("got %v, want bad-credentials then registry-fault", got)
	}
	// another registry keeps the credential-only reading
	rep, err = Explain(strings.NewReader("Error: Docker login for 'registry.example.io' failed with exit code 1\n"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range rep.Findings {
		if f.Cause == "registry-fault" {
			t.Errorf("registry-fault for a non-GHCR container login: %v", rep.Findings)
		}
	}
}
