package diagnose

import (
	"fmt"
	"strings"

	"github.com/regdoctor/regdoctor/internal/reghost"
)

// Client, transport and server signatures: the docker daemon, the credential
// store, TLS, HTTP vs HTTPS, the network, and registry-side faults. Wording
// from docker/cli (cli/command/registry, credentials/native_store.go), Go's
// crypto/x509 and net/http, and containerd's remotes/docker.

// registryContext are fragments that show a line is about a registry
// request, not some other tool's network error.
var registryContext = []string{"/v2/", "/v1/_ping", "docker", "push", "pull", "login", "failed to solve", "failed to do request",
	"manifest", "blobs", "buildkit", "podman", "skopeo", "buildah", "kaniko", "crane", "oras", "image"}

// gitLike mark other tools' network and auth errors that share Go's or
// HTTP's wording.
var gitLike = []string{"fatal: unable to access", "git fetch", "git clone", "git push", "git pull", "remote:", "fatal:", "ssh:",
	"npm err", "npm error", "pip ", "twine", "maven", ".git/", "api.github.com", "terraform", "index.yaml", "helm repo",
	// Sigstore's services answer signing requests, not registry ones.
	"signingcert", "fulcio", "rekor",
	// JFrog CLI's REST client (build-info, repository lookups) words
	// Artifactory's REST API answers so; registry pushes fail in docker's
	// words.
	"artifactory response:",
	// The Buildkite agent's API (agent.buildkite.com: job steps, logs,
	// meta-data); its errors also hold "buildkit" as a substring.
	"agent.buildkite.com",
	// nektos/act (and act_runner) fetching an action's git repository:
	// "Unable to clone https://github.com/OWNER/ACTION refs/heads/v1:
	// authentication required: ..." (go-git's wording).
	"unable to clone https://"}

func init() { sigGroups = append(sigGroups, sigsTransport) }

func sigsTransport() {
	register(
		&signature{
			id:   "docker-daemon-unreachable",
			keys: []string{"connect to the docker daemon", "docker daemon running", "error during connect", "docker.sock", "'docker daemon' running", "connect to docker daemon", "connect to the docker api at"},
			// docker-compose v1 (python) says "Couldn't connect to Docker
			// daemon at URL - is it running?". The docker CLI since 26 says
			// "failed to connect to the docker API at ENDPOINT; check if the
			// path is correct and if the daemon is running: ERR" for a
			// socket or named pipe nothing serves (unix:///…/docker.sock,
			// npipe:////./pipe/docker_engine, Docker Desktop's
			// dockerDesktopLinuxEngine). Go's net error names the socket it
			// dialled ("dial unix PATH: connect: ERR"): any docker.sock path
			// (/var/run, an ARC dind sidecar's /run/docker, a rootless
			// /run/user/UID) is the Docker daemon's socket. The same client
			// release renamed the socket-permission error too: "permission
			// denied while trying to connect to the docker API at
			// unix:///var/run/docker.sock" (before: "... to the Docker daemon
			// socket at ..."; moby client, errConnectionFailed wording).
			re: lazyRe(`(?i)(?:cannot connect to the Docker daemon|Is the docker daemon running|error during connect|permission denied while trying to connect to the (?:Docker daemon socket|docker API at)|dial unix [^\s:"]*docker\.sock|Couldn't connect to Docker daemon|failed to connect to the docker API at)`),
			// A wrapper's error chain that ends in the registry's own answer
			// ("docker build: error during connect: Post …: … getting image:
			// UNAUTHORIZED: authentication required") reached the daemon and
			// the registry: the registry's answer is the cause.
			veto: []string{"unauthorized:", "denied:", "manifest unknown", "toomanyrequests"},
			rank: func(h *hit, f *facts) []cand {
				if !f.dropEarthlyProbe(h) {
					return nil // only Earthly's frontend probe, which it went on from (earthlyprobe.go)
				}
				why := "The docker client cannot reach its daemon."
				switch {
				case strings.Contains(h.low, "lookup docker on ") || strings.Contains(h.low, "lookup docker:"):
					// The resolver's answer for the service alias itself
					// (Go's "lookup HOST on DNS: no such host", or ": Try
					// again" for EAI_AGAIN): no container named docker is
					// on the job's network. GitLab gives a service its
					// image name and `alias:` as host names; Kubernetes
					// executors of older runners only at localhost
					// (docs.gitlab.com/ci/services, using_docker_build).
					why = "No host named docker resolves from the job: no docker:dind service runs beside it (none under services:, or one named by a registry path without `alias: docker`), or the executor does not give services host names (older GitLab Kubernetes-executor runners reach them at localhost)."
					if strings.Contains(h.low, "try again") {
						why = "The name docker did not resolve yet (a temporary DNS failure): the docker:dind service had not started, or is not on the job's network. Wait for the service (retry docker info) before the first docker command, and check that the job lists the service with `alias: docker`."
					}
				case strings.Contains(h.low, "tcp://docker:2375"):
					why = "The client talks to a docker:dind service that is not there or not listening on that port (dind 19.03+ serves TLS on 2376 unless DOCKER_TLS_CERTDIR is empty)."
				case strings.Contains(h.low, "permission denied"):
					why = "The user running the job may not open the docker socket (group docker, SELinux label or a rootless socket path)."
				case engineAPIConnect(h.low) && containsAny(h.low, []string{"x509:", "tls:"}):
					why = "The docker client's TLS connection to its daemon (the docker:dind service) failed: the client does not trust the daemon's certificate. The client certificates in DOCKER_CERT_PATH come from another dind instance (a certs volume shared by concurrent jobs, or a stale one) or do not match the daemon DOCKER_HOST names; give each job's dind service its own /certs volume, shared only with that job's container."
				case strings.Contains(h.low, "npipe:"):
					why = "Nothing serves the Docker Engine's named pipe on this Windows machine: the Docker service (or Docker Desktop) is not running or has not finished starting, or the client targets the other engine (docker_engine for Windows containers, dockerDesktopLinuxEngine for Linux ones). Start the engine and wait until docker info answers before the login or push."
				}
				return []cand{c("daemon-unreachable", 0.92, why)}
			},
		},
		&signature{
			id:   "credential-store",
			keys: []string{"error getting credentials", "error storing credentials", "error saving credentials", "docker-credential-", "credential helper", "credentials store", "erasing credentials", "querying keychain"},
			// jib runs the helper itself: "The system does not have
			// docker-credential-NAME CLI" (its helper-not-found error, jib
			// issue 4176), and Java's own
			// `Cannot run program "docker-credential-NAME"` (ProcessBuilder).
			// Apple's container CLI keeps logins in the macOS keychain:
			// "error querying keychain for HOST (cause: …)".
			// A shell that cannot find the helper says "sh: line 1:
			// docker-credential-NAME: command not found" (POSIX sh/bash
			// grammar), and Node's child_process (Docker Desktop's UI, editor
			// extensions) reports the call as "Command failed:
			// docker-credential-NAME get" (the helper protocol's verbs
			// get/store/erase/list, docker-credential-helpers README).
			// notation keeps logins only in a credentials store: before 1.0
			// `notation login` said "could not get the credentials store:
			// …" (its ErrCredentialsConfigNotSet, "credentials store config
			// was not set up", when neither its config nor the docker config
			// names credsStore/credHelpers); 1.x says "failed to get
			// credentials store: …" and "the credential could not be saved
			// because a credentials store is required to securely store the
			// password" (notaryproject/notation cmd/notation/login.go,
			// pkg/auth).
			// Nomad's docker driver runs the helper itself and wraps its
			// non-zero exit as "Failed to find docker auth for repo
			// "REPO": docker-credential-NAME with input "REPO" failed with
			// stderr: MESSAGE" (older releases: "docker-credential-NAME
			// failed with stderr: MESSAGE"; nomad drivers/docker/utils.go
			// authFromHelper): the helper failed, whatever it relays.
			re: lazyRe(`(?i)(?:error (?:getting|storing|erasing) credentials|Error saving credentials|(?:could not|failed to) get (?:the )?credentials store:|credential could not be saved because a credentials store is required|docker-credential-\S+.*(?:executable file not found|not installed|not found in \$PATH|exit status|exited with|command not found|failed with stderr)|Command failed: docker-credential-\S+ (?:get|store|erase|list)\b|credential helper.*(?:exited with status|failed|not found)|(?:auth(?:entication)? file|auth\.json).*permission denied|does not have docker-credential-\S+ CLI|Cannot run program "docker-credential-|error querying keychain)`),
			// A helper that ran and relays the credential service's clock
			// refusal (AWS SigV4's "Signature expired", Google's "Invalid
			// JWT: Token must be a short-lived token") works: the clock is
			// the fault (sig_rarecauses.go).
			// Likewise gcloud's helper relaying IAM's refusal to impersonate
			// the service account ("Unable to acquire impersonated
			// credentials"): the helper works, the IAM binding is missing
			// (rankGcloudHelper reads it).
			// docker-java's fallback notice relays the helper's failure but
			// goes on without a credential (dockerJavaFallback,
			// sig_clientconfig.go): a store warning, not the failure.
			veto: append([]string{"configure a credential helper to remove this warning", "git-credential", "git credential",
				"signature expired:", "short-lived token", "unable to acquire impersonated credentials", dockerJavaFallback}, gitLike...),
			rank: func(h *hit, f *facts) []cand {
				if jibHelperWarningBuilt(h, f) {
					return nil // jib went on without the helper and pushed (sig_buildplugins.go)
				}
				if f.dockerJavaRelayed(h.line()) {
					return nil // docker-java went on without a credential: a store warning (sig_clientconfig.go)
				}
				return []cand{c("credential-store-error", 0.92, helperWhy(h.low, "The credential store named in the docker config (credsStore/credHelpers) is missing or failing, so the login cannot be saved or read."))}
			},
		},
		&signature{
			id: "gcloud-docker-helper",
			// gcloud's docker credential helper: `gcloud auth configure-docker`
			// names docker-credential-gcloud in credHelpers, which runs
			// `gcloud auth docker-helper` and prints its failures as
			// "ERROR: (gcloud.auth.docker-helper) MESSAGE" (gcloud's error
			// prefix names the command). docker then sends no credential.
			keys: []string{"(gcloud.auth.docker-helper)"},
			re:   lazyRe(`\(gcloud\.auth\.docker-helper\) (.+)`),
			rank: rankGcloudHelper,
		},
		&signature{
			id: "tls-untrusted",
			// Go 1.18+ on macOS verifies with the platform's verifier and
			// words its refusals after the certificate's subject:
			// `x509: “NAME” certificate is not trusted`, `… is not
			// standards compliant` (Apple's TLS server policy: validity
			// over 825 days, missing SAN or EKU), golang/go#51991, Go
			// commit feb024f4. rustls (the Rust registry clients: kwctl,
			// policy-server, Spin, wkg via reqwest) prints
			// `invalid peer certificate: UnknownIssuer` (rustls::Error
			// InvalidCertificate; since 0.23 `certificate expired: …`,
			// `certificate not valid for name …` for the other kinds).
			keys: []string{"x509:", "certificate signed by unknown authority", "failed to verify certificate", "certificate is valid for", "invalid peer certificate"},
			re: lazyRe(`(?i)(?:x509: certificate signed by unknown authority|x509: certificate is valid for|x509: cannot validate certificate|x509: certificate has expired or is not yet valid|tls: failed to verify certificate|x509: certificate is not valid|x509: certificate relies on legacy Common Name field` +
				`|x509: [“"][^”"]{1,200}[”"] certificate is not (?:trusted|standards compliant)` +
				`|invalid peer certificate: (?:UnknownIssuer|NotValidForName|BadSignature|Expired|NotValidYet|certificate expired|certificate not valid for name|certificate not valid yet))`),
			need: append([]string{"download failed"}, registryContext...), // dockerd's layer "Download failed, retrying: …"
			// git's "remote:" is ruled out in rank, not a registry
			// client's "from remote:" (fromremote.go).
			veto: withoutGitRemote(gitLike),
			rank: func(h *hit, f *facts) []cand {
				if gitSideband(h.low) || terraformTool(h.low) {
					return nil // git's server message, Terraform's own request (fromremote.go)
				}
				if nonRegistryPost(h, f) {
					return nil // another HTTPS client's POST (sig_posturl.go)
				}
				if engineAPIConnect(h.low) {
					return nil // the docker CLI's TLS link to its daemon, read by docker-daemon-unreachable (sig_dind.go)
				}
				if !tlsRegistryContext(h, f) || identityTokenURL(h, f) || appWordContext(h, f) {
					return nil // its context word is inside a host name, or an identity provider's token URL (hostcontext.go)
				}
				// Go's crypto/x509 prints one message for both ends of the
				// validity period and tells them apart only in its detail:
				// "current time T is after NotAfter" (expired) or "is before
				// NotBefore" (not yet valid: usually the runner's clock).
				switch {
				case strings.Contains(h.low, "invalid peer certificate: notvalidyet") || strings.Contains(h.low, "invalid peer certificate: certificate not valid yet"):
					return []cand{c("clock-skew", 0.8, "The client's clock is earlier than the start of the certificate's validity period: the runner's clock is behind."), c("tls-untrusted", 0.55, "")}
				case strings.Contains(h.low, "invalid peer certificate: expired") || strings.Contains(h.low, "invalid peer certificate: certificate expired"):
					return []cand{c("tls-untrusted", 0.9, "The registry's TLS certificate has expired (renew it, or the proxy in front of the registry serves an old one)."), c("clock-skew", 0.4, "")}
				case strings.Contains(h.low, "is before"):
					return []cand{c("clock-skew", 0.8, "The client's clock is earlier than the start of the certificate's validity period: the runner's clock is behind."), c("tls-untrusted", 0.55, "")}
				case strings.Contains(h.low, "is after") || strings.Contains(h.low, "certificate has expired") && !strings.Contains(h.low, "not yet valid"):
					return []cand{c("tls-untrusted", 0.9, "The registry's TLS certificate has expired (renew it, or the proxy in front of the registry serves an old one)."), c("clock-skew", 0.4, "")}
				case strings.Contains(h.low, "not yet valid"):
					return []cand{c("tls-untrusted", 0.8, "The registry's certificate is outside its validity period: expired, or not valid yet for this runner's clock."), c("clock-skew", 0.55, "")}
				}
				if cs := sameOperatorCands(h, 0.86); cs != nil {
					return cs // tlsoperator.go
				}
				why := "The registry's TLS certificate is not trusted by this client (private CA or self-signed) or does not name the host dialled."
				if strings.Contains(h.low, "standards compliant") {
					why = "macOS's verifier (Go 1.18+ clients on a Mac) refuses the registry's certificate as not standards compliant: Apple's TLS server policy wants a validity of at most 825 days, the host in the subjectAltName and the serverAuth extended key usage (golang/go#51991). Reissue the certificate so, even when its CA is trusted."
				}
				if strings.Contains(h.low, "legacy common name") {
					// Go 1.15+ (crypto/x509) ignores the Common Name when
					// checking the host: a certificate that names the host
					// only there fails ("relies on legacy Common Name
					// field, use SANs ..."); go.dev/doc/go1.15#commonname.
					why = "The registry's certificate names its host only in the Common Name; Go clients since 1.15 match the host against the subjectAltName only. Reissue the certificate with a SAN for the name or IP address clients dial."
				}
				if h.url.Realm {
					why = "The token service's certificate (the realm host, which the user never typed) is not trusted or does not match that host."
				}
				return []cand{c("tls-untrusted", 0.92, why)}
			},
		},
		&signature{
			id:   "http-https-mismatch",
			keys: []string{"server gave http response to https client", "will not send auth headers over http", "downgrades scheme", "http: server gave"},
			// Go's net/http error ("http: server gave HTTP response to
			// HTTPS client", net/http/transport.go) inside a long pull
			// error is often hard-wrapped by the CLI or terminal that
			// printed it (acorn's status column, kubectl get -w, issue
			// trackers), so the first line can end at any word of it
			// after "http: server gave". The "http: " prefix keeps prose
			// ("the server gave HTTP ...") out.
			re:   lazyRe(`(?i)(?:server gave HTTP response to HTTPS client|will not send auth headers over HTTP|downgrades scheme|http: server gave(?: HTTP(?: response(?: to(?: HTTPS)?)?)?)?\s*$)`),
			rank: fixed(c("http-https-mismatch", 0.93, "The registry speaks plain HTTP but the client used HTTPS (or refuses to send credentials over HTTP); the client that pushes needs it listed as an insecure registry (for buildx, in the builder's buildkitd.toml).")),
		},
		&signature{
			id: "plain-http-to-https-port",
			// The reverse mismatch: nginx's 400 page ("The plain HTTP
			// request was sent to HTTPS port") for a client told to use
			// plain HTTP (insecure-registries, --plain-http) against TLS.
			keys: []string{"plain http request was sent to https port"},
			re:   lazyRe(`(?i)The plain HTTP request was sent to HTTPS port`),
			need: registryContext,
			rank: fixed(c("http-https-mismatch", 0.9, "The client spoke plain HTTP to a port that serves HTTPS (the registry or its proxy): the client has the registry listed as insecure/plain-HTTP, or the URL says http:// where the registry needs https://.")),
		},
		&signature{
			id:   "registry-unreachable",
			keys: []string{"connection refused", "no route to host", "i/o timeout", "no such host", "tls handshake timeout", "network is unreachable", "context deadline exceeded", "client.timeout", "connection reset by peer", "server misbehaving", "operation timed out", "dial tcp: lookup", "connection timed out"},
			// Go before 1.9 words a failed connect "dial tcp ADDR:
			// getsockopt: connection refused" (docker 1.10-17.06); Linux's
			// ETIMEDOUT reads "connect: connection timed out".
			// Go's resolver also fails with the DNS server's own error:
			// "lookup HOST on RESOLVER:53: read udp A->B: i/o timeout" (no
			// answer from the resolver) and "...: server misbehaving"
			// (net/dnsclient_unix.go). A resolver the host has no route to
			// fails before any answer: "lookup HOST on RESOLVER:53: dial
			// udp RESOLVER:53: [connect: ]network is unreachable" (the
			// kubelet's node lost its network during an e2e pull).
			// Go's HTTP client timeout (net/http client.go): "(Client.Timeout
			// exceeded while awaiting headers)", "... while reading body",
			// "Client.Timeout or context cancellation while reading body";
			// threads often quote only its tail after the URL ("Get
			// "https://HOST/v2/": ... Client.Timeout exceeded").
			re: lazyRe(`(?i)(?:dial tcp\S* [^:]*:? ?(?:[\d.:\[\]a-f]+: )?(?:(?:connect|getsockopt): )?(?:connection refused|no route to host|network is unreachable|i/o timeout|operation timed out|connection timed out)|lookup \S+(?: on \S+)?: no such host|lookup \S+(?: on \S+)?: (?:(?:read|write|dial) udp \S+: )?(?:(?:read|write|connect): )?(?:i/o timeout|server misbehaving|connection refused|network is unreachable|no route to host)|no such host|TLS handshake timeout|context deadline exceeded|Client\.Timeout (?:exceeded|or context cancellation)|connection reset by peer|dial tcp: lookup [\w-]+\.[\w.-]+(?::\d+)?\s*$)`),
			// A masked host ("lookup ***") is a host from a secret: in CI
			// logs, the registry of a login or push.
			// containers/image's login ("authenticating creds for HOST:
			// ...") fetches the token realm the registry advertises.
			need: append([]string{"lookup ***", "dial tcp ***", "authenticating creds for", "service/token"}, registryContext...),
			// git's own network failures start "fatal: unable to access"
			// (kept); a bare "fatal:" is also a log level (Apptainer's
			// "FATAL:   While making image from oci registry: …"), so the
			// signature drops it (sig_loglevel.go), as token-expired does.
			veto: append([]string{"docker.sock", ":2375", ":2376", "lookup docker on", "lookup docker:", "docker daemon", "error during connect",
				"postgres", "mysql", "redis", "mongo", "database", "sql:", "amqp", "kafka", "smtp",
				// ECS's ResourceInitializationError "unable to pull secrets
				// or registry auth: … unable to retrieve secret(s) from
				// asm|ssm: … context deadline exceeded" is a Secrets
				// Manager / Parameter Store fetch, not the registry.
				"unable to retrieve secret",
				// A BuildKit client's connection to its own builder daemon
				// (sig_buildkitconn.go), not to a registry.
				"failed to list workers",
				// CircleCI's no-output watchdog ("Too long with no output
				// (exceeded 10m0s): context deadline exceeded") ends a
				// silent step; it is not a request (sig_loginhang.go).
				"too long with no output"}, withoutGitRemote(withoutLogLevelFatal(gitLike))...),
			rank: func(h *hit, f *facts) []cand {
				if gitSideband(h.low) || terraformTool(h.low) {
					return nil // git's server message, Terraform's own request (fromremote.go)
				}
				if appWordContext(h, f) {
					return nil // "push"/"pull" in an application's own message (hostcontext.go)
				}
				if cs := schemeHostCands(h); cs != nil {
					return cs // sig_oddstatus.go: the host looked up is "oci", "https"
				}
				if desktopProxyRefusal(h.low) {
					return nil // Docker Desktop's own proxy: proxy-unreachable reads it (desktopproxy.go)
				}
				if reg, realm, ok := realmElsewhere(h); ok {
					return []cand{c("registry-fault", 0.74, fmt.Sprintf("The client reached the registry at %s, but the token realm the registry advertises is %s, which did not answer: the registry's configured external URL (Harbor externalURL, the token realm setting) names another address or port than the one clients use.", reg, realm)),
						c("registry-unreachable", 0.6, "")}
				}
				if helperRelaysNetError(h) {
					return []cand{c("registry-unreachable", 0.94, helperNetWhy(h))}
				}
				if addr := refusedDefaultHTTPS(h); addr != "" {
					return refusedDefaultHTTPSCands(addr) // sig_wraptail.go
				}
				return []cand{c("registry-unreachable", 0.85, "No registry answered: DNS, routing, firewall, proxy or the registry host is down."),
					c("registry-fault", 0.35, "")}
			},
		},
		&signature{
			id:   "registry-eof",
			keys: []string{": eof"},
			// The token request of a registry's challenge counts too
			// (containerd: `failed to fetch anonymous token: Get
			// "https://auth.docker.io/token?…": EOF`).
			re:   lazyRe(`https?://\S+(?:/v2/\S*|/token\?\S*)"?: EOF\s*$`),
			veto: []string{".dkr.ecr."},
			rank: func(h *hit, f *facts) []cand {
				if appV2Path(h.m[0]) {
					return nil // an application's own /v2/ API (appv2path.go)
				}
				return []cand{c("registry-fault", 0.6, "The connection to the registry closed without an answer (EOF): a proxy, load balancer or the registry dropped the request."),
					c("registry-unreachable", 0.55, ""), c("http-https-mismatch", 0.4, "")}
			},
		},
		&signature{
			id: "registry-malformed-response",
			// distribution's client when a registry (or a proxy before it)
			// answers a blob request without the Content-Length the API
			// requires (registry/client/repository.go).
			keys: []string{"missing content-length header"},
			re:   lazyRe(`missing content-length header for request: (\S+)`),
			rank: fixed(c("registry-fault", 0.74, "The registry (or a proxy or CDN in front of it) answered a blob request without the Content-Length header the registry API requires: a server-side fault, usually transient."),
				c("registry-unreachable", 0.4, "")),
		},
		&signature{
			id:   "blob-upload-unknown",
			keys: []string{"blob upload unknown", "blob_upload_unknown", "blob upload invalid", "blob_upload_invalid"},
			re:   lazyRe(`(?i)blob[ _]upload[ _](?:unknown|invalid)`),
			rank: func(h *hit, f *facts) []cand {
				if containsAny(h.low, uploadContentRefusals) {
					// The registry kept the session and checked what the
					// client sent: the bytes did not match the digest the
					// client named, or the client completed an upload it
					// sent no data to (ECR's BLOB_UPLOAD_INVALID texts).
					return []cand{c("client-bug", 0.7, "The registry refused to complete the blob upload because of what the client sent: the uploaded bytes do not match the digest the client named, or the upload was completed with no data (an empty blob, a chunk range started over). That is the client's upload logic (chunked uploads to ECR are a known weak spot); another client or release, or a monolithic upload, passes."),
						c("registry-fault", 0.45, "")}
				}
				return []cand{c("registry-fault", 0.7, "The registry lost the upload session between requests: typically several registry replicas behind a load balancer without shared storage or sticky sessions, or a proxy rewriting the upload Location."),
					c("client-bug", 0.35, "")}
			},
		},
		&signature{
			id: "token-realm-no-host",
			// Go's net/http refuses a URL without a host ("http: no Host in
			// request URL"). On a token request the URL is the realm the
			// registry advertised in its WWW-Authenticate challenge, so the
			// registry's own external URL setting is malformed
			// ("https:/HOST/service/token").
			keys: []string{"no host in request url"},
			re:   lazyRe(`http: no Host in request URL`),
			need: []string{"/v2/", "token", "push permission", "registry"},
			veto: gitLike,
			rank: func(h *hit, f *facts) []cand {
				if strings.Contains(h.low, "/token?") || strings.Contains(h.low, "service/token") || strings.Contains(h.low, "/oauth2/token") {
					return []cand{c("registry-fault", 0.74, "The token URL the client was sent to has no host: it is the realm the registry advertises in its WWW-Authenticate challenge, so the registry's external URL (Harbor externalURL, the token realm setting) is malformed."),
						c("invalid-reference", 0.35, "")}
				}
				return []cand{c("empty-reference-variable", 0.6, "The registry URL has no host: the image reference or registry setting expanded to an empty host (https:///v2/…)."),
					c("invalid-reference", 0.5, "")}
			},
		},
		&signature{
			id: "token-realm-bad-scheme",
			// Go's net/http refuses a URL whose scheme is not http or https:
			// `unsupported protocol scheme "X"` (net/http/transport.go). On
			// a token request the URL is the realm the registry advertised
			// in its WWW-Authenticate challenge, so a realm such as
			// "null://HOST/v2/token" is the registry's (or its proxy's)
			// malformed external URL, not the client's setting (regclient:
			// `failed to request auth token (post): Post "null://…/v2/token"`;
			// containerd: `failed to fetch oauth token: Post "…"`). Nexus
			// Repository 3.77.1 answered such a realm ("null://HOST/v2/token",
			// sonatype/nexus-public#580: 3.75 and 3.76 did not).
			keys: []string{"unsupported protocol scheme"},
			re:   lazyRe(`(?i)(?:Get|Post|Head) "?([a-z0-9+.-]*)://[^"\s]*"?: unsupported protocol scheme`),
			need: []string{"token"},
			veto: gitLike,
			rank: func(h *hit, f *facts) []cand {
				if !tokenRequestLine(h.low) {
					return nil // a URL the user or a tool wrote; the scheme error is theirs, not a registry's
				}
				return []cand{c("registry-fault", 0.74, fmt.Sprintf("The token URL the client was sent to has the scheme %q: it is the realm the registry advertises in its WWW-Authenticate challenge, so the registry's external URL (or the forwarded-protocol header its proxy passes) is malformed. A known server-side defect (Nexus Repository 3.77 answers a \"null\" scheme); the client cannot fix it.", h.m[1])),
					c("registry-unreachable", 0.3, "")}
			},
		},
		&signature{
			id:   "tls-handshake-refused",
			keys: []string{"tls: handshake failure", "tls: bad certificate", "tls: unknown certificate authority", "tls: certificate required"},
			re:   lazyRe(`remote error: tls: (?:handshake failure|bad certificate|unknown certificate authority|certificate required)`),
			need: registryContext,
			veto: gitLike,
			rank: func(h *hit, f *facts) []cand {
				if !tlsRegistryContext(h, f) || appWordContext(h, f) {
					return nil // its context word is inside a host name or an application's own (hostcontext.go)
				}
				return []cand{c("tls-untrusted", 0.7, "The registry refused the TLS handshake: it requires a client certificate (mTLS) or does not accept this client's TLS settings."),
					c("registry-unreachable", 0.4, "")}
			},
		},
		&signature{
			id: "docker-received-5xx",
			// docker's own push/pull status line, printed alone after its
			// "Retrying in N seconds" lines (distribution client:
			// "received unexpected HTTP status: 503 Service Unavailable"),
			// and the v1 form "Received HTTP code 502 while uploading layer".
			// A quote may double a space ("received  unexpected HTTP
			// status: 502"): "unexpected http status" is registry-5xx's
			// key, no new prefilter keyword.
			keys: []string{"received unexpected http status", "received http code", "unexpected http status"},
			re:   lazyRe(`(?i)(?:received\s+unexpected HTTP status: (5\d\d)|Received HTTP code (5\d\d) while)`),
			veto: append([]string{"twine", "pypi", "nuget", "npm"}, gitLike...),
			rank: func(h *hit, f *facts) []cand {
				if containsAny(h.low, []string{"unauthorized:", "denied:", "authentication required"}) {
					// The same message (kubelet's list of attempts) also holds
					// the registry's refusal of the credential: that lasts.
					return []cand{c("registry-fault", 0.5, "One attempt got a server error, but the same message also holds the registry's refusal of the credential, which a retry does not fix."), c("registry-unreachable", 0.3, "")}
				}
				return []cand{c("registry-fault", 0.8, "The registry (or a proxy in front of it) answered with a server error (5xx); nothing on the client side explains it. Retry, and check the registry's status and storage."),
					c("registry-unreachable", 0.35, "")}
			},
		},
		&signature{
			id: "registry-5xx",
			// containers/image before 2019 printed the bare status of a
			// blob/manifest GET: "Error reading blob sha256:…: Invalid
			// status code returned when fetching blob 502" (later releases
			// add "(Bad Gateway)").
			keys: []string{"unexpected http status", "unexpected status", "internal server error", "bad gateway", "service unavailable", "gateway time", "status code returned when fetching"},
			re:   lazyRe(`(?i)(?:received unexpected HTTP status: (5\d\d)|unexpected status(?: code)?(?: from \w+ request to \S+)?:? (5\d\d)|(5\d\d) \(?(?:Internal Server Error|Bad Gateway|Service Unavailable|Gateway Time-?out)|status code returned when fetching (?:blob|manifest) (5\d\d))`),
			need: []string{"/v2/", "token", "registry", "docker", "push", "pull", "manifest", "blob", "failed to solve", "jwt/auth", "login"},
			// "Server returned unexpected status code: N - MESSAGE" is a
			// generic HTTP-client wording that no registry client uses;
			// faas-cli prints the OpenFaaS gateway's answers so (gateway
			// list/login/describe: "… 500 - Error pulling metrics from
			// provider/backend"), a deploy API next to the push, not a registry.
			veto: append([]string{"twine", "pypi", "nuget", "npm", "server returned unexpected status code"}, gitLike...),
			rank: func(h *hit, f *facts) []cand {
				if containsAny(h.low, []string{"unauthorized:", "denied:", "authentication required"}) {
					// One message lists several attempts (kubelet's "[rpc error:
					// …, rpc error: …]", docker's endpoint fallbacks): a refusal
					// of the credential next to a server error is the lasting
					// answer; the 5xx was one attempt.
					return []cand{c("registry-fault", 0.5, "One attempt got a server error, but the same message also holds the registry's refusal of the credential, which a retry does not fix."), c("registry-unreachable", 0.3, "")}
				}
				cs := []cand{c("registry-fault", 0.78, "The registry (or its token service or proxy) answered with a server error; nothing on the client side explains it.")}
				if h.url.Realm && h.kind() == reghost.GitLab {
					cs = append(cs, c("insufficient-role", 0.45, ""))
				}
				return append(cs, c("registry-unreachable", 0.35, ""))
			},
		},
	)
}

// credsRealmRe is containers/image's login failure while fetching the token
// realm: `authenticating creds for "HOST[:PORT]": Get "https://REALMHOST/...token..."`.
var credsRealmRe = lazyRe(`authenticating creds for "([^"]+)": \w+ "https?://([^/"]+)/[^"]*token`)

// realmElsewhere reports the registry address and the token realm's host
// when a login's token request went to another host or port than the
// registry the client reached: the registry itself answered and sent the
// client to its realm, so a realm that cannot be reached is the
// registry's configuration (distribution token auth: the realm comes from
// the registry's WWW-Authenticate challenge).
func realmElsewhere(h *hit) (reg, realm string, ok bool) {
	if !strings.Contains(h.low, "authenticating creds for") {
		return internalRealm(h)
	}
	m := credsRealmRe.FindStringSubmatch(h.texts[0])
	if m == nil || strings.EqualFold(m[1], m[2]) {
		return "", "", false
	}
	return m[1], m[2], true
}

// nestedRealmRe is the docker daemon's (and containerd's) error chain for a
// token request that failed: `Get "https://HOST/v2/": Get
// "SCHEME://REALMHOST/PATH?…token…": ERROR` (quotes since Go 1.14).
var nestedRealmRe = lazyRe(`(?:Get|Head) "?(https?)://([^/"\s]+)/v2/[^"\s]*"?: (?:Get|Post) "?(https?)://([^/"\s]+)/[^"\s]*token`)

// internalRealm reports a registry reached over HTTPS whose token realm is
// a plain-HTTP URL (on any host) or another, single-label host name (a
// container or service name such as "gitea:3000"): an address only the
// registry's own network resolves, advertised because the registry's public URL setting (Gitea
// ROOT_URL, Harbor externalURL, GitLab registry realm) is wrong. Another
// public realm host (Docker Hub's auth.docker.io) is ordinary and stays
// a network failure.
func internalRealm(h *hit) (reg, realm string, ok bool) {
	if !strings.Contains(h.low, "token") {
		return "", "", false
	}
	if !strings.Contains(h.low, "/v2/") {
		return refRealm(h)
	}
	m := nestedRealmRe.FindStringSubmatch(h.texts[0])
	if m == nil {
		return refRealm(h)
	}
	regScheme, regHost, realmScheme, realmHost := m[1], m[2], m[3], m[4]
	name, _, _ := strings.Cut(realmHost, ":")
	if regScheme == "https" && realmScheme == "http" ||
		!strings.EqualFold(regHost, realmHost) && !strings.Contains(name, ".") && !strings.EqualFold(name, "localhost") ||
		realmMisplaced(regScheme, regHost, realmScheme, realmHost) { // sig_realmaddr.go
		return regHost, realmScheme + "://" + realmHost, true
	}
	return "", "", false
}

// refRealmRe is containerd's and BuildKit's error chain for a token request
// that failed, where the registry is known only from the image reference:
// `failed to resolve reference "HOST[:PORT]/REPO:TAG": failed to authorize:
// failed to fetch oauth token: Post "SCHEME://REALMHOST/PATH": ERROR`
// (BuildKit's push: `failed to push HOST/REPO:TAG: failed to authorize: …`;
// containerd core/remotes/docker/authorizer.go wraps the token fetch as
// "failed to fetch oauth token" / "failed to fetch anonymous token").
var refRealmRe = lazyRe(`(?i)(?:failed to resolve reference|failed to push) "?([a-z0-9][a-z0-9.-]*(?::\d+)?)/[^"\s]*"?: failed to authorize: failed to fetch (?:oauth|anonymous) token: (?:Get|Post) "?(https?)://([^/"\s?]+)`)

// refRealm reports the registry host of the image reference and the token
// realm's address when containerd or BuildKit names both (refRealmRe) and
// the realm is misplaced for that registry (realmMisplaced: same host on
// another port, loopback, docker's bridge). The registry's scheme is not
// in the message; a plain-HTTP realm is taken as a plain-HTTP registry
// (containerd speaks HTTP only to a registry configured so), so only the
// port, not the scheme, can tell a misplaced realm here.
func refRealm(h *hit) (reg, realm string, ok bool) {
	if !strings.Contains(h.low, "failed to authorize") {
		return "", "", false
	}
	m := refRealmRe.FindStringSubmatch(h.texts[0])
	if m == nil {
		return "", "", false
	}
	regHost, realmScheme, realmHost := m[1], strings.ToLower(m[2]), m[3]
	if !strings.ContainsAny(regHost, ".:") && !strings.EqualFold(regHost, "localhost") {
		return "", "", false // "library/nginx": no registry host in the reference
	}
	if realmMisplaced(realmScheme, regHost, realmScheme, realmHost) { // sig_realmaddr.go
		return regHost, realmScheme + "://" + realmHost, true
	}
	return "", "", false
}

// tokenRequestLine reports a client's wording for a request to a token
// realm: regclient's "auth token", containerd's "oauth token" / "anonymous
// token", or a realm path (/v2/token, /service/token, /token?).
func tokenRequestLine(low string) bool {
	return containsAny(low, []string{"auth token", "oauth token", "anonymous token", "/v2/token", "/service/token", "/token?", "/jwt/auth"})
}

// rankGcloudHelper reads the message of gcloud's docker credential helper:
// no account to take a token from, a refresh the identity provider refused,
// or the helper failing outright (its credential file gone: a later
// actions/checkout cleans the workspace google-github-actions/auth wrote it
// to).
func rankGcloudHelper(h *hit, f *facts) []cand {
	msg := strings.ToLower(h.m[1])
	switch {
	case containsAny(msg, []string{"do not currently have an active account", "no credentialed accounts"}):
		// The helper that docker's credHelpers/credsStore names ran and
		// failed (causes.md credential-store-error: "a helper that is
		// missing or failing"); docker stops there even for a public image
		// that needs no credential (pooled: h17e-012, h17e-013, h19f-011).
		return []cand{
			c("credential-store-error", 0.82, "gcloud's docker credential helper (set in credHelpers/credsStore by gcloud auth configure-docker) ran and failed because gcloud has no active account, and the client stops there, even for a public image: activate an account first (gcloud auth login, gcloud auth activate-service-account, google-github-actions/auth), or remove the helper entry for a registry that needs no credential."),
			c("no-login", 0.6, ""),
		}
	case strings.Contains(msg, "unable to acquire impersonated credentials") &&
		containsAny(msg, []string{"permission_denied", "does not have permission", "iam.serviceaccounts.getaccesstoken", "403"}):
		// google-auth's impersonated credentials ("Unable to acquire
		// impersonated credentials", google/auth/impersonated_credentials.py)
		// call the IAM Credentials API's generateAccessToken; its 403
		// PERMISSION_DENIED means the source identity (a Workload Identity
		// Federation principal, another service account) may not mint tokens
		// for the target service account: it lacks
		// iam.serviceAccounts.getAccessToken (roles/iam.workloadIdentityUser
		// or roles/iam.serviceAccountTokenCreator on that account;
		// https://cloud.google.com/iam/docs/service-account-impersonation).
		// Nothing expired: an IAM binding is missing.
		return []cand{
			c("cloud-iam-denied", 0.82, "gcloud's docker credential helper could not mint an access token: impersonating the service account was refused (403 PERMISSION_DENIED from the IAM Credentials API), so docker sent no usable credential. Grant the identity that runs the job roles/iam.workloadIdentityUser (Workload Identity Federation) or roles/iam.serviceAccountTokenCreator on the service account it impersonates."),
			c("credential-store-error", 0.5, ""),
			c("token-expired", 0.4, ""),
		}
	case containsAny(msg, []string{"refreshing your current auth tokens", "reauthentication", "invalid_grant", "expired"}):
		return []cand{
			c("token-expired", 0.75, "gcloud's docker credential helper could not refresh the account's token: the credential it holds has expired or was revoked."),
			c("credential-store-error", 0.5, ""),
			c("bad-credentials", 0.4, ""),
		}
	}
	why := "gcloud's docker credential helper (configured by gcloud auth configure-docker) failed, so docker sent no credential."
	if strings.Contains(msg, "credential file") {
		why = "gcloud's docker credential helper could not read the credential file it was pointed at; a step after google-github-actions/auth removed it (actions/checkout cleans the workspace, where the file is written by default)."
	}
	return []cand{
		c("credential-store-error", 0.86, why),
		c("no-login", 0.42, ""),
		c("token-expired", 0.35, ""),
	}
}

// uploadContentRefusals are a registry's reasons for refusing to complete a
// blob upload it still holds, because of the bytes the client sent (ECR:
// "None of the provided layer digests match the calculated layer digest",
// "cannot be completed because it does not have any parts", "First byte of
// the layer part ..."; distribution's "digest did not match").
var uploadContentRefusals = []string{"layer digests match", "does not have any parts", "first byte of the layer part", "digest did not match"}
