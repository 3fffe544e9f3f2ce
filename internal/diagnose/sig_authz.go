package diagnose

import (
	"fmt"
	"slices"
	"strings"

	"github.com/regdoctor/regdoctor/internal/reghost"
)

// Authorization signatures: the identity is known but may not do this.
// Wording per registry from shared/domain/registries.md ("Missing push shows
// up as") and the OCI distribution spec error codes (DENIED, UNAUTHORIZED).

var grantedScopesRe = lazyRe(`granted the: \[([^\]]*)\]`)

func init() { sigGroups = append(sigGroups, sigsAuthz) }

func sigsAuthz() {
	register(
		&signature{
			id:   "ghcr-write-package",
			keys: []string{"write_package", "organization package", "installation not allowed"},
			re:   lazyRe(`(?i)(?:denied: )?(?:permission_denied: )?(?:write_package|installation not allowed to (Write|Create) organization package)`),
			rank: func(h *hit, f *facts) []cand {
				h.host = orSome(h.host, "ghcr.io")
				if h.m[1] == "" && len(f.perms) == 0 && !f.prOrFork() {
					// "permission_denied: write_package" without "installation
					// not allowed": the package exists and refuses this
					// repository's workflow token, typically a package first
					// pushed by hand or from another repository whose Manage
					// Actions access does not list this one; the
					// "installation not allowed" wording is about the token's
					// own permissions.
					return []cand{
						c("ghcr-package-actions-access", 0.7, "GHCR refuses the write to an existing package (write_package): the package's Manage Actions access most likely does not list this repository (a package first pushed by hand or from another repository)."),
						c("gh-token-packages-permission", 0.62, ""),
						c("fork-pr-readonly", 0.45, ""),
					}
				}
				return rankGHCRWrite(h, f, !strings.EqualFold(h.m[1], "create"))
			},
			tell: tellGHCRWrite,
		},
		&signature{
			id: "ghcr-org-policy",
			// GitHub Actions rejects a run at startup when a reusable
			// workflow's job asks for more GITHUB_TOKEN scope than its caller
			// grants: "The nested job 'J' is requesting 'packages: write', but
			// is only allowed 'packages: read'" ('none' when the caller's
			// permissions: block omits packages). A called workflow can only
			// keep or lower the caller's permissions
			// (https://docs.github.com/en/actions/sharing-automations/reusing-workflows#access-and-permissions),
			// so the fix is packages: write on the calling workflow or job, as
			// in zoolutions/phlex-reactive#69 and kubeflow/notebooks#1368
			// (fixed by #1369), and as lint rule GHA002 reads the same
			// mismatch. An organization policy is the rarer reading.
			keys: []string{"but is only allowed"},
			re:   lazyRe(`is requesting '[^']*packages: write[^']*', but is only allowed '[^']*'`),
			rank: fixed(c("gh-token-packages-permission", 0.88, "A reusable workflow's job asks for packages: write but its caller grants the GITHUB_TOKEN less (no permissions: block under a read-only default, or a block without packages): grant packages: write on the calling workflow or job; a called workflow can only keep or lower what the caller gives."),
				c("ghcr-org-policy", 0.45, "")),
		},
		&signature{
			id:   "podman-reuse-blob-forbidden",
			keys: []string{"failed to read from destination repository"},
			re:   lazyRe(`failed to read from destination repository (\S+?): (403|401)`),
			rank: func(h *hit, f *facts) []cand {
				if h.kind() == reghost.GHCR || h.ref.Host == "" {
					h.host = orSome(h.host, "ghcr.io")
					cs := rankGHCRWrite(h, f, true)
					if len(f.perms) == 0 && !f.prOrFork() {
						// Reading an existing package fails: it exists, and this
						// repository has no access to it.
						return []cand{
							c("ghcr-package-actions-access", 0.72, "The client could not even read the existing package: the package exists but does not grant this repository access (Manage Actions access)."),
							c("gh-token-packages-permission", 0.62, ""),
							c("fork-pr-readonly", 0.4, ""),
						}
					}
					return cs
				}
				return rank403(h, f)
			},
			tell: tellGHCRWrite,
		},
		&signature{
			id:   "requested-access-denied",
			keys: []string{"requested access to the resource is denied"},
			re:   lazyRe(`(?:denied: )?requested access to the resource is denied`),
			rank: rankDenied,
			tell: tellDenied,
		},
		&signature{
			id: "pull-access-denied",
			// dockerd's refusal of a pull without the registry's text after
			// it (daemons before 20.10, kubelet events, compose v1):
			// "pull access denied for R, repository does not exist or may
			// require 'docker login'". Generic: a line that goes on with
			// "denied: requested access to the resource is denied" is read by
			// requested-access-denied.
			generic: true,
			keys:    []string{"pull access denied for"},
			re:      lazyRe(`pull access denied for [^,\s]+, repository does not exist or may require`),
			rank:    rankDenied,
			tell:    tellDenied,
		},
		&signature{
			id: "skaffold-no-push-access",
			// skaffold replaces the registry's refusal of a push with its own
			// advice (skaffold pkg/skaffold/build: "Build Failed. No push access
			// to specified image repository. Check your `--default-repo` value
			// or try `gcloud auth configure-docker`."; for gcr.io "Build Failed.
			// Check your GCR project.").
			keys: []string{"no push access to specified image repository", "check your gcr project"},
			re:   lazyRe(`Build Failed\. (?:No push access to specified image repository|Check your GCR project)`),
			rank: rankNoPushAccess,
			tell: tellUnauthenticated,
		},
		&signature{
			id: "oci-error-json",
			// The registry's JSON error body printed raw (distribution spec
			// "errors" array: {"errors":[{"code":"DENIED","message":...}]}),
			// as jib, docker-java, and watchers print it, sometimes with
			// escaped quotes. Generic: the specific signatures read the
			// messages they know; this reads the code when none did.
			generic: true,
			keys:    []string{`"code":"`, `\"code\":\"`},
			re:      lazyRe(`\\?"code\\?":\\?"(DENIED|UNAUTHORIZED)\\?",\\?"message\\?":\\?"([^"\\]*)`),
			// The helm-push (cm-push) plugin prints a chart repository's
			// (ChartMuseum, Harbor's chartrepo API) answer as "Error: 401:
			// could not properly parse response JSON: {...}": a chart
			// repository over HTTP, not a container registry.
			veto: append([]string{"could not properly parse response json"}, gitLike...),
			rank: func(h *hit, f *facts) []cand {
				if harborAPIAnswer(h, f) {
					return nil // the Harbor REST API's answer to a management client (sig_webfront.go)
				}
				if h.m[1] == "UNAUTHORIZED" {
					if strings.Contains(strings.ToLower(h.m[2]), "invalid credential") {
						// The registry's own message says it was given a
						// credential and rejected it ("Invalid credential",
						// "invalid credentials"): not an anonymous request.
						return []cand{
							c("bad-credentials", 0.84, "The registry's UNAUTHORIZED answer says the credential it was given is invalid: a wrong username or password, or a token that was revoked or belongs to another account. Set the credential the client sends for this registry (the build plugin's auth settings, the docker login) to a valid one."),
							c("token-expired", 0.42, ""),
							c("password-not-token", 0.4, ""),
						}
					}
					return rankUnauthenticated(h, f)
				}
				if strings.Contains(h.m[2], "access forbidden") {
					h.kindHint = reghost.GitLab // GitLab's registry words its refusals so
				}
				return rankDenied(h, f)
			},
			tell: tellDenied,
		},
		&signature{
			id: "bare-denied",
			// The registry's DENIED code with its message dropped: the docker
			// daemon passes on a proxy's or registry's bare "denied" body
			// ("Error response from daemon: denied"), and containers/image
			// after the manifest it was reading ("reading manifest TAG in
			// REPO: denied", GHCR's bare answer), and docker manifest push
			// after the manifest list it was writing ("failed to put
			// manifest REF: denied", docker/cli manifest push). Generic:
			// only when no specific signature read the line, and only next
			// to a registry request or reference.
			generic: true,
			keys:    []string{": denied"},
			re:      lazyRe(`(?i)(?:Error response from daemon|Error|ERROR|error|reading manifest \S+ in \S+|failed to put manifest \S+): denied\s*$`),
			need:    []string{"/v2/", "manifests/", "blobs/", "from daemon", "reading manifest", "put manifest"},
			veto:    gitLike,
			rank:    rankDenied,
			tell:    tellDenied,
		},
		&signature{
			id:   "gitlab-access-forbidden",
			keys: []string{"denied: access forbidden", "access forbidden"},
			re:   lazyRe(`(?i)(?:denied|unauthorized): access forbidden`),
			rank: func(h *hit, f *facts) []cand {
				h.kindHint = reghost.GitLab // GitLab's registry words its refusals so
				return rankDenied(h, f)
			},
			tell: tellDenied,
		},
		&signature{
			id:   "insufficient-scope",
			keys: []string{"insufficient_scope", "authorization failed"},
			re:   lazyRe(`(?:insufficient_scope: authorization failed|authorization status: 40[13]: authorization failed)`),
			rank: func(h *hit, f *facts) []cand {
				if cs := rankDockerHubDeepPath(h); cs != nil {
					return cs
				}
				state, l := f.loginState(h.line(), h.host)
				if state == "other" {
					return []cand{c("login-wrong-host", 0.85, fmt.Sprintf("The login ran for %s, not for %s.", l.Host, hostName(h.host)), loginEv(l)),
						c("push-outside-namespace", 0.5, ""), c("no-login", 0.45, "")}
				}
				if h.op == opPull && h.kind() == reghost.DockerHub && officialName(h.repo()) {
					// library/ holds only Docker's public official images:
					// BuildKit's "pull access denied, repository does not
					// exist or may require authorization" there means the
					// name does not exist (a COPY --from stage that is not
					// defined, a local-only image), as rankDenied reads it.
					return officialNameRefused(h.repo(), "insufficient_scope", f) // sig_officialread.go
				}
				if h.op == opPull {
					return []cand{c("no-login", 0.7, "The pull was refused without a usable credential (private image or no login)."),
						c("manifest-unknown", 0.45, ""), c("insufficient-role", 0.4, "")}
				}
				if h.op == opPush && f.crossMount.pushedTo(h.repo()) {
					return crossMountRefused(h, f.crossMount)
				}
				if h.kind() == reghost.ACR {
					// ACR has no account namespaces: a push token without
					// push is the identity's role (AcrPull without AcrPush,
					// an ABAC-mode repository permission) or a repository
					// token's scope map without content/write
					// (learn.microsoft.com/azure/container-registry/container-registry-roles).
					return []cand{
						c("insufficient-role", 0.72, fmt.Sprintf("%s granted the token without push on this repository: the identity can pull but not push here (AcrPull without AcrPush, or a repository-scoped token whose scope map lacks content/write).", hostName(h.host))),
						c("no-login", 0.5, ""),
						c("login-other-job", 0.4, ""),
					}
				}
				if cs := gitlabBareNamePush(h, f, state, false); cs != nil {
					return cs // a bare name pushed from a GitLab job (gitlabbarename.go)
				}
				return []cand{
					c("push-outside-namespace", 0.62, "The token was granted without push on this repository: on Docker Hub that means the namespace is not the account's (or the name has none)."),
					c("no-login", 0.58, ""),
					c("insufficient-role", 0.45, ""),
				}
			},
			tell: tellDenied,
		},
		&signature{
			id:   "token-insufficient-scopes",
			keys: []string{"insufficient scopes", "does not match expected scopes", "required scopes", "following scopes"},
			re:   lazyRe(`(?i)(?:access token has insufficient scopes|insufficient scopes|does not match expected scopes|requires one of the following scopes: \[([^\]]*)\], but your token has only been granted the: \[([^\]]*)\] scopes|not been granted the required scopes)`),
			rank: func(h *hit, f *facts) []cand {
				if m := grantedScopesRe.FindStringSubmatch(h.low); m != nil && strings.Trim(m[1], "' \"") == "" {
					return []cand{
						c("password-not-token", 0.8, "The credential carries no scopes at all: an account password (or a token without any scope) was used where a personal access token with write:packages is required."),
						c("token-missing-scope", 0.6, ""),
					}
				}
				state, _ := f.loginState(h.line(), h.host)
				if cliManifestScopeRead(h) {
					// The docker CLI's own registry client (docker manifest
					// inspect/create, not the daemon) asked Docker Hub for
					// pull and push on a read before docker/cli#4511
					// (docker/cli#4345, moby/moby#45726; the v24.0.6 release notes,
					// moby/moby#46409, list the fix as docker/cli#4512):
					// Hub refuses that token whenever the identity cannot
					// push there: no login, a read-only PAT, another
					// namespace (library/).
					second := c("no-login", 0.6, "")
					if state != "none" {
						second = c("token-missing-scope", 0.6, "")
					}
					return []cand{
						c("client-bug", 0.74, fmt.Sprintf("The docker CLI read %s with a token request for pull and push: before docker 24.0.6 `docker manifest inspect` asked for push on every read (docker/cli#4345), and Docker Hub refuses that token unless the identity may push there (no login, a read-only access token, another namespace). Upgrade the docker CLI to 24.0.6 or later; meanwhile log in with a token that can push to that repository.", orSome(h.ref.Raw, orSome(h.repo(), "the manifest")))),
						second,
						c("manifest-unknown", 0.45, ""),
					}
				}
				if state == "none" && h.op != opPush && !scopesAskPush(h) && (isManifestRead(h) || isReadRequest(h)) {
					// A read (GET/HEAD of a manifest or blob) refused for
					// its token's scopes with no login anywhere before it:
					// the client sent an anonymous token, which carries no
					// pull scope for a private (or missing) repository. A
					// write scope would not change a read.
					return []cand{
						c("no-login", 0.72, fmt.Sprintf("The read of %s was refused for the token's scopes and no login for %s ran before it: the client used an anonymous token, which has no pull scope on a private repository. Log in before the command (docker manifest inspect, a pull, a build's FROM).", orSome(h.ref.Raw, orSome(h.repo(), "the image")), hostName(h.host))),
						c("manifest-unknown", 0.55, "Registries also answer so for a repository that does not exist: check the name."),
						c("token-missing-scope", 0.45, ""),
					}
				}
				for _, s := range h.url.Scopes {
					if strings.HasPrefix(s.Name, "library/") {
						return []cand{
							c("push-outside-namespace", 0.86, fmt.Sprintf("The token request asks for repository:%s: the image name has no Docker Hub namespace, so the push targets the official-images namespace nobody can push to.", s.Name)),
							c("token-missing-scope", 0.5, ""),
						}
					}
				}
				return []cand{
					c("token-missing-scope", 0.86, "The token is valid but its scopes do not include write access to the registry."),
					c("push-outside-namespace", 0.5, ""),
					c("insufficient-role", 0.4, ""),
				}
			},
			tell: func(*hit, *facts) string {
				return "A token whose scopes lack write (read-only Docker Hub PAT, PAT without write:packages, deploy token without write_registry) is token-missing-scope; " +
					"a write token used on a repository outside the account's namespace (library/x, another org) is push-outside-namespace."
			},
		},
		&signature{
			id:   "harbor-unauthorized-action",
			keys: []string{"unauthorized to access repository"},
			re:   lazyRe(`unauthorized to access repository: ([^,]+), action: (\w+)`),
			rank: func(h *hit, f *facts) []cand {
				h.ref.Repo = orSome(h.ref.Repo, strings.TrimSpace(h.m[1]))
				state, l := f.loginState(h.line(), h.host)
				if state == "other" {
					return []cand{c("login-wrong-host", 0.85, fmt.Sprintf("The login ran for %s, not for %s: docker keys credentials by host[:port].", l.Host, hostName(h.host)), loginEv(l)),
						c("insufficient-role", 0.55, "")}
				}
				if cs := rankPushAfterUpload(h, f); cs != nil {
					return cs // the push's layers were uploading: a proxy-rewritten follow-up (sig_webfront.go)
				}
				if strings.Contains(h.low, "robot") {
					return []cand{c("token-missing-scope", 0.75, "The robot account lacks this permission on the project."), c("insufficient-role", 0.6, "")}
				}
				if cs := rankHarborAnonymousPull(h, state); cs != nil {
					return cs // a pull with no login for the host: Harbor's anonymous answer (harborpull.go)
				}
				return []cand{
					c("insufficient-role", 0.75, fmt.Sprintf("Harbor refused the %s action on %s for this identity: its project role (or robot permissions) does not include it.", h.m[2], strings.TrimSpace(h.m[1]))),
					c("login-wrong-host", 0.5, ""),
					c("token-missing-scope", 0.45, ""),
				}
			},
			tell: func(*hit, *facts) string {
				return "If the same account can push from a workstation, compare the host[:port] of the login with the image reference (login-wrong-host); otherwise check the project member role or robot permissions (insufficient-role, token-missing-scope)."
			},
		},
		&signature{
			id:   "quay-not-authorized",
			keys: []string{"access to the requested resource is not authorized"},
			re:   lazyRe(`access to the requested resource is not authorized`),
			rank: func(h *hit, f *facts) []cand {
				if cs := rankDockerHubDeepPath(h); cs != nil {
					return cs
				}
				state, l := f.loginState(h.line(), h.host)
				if state == "other" {
					return []cand{c("login-wrong-host", 0.85, fmt.Sprintf("The login ran for %s, not for %s.", l.Host, hostName(h.host)), loginEv(l)), c("no-login", 0.45, "")}
				}
				if cs := rankAbortedLogin(h, f, state); cs != nil {
					return cs // loginusage.go
				}
				if h.op == opPull || manifestGetLine(h) {
					if h.kind() == reghost.Quay && state == "same" && l.OK && l.Host != "" {
						// A login to this very Quay host succeeded before the
						// pull, so a credential was there: Quay answers 401 both
						// when the identity may not read the repository and when
						// the repository does not exist (quay/quay#1054: "our
						// api consistently returns 401 when the user either
						// cannot access a resource due to lack of permissions
						// or when the resource doesn't exist"). An image that
						// was never pushed, or a typo in its path, is then the
						// common reading; a private repository of another
						// organization is the other.
						return []cand{
							c("manifest-unknown", 0.64, fmt.Sprintf("The login to %s succeeded, yet the pull of %s was refused: Quay gives a logged-in identity this answer when the repository or tag does not exist (or is not visible to it). Check the path and that the image was pushed.", hostName(h.host), orSome(h.ref.Raw, "the image")), loginEv(l)),
							c("insufficient-role", 0.5, ""),
							c("no-login", 0.42, ""),
						}
					}
					// Quay answers a pull of a private repository without a
					// credential, and of one that does not exist, this way.
					// So do distribution-based registries (Nexus, the CNCF
					// registry): UNAUTHORIZED's message. A GET of a manifest
					// (go-containerregistry's "GET URL: UNAUTHORIZED: …" in
					// scanners and builders reading an image) is a read.
					return []cand{
						c("no-login", 0.62, fmt.Sprintf("The pull of %s was refused: Quay gives this answer for a private repository pulled without a credential and for a repository that does not exist.", orSome(h.ref.Raw, "the image"))),
						c("manifest-unknown", 0.58, ""),
						c("insufficient-role", 0.4, ""),
					}
				}
				cs := []cand{
					c("push-outside-namespace", 0.6, "Quay says this when the namespace (user or organization) of the image is not one the account or robot can write to."),
					c("insufficient-role", 0.56, ""),
					c("no-login", 0.5, ""),
				}
				if h.kind() == reghost.Quay && state == "same" {
					// Quay gives a logged-in user or robot without write
					// permission on the repository, and a repository that does
					// not exist in an organization, this same 401.
					cs = []cand{
						c("insufficient-role", 0.64, "Quay answers this to a logged-in user or robot that has no write permission on this repository (robots need it granted per repository or by a team).", loginEv(l)),
						c("repo-not-found", 0.58, "Quay does not create a repository in an organization on a robot's push: it answers the same way when the repository does not exist."),
						c("push-outside-namespace", 0.55, ""),
					}
				}
				if q := rankQuayCIPush(h, f, state); q != nil {
					cs = q
				}
				if strings.Contains(h.texts[0], "Error writing blob: Error initiating layer upload") {
					// containers/image before v2 capitalised its wrapped errors:
					// an old buildah/podman, where known auth bugs exist.
					cs = append(cs, c("client-bug", 0.63, "The capitalised \"Error writing blob: Error initiating layer upload\" is old containers/image wording (buildah/podman before 2019), which had known registry-auth bugs."))
				}
				return cs
			},
			tell: tellDenied,
		},
		&signature{
			id:   "acr-authorization",
			keys: []string{"aka.ms/acr/authorization"},
			re:   lazyRe(`(?:unauthorized: )?authentication required, visit https://aka\.ms/acr/authorization`),
			rank: func(h *hit, f *facts) []cand {
				state, l := f.loginState(h.line(), h.host)
				if h.op == opLogin {
					// The login itself was refused: ACR checks roles per
					// repository action, not at login, so the credential (a
					// service principal secret, an --expose-token token used
					// with the wrong user name) was not accepted.
					return []cand{c("bad-credentials", 0.68, "The registry refused the credential at login: ACR does not check roles at login, so the credential itself (or its user name) was not accepted."),
						c("token-expired", 0.55, ""), c("client-bug", 0.45, "")}
				}
				switch state {
				case "same":
					return []cand{c("insufficient-role", 0.85, "A login to the registry ran, so the identity lacks the AcrPush (or AcrPull) role on the registry.", loginEv(l)),
						c("login-other-job", 0.45, "")}
				case "other":
					return []cand{c("login-wrong-host", 0.85, fmt.Sprintf("The login ran for %s, not for %s.", l.Host, hostName(h.host)), loginEv(l)), c("insufficient-role", 0.5, "")}
				}
				if kubeletPullHost(h) != "" {
					// An AKS node pulls an attached registry with the
					// kubelet identity; without its AcrPull role assignment
					// the pull is refused like an anonymous one (rank.go
					// kubeletPullHost).
					return []cand{
						c("no-login", 0.62, "No credential for this Azure Container Registry reached the kubelet: outside AKS the pod needs an imagePullSecret for it."),
						c("cloud-iam-denied", 0.6, "On AKS the kubelet identity pulls: it has no AcrPull role on this registry (az aks update --attach-acr REGISTRY, or az role assignment create --role AcrPull)."),
						c("insufficient-role", 0.5, ""),
					}
				}
				return []cand{
					c("no-login", 0.62, "No login to this Azure Container Registry precedes the failure in this log."),
					c("insufficient-role", 0.58, ""),
					c("login-other-job", 0.55, ""),
				}
			},
			tell: func(*hit, *facts) string {
				return "If `az acr login` or docker login ran in this same job and container, the identity lacks AcrPush/AcrPull (insufficient-role); if it ran elsewhere (another job, or outside a Docker-based action's container) the credential never reached this client (login-other-job); if nowhere, no-login."
			},
		},
		&signature{
			id:   "ecr-iam-denied",
			keys: []string{"is not authorized to perform: ecr", "not authorized to perform: ecr"},
			re:   lazyRe(`is not authorized to perform: (ecr(?:-public)?:\w+)`),
			rank: func(h *hit, f *facts) []cand {
				return []cand{c("cloud-iam-denied", 0.93, fmt.Sprintf("The AWS identity's IAM policy (or the repository policy) does not allow %s.", h.m[1])),
					c("repo-not-found", 0.3, "")}
			},
		},
		&signature{
			id:   "gcp-permission-denied",
			keys: []string{"artifactregistry.", "storage.objects.", "storage.buckets.", "token exchange failed"},
			// Quotes may come escaped (\"...\"): the message inside a JSON
			// error body that jib and skopeo's logfmt print as is.
			re:   lazyRe(`(?i)(?:Permission \\?"?'?(artifactregistry\.[\w.]+|storage\.[\w.]+)\\?"?'? denied|Token exchange failed for project)`),
			need: []string{"gcr.io", "pkg.dev", "docker", "/v2/", "push", "pull", "token exchange", "artifactregistry.repositories", "denied: "},
			veto: []string{"gsutil", "gcloud storage", "terraform"},
			rank: rankGCPPermission,
			tell: func(*hit, *facts) string {
				return "Compare the hosts given to gcloud auth configure-docker (or the docker login) with the image host: none for this exact <region>-docker.pkg.dev host means the request went out without a credential (no-login, login-wrong-host); a credential for it means the service account lacks the Artifact Registry role (cloud-iam-denied)."
			},
		},
		&signature{
			id: "gcr-needed-permissions",
			// GCR's older wording for the same refusal (docker push to
			// gcr.io without the gcloud credential helper): "denied: Unable to
			// access the repository, please check that you have permission to
			// access it." (Docker 1.x's v1 pull printed "Unable to access the
			// repository: NAME; please verify that it exists ...").
			keys: []string{"don't have the needed permissions", "unauthenticated request", "unable to access the repository"},
			re:   lazyRe(`(?i)(?:You don't have the needed permissions to perform this operation|Unauthenticated request|Unable to access the repository)`),
			// Artifact Registry names the refused permission
			// ("artifactregistry.repositories.uploadArtifacts"), which is
			// registry context by itself when the message is quoted without
			// docker's "denied: " prefix or a host.
			need: []string{"gcr.io", "pkg.dev", "docker", "/v2/", "push", "pull", "denied", "unauthorized", "cloud.google.com/container-registry/", "artifactregistry.repositories"},
			// Docker Desktop's Registry Access Management also says
			// "unauthenticated request" (sig_sdkclients.go).
			veto: []string{"registry access management"},
			rank: func(h *hit, f *facts) []cand {
				state, l := f.loginState(h.line(), h.host)
				if h.host == "" && len(f.loginsBefore(h.line())) > 0 && reghost.Classify(f.loginsBefore(h.line())[0].Host) == reghost.GAR {
					l := f.loginsBefore(h.line())[0]
					return []cand{c("login-wrong-host", 0.7, fmt.Sprintf("The login ran for %s; Google's registry hosts (gcr.io, eu.gcr.io, us.gcr.io, each *-docker.pkg.dev) keep separate credentials, and this message is what an image on another of them gets.", l.Host), loginEv(l)),
						c("cloud-iam-denied", 0.66, ""), c("no-login", 0.4, "")}
				}
				switch state {
				case "other":
					return []cand{c("login-wrong-host", 0.87, fmt.Sprintf("The login ran for %s but the image is on %s: docker keys credentials by exact host (gcr.io, eu.gcr.io and each *-docker.pkg.dev differ).", l.Host, hostName(h.host)), loginEv(l)),
						c("cloud-iam-denied", 0.5, ""), c("no-login", 0.45, "")}
				case "same":
					if strings.Contains(h.low, "unauthenticated request") {
						// Artifact Registry says "Unauthenticated request"
						// only when no credential arrived; with a
						// credential it names the denied permission. The
						// login for this host did not reach the request:
						// another user or config directory (sudo, a
						// container), or a helper that did not run.
						return []cand{c("no-login", 0.74, fmt.Sprintf("Artifact Registry received no credential (\"Unauthenticated request\"), although a login or configure-docker for %s ran: the push ran as another user or with another docker config directory (sudo, a container, DOCKER_CONFIG), or the credential helper it registered did not run. Log in, or run gcloud auth configure-docker, as the same user and with the same docker config as the push.", hostName(h.host)), loginEv(l)),
							c("credential-store-error", 0.55, ""), c("cloud-iam-denied", 0.45, "")}
					}
					if f.anonFallback > 0 && f.anonFallback < h.line() {
						// go-containerregistry said the token request went
						// out anonymous (otherci.go): the login's credential
						// did not reach this client.
						return []cand{c("no-login", 0.82, fmt.Sprintf("A login for %s ran, but the client said no credential matched the registry and asked for the token anonymously (line %d), so the refusal is not about the service account's role: the client reads another docker config than the one the login wrote (DOCKER_CONFIG, another user or container), or its version does not read it.", hostName(h.host), f.anonFallback), loginEv(l)),
							c("cloud-iam-denied", 0.5, ""), c("client-bug", 0.45, "")}
					}
					return []cand{c("cloud-iam-denied", 0.78, "A credential for this host was sent, so the service account lacks the registry role (Artifact Registry Writer / Storage Admin).", loginEv(l)),
						c("token-expired", 0.45, "")}
				}
				return []cand{
					c("no-login", 0.64, "No login or `gcloud auth configure-docker` for this host precedes the failure, so the request was unauthenticated."),
					c("cloud-iam-denied", 0.6, ""),
					c("login-wrong-host", 0.5, ""),
				}
			},
			tell: func(*hit, *facts) string {
				return "Compare the login host (or the hosts given to gcloud auth configure-docker) with the image host: different means login-wrong-host, none means no-login, the same means the service account lacks the IAM role (cloud-iam-denied)."
			},
		},
		&signature{
			id:   "ecr-eof",
			keys: []string{"eof"},
			re:   lazyRe(`"?https://\S+\.dkr\.ecr\.\S+"?: EOF\s*$`),
			// ECR also drops the upload of a repository that does not exist
			// in that account and region (helm push to a path with no
			// repository, docker push before the repository was created).
			rank: fixed(c("cloud-iam-denied", 0.6, "ECR closed the upload request without an answer; with IRSA or instance roles this is seen when the identity lacks ECR push actions, and for a repository that does not exist in this account and region."),
				c("repo-not-found", 0.55, ""), c("registry-unreachable", 0.5, ""), c("no-login", 0.4, "")),
		},
		&signature{
			id:   "eof-after-retry",
			keys: []string{"eof"},
			// docker push gives up on a layer after "ID: Retrying in N
			// seconds" and prints the transport error alone: "EOF". A bare
			// EOF line anywhere else (a shell heredoc's end) is not one.
			re: lazyRe(`^\s*EOF\s*$`),
			rank: func(h *hit, f *facts) []cand {
				if !slices.Contains(f.eofAfterRetry, h.line()) {
					return nil
				}
				if h.kind() == reghost.ECR {
					return []cand{c("cloud-iam-denied", 0.6, fmt.Sprintf("%s closed the layer upload without an answer, after docker's retries: ECR does that when the identity lacks the ECR push actions and for a repository that does not exist in this account and region.", hostName(h.host))),
						c("repo-not-found", 0.58, ""), c("registry-unreachable", 0.5, "")}
				}
				if f.lastRetry == 0 || h.line()-f.lastRetry > 3 {
					return rankEOFAfterUpload(h, f)
				}
				return []cand{c("registry-unreachable", 0.6, fmt.Sprintf("The connection to %s was closed without an answer while uploading layers, and docker's retries did not get through: a proxy, load balancer or the registry dropped the upload.", hostName(h.host))),
					c("registry-fault", 0.55, ""), c("repo-not-found", 0.4, "")}
			},
		},
	)
}

// rankGCPPermission ranks Google Cloud's `Permission "artifactregistry...."
// denied`. Artifact Registry answers an anonymous request with the same
// text as a service account without the role, so the logins before the
// failure decide: docker needs a credential (gcloud auth configure-docker
// HOST, or a docker login) for this exact regional host
// (cloud.google.com/artifact-registry/docs/docker/authentication).
func rankGCPPermission(h *hit, f *facts) []cand {
	if strings.Contains(h.low, "token exchange failed") && strings.Contains(h.low, "google container registry api") {
		// GCR's token exchange for a project whose Container Registry API
		// is off: "Token exchange failed for project 'P'. Please enable
		// Google Container Registry API in Cloud Console at
		// https://console.cloud.google.com/apis/api/containerregistry.googleapis.com/overview?project=P
		// before performing this operation.", or, to a caller that may not
		// enable services there, "Please enable or contact project owners
		// to enable the Google Container Registry API …". Either says the
		// API is off in project P; P may also not be the caller's project
		// at all (a typo, or an image that was never published there): a
		// pull then finds no image, so check the project name first
		// (deep-security/smartcheck-helm README.md, "Failed to pull image
		// ... Please enable or contact project owners to enable the
		// Google Container Registry API").
		cs := []cand{c("registry-disabled", 0.92, "The Container Registry API is not enabled in the project the image path names, so GCR refuses every push and pull for it. Check that the path names the intended project, then enable the API there (`gcloud services enable containerregistry.googleapis.com --project PROJECT`, with billing on the project).")}
		if h.op == opPull || (h.op != opPush && isManifestRead(h)) {
			cs = append(cs, c("manifest-unknown", 0.5, "If the project in the message is not yours, the path names an image that does not exist there (a typo in the project, or an image you must build and push to your own project first)."))
		}
		return append(cs, c("cloud-iam-denied", 0.45, ""))
	}
	if strings.Contains(h.low, "token exchange failed") || strings.Contains(h.low, "storage.") {
		return []cand{c("cloud-iam-denied", 0.9, "Google Cloud IAM refused the registry action for this service account (or the bucket behind the registry does not exist)."),
			c("repo-not-found", 0.45, ""), c("login-wrong-host", 0.35, "")}
	}
	state, l := f.loginState(h.line(), h.host)
	switch state {
	case "same":
		return []cand{c("cloud-iam-denied", 0.9, "A credential for this registry host was in place, so the service account lacks the Artifact Registry role for this action (or the repository does not exist).", loginEv(l)),
			c("repo-not-found", 0.45, ""), c("login-wrong-host", 0.35, "")}
	case "other":
		return []cand{c("login-wrong-host", 0.85, fmt.Sprintf("The credential was set up for %s (line %d), not for %s: each Artifact Registry region host (and gcr.io) needs its own gcloud auth configure-docker entry or login.", l.Host, l.Line, hostName(h.host)), loginEv(l)),
			c("cloud-iam-denied", 0.55, ""), c("no-login", 0.45, "")}
	}
	if strings.Contains(h.low, "serviceaccount") || strings.Contains(h.low, "gserviceaccount.com") || strings.Contains(h.low, "principal") {
		return []cand{c("cloud-iam-denied", 0.88, "The message names the principal that was refused: it lacks the Artifact Registry role for this action."),
			c("repo-not-found", 0.45, "")}
	}
	download := strings.Contains(h.low, "downloadartifacts")
	if (download && h.op == opPush) || f.fullLog() {
		// A push first checks, without a credential when none is set up,
		// whether its blobs exist: a refused downloadArtifacts during a push
		// is that anonymous check. A whole CI log would show the setup.
		return []cand{
			c("no-login", 0.7, fmt.Sprintf("No login or gcloud auth configure-docker for %s precedes the failure: Artifact Registry answers a request without a credential with this same permission error.", hostName(h.host))),
			c("cloud-iam-denied", 0.62, ""),
			c("login-wrong-host", 0.52, ""),
		}
	}
	return []cand{
		c("cloud-iam-denied", 0.8, "Google Cloud IAM refused the registry action for this identity (or the repository does not exist)."),
		c("no-login", 0.55, ""),
		c("login-wrong-host", 0.5, ""),
	}
}

// rankNoPushAccess ranks skaffold's "No push access to specified image
// repository": the registry refused the push; skaffold does not say why, so
// the logins before it decide.
func rankNoPushAccess(h *hit, f *facts) []cand {
	if h.host == "" && strings.Contains(h.low, "gcr project") {
		h.kindHint = reghost.GAR
	}
	state, l := f.loginState(h.line(), h.host)
	switch state {
	case "other":
		return []cand{
			c("login-wrong-host", 0.82, fmt.Sprintf("The credential was set up for %s (line %d), not for %s; gcloud auth configure-docker without a host argument covers gcr.io only, not the regional Artifact Registry hosts.", l.Host, l.Line, hostName(h.host)), loginEv(l)),
			c("no-login", 0.5, ""),
			c("push-outside-namespace", 0.45, ""),
		}
	case "same":
		return []cand{
			c("insufficient-role", 0.6, fmt.Sprintf("A credential for %s was in place (line %d), yet the push was refused: the identity may not write this repository.", hostName(h.host), l.Line), loginEv(l)),
			c("push-outside-namespace", 0.55, ""),
			c("cloud-iam-denied", 0.5, ""),
		}
	}
	cs := []cand{
		c("no-login", 0.72, fmt.Sprintf("skaffold says the push to %s was refused, and no login or gcloud auth configure-docker for that host precedes it: the push went out without a credential.", hostName(h.host))),
		c("push-outside-namespace", 0.45, ""),
		c("insufficient-role", 0.42, ""),
	}
	if k := h.kind(); k == reghost.GAR {
		cs = append(cs[:1], c("cloud-iam-denied", 0.5, ""), c("login-wrong-host", 0.46, ""))
	}
	return cs
}

// scopesAskPush reports whether a token request on the hit's line asks for
// push on some repository (a push's token fetch is a GET, too).
// cliManifestScopeRead reports whether the hit is Docker Hub's "access
// token has insufficient scopes" on a manifest GET in the Go HTTP client's
// `Get "URL": ERR` form without the daemon's "Error response from daemon"
// wrapper: the docker CLI's own registry client (docker manifest inspect),
// which requested push scope for reads until docker/cli#4511.
func cliManifestScopeRead(h *hit) bool {
	return h.kind() == reghost.DockerHub && h.url.Object == "manifests" && !scopesAskPush(h) &&
		strings.Contains(h.low, "access token has insufficient scopes") &&
		strings.Contains(h.low, "get \"http") && !strings.Contains(h.low, "error response from daemon")
}

func scopesAskPush(h *hit) bool {
	for _, s := range h.url.Scopes {
		if s.has("push") {
			return true
		}
	}
	return false
}
