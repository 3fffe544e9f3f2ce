package diagnose

import "testing"

// go-containerregistry's bearer transport logs `No matching credentials were
// found for "HOST"` (pkg/v1/remote/transport/bearer.go) only when a token
// request failed and carried no credential: a refusal after it answered an
// anonymous request, whatever login ran before (crane, gcrane, ko, kaniko).
// Without that line, or with a login for another Google host, the earlier
// readings hold.
func TestGrammarAnonNoMatch(t *testing.T) {
	refusal := `Error: failed to copy image: GET https://gcr.io/v2/token?scope=repository%3Aorbit-prod%2Fledger%3Apush%2Cpull&service=gcr.io: UNAUTHORIZED: You don't have the needed permissions to perform this operation, and you may have invalid credentials. To authenticate your request, follow the steps in: https://cloud.google.com/container-registry/docs/advanced-authentication`
	checkFirstCause(t, map[string]string{
		// crane's login ran for the host, then the token request went out anonymous
		"$ crane auth login -u _json_key -p \"$GCR_KEY\" gcr.io\n2024/02/01 10:00:00 logged in via /root/.docker/config.json\n2024/02/01 10:00:02 No matching credentials were found for \"gcr.io\"\n" + refusal: "no-login",
		"$ crane auth login -u _json_key -p \"$GCR_KEY\" $GCR_HOST\n2024/02/01 10:00:02 No matching credentials were found for \"gcr.io\"\n" + refusal:                                                           "no-login",
		// the bare wording before GCR's quoted "Access denied." (kaniko, ko)
		"No matching credentials were found for \"eu.gcr.io\"\nerror pushing image: failed to push to destination eu.gcr.io/orbit-prod/ledger:1.4: DENIED: \"Access denied.\"": "no-login",
		// look-alikes: a login for this host and no anonymous note keeps the IAM reading
		"$ crane auth login -u _json_key -p \"$GCR_KEY\" gcr.io\n2024/02/01 10:00:00 logged in via /root/.docker/config.json\n" + refusal: "cloud-iam-denied",
		// the note alone (a public base image fetched anonymously) is no failure
		"2024/02/01 10:00:02 No matching credentials were found for \"registry.orbit.test\"": "",
		"No matching credentials were found for \"gcr.io\", falling back on anonymous":       "",
	})
}
