package diagnose

import "testing"

// TestMessageGrammarQuayLoggedPull: Quay answers "unauthorized: access to
// the requested resource is not authorized" both to a pull without a
// credential and to a logged-in identity asking for a repository that does
// not exist or that it may not read (quay/quay#1054). When a login to the
// same Quay host succeeded before the pull, a credential was there, so the
// missing image (manifest-unknown) leads, not no-login.
func TestMessageGrammarQuayLoggedPull(t *testing.T) {
	checkFirstCause(t, map[string]string{
		"$ docker login quay.io -u acme+reader --password-stdin\nLogin Succeeded\n$ docker pull quay.io/acme/report-tool:3.1\nError response from daemon: unauthorized: access to the requested resource is not authorized":                                                                                                      "manifest-unknown",
		"$ podman login quay.io\nLogin Succeeded!\n$ podman pull quay.io/acme-lab/sampler:v2\nTrying to pull quay.io/acme-lab/sampler:v2...\nError: initializing source docker://quay.io/acme-lab/sampler:v2: reading manifest v2 in quay.io/acme-lab/sampler: unauthorized: access to the requested resource is not authorized": "manifest-unknown",
		// guard: no login at all keeps no-login first
		"$ docker pull quay.io/acme/report-tool:3.1\nError response from daemon: unauthorized: access to the requested resource is not authorized": "no-login",
		// guard: a login for another host is the wrong host
		"$ docker login ghcr.io -u acme-bot --password-stdin\nLogin Succeeded\n$ docker pull quay.io/acme/report-tool:3.1\nError response from daemon: unauthorized: access to the requested resource is not authorized": "login-wrong-host",
		// guard: a Nexus (distribution) answer after a login keeps its reading
		"$ docker login nexus.acme.test:5000\nLogin Succeeded\n$ docker pull nexus.acme.test:5000/acme/tool:1.0\nError response from daemon: unauthorized: access to the requested resource is not authorized": "no-login",
		// guard: a push after a good login stays a write refusal
		"$ docker login quay.io\nLogin Succeeded\nThe push refers to repository [quay.io/acme/report-tool]\nunauthorized: access to the requested resource is not authorized": "insufficient-role",
	})
}
