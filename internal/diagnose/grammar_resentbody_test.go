package diagnose

import "testing"

// Go's HTTP/1 transport refusing to resend a registry upload whose body was
// already read ("http: ContentLength=N with Body length M", net/http
// transfer.go): the client resent a PUT after the registry's 401 challenge
// (no credential for the registry) or after its own retry (a client defect).
// A login for the registry in the log makes the client's retry the first
// reading. Names are invented.
func TestGrammarResentBody(t *testing.T) {
	checkFirstCause(t, map[string]string{
		// No login in the log: the PUT was challenged and resent.
		`Error: Put "https://index.docker.io/v2/orbitdev/app/manifests/v1.2.0": http: ContentLength=1021 with Body length 0`:                           "no-login",
		`error: PUT "https://registry.orbit.test/v2/team/api/manifests/main": http: ContentLength=2626 with Body length 0`:                             "no-login",
		`copy | Error: Patch "https://orbit.azurecr.io/v2/bundle/blobs/uploads/0c1f?_state=abc": http: ContentLength=5242880 with Body length 1048576`: "no-login",
		// A login for the registry ran first: the client's own retry.
		"$ echo \"$TOKEN\" | docker login registry.orbit.test -u bot --password-stdin\n" +
			"Login Succeeded\n" +
			`Error: Put "https://registry.orbit.test/v2/team/api/manifests/main": http: ContentLength=2626 with Body length 0`: "client-bug",
		// Look-alikes: the same Go error against other HTTP APIs stays quiet.
		`Error: Put "https://api.orbit.test/objects/42": http: ContentLength=512 with Body length 0`:               "",
		`fatal: unable to access 'https://git.orbit.test/v2/repo.git/': http: ContentLength=12 with Body length 0`: "",
		`upload failed: ContentLength=956 with Body length 0 (retrying)`:                                           "",
		// Look-alikes: other APIs with a /v2/ path (a storage or artifact API) are not a registry upload.
		`Error: Put "https://api.orbit.test/v2/artifacts/upload?id=7": http: ContentLength=1024 with Body length 0`:               "",
		`Error: failed to upload: Post "https://storage.orbit.test/upload/v2/objects": http: ContentLength=52 with Body length 0`: "",
		// A registry's blob upload written without quotes keeps its reading.
		`Error: PUT https://registry.orbit.test/v2/team/app/blobs/uploads/5b1c?digest=sha256%3Aab: http: ContentLength=2048 with Body length 0`: "no-login",
	})
}
