package diagnose

import "testing"

// TestMessageGrammarFewCauses holds TestMessageGrammar's lines for the
// shapes found in the seventh held-out batch, part b (causes the sets have
// few of): one line (or a few) per shape, the first finding's cause wanted
// ("" = no finding), with guards that keep the neighbouring readings. Kept
// apart from the other tables so that parallel batches do not edit the same
// block.
func TestMessageGrammarFewCauses(t *testing.T) {
	checkFirstCause(t, map[string]string{
		// Docker Hub's immutable tags, appended to the old denial
		"#9 ERROR: failed to push orbit/notes:latest: denied: requested access to the resource is denied - This tag is already assigned to an image in this repository and cannot be updated due to immutability settings. To push this image, use a different tag.": "tag-immutable-or-protected",
		// Harbor 1.10's wording of an immutable tag
		"denied: The tag:library/notes:1.4 is immutable, cannot be overwrite.": "tag-immutable-or-protected",
		// guard: the bare denial keeps its namespace reading
		"The push refers to repository [docker.io/orbit/notes]\ndenied: requested access to the resource is denied": "push-outside-namespace",
		// Artifactory's generic 401 body as docker and containers/image print it
		`Error response from daemon: Get "https://orbit.jfrog.io/v2/": unknown: Bad Credentials`:                                                                        "bad-credentials",
		`Error: initializing source docker://orbit.jfrog.io/docker-local/notes:1.0: unable to retrieve auth token: invalid username/password: unknown: Bad Credentials`: "bad-credentials",
		// guard: GitHub's REST API words it without "unknown:"
		`{"message":"Bad credentials","documentation_url":"https://docs.github.com/rest"}`: "",
		// Docker Hub's 2024 wording for an account that must use a token
		`Error response from daemon: Get "https://registry-1.docker.io/v2/": unauthorized: your account must log in with a Personal Access Token (PAT) - learn more at docs.docker.com/go/access-tokens`: "password-not-token",
		// AWS SigV4 clock skew on the ECR token request, both directions
		"An error occurred (InvalidSignatureException) when calling the GetAuthorizationToken operation: Signature expired: 20260302T081500Z is now earlier than 20260302T093012Z (20260302T094512Z - 15 min.)":                                                       "clock-skew",
		"An error occurred (InvalidSignatureException) when calling the GetAuthorizationToken operation: Signature not yet current: 20260302T111500Z is still later than 20260302T093012Z (20260302T094512Z + 15 min.)":                                               "clock-skew",
		`time="2026-03-02T08:15:00Z" level=info msg="Error getting secret for provider awsecr-cred. Skipping secret provider! [Err: InvalidSignatureException: Signature expired: 20260301T081500Z is now earlier than 20260302T093012Z (20260302T094512Z - 15 min.)`: "clock-skew",
		// guard: the same words from another AWS API are not a registry failure
		"An error occurred (InvalidSignatureException) when calling the DescribeServices operation: Signature expired: 20260302T081500Z is now earlier than 20260302T093012Z (20260302T094512Z - 5 min.)": "",
		// Google's JWT timeframe refusal through gcloud's docker helper
		"error getting credentials - err: exit status 1, out: `ERROR: (gcloud.auth.docker-helper) There was a problem refreshing your current auth tokens: ('invalid_grant: Invalid JWT: Token must be a short-lived token (60 minutes) and in a reasonable timeframe. Check your iat and exp values in the JWT claim.', {})`": "clock-skew",
		// guard: a Google client library outside a registry credential
		"google.auth.exceptions.RefreshError: ('invalid_grant: Invalid JWT: Token must be a short-lived token (60 minutes) and in a reasonable timeframe.', {})": "",
		// login-action's bare input errors, as the runner's annotation leaves them
		"Password required": "empty-credential",
		"Username required": "empty-credential",
		// a fork flag in the step's env block
		"env:\n  IS_FORK: true\nPassword required":      "fork-pr-readonly",
		"env:\n  PR_FROM_FORK: true\nPassword required": "fork-pr-readonly",
		// guard: a setting that merely mentions forks
		"env:\n  ALLOW_FORK_PRS: true\nPassword required": "empty-credential",
		// guard: a false flag keeps the empty-secret reading
		"env:\n  IS_FORK: false\nPassword required": "empty-credential",
		// guard: a sentence that merely contains the words
		"smtp relay: Password required for user orbit": "",
		// plain HTTP to a TLS port: the daemon's (dind 2376) or a registry's
		"Error response from daemon: Client sent an HTTP request to an HTTPS server.":                                                                                                                          "daemon-unreachable",
		"(HTTP code 400) bad parameter - Client sent an HTTP request to an HTTPS server.":                                                                                                                      "daemon-unreachable",
		`Error response from daemon: Get "http://registry.lab.example:443/v2/": Client sent an HTTP request to an HTTPS server.`:                                                                               "http-https-mismatch",
		`Error: failed to do request: Head "http://registry.lab.example:443/v2/orbit/notes/manifests/1.0": net/http: HTTP/1.x transport connection broken: malformed HTTP response "\x15\x03\x01\x00\x02\x02"`: "http-https-mismatch",
		// guard: another server's answer (a Kubernetes API server) is neither
		"Error from server (BadRequest): Client sent an HTTP request to an HTTPS server.": "",
		// guard: git's own plain-HTTP mistake is not a registry's
		`fatal: unable to access 'http://git.lab.example:443/orbit/notes.git/': Client sent an HTTP request to an HTTPS server.`: "",
		// the podman remote client without a service
		"Cannot connect to Podman. Please verify your connection to the Linux system using `podman system connection list`, or try `podman machine init` and `podman machine start` to manage a new Linux VM": "daemon-unreachable",
		// glibc's EAI_AGAIN for a registry host, and for the dind alias
		`Error response from daemon: Get "https://registry.lab.example/v2/": dial tcp: lookup registry.lab.example: Temporary failure in name resolution`: "registry-unreachable",
		`error during connect: Get "http://docker:2375/v1.47/info": dial tcp: lookup docker: Temporary failure in name resolution`:                        "daemon-unreachable",
		// guard: a database client's lookup is not a registry's
		`psql: error: could not translate host name "db" to address: Temporary failure in name resolution`: "",
		// musl's wording of the same failures (EAI_AGAIN "Try again",
		// EAI_NONAME "Name does not resolve"): containerd and k3s on
		// Alpine-based nodes, in kubelet events and crictl
		`Failed to pull image "ghcr.io/orbit/notes:1.4": failed to resolve reference "ghcr.io/orbit/notes:1.4": dial tcp: lookup ghcr.io: Try again`: "registry-unreachable",
		`E0311 08:02:17.114203    4121 log.go:32] "PullImage from image service failed" err="rpc error: code = Unknown desc = failed to pull and unpack image \"registry.lab.example/orbit/notes:1.4\": failed to resolve reference \"registry.lab.example/orbit/notes:1.4\": failed to do request: Head \"https://registry.lab.example/v2/orbit/notes/manifests/1.4\": dial tcp: lookup registry.lab.example: Try again" image="registry.lab.example/orbit/notes:1.4"`: "registry-unreachable",
		`FATA[0002] pulling image: failed to pull and unpack image "registry.lab.example/orbit/notes:1.4": failed to resolve reference "registry.lab.example/orbit/notes:1.4": failed to do request: Head "https://registry.lab.example/v2/orbit/notes/manifests/1.4": dial tcp: lookup registry.lab.example on 10.43.0.10:53: Name does not resolve`:                                                                                                                   "registry-unreachable",
		"Failed to pull image \"registry.lab.example/orbit/notes:1.4\":\n  failed to resolve reference: dial tcp: lookup registry.lab.example: Try again": "registry-unreachable",
		`error during connect: Get "http://docker:2375/v1.47/info": dial tcp: lookup docker: Try again`:                                                   "daemon-unreachable",
		// guard: an application's own lookups in the same wording
		`level=error msg="cannot reach database" err="dial tcp: lookup postgres: Try again"`: "",
		`dial tcp: lookup api.orbit.test: Name does not resolve`:                             "",
		// getaddrinfo's EAI_SYSTEM, printed by Go's cgo resolver as the errno
		// (EBUSY, or EMFILE when errno is unset), and glibc's EAI_FAIL
		`Get "https://registry.lab.example:12345/v2/": dial tcp: lookup registry.lab.example: device or resource busy`:                                                         "registry-unreachable",
		`Error response from daemon: Head "https://registry.lab.example/v2/orbit/notes/manifests/1.4": dial tcp: lookup registry.lab.example: too many open files`:             "registry-unreachable",
		`Error response from daemon: Get "https://registry.lab.example/v2/": dial tcp: lookup registry.lab.example on 10.0.0.2:53: Non-recoverable failure in name resolution`: "registry-unreachable",
		`error during connect: Get "http://docker:2375/v1.47/info": dial tcp: lookup docker: device or resource busy`:                                                          "daemon-unreachable",
		// guard: the same errno elsewhere, and an application's own lookup
		`rm: cannot remove '/var/lib/docker/overlay2/9f8e/merged': device or resource busy`:            "",
		`level=error msg="cannot reach database" err="dial tcp: lookup postgres: too many open files"`: "",
		`accept tcp [::]:5000: accept4: too many open files; retrying in 1s`:                           "",
		// guard: "try again" in a sentence is not the resolver's
		`docker pull orbit/notes: lookup of mirror settings failed: Try again`: "",
		// GitHub Actions' cache service is not a registry
		`ERROR: failed to solve: Get "https://acme.actions.githubusercontent.com/Xy12/_apis/artifactcache/cache?keys=buildkit-blob-1-sha256%3A9f8e&version=77aa": net/http: TLS handshake timeout`: "",
		// guard: the same timeout from a registry keeps its reading
		`ERROR: failed to solve: failed to push ghcr.io/orbit/notes:1.0: Head "https://ghcr.io/v2/orbit/notes/blobs/sha256:9f8e": net/http: TLS handshake timeout`: "registry-unreachable",
	})
}
