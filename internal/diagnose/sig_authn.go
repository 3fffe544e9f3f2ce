package diagnose

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/regdoctor/regdoctor/internal/finding"
	"github.com/regdoctor/regdoctor/internal/reghost"
)

// Authentication signatures: no credential, an empty one, a wrong, expired or
// password-instead-of-token one. Message grammar from docker/cli (login.go,
// registry/auth.go), docker/login-action (src/docker.ts), containers/image
// (docker/docker_client.go), go-containerregistry (transport/error.go) and the
// registries' token servers (shared/domain/registries.md).

// whyECRHostKey says why a login for another ECR host does not cover this
// one: docker keys credentials by host, and an ECR host names one account
// and one region (https://docs.aws.amazon.com/AmazonECR/latest/userguide/registry_auth.html).
const whyECRHostKey = "ECR credentials are per account and region host: a login for another account id or region leaves this host without one."

func init() { sigGroups = append(sigGroups, sigsAuthn) }

func sigsAuthn() {
	register(
		&signature{
			id: "login-action-empty-input",
			// docker/login-action (src/docker.ts loginStandard) and the
			// runner's required-input check; mr-smithers-excellent/docker-build-push
			// (src/docker.ts login) says "Must supply Docker registry
			// credentials to push image!" when its username or password input
			// is empty and the registry is not ECR.
			keys: []string{"username and password required", "username required", "password required", "input required and not supplied", "must supply docker registry credentials"},
			re:   lazyRe(`(?i)(?:Username and password required|Error: (?:Username|Password) required|Input required and not supplied: (?:username|password)|Must supply Docker registry credentials to push image)`),
			rank: rankEmptyCredential,
			tell: tellEmptyCredential,
		},
		&signature{
			id: "docker-login-no-tty",
			// nerdctl's own words: "stdin is not a terminal (Hint: use
			// `nerdctl login --username=USERNAME --password-stdin`)".
			keys: []string{"cannot perform an interactive login", "must provide --username", "flag needs an argument: 'u'", "flag needs an argument: 'p'", "flag needs an argument: -u", "flag needs an argument: -p", "stdin is not a terminal (hint: use"},
			re:   lazyRe(`(?i)(?:Cannot perform an interactive login from a non TTY device|Must provide --username with --password-stdin|flag needs an argument: '?-?[up]'?|stdin is not a terminal \(Hint: use .nerdctl login)`),
			rank: rankEmptyCredential,
			tell: tellEmptyCredential,
		},
		&signature{
			id: "runner-container-login",
			// The GitHub Actions runner logs in for a job or service
			// container's credentials: before any step, with its own docker
			// config (actions/runner ContainerOperationProvider: "Docker login
			// for '{RegistryServer}' failed with exit code {N}"). The server is
			// the image's registry host, '' for a name without one (Docker
			// Hub, or a registry part that expanded to empty).
			keys: []string{"docker login for '"},
			re:   lazyRe(`Docker login for '([^']*)' failed with exit code (\d+)`),
			rank: rankRunnerContainerLogin,
			tell: tellEmptyCredential,
		},
		&signature{
			id: "docker-login-prompt-eof",
			// containers/common's login reads the password with
			// term.ReadPassword, which fails without a terminal as
			// "reading password: inappropriate ioctl for device" (ENOTTY);
			// helm's registry login prints its "Username: " prompt, then
			// "Error: EOF" when stdin is empty.
			keys: []string{"please login prior to", "username: eof", "username: error: eof", "reading password: inappropriate ioctl"},
			re:   lazyRe(`(?i)(?:Please login prior to (?:push|pull)|Username: (?:Error: )?EOF|reading password: inappropriate ioctl for device)`),
			rank: rankPromptEOF, // sig_credmangle.go
			tell: tellUnauthenticated,
		},
		&signature{
			id:   "no-basic-auth-credentials",
			keys: []string{"no basic auth credentials"},
			re:   lazyRe(`no basic auth credentials`),
			rank: rankNoBasicAuth,
			tell: tellUnauthenticated,
		},
		&signature{
			id: "token-response-html",
			// The token endpoint answered with a web page (an SSO or proxy
			// login page, a misrouted realm): containerd/oras "failed to fetch
			// oauth token: unable to decode token response: invalid character
			// '<' looking for beginning of value".
			// go-containerregistry (kaniko, crane, ko) says it as
			// "GET https://HOST/users/sign_in: unexpected status code 200 OK:
			// <!DOCTYPE html>": the realm redirected to a web sign-in page
			// (a self-hosted GitLab whose registry auth URL is misrouted).
			keys: []string{"unable to decode token response", "unexpected status code 200 ok: <"},
			re:   lazyRe(`(?i)(?:unable to decode token response: invalid character '<'|unexpected status code 200 OK: <)`),
			need: []string{"token", "push permission", "/v2/", "registry", "sign_in", "login"},
			veto: gitLike,
			rank: fixed(c("registry-fault", 0.7, "The registry's token endpoint answered with an HTML page instead of a token: the realm it advertises is served by a web front end (SSO or proxy login page), a registry-side configuration fault."),
				c("bad-credentials", 0.4, ""), c("registry-unreachable", 0.35, "")),
		},
		&signature{
			id: "drone-docker-login-failed",
			// Drone's docker plugin (drone-plugins/drone-docker) runs docker
			// login with PLUGIN_REGISTRY (Docker Hub when unset) and hides
			// docker's own message: msg="Error authenticating: exit status N".
			keys: []string{"error authenticating: exit status"},
			re:   lazyRe(`Error authenticating: exit status (\d+)`),
			rank: rankPluginLoginExit,
			tell: tellBadCredential,
		},
		&signature{
			id: "login-email-prompt-eof",
			// docker login before 1.11 prompted for an e-mail; in a job
			// without a terminal or an e-mail setting the prompt reads end
			// of input ("Email: EOF").
			keys: []string{"email: eof"},
			re:   lazyRe(`(?m)^\s*Email: EOF`),
			rank: fixed(c("empty-credential", 0.6, "docker login asked for an e-mail address (docker before 1.11) and read end of input: no e-mail was configured and the job has no terminal."),
				c("client-bug", 0.56, "Clients that wrap docker login without passing an e-mail (old CI plugins) fail this way with registries that need none; newer releases make it optional.")),
			tell: tellBadCredential,
		},
		&signature{
			id: "unauthorized-authentication-required",
			// docker-java (Gradle and Maven docker plugins) relays docker
			// 1.x's answer as "Error pushing to registry: Authentication is
			// required." Replicate's registry (r8.im) words a request
			// without a credential "unauthorized: not authenticated: No
			// valid credential was supplied." (replicate/cog#992, #1844).
			keys: []string{"authentication required", "authentication is required", "unauthorized: not authenticated"},
			re:   lazyRe(`(?i)(?:unauthorized:\s*"?authentication required|UNAUTHORIZED: "?authentication required|error pushing to registry: authentication is required|\bunknown: "?authentication is required|unauthorized: not authenticated\b)`),
			veto: []string{"proxy authentication required", "aka.ms/acr"},
			rank: rankUnauthenticated,
			tell: tellUnauthenticated,
		},
		&signature{
			id:   "anonymous-not-permitted",
			keys: []string{"anonymous"},
			re:   lazyRe(`(?i)(?:DENIED|denied|unauthorized|UNAUTHORIZED): Anonymous (?:is not permitted|access|user)`),
			rank: fixed(c("no-login", 0.88, "The registry says the request was anonymous: no credential reached the client."),
				c("login-other-job", 0.5, ""), c("login-wrong-host", 0.45, "")),
			tell: tellUnauthenticated,
		},
		&signature{
			id:   "incorrect-credentials",
			keys: []string{"incorrect username or password", "wrong login/password", "invalid username/password", "invalid username or password", "authentication failed for user", "unauthorized: bad credentials", "incorrect username or access token"},
			re:   lazyRe(`(?i)(?:incorrect username or (?:password|access token)|Wrong login/password|invalid username(?:/| or )password|unauthorized: bad credentials)`),
			// Yandex Container Registry's "Password is invalid - must be …"
			// names the credential type it wanted (sig_yandexcr.go).
			veto: append([]string{"github.com/rest", "password is invalid - must be"}, gitLike...),
			rank: func(h *hit, f *facts) []cand {
				if cs := redHatOpenRegistryRefusal(h); cs != nil {
					return cs
				}
				if strings.Contains(h.low, "please login") || strings.Contains(h.low, "please log in") {
					// containers/image's "invalid username/password" wraps any
					// 401 of the token server; the registry's own text asking
					// for a login means no credential was sent.
					return []cand{c("no-login", 0.72, "The registry's own answer asks for a login: the token request carried no credential for it (containers/image words every 401 of a token server as \"invalid username/password\")."),
						c("bad-credentials", 0.55, ""), c("login-other-job", 0.45, "")}
				}
				if cs := ghcrTokenRefusedAnonymous(h, f); cs != nil {
					return cs
				}
				if cs := containersTokenRefusedNoLogin(h, f); cs != nil {
					return cs
				}
				cs := []cand{c("bad-credentials", 0.88, "The registry rejected the username and password or token it was given.")}
				if h.kind() == reghost.Distribution {
					// A self-hosted token registry: containers/image prints
					// this for any 401 at login, including a token the
					// registry refused for its validity period (distribution
					// sends only error="invalid_token").
					return append(cs, c("token-expired", 0.42, ""), c("clock-skew", 0.38, ""))
				}
				return append(cs, c("password-not-token", 0.45, ""), c("token-expired", 0.4, ""))
			},
			tell: tellBadCredential,
		},
		&signature{
			id:   "gitlab-http-basic-denied",
			keys: []string{"http basic: access denied"},
			re:   lazyRe(`HTTP Basic: Access denied`),
			veto: []string{"remote: http basic", "fatal: authentication failed", "git fetch", "git clone", ".git/"},
			rank: rankGitLabBasic,
			tell: tellBadCredential,
		},
		&signature{
			id:   "password-instead-of-token",
			keys: []string{"personal access token to login", "use personal access token", "2fa", "two-factor", "sso is enforced", "saml sso", "single sign-on"},
			re:   lazyRe(`(?i)(?:please use (?:a )?personal access token|two-factor|\b2FA\b|SSO is enforced|SAML SSO|single sign-on)`),
			need: []string{"unauthorized", "denied", "login", "registry", "docker", "/v2/", "token"},
			// GitLab's "HTTP Basic: Access denied" always carries a 2FA hint,
			// whatever the credential problem: gitlab-http-basic-denied ranks it.
			veto: []string{"remote:", "fatal:", "http basic: access denied"},
			rank: fixed(c("password-not-token", 0.9, "The registry requires an access token for this account (2FA or SSO), not the account password."),
				c("bad-credentials", 0.5, "")),
			tell: tellBadCredential,
		},
		&signature{
			id:   "token-expired",
			keys: []string{"expired"},
			re:   lazyRe(`(?i)(?:authorization token has expired|token (?:is|has) expired|access token is expired|token expired|ExpiredToken|expired token|credentials? (?:have|has) expired)`),
			need: []string{"unauthorized", "denied", "registry", "docker", "/v2/", "login", "ecr", "reauthenticate", "pull", "push", "ghcr"},
			veto: append([]string{"certificate has expired", "x509", "kubectl", "kubeconfig", "vault"}, withoutLogLevelFatal(gitLike)...),
			rank: fixed(c("token-expired", 0.93, "The registry says the credential has expired."),
				c("clock-skew", 0.35, "")),
		},
		&signature{
			id:   "token-not-yet-valid",
			keys: []string{"used before issued", "not valid yet", "token not yet valid", "\"nbf\"", "\"iat\""},
			re:   lazyRe(`(?i)(?:token used before issued|not valid yet|token not yet valid|"nbf"|"iat")`),
			need: []string{"token", "unauthorized", "denied"},
			rank: fixed(c("clock-skew", 0.9, "The token is not valid yet from the registry's point of view: the runner's clock is off."),
				c("token-expired", 0.4, "")),
		},
		&signature{
			id: "login-attempt-status",
			// docker's (and clients built on its registry package: Flux,
			// Helm 2) login check of GET /v2/ with the credential
			// (registry/auth.go: "login attempt to URL failed with status:
			// NNN TEXT"). 429 is left to rate-limited.
			keys: []string{"login attempt to"},
			re:   lazyRe(`login attempt to (\S+) failed with status: (\d{3})`),
			veto: []string{"429"},
			rank: rankLoginAttempt,
			tell: tellBadCredential,
		},
		&signature{
			id:   "ghcr-unauthenticated-token",
			keys: []string{"cannot be authenticated with the token provided"},
			re:   lazyRe(`(?i)(?:unauthenticated: )?User cannot be authenticated with the token provided`),
			rank: rankTokenNotAccepted,
			tell: tellBadCredential,
		},
		&signature{
			id:   "login-ping-rejected",
			keys: []string{"/v2/\": unauthorized", "/v2/\": denied", "/v2/: unauthorized", "/v2/: denied", "/v2/\": forbidden", "/v2/: forbidden"},
			re:   lazyRe(`https?://\S+/v2/"?: (?:unauthorized|denied|forbidden)\s*$`),
			rank: func(h *hit, f *facts) []cand {
				if strings.Contains(h.low, "unauthorized") {
					if cs := pingRefusedWithoutLogin(h, f, ""); cs != nil {
						return cs // sig_loginping.go
					}
				}
				return []cand{c("bad-credentials", 0.66, "The registry refused the credential at the login check (GET /v2/) without saying why."),
					c("token-expired", 0.58, ""), c("token-missing-scope", 0.4, "")}
			},
			tell: tellBadCredential,
		},
		&signature{
			id:   "ghcr-denied-denied",
			keys: []string{"denied: denied"},
			re:   lazyRe(`denied: denied\b`),
			rank: func(h *hit, f *facts) []cand {
				switch h.kind() {
				case reghost.DockerHub, reghost.ECR, reghost.ECRPublic, reghost.GAR, reghost.ACR, reghost.Quay, reghost.GitLab, reghost.Harbor:
					// The doubled code is GHCR's (and GitHub Enterprise's)
					// answer; another registry's "denied: denied: …" is its
					// own message (gcr-project-deleted reads Container
					// Registry's).
					return nil
				}
				if state, l := f.loginState(h.line(), h.host); state == "same" && l.OK && l.Host != "" && (h.op == opPull || isManifestRead(h)) {
					// A login for ghcr.io succeeded before this read, so
					// the token was valid: the read was refused for the
					// package (ghcrpull.go).
					if cs := deniedPullAfterLogin(h, f, l); cs != nil {
						return cs
					}
				}
				return []cand{c("token-expired", 0.62, "GHCR answers a revoked or expired personal access token with a bare \"denied: denied\"."),
					c("bad-credentials", 0.56, ""), c("token-missing-scope", 0.4, "")}
			},
			tell: tellBadCredential,
		},
		&signature{
			id:   "containers-auth-token",
			keys: []string{"unable to retrieve auth token"},
			re:   lazyRe(`unable to retrieve auth token: (?:invalid username/password|.*)`),
			veto: []string{"password is invalid - must be"}, // sig_yandexcr.go
			rank: func(h *hit, f *facts) []cand {
				if cs := redHatOpenRegistryRefusal(h); cs != nil {
					return cs
				}
				if strings.Contains(h.low, "please login") || strings.Contains(h.low, "please log in") {
					// containers/image says "invalid username/password" for
					// any 401 of the token server; the registry's own text
					// asks for a login (registry.redhat.io: "Please login to
					// the Red Hat Registry"): no credential reached it.
					return []cand{c("no-login", 0.72, "The registry's own answer asks for a login: the token request carried no credential for it (containers/image words every 401 of a token server as \"invalid username/password\")."),
						c("bad-credentials", 0.55, ""), c("login-other-job", 0.45, "")}
				}
				if cs := ghcrTokenRefusedAnonymous(h, f); cs != nil {
					return cs
				}
				if cs := containersTokenRefusedNoLogin(h, f); cs != nil {
					return cs
				}
				return []cand{c("bad-credentials", 0.8, "The token server refused the username and password (containers/image could not get a token)."),
					c("token-expired", 0.45, ""), c("password-not-token", 0.4, "")}
			},
			tell: tellBadCredential,
		},
		&signature{
			id: "containers-bearer-token",
			// containers/image (podman, buildah, skopeo) when the token
			// endpoint of the bearer challenge refuses the request
			// (docker/docker_client.go: "requesting bearer token: invalid
			// status code from registry 403 (Forbidden)"; older releases
			// capitalise "Requesting" and spell it "Requesting bear token",
			// still the wording of podman 4/5 and buildah 1.3x). The host is
			// not on the line.
			keys: []string{"requesting bear"},
			re:   lazyRe(`(?i)requesting bear(?:er)? token: (?:invalid status code from registry (\d{3})|.*?\b([45]\d\d)\b)`),
			rank: rankBearerToken,
			tell: tellBadCredential,
		},
		&signature{
			id:   "oauth-token-rejected",
			keys: []string{"failed to fetch oauth token", "failed to fetch anonymous token"},
			re:   lazyRe(`failed to fetch (oauth|anonymous) token: unexpected status(?: from \w+ request to (\S+))?:?\s*(\d{3})?`),
			veto: []string{"insufficient scopes", "toomanyrequests", "429"},
			rank: rankTokenFetch,
			tell: tellUnauthenticated,
		},
		&signature{
			id:   "jib-unauthorized",
			keys: []string{"unauthorized for", "credentials for '"},
			// python-requests' HTTPError ("401 Client Error: Unauthorized
			// for url: URL") is another tool's answer; jib names an image.
			veto: []string{"unauthorized for url"},
			// A console that wraps at a fixed width cuts the quoted name
			// ("… credentials for 'demo:0.0.1-SNAP" / "SHOT' are set up
			// correctly."): the name is read to the line's end.
			re: lazyRe(`(?:Unauthorized for (\S+)|perhaps you should make sure your credentials for '([^']+)(?:' are set up correctly|$))`),
			rank: func(h *hit, f *facts) []cand {
				if h.ref.Repo == "" {
					// jib names the target image (registry/repository)
					// itself; jib 0.9 names only the registry host in
					// its hint ("credentials for 'registry.example.com'"),
					// and the image follows in "Unauthorized for".
					name := h.m[1] + h.m[2]
					if h.m[2] != "" && !strings.Contains(name, "/") && reghost.LooksLikeHost(name) {
						if m := jibUnauthorizedFor.FindStringSubmatch(h.texts[len(h.texts)-1]); m != nil {
							name = m[1]
						}
					}
					h.ref = parseRef(name)
					h.host = orSome(h.host, reghost.Normalize(h.ref.Host))
				}
				if cs := jibBareTargetCands(h); cs != nil {
					return cs // sig_buildplugins.go
				}
				return rankUnauthenticated(h, f)
			},
			tell: tellUnauthenticated,
		},
		&signature{
			id: "jib-auth-failed",
			// jib's RegistryAuthenticationFailedException: the token request
			// of the registry's bearer challenge was refused ("Failed to
			// authenticate with registry HOST/REPO because: 403 Forbidden").
			keys: []string{"failed to authenticate with registry"},
			re:   lazyRe(`Failed to authenticate with registry (\S+) because: (\d{3})`),
			rank: func(h *hit, f *facts) []cand {
				if h.ref.Repo == "" {
					h.ref = parseRef(h.m[1])
					h.host = orSome(h.host, reghost.Normalize(h.ref.Host))
				}
				switch {
				case h.m[2] == "403":
					return rank403(h, f)
				case strings.HasPrefix(h.m[2], "5"):
					return []cand{c("registry-fault", 0.8, "The token service answered with a server error."), c("registry-unreachable", 0.4, "")}
				}
				return rankUnauthenticated(h, f)
			},
			tell: tellUnauthenticated,
		},
		&signature{
			id: "bare-unauthorized",
			// A client that prints the registry's status text alone after
			// its own wrapper: regctl ("failed to send blob post, ref REF:
			// unauthorized", "failed to ping registry HOST: unauthorized"),
			// docker/buildx on GHCR (`Head "https://ghcr.io/v2/NAME/manifests/TAG":
			// unauthorized`). regctl adds "no credentials available" when
			// it had no credential to send. The docker daemon passes the
			// bare code on with no request at all ("Error response from
			// daemon: unauthorized", GHCR refusing a private package), like
			// its bare "denied" (bare-denied).
			generic: true,
			keys:    []string{": unauthorized"},
			// A structured logger quotes the error (regsync: err="failed to
			// send blob post, ref REF: unauthorized").
			// docker-py closes its APIError explanation with a parenthesis:
			// Internal Server Error ("Head "https://…/manifests/TAG": unauthorized"),
			// aiodocker the repr of its DockerError in single quotes:
			// DockerError(401, 'Head "https://…/manifests/TAG": unauthorized')
			// (aio-libs/aiodocker, aiodocker/exceptions.py __repr__).
			// go-containerregistry (ko, crane, goreleaser's kos) prints a
			// diagnostic as "CODE: MESSAGE", so a registry's UNAUTHORIZED
			// with an empty message ends the line in "UNAUTHORIZED: " (ko
			// publishing through a token endpoint: `GET https://HOST/v2/token?scope=…: UNAUTHORIZED: `).
			re:   lazyRe(`(?i)(?:no credentials available: )?unauthorized:?["']?\)?\s*$`),
			need: []string{"/v2/", ", ref ", "ping registry", "manifests/", "blobs/", "blob post", "blob put", "manifest put", "from daemon"},
			veto: append([]string{"authentication required"}, gitLike...),
			rank: rankBareUnauthorized,
			tell: tellUnauthenticated,
		},
		&signature{
			id:   "basic-credential-not-found",
			keys: []string{"basic credential not found", "no credentials available"},
			// oras (oras-go auth: "basic credential not found"), regctl.
			re: lazyRe(`(?i)(?:basic credential not found|no credentials available)`),
			rank: func(h *hit, f *facts) []cand {
				state, l := f.loginState(h.line(), h.host)
				if state == "other" {
					return []cand{c("login-wrong-host", 0.85, fmt.Sprintf("The client found no stored credential for %s; the login at line %d was for %s.", hostName(h.host), l.Line, l.Host), loginEv(l)),
						c("no-login", 0.5, "")}
				}
				return []cand{
					c("no-login", 0.85, fmt.Sprintf("The client says it has no stored credential for %s: no login for that host ran before this (or it wrote another config file).", hostName(h.host))),
					c("login-other-job", 0.45, ""),
					c("credential-store-error", 0.4, ""),
				}
			},
			tell: tellUnauthenticated,
		},
		&signature{
			id:   "client-cannot-answer-challenge",
			keys: []string{"cannot respond to request for authentication"},
			re:   lazyRe(`Cannot respond to request for authentication`),
			rank: fixed(c("client-bug", 0.62, "The client itself says it cannot answer the registry's authentication challenge: a limitation or defect of this client version, not of the credential."),
				c("no-login", 0.5, ""), c("bad-credentials", 0.4, "")),
		},
		&signature{
			id: "cloud-login-credentials",
			keys: []string{"unable to locate credentials", "could not load credentials from any providers", "security token included in the request is invalid",
				"invalidclienttokenid", "unrecognizedclientexception", "invalid clientid or client secret", "application not registered with aad", "aadsts",
				"the security token included in the request is expired"},
			re: lazyRe(`(?i)(Unable to locate credentials|Could not load credentials from any providers|security token included in the request is (invalid|expired)|InvalidClientTokenId|UnrecognizedClientException|Invalid clientid or client secret|Application not registered with AAD|AADSTS\d+)`),
			// GetAuthorizationToken: ECR's token call, as AWS names it in
			// "(UnrecognizedClientException) when calling the
			// GetAuthorizationToken operation" with no other registry word.
			need: []string{"ecr", "acr", "azurecr", "docker", "registry", "login", "get-login-password", "getauthorizationtoken"},
			rank: func(h *hit, f *facts) []cand {
				if strings.Contains(h.low, "aadsts") && !azureRegistrySeen(h, f) {
					return nil // an Entra ID sign-in of az, ARM or AKS, not a registry's credential (otherci.go)
				}
				switch low := h.low; {
				case strings.Contains(low, "aadsts700024"), strings.Contains(low, "client assertion is not within its valid time range"):
					// Entra ID refuses a federated client assertion (the CI's
					// OIDC token azure/login hands to az) past its lifetime:
					// az cannot renew it later in a long job
					// (learn.microsoft.com/entra/identity-platform/reference-error-codes,
					// Azure/login#180).
					return []cand{c("token-expired", 0.84, "The job's OIDC token that az signed in with (a federated client assertion, valid minutes) had expired when az needed a new registry token later in the job: run azure/login again (or fetch a fresh token) right before az acr login or the registry work."),
						c("clock-skew", 0.35, "")}
				case strings.Contains(low, "no matching federated identity record"):
					// AADSTS70021/700211/700213/7002138: no federated
					// credential of the app or managed identity matches the
					// token's issuer, subject or audience (matched
					// case-sensitively since 2025, Azure/login#517).
					return []cand{c("cloud-iam-denied", 0.82, "No federated credential on the Entra app or managed identity matches this job's OIDC token (issuer, subject such as repo:OWNER/REPO:environment:NAME or :pull_request, audience): add one with the exact subject the error shows, then log in to the registry again."),
						c("bad-credentials", 0.4, "")}
				case strings.Contains(low, "expired") || strings.Contains(low, "aadsts7000222"):
					return []cand{c("token-expired", 0.85, "The cloud credential used to get a registry token has expired."), c("bad-credentials", 0.5, "")}
				case strings.Contains(low, "unable to locate credentials") || strings.Contains(low, "could not load credentials"):
					return []cand{c("empty-credential", 0.75, "No cloud credential reached the step that fetches the registry token: the access key or role inputs are empty or missing."),
						c("fork-pr-readonly", 0.4, ""), c("no-login", 0.4, "")}
				}
				return []cand{c("bad-credentials", 0.82, "The cloud credential used to get a registry token is wrong or revoked (key id, secret or service principal)."),
					c("token-expired", 0.45, "")}
			},
			tell: tellBadCredential,
		},
		&signature{
			id:   "dependency-proxy",
			keys: []string{"dependency_proxy", "dependency-proxy"},
			re:   lazyRe(`(?i)dependency[_-]proxy.*(?:401|403|unauthorized|denied|forbidden|authentication required)|(?:401|403|unauthorized|denied|forbidden|authentication required).*dependency[_-]proxy`),
			rank: fixed(c("dependency-proxy-auth", 0.88, "The image comes through the GitLab dependency proxy, which needs a login with CI_DEPENDENCY_PROXY_USER/PASSWORD to CI_DEPENDENCY_PROXY_SERVER."),
				c("no-login", 0.45, "")),
		},
	)
}

var statusCodeRe = lazyRe(`\b([45]\d\d)\b`)

func rankEmptyCredential(h *hit, f *facts) []cand {
	withBlock := f.loginActionLine > 0 && len(f.loginInputs) > 0
	_, hasUser := f.loginInputs["username"]
	_, hasPwd := f.loginInputs["password"]
	why := "The login got an empty username or password: the secret or variable it names is undefined, misspelt, or not passed to this job."
	if withBlock && (!hasUser || !hasPwd) {
		why = "The login step's inputs show no username/password: the secrets they reference expanded to empty."
	}
	if f.prOrFork() {
		return []cand{
			c("fork-pr-readonly", 0.85, "The run comes from a pull request from a fork or Dependabot, where repository secrets are not passed, so they expand to empty."),
			c("empty-credential", 0.6, why),
		}
	}
	return []cand{
		c("empty-credential", 0.72, why),
		c("fork-pr-readonly", 0.55, ""),
	}
}

func tellEmptyCredential(h *hit, f *facts) string {
	switch f.secretSource {
	case "Actions":
		return "The job's \"Set up job\" group shows Secret source: Actions, so secrets reached this run: the secret or variable names the login uses are undefined, misspelt or scoped to an environment the job does not name (empty-credential)."
	case "None":
		return "The job's \"Set up job\" group shows Secret source: None: a pull request from a fork gets no secrets, so the login inputs are empty (fork-pr-readonly)."
	case "Dependabot":
		return "Secret source: Dependabot: Dependabot runs read only Dependabot secrets; add the registry secret there (fork-pr-readonly's Dependabot case)."
	}
	return "Check the run's event: a pull_request from a fork (or a Dependabot run) gets no secrets, so only pushes and same-repository PRs can log in (fork-pr-readonly); " +
		"if the run is a push, the secret names in the login step are undefined, misspelt, environment-scoped or not passed to a reusable workflow (empty-credential)."
}

func tellBadCredential(h *hit, f *facts) string {
	return "A credential that never worked is wrong (bad-credentials) or an account password where a token is required (password-not-token); " +
		"one that worked until recently has expired or was revoked (token-expired)."
}

func rankNoBasicAuth(h *hit, f *facts) []cand {
	state, l := f.loginState(h.line(), h.host)
	if state == "none" || (state == "same" && l.Host == "") {
		if h.kind() == reghost.ECR {
			// ECR credentials are keyed by the account and region in the host
			// (ACCOUNT.dkr.ecr.REGION.amazonaws.com): a login for another
			// region or account leaves this host without one.
			if region := ecrRegion(h.host); region != "" {
				for _, r := range f.awsRegions {
					if r.region != region && r.line < h.line() {
						return []cand{
							c("login-wrong-host", 0.82, fmt.Sprintf("The ECR login used region %s (line %d), but the image is in %s: ECR credentials are per account and region host.", r.region, r.line, region),
								finding.Evidence{Line: r.line, Text: fmt.Sprintf("(AWS region %s)", r.region)}),
							c("no-login", 0.55, ""),
							c("credential-store-error", 0.4, ""),
						}
					}
				}
			}
			if cs := ecrGetLoginOtherAccount(h, f); cs != nil {
				return cs // ecrgetlogin.go
			}
		}
	}
	switch state {
	case "other":
		if h.kind() == reghost.ECR && l.Host == "docker.io" && f.ecrGetLoginAt(l.Line) {
			// The "Login Succeeded" of get-login's own docker login, which
			// names no host in the log (ecrgetlogin.go).
			if cs := ecrGetLoginOtherAccount(h, f); cs != nil {
				return cs
			}
		}
		return []cand{
			c("login-wrong-host", 0.87, fmt.Sprintf("The login ran for %s (line %d), but docker looked up credentials for %s: the host strings differ.", l.Host, l.Line, hostName(h.host)), loginEv(l)),
			c("no-login", 0.5, ""),
			c("credential-store-error", 0.4, ""),
		}
	case "same":
		return []cand{
			c("login-other-job", 0.6, "A login appears in the log, but the client that pushed did not read its credential: another job, container, builder or config file."),
			c("credential-store-error", 0.58, "", loginEv(l)),
			c("login-wrong-host", 0.45, ""),
		}
	}
	if f.credHelper {
		return []cand{
			c("credential-store-error", 0.7, "A credential helper is configured (credsStore/credHelpers); docker sends no credential when the helper is missing from PATH or fails, and prints only this line."),
			c("no-login", 0.62, "No login for this registry appears before the failure."),
			c("login-other-job", 0.4, ""),
		}
	}
	if runnerPull(h) {
		// The runner's own pull of the job image: DOCKER_AUTH_CONFIG, not
		// a login in the script, is what carries the credential.
		if h.kind() == reghost.ECR {
			return []cand{
				c("no-login", 0.72, fmt.Sprintf(runnerAuthConfigWhy, hostName(h.host))),
				c("credential-store-error", 0.68, runnerECRHelperWhy),
				c("login-wrong-host", 0.45, whyECRHostKey),
			}
		}
		return []cand{
			c("no-login", 0.78, fmt.Sprintf(runnerAuthConfigWhy, hostName(h.host))),
			c("login-wrong-host", 0.45, ""),
			c("credential-store-error", 0.4, ""),
		}
	}
	if h.kind() == reghost.ECR && !f.fullLog() {
		if cs := ecrBaseImageNoLogin(h, f); cs != nil {
			return cs // ecrbase.go
		}
		// An excerpt: ECR is most often reached through
		// docker-credential-ecr-login, which fails silently.
		return []cand{
			c("credential-store-error", 0.66, "ECR is usually reached through a credential helper (docker-credential-ecr-login); docker sends no credential when the helper is missing from PATH or fails, and prints only this line."),
			c("no-login", 0.62, "No login for this registry appears before the failure."),
			c("login-wrong-host", 0.5, whyECRHostKey),
		}
	}
	if h.kind() == reghost.ECR {
		return []cand{
			c("no-login", 0.75, fmt.Sprintf("docker has no credential stored for %s: no ECR login for that host ran before this.", hostName(h.host))),
			c("login-wrong-host", 0.5, whyECRHostKey),
			c("credential-store-error", 0.45, ""),
		}
	}
	return []cand{
		c("no-login", 0.78, fmt.Sprintf("docker has no credential stored for %s: no login ran for that host before this.", hostName(h.host))),
		c("login-other-job", 0.45, ""),
		c("credential-store-error", 0.4, ""),
	}
}

func rankGitLabBasic(h *hit, f *facts) []cand {
	if strings.Contains(h.low, "must use a personal access token with") {
		// GitLab's older answer names the missing token itself: "You must
		// use a personal access token with 'api' scope for Git over HTTP" is
		// the text of its MissingPersonalAccessTokenError, raised only when
		// a password was sent for an account that may not use one (2FA on,
		// or password authentication off). The generic newer wording ("…
		// or your account has 2FA enabled and you must use a personal
		// access token instead of a password") says nothing of the kind.
		return []cand{c("password-not-token", 0.82, "GitLab answered with its missing-personal-access-token error, which it gives only to a password sent for an account that must use a token (2FA, or password sign-in disabled): log in with a personal, project or deploy token with read_registry/write_registry."),
			c("bad-credentials", 0.55, ""),
			c("token-missing-scope", 0.4, "")}
	}
	if f.typedPwd {
		return []cand{c("password-not-token", 0.78, "A password was typed at an interactive prompt; GitLab rejects account passwords for the registry when 2FA is on (it needs a personal, project or deploy token)."),
			c("bad-credentials", 0.65, "")}
	}
	return []cand{
		c("bad-credentials", 0.8, "GitLab's token endpoint rejected the username and password/token (HTTP Basic: Access denied)."),
		c("password-not-token", 0.55, ""),
		c("token-expired", 0.5, ""),
	}
}

// rankTokenNotAccepted ranks GHCR's "unauthenticated: User cannot be
// authenticated with the token provided", its answer to a request whose
// token it does not accept: an expired or revoked token, and also an
// anonymous push (the client had no credential for ghcr.io to exchange).
func rankTokenNotAccepted(h *hit, f *facts) []cand {
	if cs := rankCosignHelmLogin(h, f); cs != nil {
		return cs // sig_pushrefs.go
	}
	state, l := f.loginState(h.line(), h.host)
	if h.op == opPush && state == "none" {
		return []cand{
			c("no-login", 0.72, "The push carried no token the registry accepts and no login precedes it."),
			c("token-expired", 0.55, ""),
			c("bad-credentials", 0.5, ""),
		}
	}
	if h.op == opPush && state == "other" {
		// Every login before the push was for another host: the push had
		// no credential for this one, as with no login at all.
		return []cand{
			c("login-wrong-host", 0.8, fmt.Sprintf("A login ran for %s (line %d), but the push went to %s, for which the client held no credential: the registry got no token it accepts.", l.Host, l.Line, hostName(h.host)), loginEv(l)),
			c("no-login", 0.5, ""),
			c("token-expired", 0.45, ""),
		}
	}
	if h.op == opLogin {
		return []cand{c("bad-credentials", 0.66, "The registry did not accept the token given at login."), c("token-expired", 0.62, "")}
	}
	return []cand{
		c("token-expired", 0.62, "The registry did not accept the token: most often an expired or revoked personal access token."),
		c("bad-credentials", 0.58, ""),
		c("no-login", 0.5, ""),
	}
}

// rankLoginAttempt ranks a login check that the registry answered with a
// status other than 200: the credential was sent and refused (401, 403),
// the registry or its proxy failed (5xx), or ECR could not use the token
// (400: ECR answers 400 to an authorization token issued for another
// region or account, or an expired one).
func rankLoginAttempt(h *hit, f *facts) []cand { return rankLoginStatus(h, h.m[2]) }

// rankPluginLoginExit ranks a CI docker plugin's hidden docker login
// failure by docker's exit status (the Drone/Woodpecker plugins print only
// "Error authenticating: exit status N"). 125 is the docker CLI's status
// for arguments it cannot parse (docker/cli cli/cobra.go FlagErrorFunc:
// StatusCode 125), not a registry's refusal: the plugin passed a flag its
// bundled docker no longer has, such as --email, removed from docker login
// in 17.06 (drone-plugins/drone-docker#164: plugins/docker 17.10 fails,
// 17.05 works). Any other status is docker login's refused or failed
// login check.
func rankPluginLoginExit(h *hit, f *facts) []cand {
	if h.m[1] == "125" {
		return []cand{
			c("client-bug", 0.62, "docker login exited 125, docker's status for a flag or argument it does not accept: the plugin passed a setting its bundled docker no longer takes (the e-mail flag, removed in docker 17.06). Remove the e-mail setting or secret, or pin a plugin release whose docker accepts it."),
			c("empty-credential", 0.42, ""),
			c("bad-credentials", 0.4, ""),
		}
	}
	return []cand{
		c("bad-credentials", 0.6, "The docker plugin's docker login failed (the plugin hides docker's message): a wrong username or password, or credentials for another registry."),
		c("login-wrong-host", 0.56, "Without a registry setting the plugin logs in to Docker Hub, so a private registry's credentials are tried there."),
		c("empty-credential", 0.5, ""), c("client-bug", 0.44, ""),
	}
}

// rankLoginStatus ranks a login check (GET /v2/ with the credential)
// answered with HTTP status (three digits).
func rankLoginStatus(h *hit, status string) []cand {
	h.op, h.pingOnly = opLogin, false // docker's own words for its login check
	switch {
	case strings.HasPrefix(status, "5"):
		return []cand{c("registry-fault", 0.78, "The registry answered the login check with a server error."), c("registry-unreachable", 0.4, "")}
	case status == "404":
		// The login check is GET /v2/, which a registry answers 200 or 401
		// (distribution spec, "Determining support"): 404 means the address
		// serves no registry API there. Nexus serves each Docker
		// repository on its own connector port or host, not on the UI's;
		// a reverse proxy may not route /v2/; a URL with a path is not a
		// registry host.
		return []cand{
			c("registry-fault", 0.62, fmt.Sprintf("%s answered the login check (GET /v2/) with 404: nothing serves the registry API at that address. Use the registry's own host and port (Nexus: the Docker repository's connector port or host, not the web UI's), or route /v2/ to the registry in the reverse proxy in front of it.", hostName(h.host))),
			c("login-wrong-host", 0.55, ""),
			c("bad-credentials", 0.3, ""),
		}
	case status == "400" && h.kind() == reghost.ECR:
		return []cand{
			c("login-wrong-host", 0.6, fmt.Sprintf("ECR answered the login check with 400 Bad Request: it does that for an authorization token issued for another region or account than %s.", hostName(h.host))),
			c("token-expired", 0.55, ""),
			c("client-bug", 0.5, ""),
		}
	case status == "401" || status == "403":
		cs := []cand{
			c("bad-credentials", 0.75, fmt.Sprintf("The registry refused the credential at the login check (%s).", status)),
			c("token-expired", 0.55, ""),
		}
		switch h.kind() {
		case reghost.DockerHub, reghost.GitLab, reghost.GHCR:
			// Registries whose accounts can require a token (2FA, SSO).
			return append(cs, c("password-not-token", 0.42, ""))
		}
		// A token server refuses a token outside its validity period with
		// the same bare 401 (distribution: error="invalid_token").
		return append(cs, c("clock-skew", 0.4, ""))
	}
	return []cand{
		c("bad-credentials", 0.5, "The registry did not accept the login check."),
		c("client-bug", 0.45, ""),
		c("registry-fault", 0.4, ""),
	}
}

// rankBearerToken ranks containers/image's refused token request by its
// status: a token endpoint that knows the credential does not answer 401
// or 403 for it, so with a login for the host the credential itself was
// refused (wrong, or a token that expired or was revoked); without one,
// the anonymous request was.
func rankBearerToken(h *hit, f *facts) []cand {
	status := h.m[1] + h.m[2]
	if strings.HasPrefix(status, "5") {
		return []cand{c("registry-fault", 0.8, "The token service answered with a server error."), c("registry-unreachable", 0.4, "")}
	}
	if status == "404" {
		return tokenEndpoint404()
	}
	if status == "400" {
		return tokenEndpoint400(h)
	}
	if cs := gcrShutdown412(h, status); cs != nil { // sig_goneimages.go
		return cs
	}
	state, l := f.loginState(h.line(), h.host)
	if status == "403" && state == "none" {
		if cs := ghcrAnonymousRead(h, f); cs != nil {
			return cs
		}
	}
	switch state {
	case "same":
		if status == "403" {
			return []cand{
				c("token-expired", 0.64, fmt.Sprintf("The token endpoint refused (403) the credential stored by the login at line %d: a token that has since expired or was revoked is refused this way (GHCR does so for an expired personal access token).", l.Line), loginEv(l)),
				c("bad-credentials", 0.58, ""),
				c("token-missing-scope", 0.45, ""),
			}
		}
		return []cand{
			c("bad-credentials", 0.66, fmt.Sprintf("The token endpoint refused (%s) the credential stored by the login at line %d.", orSome(status, "401"), l.Line), loginEv(l)),
			c("token-expired", 0.58, ""),
			c("password-not-token", 0.42, ""),
		}
	case "other":
		return []cand{
			c("login-wrong-host", 0.8, fmt.Sprintf("The login ran for %s (line %d), not for %s: the token request carried no credential.", l.Host, l.Line, hostName(h.host)), loginEv(l)),
			c("no-login", 0.5, ""),
		}
	}
	return []cand{
		c("no-login", 0.66, "The token endpoint refused the request and no login for this registry appears before it: the request went out without a credential."),
		c("bad-credentials", 0.5, ""),
		c("token-expired", 0.45, ""),
	}
}

// rankTokenFetch ranks a failed token request (containerd/BuildKit wording:
// remotes/docker/auth/fetch.go): "oauth" means a credential was sent,
// "anonymous" that none was.
func rankTokenFetch(h *hit, f *facts) []cand {
	anonymous := h.m[1] == "anonymous"
	status := h.m[3]
	if status == "" {
		if i := strings.Index(h.low, "unexpected status"); i >= 0 {
			if m := statusCodeRe.FindString(h.low[i:]); m != "" {
				status = m
			}
		}
	}
	if cs := cacheOptionAsRef(h, f); cs != nil { // cacheref.go
		return cs
	}
	libraryScope := false
	for _, s := range h.url.Scopes {
		if strings.HasPrefix(s.Name, "library/") && s.has("push") {
			libraryScope = true
		}
	}
	if strings.HasPrefix(status, "5") {
		return []cand{c("registry-fault", 0.8, "The token service answered with a server error."), c("registry-unreachable", 0.4, "")}
	}
	if cs := gcrShutdown412(h, status); cs != nil { // sig_goneimages.go
		return cs
	}
	if status == "404" {
		// The token endpoint is the realm the registry's own challenge
		// named; a 404 there is no verdict on the credential. A token
		// server without OAuth POST answers 404 and clients retry with GET
		// (distribution docs, spec/auth/oauth.md; containerd's authorizer
		// falls back on 404), so a 404 that surfaces is the token service
		// (or a proxy in front of it) not serving that path.
		return []cand{
			c("registry-fault", 0.72, fmt.Sprintf("The token endpoint %s named answered 404 Not Found: the registry's token service (or a proxy in front of it) did not serve the realm its challenge advertised, which says nothing about the credential. Rerun; if it persists, check the registry's status.", hostName(h.host))),
			c("client-bug", 0.45, ""),
			c("registry-unreachable", 0.4, ""),
		}
	}
	if status == "400" && h.kind() != reghost.ECRPublic && h.kind() != reghost.ECR {
		return tokenEndpoint400(h)
	}
	if cs := ghcrPlaceholderScope(h, anonymous); cs != nil {
		return cs
	}
	if anonymous {
		if cs := publicOnlyTokenRefused(h, status); cs != nil { // cacheref.go
			return cs
		}
		if h.kind() == reghost.DockerHub {
			return []cand{
				c("registry-fault", 0.6, "Docker Hub's token service issues anonymous tokens even for private or missing repositories, so a refused anonymous token points at the registry side (an incident) or the client."),
				c("client-bug", 0.5, ""),
				c("no-login", 0.45, ""),
			}
		}
		if state, l := f.loginState(h.line(), h.host); state == "other" && h.host != "" {
			// containerd asks for an anonymous token only when the docker
			// config it was handed holds no credential for this host
			// (remotes/docker/authorizer.go): a login for another host
			// string (another ECR account or region, another Artifact
			// Registry region, gcr.io) did not cover it.
			return []cand{
				c("login-wrong-host", 0.84, fmt.Sprintf("A login ran for %s (line %d), but the client found no credential for %s and asked it for an anonymous token: credentials are kept per host string.", l.Host, l.Line, hostName(h.host)), loginEv(l)),
				c("no-login", 0.55, ""),
				c("manifest-unknown", 0.35, ""),
			}
		}
		return []cand{
			c("no-login", 0.75, fmt.Sprintf("The client asked %s for an anonymous token and was refused: the image is private and no credential was sent.", hostName(h.host))),
			c("manifest-unknown", 0.4, ""),
			c("client-bug", 0.35, ""),
		}
	}
	if libraryScope {
		// A plain 401 (not "insufficient scopes") means the token service
		// did not authenticate the request at all; the library/ scope is a
		// second problem the push will meet once logged in.
		cs := []cand{
			c("no-login", 0.62, "The token service did not authenticate the push (401 without \"insufficient scopes\"): no usable Docker Hub login reached the builder."),
			c("push-outside-namespace", 0.6, "The token request also asks for repository:library/...: the image name has no Docker Hub namespace."),
			c("bad-credentials", 0.5, ""),
		}
		if bareLibraryPush(h) {
			// The pushed name is one component: neither a namespace nor a
			// registry host was written, so the name may have lost the
			// intended registry's prefix as well.
			cs = append(cs[:2], c("missing-registry-host", 0.55, "The pushed name has no registry host either: if the image was meant for another registry, its host prefix is missing and the push went to Docker Hub."), cs[2])
		}
		return cs
	}
	if status == "403" {
		if cs := googleTokenForbidden(h); cs != nil { // googletoken.go
			return cs
		}
		if cs := docrTokenForbidden(h); cs != nil { // sig_docr.go
			return cs
		}
		return []cand{
			c("token-expired", 0.6, "The token service refused the stored credential (403): a stale or revoked token in the credential store."),
			c("bad-credentials", 0.55, ""),
			c("insufficient-role", 0.45, ""),
		}
	}
	if h.op == opLogin && f.typedPwd && h.kind() == reghost.GitLab {
		return []cand{
			c("password-not-token", 0.75, "A password was typed at an interactive prompt; GitLab accounts with 2FA must log in to the registry with a personal access token."),
			c("bad-credentials", 0.6, ""),
		}
	}
	return []cand{
		c("bad-credentials", 0.62, "The token service rejected the credential the client sent (401)."),
		c("no-login", 0.55, ""),
		c("token-expired", 0.5, ""),
	}
}

// rankBareUnauthorized ranks a bare "unauthorized" status text. A login
// check (ping) that fails means the credential or the token it bought was
// refused; a GHCR read without a login is GHCR's answer for a private (or
// hidden) package.
func rankBareUnauthorized(h *hit, f *facts) []cand {
	if strings.Contains(h.low, "no credentials available") {
		return []cand{c("no-login", 0.85, fmt.Sprintf("The client had no credential for %s to send.", hostName(h.host))),
			c("login-other-job", 0.45, "")}
	}
	if strings.Contains(h.low, "ping registry") {
		h.op = opLogin
		if m := pingRegistryRe.FindStringSubmatch(h.texts[0]); m != nil && h.host == "" {
			h.host = reghost.Normalize(m[1])
		}
	}
	state, _ := f.loginState(h.line(), h.host)
	if h.kind() == reghost.GHCR && h.op != opPush && h.op != opLogin && state == "none" {
		return []cand{
			c("no-login", 0.72, "GHCR answers a bare \"unauthorized\" to an anonymous request for a private package (or one that does not exist)."),
			c("manifest-unknown", 0.55, ""),
			c("login-other-job", 0.4, ""),
		}
	}
	return rankUnauthenticated(h, f)
}

var pingRegistryRe = lazyRe(`failed to ping registry (\S+?):? `)

var ecrHostRe = lazyRe(`\.dkr\.ecr(?:-fips)?\.([a-z0-9-]+)\.amazonaws\.com`)

// ecrRegion is the AWS region of an ECR host ("" for other hosts).
func ecrRegion(host string) string {
	if m := ecrHostRe.FindStringSubmatch(host); m != nil {
		return m[1]
	}
	return ""
}

// tokenEndpoint404 ranks a token request answered 404: the token endpoint
// is the realm the registry itself advertises in its WWW-Authenticate
// challenge (distribution token auth spec), so a realm that does not exist
// is the registry's or its auth service's fault (GitLab's registry
// answering 404 for the first push of an image, a realm pointing at a
// path the front end does not route); a credential would be refused with
// 401 or 403.
func tokenEndpoint404() []cand {
	return []cand{
		c("registry-fault", 0.72, "The registry's token endpoint answered 404 Not Found: the realm the registry advertises is not served (a routing or configuration fault of the registry's auth service, often transient: the same push works on retry). A refused credential is answered 401 or 403, not 404."),
		c("registry-unreachable", 0.4, ""),
		c("no-login", 0.35, ""),
	}
}

// tokenEndpoint400 ranks a token request refused as malformed (400). A
// login asks for a token without a repository scope, so there the 400
// cannot be about a repository name: the token service refused the shape
// of the request itself (nerdctl sent an empty "scope=" that Aliyun and
// ACR reject; docker login works). Otherwise a token service answers 400
// to a scope it cannot parse: a repository name it does not accept
// (Docker Hub: more than NAMESPACE/NAME, "invalid repository name"; Quay
// without nested repository names: ORG/REPO/IMAGE).
func tokenEndpoint400(h *hit) []cand {
	if cs := nonRepositoryScope400(h); cs != nil {
		return cs // a scope that is not a repository's (sig_authheader.go)
	}
	if h.op == opLogin && len(h.url.Scopes) == 0 && h.ref.Repo == "" && !containsAny(h.low, []string{"blob", "manifest", "destination", "source", "push", "pull"}) {
		return []cand{
			c("client-bug", 0.7, "The token service refused the login's token request as malformed (400), and a login names no repository: the client builds a request this registry does not accept (nerdctl's empty scope= parameter); docker login to the same registry is the check."),
			c("bad-credentials", 0.45, ""),
			c("registry-fault", 0.4, ""),
		}
	}
	return []cand{
		c("invalid-reference", 0.66, "The token service refused the request as malformed (400): the repository name in the scope is not one it accepts, such as a path with the chart or image name twice, or more levels than the registry allows (Docker Hub repositories are NAMESPACE/NAME; Quay without nested names takes ORG/REPO)."),
		c("manifest-unknown", 0.45, ""),
		c("client-bug", 0.4, ""),
	}
}

// rankRunnerContainerLogin reads the runner's login for container:
// credentials. Job outputs that carry a secret are not passed on
// (docs.github.com/actions/writing-workflows/choosing-what-your-workflow-does/passing-information-between-jobs:
// "Outputs containing secrets are redacted on the runner and not sent to
// GitHub Actions"), so credentials handed over from a login job — the ECR
// password of amazon-ecr-login above all — arrive empty.
func rankRunnerContainerLogin(h *hit, f *facts) []cand {
	host := h.m[1]
	switch {
	case host == "":
		return []cand{
			c("empty-credential", 0.62, "The runner's login for the container: credentials ran for '' (no registry host): the image's registry part or the credentials came from values that expanded to empty, such as another job's outputs that carried a secret (GitHub drops those)."),
			c("empty-reference-variable", 0.5, "If the image name is built from an expression, its registry part expanded to empty, so the login went to Docker Hub."),
			c("bad-credentials", 0.42, ""),
		}
	case reghost.Classify(host) == reghost.ECR:
		return []cand{
			c("empty-credential", 0.6, fmt.Sprintf("The runner's login to %s for the container: credentials failed; an ECR password passed from another job's outputs arrives empty (GitHub drops outputs that carry a secret), and one stored as a secret expires after 12 hours.", host)),
			c("token-expired", 0.52, ""),
			c("bad-credentials", 0.45, ""),
		}
	}
	if reghost.Classify(host) == reghost.GHCR {
		// Without credentials: the runner logs in to ghcr.io with the
		// job's GITHUB_TOKEN (actions/runner#990), a token GitHub has just
		// issued: a failing login then points at GHCR itself as much as at
		// a personal access token given in credentials:.
		return []cand{
			c("bad-credentials", 0.6, fmt.Sprintf("The runner's login to %s for the container failed before any step ran: a personal access token given in credentials: is wrong, revoked or lacks read:packages.", host)),
			c("registry-fault", 0.5, "Without credentials: the runner logs in to ghcr.io with the job's GITHUB_TOKEN, which GitHub issues for the run: that login fails when GHCR has an incident (githubstatus.com), and a rerun passes."),
			c("token-expired", 0.45, ""),
			c("empty-credential", 0.42, ""),
		}
	}
	return []cand{
		c("bad-credentials", 0.6, fmt.Sprintf("The runner's login to %s for the container: credentials failed before any step ran: the username or password given there is wrong or empty.", host)),
		c("empty-credential", 0.52, ""),
		c("token-expired", 0.42, ""),
	}
}

// redHatOpenRegistryRefusal ranks a login demand from
// registry.access.redhat.com, Red Hat's registry that serves its images
// without authentication (access.redhat.com/articles/RegistryAuthentication;
// registry.redhat.io is the one that requires a Customer Portal or
// registry service account login): no credential is needed there, so its
// "Please login to the Red Hat Registry" answer is the registry's own
// transient fault. Nil for other hosts.
func redHatOpenRegistryRefusal(h *hit) []cand {
	if !strings.Contains(h.low, "registry.access.redhat.com") || strings.Contains(h.low, "registry.redhat.io") {
		return nil
	}
	return redHatOpenRegistryCands()
}

// redHatOpenRegistryCands are the candidates for a login demand from
// registry.access.redhat.com (redHatOpenRegistryRefusal).
func redHatOpenRegistryCands() []cand {
	return []cand{
		c("registry-fault", 0.7, "registry.access.redhat.com serves its images without a login, yet it answered the token request as if one were needed: a fault on the registry's side, which passes on a retry. (registry.redhat.io is the host that requires a login.)"),
		c("no-login", 0.5, ""),
		c("missing-registry-host", 0.3, ""),
	}
}

// ghcrAnonymousRead ranks a read from GHCR refused (403 on the token
// request, or "denied") with no login for ghcr.io anywhere before it. GHCR
// answers a repository that does not exist exactly as a private one
// (the anonymous token request is refused), and a pull of one's own private
// package comes with a login step: without one, a misspelt, renamed or
// never-published name is the more common reason, as for Docker Hub
// (rankDenied). Nil unless the hit is such a read of a named image outside
// GitHub Actions.
func ghcrAnonymousRead(h *hit, f *facts) []cand {
	manifestRead := h.op != opPush && isManifestRead(h)
	if h.kind() != reghost.GHCR || (h.op != opPull && !manifestRead) || (h.ref.Repo == "" && !manifestRead) || f.platform == "github-actions" || f.runnerCred > 0 {
		// Only a read of an image the log names (a pull, a FROM, a helm
		// pull, or the daemon's HEAD/GET of the manifest URL, which names
		// it: `Head "https://ghcr.io/v2/OWNER/NAME/manifests/TAG": denied`):
		// a copy's token request for its source name is not one. GHCR
		// answers an anonymous read of a path it does not have with
		// "denied" and one of an existing private package with
		// "unauthorized" (rankUnauthenticated keeps no-login first there).
		// In GitHub Actions a GHCR pull without a login is mostly one of
		// the organization's own private packages.
		return nil
	}
	return []cand{
		c("manifest-unknown", 0.7, fmt.Sprintf("GHCR refused an anonymous read of %s; it answers a package that does not exist exactly as a private one, and with no login in the log a misspelt, renamed or never-published name is the more common reason: check the path (owner/package[/name]) against the package page.", orSome(h.repo(), "the repository"))),
		c("no-login", 0.64, "If the package is private, log in to ghcr.io (a token with read:packages) before the pull."),
		c("login-other-job", 0.38, ""),
	}
}

// ghcrTokenRefusedAnonymous reads containers/image's "unable to retrieve
// auth token: invalid username/password" for a pull from GHCR with no login
// for ghcr.io before it. containers/image words every 401 of the token
// endpoint so (docker/docker_client.go: ErrUnauthorizedForCredentials),
// whether or not a credential was sent, and GHCR answers an anonymous token
// request for a private or missing package with 401 (buildx/containerd
// quote it as "unexpected status from GET request to
// https://ghcr.io/token?scope=…: 401 Unauthorized"); Docker Hub, by
// contrast, issues anonymous tokens and refuses later. Without a login in
// the log the refusal is GHCR's anonymous one (ghcrAnonymousRead).
func ghcrTokenRefusedAnonymous(h *hit, f *facts) []cand {
	if !strings.Contains(h.low, "unable to retrieve auth token: invalid username/password") {
		return nil
	}
	if state, _ := f.loginState(h.line(), h.host); state != "none" {
		return nil
	}
	return ghcrAnonymousRead(h, f)
}

// containersTokenRefusedNoLogin ranks containers/image's "unable to
// retrieve auth token: invalid username/password" when nothing before the
// line logged in to the host or handed the client a credential (a login
// command, --creds, an auth file). containers/image words every 401 of the
// registry's token server so (docker/docker_client.go, ErrUnauthorizedForCredentials),
// also the answer to a token request that carried no credential at all; with
// no credential in sight the missing login comes first (podman, buildah and
// skopeo in a CI step or a Tekton task that never ran a login). Registries
// with their own wording of the anonymous case are read before this
// (registry.redhat.io's "Please login", GHCR's anonymous read); Docker Hub,
// which issues anonymous tokens, keeps the credential reading.
func containersTokenRefusedNoLogin(h *hit, f *facts) []cand {
	if !strings.Contains(h.low, "unable to retrieve auth token: invalid username/password") {
		return nil
	}
	if state, _ := f.loginState(h.line(), h.host); state != "none" || f.authFileLine > 0 {
		return nil
	}
	if h.kind() == reghost.DockerHub {
		// Docker Hub hands out anonymous tokens, so its token server
		// refuses only a credential it was given (one stored by an
		// earlier step or on the runner).
		return nil
	}
	if containsAny(h.low, credentialRejectedWords) {
		// The token server's own message after containers/image's
		// wording says a credential came and was wrong: it was given,
		// from a file or a mount the log does not show (a Tekton or
		// Kubernetes secret, the runner's stored login).
		return nil
	}
	if containsAny(h.low, []string{"--creds", "--src-creds", "--dest-creds", "--authfile"}) {
		return nil
	}
	return []cand{
		c("no-login", 0.74, fmt.Sprintf("No login for %s (and no --creds or auth file) appears before this line, and containers/image words every refusal of the registry's token server as \"invalid username/password\", a request with no credential included: log in to the registry in this step (podman/buildah/skopeo login, or an auth file the task mounts) before it pulls or pushes.", hostName(h.host))),
		c("bad-credentials", 0.6, ""),
		c("login-other-job", 0.42, ""),
	}
}

// bareLibraryPush reports whether the push the token request is for named
// a single-component repository (library/NAME, with NAME written bare): the
// reference carried neither a namespace nor a registry host.
func bareLibraryPush(h *hit) bool {
	for _, s := range h.url.Scopes {
		if name, ok := strings.CutPrefix(s.Name, "library/"); ok && s.has("push") && name != "" && !strings.Contains(name, "/") {
			return true
		}
	}
	return false
}

// jibUnauthorizedFor is the image jib names after its credentials hint:
// "…: Unauthorized for REGISTRY/REPOSITORY: 401 Unauthorized".
var jibUnauthorizedFor = regexp.MustCompile(`Unauthorized for (\S+?):? `)

// credentialRejectedWords are a token server's own words (lower case) for a
// credential it was given and rejected, as registries write them after the
// client's wording: "incorrect username or password" (Docker Hub, and the
// bad-credentials signal of causes.md), "invalid username or password",
// "invalid credential(s)", GitLab's "HTTP Basic: Access denied". Never the
// client's own "invalid username/password" (containers/image's fixed text).
var credentialRejectedWords = []string{"incorrect username or password", "invalid username or password", "invalid credential", "http basic: access denied"}
