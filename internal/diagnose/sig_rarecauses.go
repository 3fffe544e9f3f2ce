package diagnose

import (
	"fmt"
	"strings"
)

// Shapes from the seventh held-out batch, part b (causes the sets have few
// of), and their neighbours in the same message grammars: Docker Hub's and
// Harbor 1.10's immutable-tag refusals, Docker Hub's "must log in with a
// Personal Access Token", Artifactory's "unknown: Bad Credentials", AWS and
// Google clock-skew refusals of a registry credential request, plain HTTP
// sent to a TLS port (a registry's or the dind daemon's), podman's remote
// client without a service, glibc's EAI_AGAIN, login-action's bare
// "Password required", a fork flag in a workflow's env block, and GitHub
// Actions' cache service (not a registry).

func init() {
	sigGroups = append(sigGroups, sigsFewCauses)
	// GitHub Actions' cache service answers BuildKit's type=gha cache
	// import/export (HOST.actions.githubusercontent.com/…/_apis/artifactcache/…
	// in cache service v1, results-receiver.actions.githubusercontent.com/twirp/…
	// in v2), and the runner's OIDC token service lives there too: their
	// transport and auth errors are not a registry's. (GHCR's blob storage
	// is pkg-containers.githubusercontent.com, not under actions.)
	gitLike = append(gitLike, "actions.githubusercontent.com")
	// observeForkEnv's lines must reach the facts: "fork: true" is rare in
	// ordinary logs, so the prefilter stays selective; so is Travis CI's
	// notice for a build without its secure variables (travisNoSecrets).
	factKeys = append(factKeys, "fork: true", travisNoSecrets)
}

// ecrCredContext marks a line about fetching an ECR credential: the AWS
// API call behind `aws ecr get-login-password`, the ECR credential helper,
// and token refreshers (registry-creds' awsecr provider, k8s ECR renewers).
// Tested in rank, on matched lines only: the line key table has few free
// slots for need lists.
var ecrCredContext = []string{"getauthorizationtoken", "awsecr", ".dkr.ecr.", "docker-credential-ecr", "ecr get-login"}

// gcpCredContext marks a line about a Google credential handed to a
// container client: gcloud's docker credential helper and the registries
// it serves (tested in rank, as ecrCredContext).
var gcpCredContext = []string{"docker-helper", "docker-credential-gc", "gcr.io", "pkg.dev"}

func sigsFewCauses() {
	register(
		&signature{
			id: "hub-tag-immutable",
			// Docker Hub's immutable tags (2025) append the reason to the
			// old denial: "denied: requested access to the resource is
			// denied - This tag is already assigned to an image in this
			// repository and cannot be updated due to immutability
			// settings. To push this image, use a different tag."
			// (docs.docker.com/docker-hub/repos/settings/#immutable-tags).
			// Harbor 1.10's immutable-tag middleware worded its DENIED
			// (later 412) answer "The tag:REPO:TAG is immutable, cannot be
			// overwrite." (Harbor 2 says "… configured as immutable",
			// read by tag-immutable).
			keys: []string{"immutability settings", "already assigned to an image", "is immutable, cannot be overwrite"},
			re:   lazyRe(`(?i)(?:tag is already assigned to an image in this repository|cannot be updated due to immutability settings|The tag:\S+ is immutable, cannot be overwrite)`),
			veto: []string{"remote:", "kubectl"},
			rank: fixed(c("tag-immutable-or-protected", 0.95, "The repository has immutable tags: the tag already points at another image and the registry refuses to move it. Push a new tag (a version or the commit SHA), or exclude this tag (latest, a moving branch tag) from the repository's immutability rule.")),
		},
		&signature{
			id: "plain-http-to-tls-port",
			// Go's HTTPS server answering a plain-HTTP request (HTTP 400):
			// "Client sent an HTTP request to an HTTPS server." A registry
			// URL on the line is a registry listed as plain-HTTP (insecure)
			// that serves TLS; without one it is the Docker daemon's TLS
			// port (dind's 2376, DOCKER_TLS_CERTDIR set) reached by a client
			// whose DOCKER_HOST has no TLS settings: docker prints "Error
			// response from daemon: …", API clients "(HTTP code 400) bad
			// parameter - …".
			keys: []string{"client sent an http request to an https server"},
			re:   lazyRe(`(?i)Client sent an HTTP request to an HTTPS server`),
			veto: gitLike,
			rank: rankPlainHTTPToTLS,
		},
		&signature{
			id: "tls-alert-as-http",
			// Go's HTTP client reading a TLS alert as an HTTP/1.x response:
			// plain HTTP sent to a TLS port, whose server answered with an
			// alert record (0x15 0x03 0x0N): `net/http: HTTP/1.x transport
			// connection broken: malformed HTTP response "\x15\x03\x01…"`.
			keys: []string{"malformed http response"},
			re:   lazyRe(`(?i)malformed HTTP response "\\x15\\x03`),
			veto: gitLike,
			rank: rankPlainHTTPToTLS,
		},
		&signature{
			id: "podman-service-unreachable",
			// The podman remote client (macOS/Windows podman machine, podman
			// --remote, CONTAINER_HOST) without a service to talk to:
			// "Cannot connect to Podman. Please verify your connection to the
			// Linux system using `podman system connection list`, or try
			// `podman machine init` and `podman machine start` to manage a new
			// Linux VM" (podman's bindings/connection.go).
			keys: []string{"cannot connect to podman"},
			re:   lazyRe(`(?i)Cannot connect to Podman`),
			rank: fixed(
				c("daemon-unreachable", 0.88, "The podman client runs in remote mode and reached no podman service: the podman machine (VM) is stopped or not created, or CONTAINER_HOST / the default connection names a socket that is not there. Start the machine or service, or run podman locally on a Linux runner."),
				c("registry-unreachable", 0.3, "")),
		},
		&signature{
			id: "dns-temporary-failure",
			// glibc's resolver (Go's cgo resolver, used by dockerd and
			// containerd on many distributions) words a DNS server that did
			// not answer as EAI_AGAIN: "dial tcp: lookup HOST: Temporary
			// failure in name resolution". musl's resolver (Alpine-based
			// nodes and images: k3s/k3d, containerd builds on musl) words the
			// same EAI_AGAIN "Try again" and EAI_NONAME "Name does not
			// resolve" (musl src/network/gai_strerror.c); Go's net package
			// prints them after "dial tcp: lookup HOST: ". glibc words
			// EAI_FAIL "Non-recoverable failure in name resolution". When
			// getaddrinfo fails with EAI_SYSTEM, Go's cgo resolver prints the
			// errno instead, "too many open files" (EMFILE) when errno is unset
			// (src/net/cgo_unix.go, golang/go#6232), else the errno's text such
			// as "device or resource busy" (EBUSY, k3d-io/k3d#1353). The dind
			// service alias ("lookup docker") is the daemon, not a registry.
			keys: []string{"temporary failure in name resolution", "dial tcp: lookup"},
			re:   lazyRe(`(?i)lookup (\S+?)(?: on \S+)?: (Temporary failure in name resolution|Try again\b|Name does not resolve|Non-recoverable failure in name resolution|device or resource busy|too many open files)`),
			// containerd's resolver names what it resolved ("failed to
			// resolve reference: dial tcp: …") when an event's message is
			// wrapped after the image name.
			need: append([]string{"failed to resolve reference"}, registryContext...),
			veto: append([]string{"postgres", "mysql", "redis", "mongo", "database", "sql:", "amqp", "kafka", "smtp"}, gitLike...),
			rank: func(h *hit, f *facts) []cand {
				if len(h.m) > 1 && strings.EqualFold(strings.TrimSuffix(h.m[1], ":"), "docker") || strings.Contains(h.low, "error during connect") {
					return []cand{c("daemon-unreachable", 0.85, "The client looked up the Docker daemon's host (the dind service alias) and no DNS answer came: the dind service is not running, is named otherwise, or DOCKER_HOST names a host this job cannot resolve."),
						c("registry-unreachable", 0.3, "")}
				}
				if low := strings.ToLower(h.m[2]); low == "device or resource busy" || low == "too many open files" {
					return []cand{c("registry-unreachable", 0.8, fmt.Sprintf("The resolver on this machine failed before asking any DNS server about %s (getaddrinfo returned a system error, %q): no registry was reached. Retry once the machine has recovered (after a reboot, check the resolver and the open-file limit), or use an address that needs no lookup such as localhost:PORT for a local registry.", orSome(h.m[1], "the registry host"), h.m[2])),
						c("registry-fault", 0.25, "")}
				}
				if strings.EqualFold(h.m[2], "Name does not resolve") {
					return []cand{c("registry-unreachable", 0.85, fmt.Sprintf("The resolver found no address for %s (EAI_NONAME, musl's \"no such host\"): the host name is wrong, or it exists only in a DNS the node or the daemon's network does not use.", orSome(h.m[1], "the registry host"))),
						c("registry-fault", 0.3, "")}
				}
				return []cand{c("registry-unreachable", 0.85, fmt.Sprintf("The DNS lookup of %s failed temporarily (no answer from the resolver): DNS on the runner or in the daemon's network is not working, or a proxy/VPN is required to resolve it.", orSome(h.m[1], "the registry host"))),
					c("registry-fault", 0.3, "")}
			},
		},
		&signature{
			id: "artifactory-bad-credentials",
			// Artifactory answers a wrong username/password (or API key,
			// identity token) with 401 and its generic error model,
			// {"errors":[{"status":401,"message":"Bad Credentials"}]}: no
			// docker error code, so the client prints "unknown: Bad
			// Credentials" (containers/image: "invalid username/password:
			// unknown: Bad Credentials"). GitHub's REST API says "Bad
			// credentials" without the "unknown:" of a registry client.
			keys: []string{"unknown: bad credentials"},
			re:   lazyRe(`(?i)unknown: Bad Credentials`),
			veto: gitLike,
			rank: fixed(
				c("bad-credentials", 0.84, "Artifactory refused the username and password (or token) of the login as bad credentials: a wrong or revoked password, API key or identity token, or a username that is not the token's user."),
				c("token-expired", 0.5, ""),
				c("login-wrong-host", 0.35, "")),
			tell: tellBadCredential,
		},
		&signature{
			id: "hub-pat-required",
			// Docker Hub refuses an account password where the account (2FA,
			// or an organization enforcing SSO or sign-in) may log in only
			// with a personal access token: "unauthorized: your account must
			// log in with a Personal Access Token (PAT) - learn more at
			// docs.docker.com/go/access-tokens" (2024 wording; the older one,
			// "please use personal access token to login", is read by
			// password-instead-of-token).
			keys: []string{"must log in with a personal access token"},
			re:   lazyRe(`(?i)must log in with a Personal Access Token`),
			rank: fixed(
				c("password-not-token", 0.94, "Docker Hub refused the account password: this account must log in with a personal access token (2FA, or an organization that enforces SSO). Create a token (Read & Write to push) and use it as the password of the login."),
				c("bad-credentials", 0.4, "")),
		},
		&signature{
			id: "aws-signature-clock-skew",
			// AWS SigV4 refuses a request signed more than 5 (or 15) minutes
			// away from AWS's clock: "Signature expired: T1 is now earlier
			// than T2 (T3 - 15 min.)" when the client's clock is behind,
			// "Signature not yet current: T1 is still later than T2 (T3 +
			// 15 min.)" when it is ahead
			// (docs.aws.amazon.com/IAM/latest/UserGuide/signing-elements.html).
			// Only a request for an ECR credential is a registry failure:
			// other AWS APIs (ECS, STS, CloudWatch) word it the same.
			keys: []string{"signature expired:", "signature not yet current:"},
			re:   lazyRe(`(?i)Signature (?:expired: (\d{8}T\d{6}Z) is now earlier than (\d{8}T\d{6}Z)|not yet current: (\d{8}T\d{6}Z) is still later than (\d{8}T\d{6}Z))`),
			rank: func(h *hit, f *facts) []cand {
				if !hitContains(h, ecrCredContext) {
					return nil // another AWS API (ECS, STS, CloudWatch): not a registry failure
				}
				skew := "the machine's clock is behind AWS's"
				if strings.Contains(h.low, "not yet current") {
					skew = "the machine's clock is ahead of AWS's"
				}
				return []cand{
					c("clock-skew", 0.9, fmt.Sprintf("AWS refused the signed request for an ECR credential because %s by more than the allowed window (the signing time is in the message): sync the clock (NTP) of the runner, VM or container that asks for the token.", skew)),
					c("bad-credentials", 0.3, ""),
				}
			},
		},
		&signature{
			id: "gcp-jwt-clock-skew",
			// Google's token endpoint refuses a service-account JWT whose
			// iat/exp are off its clock: "invalid_grant: Invalid JWT: Token
			// must be a short-lived token (60 minutes) and in a reasonable
			// timeframe" (developers.google.com/identity/protocols/oauth2/service-account).
			// gcloud's docker credential helper prints it when it cannot
			// refresh the credential it hands to docker.
			keys: []string{"token must be a short-lived token"},
			re:   lazyRe(`(?i)Invalid JWT: Token must be a short-lived token`),
			rank: func(h *hit, f *facts) []cand {
				if !hitContains(h, gcpCredContext) {
					return nil // a Google client library outside a registry credential
				}
				return []cand{
					c("clock-skew", 0.88, "Google refused the service account's signed token request as outside a reasonable timeframe: the clock of the machine running the credential helper is off. Sync it (NTP); a VM or container clock that drifted after a suspend is the usual case."),
					c("credential-store-error", 0.45, ""),
					c("token-expired", 0.35, ""),
				}
			},
		},
		&signature{
			id: "login-input-required-bare",
			// docker/login-action throws "Password required" / "Username
			// required" when the input is empty; the runner prints the
			// error as the annotation "##[error]Password required", which
			// reaches us as a line of those words alone.
			keys: []string{"password required", "username required"},
			re:   lazyRe(`(?i)^\s*` + remarkLead + `(?:Username|Password) required\.?` + remarkTail + `\s*$`),
			rank: rankEmptyCredential,
			tell: tellEmptyCredential,
		},
	)
}

// forkEnvRe is a workflow env block's flag saying the run's head repository
// is a fork, set to true: "IS_FORK: true", "HEAD_REPO_FORK: true",
// "PR_FROM_FORK: true" (the step's env as the runner prints it under
// "Run …", e.g. the value of github.event.pull_request.head.repo.fork).
// Settings that merely mention forks ("ALLOW_FORK_PRS: true",
// "DISABLE_FORK: true") and an action input "fork: true" are not.
var forkEnvRe = lazyRe(`(?i)^\s*(?:[A-Z0-9_]*(?:IS|FROM|REPO|HEAD|PR)_)FORK(?:ED)?:\s*true\s*$`)

var kForkTrue = lowKey("fork: true")

// travisNoSecrets starts the notice Travis CI prints after the checkout of a
// pull request build that gets no encrypted variables ("Encrypted
// environment variables have been removed for security reasons. See
// https://docs.travis-ci.com/user/pull-requests/#pull-requests-and-security-restrictions"):
// a pull request from a fork, whose secure env vars and encrypted settings
// are withheld, so a login that reads them gets empty values.
const travisNoSecrets = "encrypted environment variables have been removed"

var kTravisNoSecrets = lowKey(travisNoSecrets)

// observeForkEnv records a fork flag printed true in a step's env block, or
// Travis CI's notice that the build's secrets were removed: the run is a pull
// request from a fork, which gets no repository secrets.
func (f *facts) observeForkEnv(n int, text string) {
	if f.forkEnv == 0 && f.has(kForkTrue) && forkEnvRe.MatchString(text) {
		f.forkEnv = n
	}
	if f.has(kTravisNoSecrets) {
		f.forkNoSecret = true
	}
}

// rankPlainHTTPToTLS reads plain HTTP sent to a TLS port: a registry's (a
// registry API URL on the line), or the Docker daemon's (docker's "Error
// response from daemon", an API client's "(HTTP code 400) bad parameter",
// the dind port). Another program's server (a Kubernetes API server, a web
// app under test) is neither: nil.
func rankPlainHTTPToTLS(h *hit, f *facts) []cand {
	if strings.Contains(h.low, "/v2/") {
		return []cand{
			c("http-https-mismatch", 0.9, fmt.Sprintf("The client spoke plain HTTP to %s, which serves HTTPS: the registry is listed as insecure/plain-HTTP (insecure-registries, http = true, --plain-http, an http:// URL) but has TLS. Remove it from that list, and trust its certificate instead if it is self-signed.", hostName(h.host))),
			c("tls-untrusted", 0.4, ""),
		}
	}
	if !containsAny(h.low, daemonPlainHTTPContext) {
		return nil
	}
	return []cand{
		c("daemon-unreachable", 0.87, "The client reached the Docker daemon's TLS port (2376: dind with DOCKER_TLS_CERTDIR set) over plain HTTP: DOCKER_HOST points at the TLS port without TLS settings. Set DOCKER_TLS_VERIFY=1 and DOCKER_CERT_PATH to the client certificates the dind service writes (DOCKER_TLS_CERTDIR/client, on a volume both containers share), or run dind without TLS and use port 2375."),
		c("http-https-mismatch", 0.45, ""),
	}
}

// daemonPlainHTTPContext marks a Docker Engine API answer on the line.
var daemonPlainHTTPContext = []string{"response from daemon", "(http code 400) bad parameter", ":2376", "docker"}

// hitContains reports whether a line of the hit (repeats of one message are
// folded into one hit) holds one of the lowercase fragments.
func hitContains(h *hit, frags []string) bool {
	if containsAny(h.low, frags) {
		return true
	}
	for _, t := range h.texts {
		if containsAny(strings.ToLower(t), frags) {
			return true
		}
	}
	return false
}
