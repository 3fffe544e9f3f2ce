package diagnose

import "testing"

// TestMessageGrammarYandexCR holds Yandex Container Registry's refusal of a
// password that is not of the credential type the username names
// (sig_yandexcr.go), in docker's and containers/image's wording, with guards.
func TestMessageGrammarYandexCR(t *testing.T) {
	checkFirstCause(t, map[string]string{
		// docker pull / docker login: oauth or iam username with something that is not such a token
		`Error response from daemon: Head "https://cr.yandex/v2/crp0rb1t/orbit/api/manifests/1.4": unauthorized: Password is invalid - must be OAuth token ; requestId = 5b0e6a1c-0000-4c2d-9e8f-0rb170000001`: "password-not-token",
		`Error response from daemon: Get "https://cr.yandex/v2/": unauthorized: Password is invalid - must be IAM token ; requestId = 5b0e6a1c-0000-4c2d-9e8f-0rb170000002`:                                    "password-not-token",
		// with the documentation link some versions append
		`unauthorized: Password is invalid - must be OAuth token. Read more: https://cloud.yandex.ru/docs/container-registry/operations/authentication#oauth ; requestId = 5b0e6a1c-0000-4c2d-9e8f-0rb170000003`: "password-not-token",
		// containers/image (podman, skopeo, the kubelet via CRI-O/containerd wording) wraps it as a token-server 401
		`Error: initializing source docker://cr.yandex/crp0rb1t/orbit/api:1.4: unable to retrieve auth token: invalid username/password: unauthorized: Password is invalid - must be OAuth token ; requestId = 5b0e6a1c-0000-4c2d-9e8f-0rb170000004`: "password-not-token",
		// the login fed a variable named as a token: the token itself reached the registry malformed
		"Run echo \"$YC_OAUTH_TOKEN \" | docker login --username oauth --password-stdin cr.yandex\n" + `Error response from daemon: Get "https://cr.yandex/v2/": unauthorized: Password is invalid - must be OAuth token ; requestId = 5b0e6a1c-0000-4c2d-9e8f-0rb170000008`: "bad-credentials",
		"$ docker login -u iam -p ${YC_IAM_TOKEN} cr.yandex\n" + `Error response from daemon: Get "https://cr.yandex/v2/": unauthorized: Password is invalid - must be IAM token ; requestId = 5b0e6a1c-0000-4c2d-9e8f-0rb170000009`:                                         "bad-credentials",
		// a password variable, or a token variable for another registry, leaves the secret's kind in doubt: not a token
		"Run echo \"$YC_PASSWORD\" | docker login --username oauth --password-stdin cr.yandex\n" + `Error response from daemon: Get "https://cr.yandex/v2/": unauthorized: Password is invalid - must be OAuth token ; requestId = 5b0e6a1c-0000-4c2d-9e8f-0rb170000010`:                                                                                      "password-not-token",
		"$ echo $GHCR_TOKEN | docker login ghcr.io -u orbit-bot --password-stdin\nLogin Succeeded\n$ docker pull cr.yandex/crp0rb1t/orbit/api:1.4\n" + `Error response from daemon: Head "https://cr.yandex/v2/crp0rb1t/orbit/api/manifests/1.4": unauthorized: Password is invalid - must be OAuth token ; requestId = 5b0e6a1c-0000-4c2d-9e8f-0rb170000011`: "password-not-token",
		// the bare login ping with no login line in view
		`Error response from daemon: Get "https://cr.example.test/v2/": unauthorized: Password is invalid - must be OAuth token.`: "password-not-token",
		// json_key username with a truncated or mangled key: a wrong credential
		`Error response from daemon: Get "https://cr.yandex/v2/": unauthorized: Password is invalid - must be JSON key ; requestId = 5b0e6a1c-0000-4c2d-9e8f-0rb170000005`:                                                                                                      "bad-credentials",
		`Error: writing blob: initiating layer upload to /v2/crp0rb1t/orbit/api/blobs/uploads/ in cr.yandex: unable to retrieve auth token: invalid username/password: unauthorized: Password is invalid - must be JSON key ; requestId = 5b0e6a1c-0000-4c2d-9e8f-0rb170000006`: "bad-credentials",
		// guards: a form validator's wording, Yandex's other 401, and the generic containers/image 401 keep their answers
		"Password is invalid - must be 8 characters or longer": "",
		`Error response from daemon: Get "https://cr.yandex/v2/": unauthorized: Authentication problem ; requestId = 5b0e6a1c-0000-4c2d-9e8f-0rb170000007`: "bad-credentials",
		// (after a login: with no credential in sight the generic 401 reads
		// as a missing login, containersTokenRefusedNoLogin in sig_authn.go)
		"$ podman login cr.yandex -u oauth --password-stdin\nLogin Succeeded!\nError: initializing source docker://cr.yandex/crp0rb1t/orbit/api:1.4: unable to retrieve auth token: invalid username/password: unauthorized: authentication required": "bad-credentials",
		`Error response from daemon: Get "https://registry.orbit.test/v2/": unauthorized: incorrect username or password`:                                                                                                                             "bad-credentials",
	})
}
