package diagnose

import (
	"strings"
	"testing"
)

// TestMessageGrammarGoogleTokenForbidden holds a Google registry's 403 at its
// token endpoint (googletoken.go): an authenticated identity without IAM
// permission, not a stale credential; with the guard that another
// registry's 403 there keeps the stale-credential reading.
func TestMessageGrammarGoogleTokenForbidden(t *testing.T) {
	checkFirstCause(t, map[string]string{
		// BuildKit pushing to gcr.io from a Cloud Build step
		`#12 ERROR: failed to push gcr.io/acme-staging/widget:v1.2.0: failed to authorize: failed to fetch oauth token: unexpected status from GET request to https://gcr.io/v2/token?scope=repository%3Aacme-staging%2Fwidget%3Apull%2Cpush&service=gcr.io: 403 Forbidden`: "cloud-iam-denied",
		// the same refusal from Artifact Registry
		`ERROR: failed to solve: failed to push us-central1-docker.pkg.dev/acme-prod/images/widget:3.1: failed to authorize: failed to fetch oauth token: unexpected status from GET request to https://us-central1-docker.pkg.dev/v2/token?scope=repository%3Aacme-prod%2Fimages%2Fwidget%3Apull%2Cpush&service=us-central1-docker.pkg.dev: 403 Forbidden`: "cloud-iam-denied",
		// guard: another registry's 403 at its token endpoint
		`ERROR: failed to solve: failed to push registry.acme.test/team/widget:1.0: failed to authorize: failed to fetch oauth token: unexpected status from GET request to https://registry.acme.test/v2/token?scope=repository%3Ateam%2Fwidget%3Apull%2Cpush&service=registry.acme.test: 403 Forbidden`: "token-expired",
	})
}

// TestQuayAnonymousPushOffersMissingRepository: a Quay push answered 401 with
// no login in the log leads with no-login and names the missing repository
// (Quay's same answer for one that does not exist) among the next readings;
// another registry's does not.
func TestQuayAnonymousPushOffersMissingRepository(t *testing.T) {
	causes := func(msg string) []string {
		rep, err := Explain(strings.NewReader(msg+"\n"), Options{})
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, f := range rep.Findings {
			out = append(out, f.Cause)
		}
		return out
	}
	quay := `error: failed to solve: failed to push quay.io/acme/widget:1.4.0: unexpected status from HEAD request to https://quay.io/v2/acme/widget/blobs/sha256:c97ff06e65a91d36e11d1ad5f8ceb468afdfdda0a3b30b839c5201eabb313770: 401 UNAUTHORIZED`
	got := causes(quay)
	if len(got) < 2 || got[0] != "no-login" || got[1] != "repo-not-found" {
		t.Errorf("Quay anonymous push: got %v, want no-login then repo-not-found", got)
	}
	other := strings.ReplaceAll(quay, "quay.io", "registry.acme.test")
	for _, cause := range causes(other) {
		if cause == "repo-not-found" {
			t.Errorf("another registry's anonymous push: got %v, want no repo-not-found", causes(other))
		}
	}
}
