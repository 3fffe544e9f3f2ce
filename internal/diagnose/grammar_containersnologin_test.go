package diagnose

import "testing"

// TestMessageGrammarContainersTokenNoLogin holds containers/image's token
// refusal ("unable to retrieve auth token: invalid username/password") with
// no credential in sight, ranked by containersTokenRefusedNoLogin
// (sig_authn.go; twenty-second held-out batch, part p), and the look-alikes
// where a credential was given and the refusal keeps its reading.
func TestMessageGrammarContainersTokenNoLogin(t *testing.T) {
	refusal := "Error: writing blob: initializing destination docker://registry.orbit.test/orbit/api:1.0: unable to retrieve auth token: invalid username/password: unauthorized: authentication required"
	checkFirstCause(t, map[string]string{
		// podman/buildah push and skopeo list-tags with no login before
		refusal: "no-login",
		`time="2025-03-02T10:00:00Z" level=fatal msg="Error listing repository tags: unable to retrieve auth token: invalid username/password: unauthorized: authentication required"`:                                                                                                                                                                                                                                               "no-login",
		"+ buildah push orbit-api docker://images.orbit.test/orbit/api:2.0\nerror copying layers and metadata from \"containers-storage:[overlay@/var/lib/containers/storage]images.orbit.test/orbit/api:2.0\" to \"docker://images.orbit.test/orbit/api:2.0\": Error trying to reuse blob sha256:3f2a at destination: unable to retrieve auth token: invalid username/password: unauthorized: The login credentials are not valid.": "no-login",
		// a login for the host, --dest-creds or an auth file: the credential
		// was given and refused
		"$ podman login registry.orbit.test -u ci-bot --password-stdin\nLogin Succeeded!\n" + refusal:                                "bad-credentials",
		"$ skopeo copy --dest-creds ci-bot:$REG_TOKEN docker-archive:api.tar docker://registry.orbit.test/orbit/api:1.0\n" + refusal: "bad-credentials",
		"export REGISTRY_AUTH_FILE=/workspace/auth.json\n" + refusal:                                                                 "bad-credentials",
		// Docker Hub issues anonymous tokens: its token server refused a
		// credential it was given (stored on the runner)
		"Error: initializing source docker://docker.io/orbit/api:1.0: unable to retrieve auth token: invalid username/password: unauthorized: incorrect username or password": "bad-credentials",
		// a token server that says the credential it got was wrong: the
		// credential came from somewhere the log does not show (a mounted
		// docker config, the runner's stored login)
		"Error: initializing source docker://registry.orbit.test/orbit/api:1.0: unable to retrieve auth token: invalid username/password: unauthorized: incorrect username or password":                  "bad-credentials",
		"Error: writing blob: initializing destination docker://quay.orbit.test/orbit/api:1.0: unable to retrieve auth token: invalid username/password: unauthorized: Invalid Username or Password":     "bad-credentials",
		"Error: writing blob: initializing destination docker://gitlab.orbit.test:5050/orbit/api:1.0: unable to retrieve auth token: invalid username/password: unauthorized: HTTP Basic: Access denied": "bad-credentials",
		// registry wordings with their own reading
		"Error: initializing source docker://cr.orbit.test/orbit/api:1.0: unable to retrieve auth token: invalid username/password: unauthorized: Password is invalid - must be OAuth token.": "password-not-token",
		"Error: initializing source docker://registry.orbit.test/orbit/api:1.0: unable to retrieve auth token: invalid username/password: unauthorized: Please login to the Orbit Registry":   "no-login",
	})
}
