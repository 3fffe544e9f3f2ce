package diagnose

import "testing"

// TestMessageGrammarRegistryMessage holds dockerd's refusal lines that carry
// a vendor registry's own message after the code, read by
// sig_registrymessage.go (twenty-second held-out batch, part p), and the
// look-alikes that keep their answer or stay quiet.
func TestMessageGrammarRegistryMessage(t *testing.T) {
	checkFirstCause(t, map[string]string{
		// a registry that asks for a login in its own words, docker 20.10+
		// and docker before 20.10 (unquoted URL, docker-current prefix)
		`Error response from daemon: Get "https://registry.orbit.test/v2/orbit/api/manifests/latest": unauthorized: Please login to the Orbit Registry using your portal credentials.`:          "no-login",
		`/usr/bin/docker-current: Get https://registry.orbit.test/v2/orbit/ruby-30/manifests/latest: unauthorized: Please login to the Orbit Registry. Further instructions can be found here.`: "no-login",
		// a build's FROM line answered the same way
		"Step 1/9 : FROM registry.orbit.test/base/minimal AS build\nGet https://registry.orbit.test/v2/base/minimal/manifests/latest: unauthorized: Please login to the Orbit Registry": "no-login",
		// a JSON error body after denied (the registry did not use the
		// distribution error envelope dockerd unwraps), read as a denied pull
		`Error response from daemon: Head "https://images.orbit.test/v2/orbit/internal/api/manifests/2.1": denied: {"errors": [{"code": "DENIED", "message": "Access Denied"}]}`: "no-login",
		// a logfmt logger quoting the daemon's error
		`level=error msg="Error pulling image" error="Head \"https://images.orbit.test/v2/orbit/api/manifests/2.1\": denied: Access Denied"`: "no-login",
		// after a login for another host, the login went elsewhere
		"$ docker login registry.orbit.test -u ci-bot --password-stdin\nLogin Succeeded\nError response from daemon: Get \"https://other.orbit.test/v2/orbit/api/manifests/latest\": unauthorized: Please login to the Orbit Registry.": "login-wrong-host",
		// look-alikes: a message with its own grammar keeps its answer
		`Error response from daemon: Get "https://registry.orbit.test/v2/orbit/api/manifests/latest": unauthorized: incorrect username or password`:                            "bad-credentials",
		`Error response from daemon: Head "https://images.orbit.test/v2/orbit/api/manifests/2.1": denied: Your authorization token has expired. Reauthenticate and try again.`: "token-expired",
		// not a registry repository object: the /v2/ check, an API path, git
		`Error: GET "https://api.orbit.test/v1/items/manifests/3": unauthorized: token missing`:         "",
		`fatal: unable to access "https://git.orbit.test/v2/orbit/app/blobs/main": denied: not allowed`: "",
	})
}

// TestDeniedPullAfterLogin holds a pull refused with denied after a login for
// the same registry host: a credential was sent, so the repository is
// missing or hidden from that identity (manifest-unknown), not a missing
// login; a login for another host, or none, keeps its reading.
func TestDeniedPullAfterLogin(t *testing.T) {
	const login = "$ echo \"$ROBOT_TOKEN\" | docker login registry.orbit.test -u robot+ci --password-stdin\nLogin Succeeded\n"
	checkFirstCause(t, map[string]string{
		login + `Error response from daemon: Head "https://registry.orbit.test/v2/team/worker/manifests/3.2": denied: The robot account lacks pull permission on team/worker`:      "manifest-unknown",
		login + `level=error msg="Error pulling image" error="Get \"https://registry.orbit.test/v2/team/worker/manifests/3.2\": denied: project team not visible to this account"`: "manifest-unknown",
		// guard: no login in the log keeps no-login
		`Error response from daemon: Head "https://registry.orbit.test/v2/team/worker/manifests/3.2": denied: The robot account lacks pull permission on team/worker`: "no-login",
		// guard: a login for another host keeps login-wrong-host
		"$ docker login other.orbit.test -u ci --password-stdin\nLogin Succeeded\n" + `Error response from daemon: Head "https://registry.orbit.test/v2/team/worker/manifests/3.2": denied: no access`: "login-wrong-host",
	})
}
