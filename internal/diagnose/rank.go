package diagnose

import (
	"fmt"
	"strings"

	"github.com/agnivade/levenshtein"

	"github.com/regdoctor/regdoctor/internal/finding"
	"github.com/regdoctor/regdoctor/internal/reghost"
)

// Ranking helpers shared by the signature groups. Weights are in 0..1; they
// order candidates for one symptom, with context (logins before the failure,
// the registry kind, the GITHUB_TOKEN permissions, the event) moving them.

func c(cause string, w float64, why string, ev ...finding.Evidence) cand {
	return cand{cause: cause, w: w, why: why, ev: ev}
}

func fixed(cs ...cand) func(*hit, *facts) []cand {
	return func(*hit, *facts) []cand { return cs }
}

func loginEv(l login) finding.Evidence {
	return finding.Evidence{Line: l.Line, Text: fmt.Sprintf("(%s for %s)", l.Source, orSome(l.Host, "a host from a variable"))}
}

func hostName(h string) string { return orSome(h, "the registry") }

// prOrFork reports whether the run looks like a pull request from a fork or
// Dependabot, whose GITHUB_TOKEN is read-only and whose secrets are empty
// (docs.github.com/actions/security-for-github-actions/security-guides/automatic-token-authentication).
//
// A pull request whose job got its secrets ("Secret source: Actions") comes
// from the same repository and is not read-only; so is a run whose login
// names dependabot[bot] as the actor but got those secrets (a workflow_run
// after a Dependabot run).
func (f *facts) prOrFork() bool {
	return f.forkNoSecret || f.dependabot || f.forkEnv > 0 || ((f.pullRequest || f.dependabotUser) && f.secretSource != "Actions")
}

// rankUnauthenticated ranks a 401 "authentication required" family answer:
// the registry saw no credential it accepts for this request.
func rankUnauthenticated(h *hit, f *facts) []cand {
	if v2PingChallenge(h, f) {
		return nil // a debug trace of the /v2/ check's challenge, not a refusal (pingtrace.go)
	}
	if cs := wrappedLoginAttempt(h, f); cs != nil {
		return cs // loginwrap.go
	}
	if cs := rankCosignHelmLogin(h, f); cs != nil {
		return cs // sig_pushrefs.go
	}
	state, l := f.loginState(h.line(), h.host)
	kind := h.kind()
	if cs := garShallowPath(h); cs != nil {
		return cs
	}
	if strings.HasPrefix(h.repo(), "chartrepo/") {
		// /chartrepo/PROJECT is Harbor's legacy ChartMuseum API path
		// (ChartMuseum deprecated in Harbor 2.6, removed in 2.8), not an
		// OCI project; OCI charts go to oci://HOST/PROJECT
		// (goharbor.io/docs/main/working-with-projects/working-with-oci/working-with-helm-oci-charts/),
		// and Harbor answers 401 for a project that does not exist.
		return []cand{
			c("repo-not-found", 0.78, "The path starts with chartrepo/, Harbor's legacy ChartMuseum API path, not a project: push OCI charts to oci://HOST/PROJECT. Harbor answers 401 for a project that does not exist."),
			c("push-outside-namespace", 0.5, ""),
			c("insufficient-role", 0.45, ""),
		}
	}
	if cs := rankDockerHubDeepPath(h); cs != nil {
		return cs
	}
	if cs := rankOpenShiftUnauthenticated(h, f); cs != nil {
		return cs
	}
	if h.op != opPush && h.op != opLogin && strings.Contains(h.low, "http status code: 401, body:") {
		// Harbor's registry client words the answer of the registry it
		// proxies or replicates from as "http status code: N, body: …"
		// (goharbor/harbor src/pkg/registry): the 401 is the upstream's
		// answer to Harbor, not Harbor's to this client. Docker Hub
		// answers 401 for a repository that does not exist (an official
		// image named without library/ in a proxy-cache project).
		return []cand{
			c("manifest-unknown", 0.72, fmt.Sprintf("%s relayed its upstream registry's 401 (\"http status code: 401, body:\" is Harbor's wording for the proxied registry's answer): the upstream has no such public repository — a Docker Hub official image must be named PROJECT/library/NAME in a proxy-cache project — or Harbor's own credential for the upstream is refused.", hostName(h.host))),
			c("registry-fault", 0.5, ""),
			c("no-login", 0.4, ""),
		}
	}
	if h.op != opLogin && f.transferredBefore(h.line()) {
		// Layers moved before the refusal, so the registry accepted the
		// first requests: the bearer token ran out in the middle of a long
		// transfer (registry tokens live minutes: GitLab's 5, distribution's
		// configured expiration), or the clock is off.
		return []cand{
			c("token-expired", 0.7, "Layers were transferred before this refusal, so the first requests were authorised: the registry's short-lived bearer token expired during the transfer (a large layer or a slow link), or a token server with a short expiration."),
			c("clock-skew", 0.5, ""),
			c("no-login", 0.42, ""),
		}
	}
	if h.op == opLogin && state == "none" && h.url.Object == "ping" && !containsAny(h.low, []string{"login", "logging in", "from daemon"}) {
		// A refused /v2/ check with no login command anywhere before it: a
		// tool that opens the registry with an anonymous request and stops
		// at its 401. (The docker daemon checks /v2/ only for docker login:
		// "Error response from daemon: Get …/v2/" is a login's answer.)
		return []cand{
			c("no-login", 0.72, fmt.Sprintf("The /v2/ check of %s was refused and no login for it appears before: the tool had no credential for this registry.", hostName(h.host))),
			c("bad-credentials", 0.5, ""),
			c("credential-store-error", 0.4, ""),
		}
	}
	if h.op == opLogin {
		return []cand{
			c("bad-credentials", 0.7, "The registry rejected the credential at login."),
			c("token-expired", 0.5, ""),
			c("clock-skew", 0.3, ""),
		}
	}
	if cs := gitlabBareNamePush(h, f, state, true); cs != nil {
		return cs // a bare name pushed from a GitLab job (gitlabbarename.go)
	}
	if cs := rankLibraryPush(h, state); cs != nil {
		return cs // a push into Docker Hub's library/ namespace (sig_proxies.go)
	}
	if cs := rankHerokuAppPath(h, state); cs != nil {
		return cs // a push to a Heroku app the account cannot deploy (herokuapp.go)
	}
	if state == "none" && (strings.Contains(h.low, "token?account=") || strings.Contains(h.low, "&account=")) {
		// Docker's token request names the account only when it has a
		// credential to send (distribution docs/spec/auth/token.md: the
		// account parameter is the user the client authenticates as), so a
		// credential from a config or secret the log does not show was
		// refused.
		return []cand{
			c("bad-credentials", 0.66, "The token request names an account, which a client does only when it sends a credential: a stored credential (config.json, a mounted secret) was sent and refused, so it is wrong or belongs to another account."),
			c("token-expired", 0.5, ""),
			c("no-login", 0.4, ""),
		}
	}
	switch state {
	case "other":
		if cs := rankDefaultRegistryElsewhere(h, f, l); cs != nil {
			return cs
		}
		return []cand{
			c("login-wrong-host", 0.85, fmt.Sprintf("A login ran for %s (line %d), but the request went to %s, which has no credential.", l.Host, l.Line, hostName(h.host)), loginEv(l)),
			c("missing-registry-host", 0.5, ""),
			c("no-login", 0.45, ""),
		}
	case "same":
		if f.kaniko && l.Source != "config.json" {
			return []cand{
				c("login-other-job", 0.8, fmt.Sprintf("The login at line %d stored its credential in the job's ~/.docker/config.json, but kaniko reads only /kaniko/.docker/config.json (or $DOCKER_CONFIG).", l.Line), loginEv(l)),
				c("insufficient-role", 0.5, ""),
				c("no-login", 0.45, ""),
			}
		}
		if kind == reghost.Quay && h.op == opPush {
			return []cand{
				c("repo-not-found", 0.65, "Quay answers \"authentication required\" for a repository the credential cannot see, which includes one that does not exist yet in an organization.", loginEv(l)),
				c("insufficient-role", 0.6, "", loginEv(l)),
				c("token-missing-scope", 0.45, ""),
			}
		}
		if h.op == opPush && h.url.Object == "manifests" && (strings.Contains(h.low, "head http") || strings.Contains(h.low, "get http")) {
			// The read before the upload (HEAD/GET manifest) was refused: the
			// token did not even allow a pull of this repository.
			if !l.OK {
				// crane auth login and a written config.json store the
				// credential without asking the registry, so it may never
				// have worked.
				return []cand{
					c("bad-credentials", 0.6, fmt.Sprintf("The credential given at line %d was never checked by the registry (%s), and the first request with it was refused.", l.Line, storedHow(l)), loginEv(l)),
					c("token-expired", 0.58, ""),
					c("push-outside-namespace", 0.57, ""),
					c("insufficient-role", 0.5, ""),
				}
			}
			return []cand{
				c("push-outside-namespace", 0.62, fmt.Sprintf("The login at line %d worked, yet the identity may not even read this repository: it is outside the namespaces it may use.", l.Line), loginEv(l)),
				c("insufficient-role", 0.6, "", loginEv(l)),
				c("token-expired", 0.45, ""),
			}
		}
		if ns, _, _ := strings.Cut(h.repo(), "/"); l.OK && l.User != "" && strings.EqualFold(ns, l.User) && h.kind() == reghost.DockerHub {
			// The account pushes into its own namespace after a login the
			// registry accepted: neither the namespace nor a role explains
			// a 401, the token's scope or the client does.
			return []cand{
				c("token-missing-scope", 0.62, fmt.Sprintf("%s logged in (line %d) and pushes into its own namespace %s, yet the registry refused the token: a read-only access token, or a client that asks for the wrong scope.", l.User, l.Line, ns), loginEv(l)),
				c("client-bug", 0.58, ""),
				c("token-expired", 0.5, ""),
			}
		}
		if l.OK && strings.Contains(h.low, "basic realm") {
			// A Basic challenge (htpasswd auth) has no roles or scopes: every
			// user it knows may pull and push. After a login it accepted, a
			// 401 means the client did not send the stored credential.
			return []cand{
				c("client-bug", 0.66, fmt.Sprintf("The registry uses Basic auth, which has no per-user push rights, and accepted the login at line %d; the 401 means this request went out without the stored credential: a defect of the client (for example nerdctl 1.6.2, which dropped it on plain-HTTP upload URLs, containerd#9269).", l.Line), loginEv(l)),
				c("login-other-job", 0.5, ""),
				c("bad-credentials", 0.42, ""),
			}
		}
		read := h.op == opPull || (h.op == "" && h.url.Object == "manifests" && containsAny(h.low, []string{"head request", "get request", "head http", "get http"}))
		if read && l.Source != "config.json" && (kind == reghost.DockerHub || kind == reghost.GHCR) && strings.Contains(h.low, "authentication required") {
			// Docker Hub and GHCR refuse a known identity a repository it may
			// not read with "denied"; "authentication required" after a login
			// command (which checks the credential with the registry before
			// it stores it) means the read carried no credential at all.
			return []cand{
				c("client-bug", 0.62, fmt.Sprintf("A login for %s ran at line %d (a login checks the credential with the registry), yet the read was answered \"authentication required\", which %s gives to requests that carry no credential (a logged-in identity without access gets \"denied\"): the client did not send the stored credential, a defect of this client version (helm 3.13.0/3.13.1 and 3.18.0/3.18.1 did so).", hostName(l.Host), l.Line, hostName(h.host)), loginEv(l)),
				c("token-expired", 0.5, ""),
				c("insufficient-role", 0.45, ""),
			}
		}
		if read && l.OK {
			// A read refused right after a login the registry accepted.
			return []cand{
				c("insufficient-role", 0.6, fmt.Sprintf("The login for %s succeeded (line %d), yet the read was refused: the identity may not pull this repository.", hostName(l.Host), l.Line), loginEv(l)),
				c("client-bug", 0.55, "A 401 on a read right after an accepted login is also the mark of a client whose registry requests differ from its login (helm 3.13.0/3.13.1, helm/helm#12423)."),
				c("token-expired", 0.5, ""),
			}
		}
		cs := []cand{
			c("insufficient-role", 0.6, fmt.Sprintf("A credential for %s was in place (line %d), so the identity is known but was not granted this action.", hostName(l.Host), l.Line), loginEv(l)),
			c("token-missing-scope", 0.55, "", loginEv(l)),
			c("token-expired", 0.5, ""),
			c("registry-fault", 0.35, ""),
		}
		if h.op == opPush {
			// Token registries (distribution, Harbor, Docker Hub) answer a
			// push outside the identity's namespace with the same 401 as a
			// push without the role: only the repository path differs.
			cs = append(cs, c("push-outside-namespace", 0.56, ""))
		}
		return cs
	}
	if f.credHelper {
		return []cand{
			c("credential-store-error", 0.7, "A credential helper is configured; when it fails, docker silently sends no credential."),
			c("no-login", 0.65, ""),
			c("login-other-job", 0.45, ""),
		}
	}
	if h.op == opPull || (h.op != opPush && isManifestRead(h)) {
		if cs := rankOfficialNamespaceRead(h, f); cs != nil {
			return cs // sig_officialread.go
		}
		if host := kubeletPullHost(h); host != "" {
			// The kubelet's event ("Failed to pull image REF: …") on a
			// managed cluster has no login step: GKE nodes pull from gcr.io
			// and *-docker.pkg.dev with the node service account
			// (cloud.google.com/artifact-registry/docs/integrate-gke), AKS
			// nodes from an attached registry with the kubelet identity's
			// AcrPull (learn.microsoft.com/azure/aks/cluster-container-registry-integration).
			// A 401 there is that identity's missing access; elsewhere a
			// missing imagePullSecret (no-login) stays first.
			return []cand{
				c("no-login", 0.75, fmt.Sprintf("No credential for %s reached the kubelet: outside a managed cluster the pod needs an imagePullSecret for this registry; the image may also not exist (registries answer both with 401).", host)),
				c("cloud-iam-denied", 0.55, "On GKE or AKS the node pulls with its own identity (the node service account; the kubelet identity of an attached registry): that identity lacks read access (roles/artifactregistry.reader or Storage Object Viewer with the node's storage scope; AcrPull via az aks update --attach-acr)."),
				c("manifest-unknown", 0.48, ""),
			}
		}
		// A read refused with 401 and no login: a private image, or one that
		// does not exist (Docker Hub and Quay answer a missing repository or
		// tag with the same 401).
		return []cand{
			c("no-login", 0.75, fmt.Sprintf("No login for %s appears before the failure, so the read went out anonymously; the image is private, or does not exist (registries answer both with 401).", hostName(h.host))),
			c("manifest-unknown", 0.48, ""),
			c("login-other-job", 0.45, ""),
		}
	}
	if q := rankQuayCIPush(h, f, "none"); q != nil && h.op == opPush {
		return q
	}
	if h.op == opPush && h.url.Host != "" && reghost.Classify(h.url.Host) == reghost.DockerHub && officialName(h.url.Repo) {
		// The request itself went to Docker Hub's library/, which holds
		// Docker's official images: no account may push there, logged in
		// or not, so the name is wrong before the login. (The reference on
		// the line may be a push's source, not its destination: only the
		// request URL shows where the push went.)
		return []cand{
			c("push-outside-namespace", 0.78, fmt.Sprintf("The push goes to %s on Docker Hub, the official-images namespace no account can push to: the image name has no namespace (or no registry host) — a login would not help.", h.url.Repo)),
			c("missing-registry-host", 0.6, ""),
			c("no-login", 0.5, ""),
		}
	}
	if h.op == opPush && kind == reghost.Quay {
		// Quay answers a push into an organization's repository that does
		// not exist with the same 401 as an anonymous one (robot accounts
		// cannot create repositories on push), so the missing repository is
		// the second reading when no login is in sight.
		return []cand{
			c("no-login", 0.75, fmt.Sprintf("No login for %s appears before the failure, so the request went out anonymously.", hostName(h.host))),
			c("repo-not-found", 0.5, "If the job does log in (in a step this log does not show), Quay gives the same 401 for a repository that does not exist yet in the organization: robots cannot create one on push."),
			c("login-other-job", 0.45, ""),
			c("insufficient-role", 0.42, ""),
		}
	}
	// Registries that hide what an identity may not do (Docker Hub, Harbor,
	// OpenShift) also answer "authentication required" to a known identity
	// without the push right, so insufficient-role stays a candidate.
	return []cand{
		c("no-login", 0.75, fmt.Sprintf("No login for %s appears before the failure, so the request went out anonymously.", hostName(h.host))),
		c("login-other-job", 0.45, ""),
		c("insufficient-role", 0.42, ""),
		c("credential-store-error", 0.4, ""),
	}
}

func tellUnauthenticated(h *hit, f *facts) string {
	return "Look for a login step before this line in the same job and for the same host string (host[:port] exactly as in the image reference): " +
		"none means no-login; one for another host means login-wrong-host; one in another job or container means login-other-job; " +
		"a matching successful login means the identity lacks the push right (insufficient-role or a token without write scope)."
}

// rankDenied ranks "denied: requested access to the resource is denied"
// and its kin: the registry refused the action for this identity (or hid a
// repository that does not exist).
func rankDenied(h *hit, f *facts) []cand {
	state, l := f.loginState(h.line(), h.host)
	kind := h.kind()
	gitlab := kind == reghost.GitLab || f.platform == "gitlab-ci"
	if h.op == "" && (isManifestRead(h) || isReadRequest(h)) {
		h.op = opPull
	}
	if cs := rankDockerHubDeepPath(h); cs != nil {
		return cs
	}
	if host, ok := registryHostAsRepo(h.repo()); ok && kind == reghost.DockerHub {
		return []cand{
			c("missing-registry-host", 0.82, fmt.Sprintf("The image reference is only the registry host %s, with no repository path after it: docker takes the first part of a name as the host only when a '/' follows, so it read %s as a Docker Hub repository (docker.io/library/%s) and sent the request there. Write HOST/REPOSITORY[:TAG].", host, host, host)),
			c("empty-reference-variable", 0.55, "If the repository part of the reference comes from a variable, it expanded to empty."),
			c("invalid-reference", 0.4, ""),
		}
	}
	if state == "other" && kind == reghost.DockerHub && officialName(h.repo()) && reghost.Classify(reghost.Normalize(l.Host)) != reghost.DockerHub {
		// docker names a reference without a host docker.io/library/NAME
		// ("The push refers to repository [docker.io/library/app]"): the
		// login went to the intended registry, the reference did not name it.
		return []cand{
			c("missing-registry-host", 0.86, fmt.Sprintf("A login ran for %s (line %d), but the image reference has no registry host, so it went to Docker Hub as %s: prefix the reference with %s/.", l.Host, l.Line, orSome(h.repo(), "library/NAME"), l.Host), loginEv(l)),
			c("login-wrong-host", 0.6, ""),
			c("push-outside-namespace", 0.42, ""),
		}
	}
	if h.op == opPull && kind == reghost.DockerHub && officialName(h.repo()) && state != "other" && !(gitlab && f.jobToken) {
		// library/ holds Docker's official images, all public: Docker Hub
		// refuses a pull there only for a name that does not exist (an image
		// that was only built locally, or a name missing its namespace).
		return officialNameRefused(h.repo(), "access denied", f) // sig_officialread.go
	}
	if h.op == opPull && kind == reghost.DockerHub && state == "none" && (strings.Contains(h.low, "pull access denied for") || strings.Contains(h.low, "no pull access")) && !(gitlab && f.jobToken) {
		// dockerd's own wording ("repository does not exist or may require
		// 'docker login'"; 17.03-17.06: "repository R not found: does not
		// exist or no pull access") for a Docker Hub name with no login anywhere in
		// the log: the pulls that fail so in the field (kubelet events,
		// compose files, tutorials) are mostly names that do not exist (a
		// typo, a renamed image, one only built locally) — a private
		// repository of one's own would come with a login step.
		return []cand{
			c("manifest-unknown", 0.7, fmt.Sprintf("Docker Hub refused %s without a login in sight; it answers a repository that does not exist exactly as a private one, and a name that is misspelt, renamed or was only built locally is the more common reason.", orSome(h.ref.Raw, "the image"))),
			c("no-login", 0.64, "If the repository is private, log in (or give the pod an imagePullSecret) before the pull."),
			c("missing-registry-host", 0.45, ""),
		}
	}
	if cs := rankRunnerGHCRPull(h, f); cs != nil {
		return cs
	}
	if cs := rankGCRPermissionDeniedFor(h, state); cs != nil && !(gitlab && f.jobToken) {
		return cs // gcrpermdenied.go
	}
	if h.op == opPull && state == "none" {
		if cs := ghcrAnonymousRead(h, f); cs != nil {
			return cs
		}
	}
	if h.op == opPull && state == "same" && !(gitlab && f.jobToken) {
		if cs := deniedPullAfterLogin(h, f, l); cs != nil {
			return cs // ghcrpull.go
		}
	}
	if h.op == opPull && state == "same" && !gitlab && kind != reghost.DockerHub {
		// A login for this very host ran before the refused read, so a
		// credential was sent: the identity cannot see the repository
		// (causes.md manifest-unknown: missing, or hidden from this
		// identity), not a missing login. (dockerd's request-and-message
		// lines, sig_registrymessage.go, reach here with a login in sight.)
		// Not Docker Hub: the docker CLI stores a Docker Hub login under
		// its own key and a pull that spells the host otherwise may not
		// find it (docker/cli#5378), so no credential may have been sent.
		return []cand{
			c("manifest-unknown", 0.66, fmt.Sprintf("A login for %s ran (line %d), so the pull of %s carried a credential, and the registry still refused it: the repository or tag does not exist, or this identity may not read it. Check the name, and grant the account or robot read access to the repository.", hostName(h.host), l.Line, orSome(h.ref.Raw, "the image")), loginEv(l)),
			c("no-login", 0.5, "If the login wrote to another config file or user than the pull reads (sudo, DOCKER_CONFIG, another job), no credential reached the pull."),
			c("token-expired", 0.35, ""),
		}
	}
	if h.op == opPull {
		cs := []cand{
			c("no-login", 0.7, fmt.Sprintf("The pull of %s was refused: the image is private (or missing) and no credential for it was sent.", orSome(h.ref.Raw, "the image"))),
			c("manifest-unknown", 0.5, ""),
		}
		if gitlab && f.jobToken {
			cs = append([]cand{c("job-token-cross-project", 0.8, "The job authenticated with its CI_JOB_TOKEN (credentials from the job payload), which only reaches projects that allow this project in their job token allowlist.")}, cs...)
		} else if gitlab && runnerGitLabPull(h, kind) {
			cs = append([]cand{c("job-token-cross-project", 0.76, runnerJobTokenWhy)}, cs...)
		} else if state == "other" {
			cs = append([]cand{c("login-wrong-host", 0.8, fmt.Sprintf("The login ran for %s, not for %s.", l.Host, hostName(h.host)), loginEv(l))}, cs...)
		}
		return cs
	}
	if cs := rankAbortedLogin(h, f, state); cs != nil {
		return cs // loginusage.go
	}
	if f.authFileLine > 0 && state == "none" && f.containersImage {
		// podman, buildah and skopeo read REGISTRY_AUTH_FILE, not
		// ~/.docker/config.json once it is set (containers-auth.json(5)).
		return []cand{
			c("no-login", 0.72, fmt.Sprintf("The step sets REGISTRY_AUTH_FILE (line %d) and no podman/buildah/skopeo login wrote to it before the push, so the push went out without a credential (a docker login writes ~/.docker/config.json instead).", f.authFileLine),
				finding.Evidence{Line: f.authFileLine, Text: "(REGISTRY_AUTH_FILE set)"}),
			c("credential-store-error", 0.5, ""),
			c("push-outside-namespace", 0.48, ""),
		}
	}
	if state == "other" {
		return []cand{
			c("login-wrong-host", 0.85, fmt.Sprintf("A login ran for %s (line %d), but the push went to %s.", l.Host, l.Line, hostName(h.host)), loginEv(l)),
			c("missing-registry-host", 0.55, ""),
			c("push-outside-namespace", 0.45, ""),
		}
	}
	if gitlab && f.gitlabProject != "" && h.repo() != "" {
		repo := strings.ToLower(h.repo())
		if repo == f.gitlabProject || strings.HasPrefix(repo, f.gitlabProject+"/") {
			return []cand{
				c("insufficient-role", 0.7, fmt.Sprintf("The image path %s is inside this project (%s), so the credential reached the right registry but may not push there: the job token carries the role of the user who started the job (Reporter and Guest cannot push).", repo, f.gitlabProject)),
				c("registry-disabled", 0.5, ""),
				c("no-login", 0.45, ""),
			}
		}
		if f.jobToken || state == "same" {
			return []cand{
				c("job-token-cross-project", 0.88, fmt.Sprintf("The job runs in %s but pushes to %s: a CI_JOB_TOKEN can push only under its own project's path ($CI_REGISTRY_IMAGE).", f.gitlabProject, repo)),
				c("insufficient-role", 0.5, ""),
				c("push-outside-namespace", 0.4, ""),
			}
		}
	}
	if gitlab && (f.jobToken || kind == reghost.GitLab) {
		return []cand{
			c("job-token-cross-project", 0.75, "On GitLab, a job token pushes only under its own project's path ($CI_REGISTRY_IMAGE)."),
			c("insufficient-role", 0.6, ""),
			c("no-login", 0.5, ""),
		}
	}
	if (strings.HasPrefix(h.repo(), "library/") || pushedBareDest(h.low)) && kind == reghost.DockerHub && h.op != opPull {
		if cs := gitlabBareNamePush(h, f, state, false); cs != nil {
			return cs // a bare name pushed from a GitLab job (gitlabbarename.go)
		}
		return []cand{
			c("push-outside-namespace", 0.88, "The image name has no Docker Hub namespace, so it was expanded to library/, the official-images namespace no account can push to."),
			c("missing-registry-host", 0.5, ""),
			c("no-login", 0.4, ""),
		}
	}
	if kind == reghost.Unknown {
		// No host in the excerpt: Docker Hub's namespace rule and a
		// self-hosted registry's role rule are equally possible.
		return []cand{
			c("push-outside-namespace", 0.62, "On Docker Hub this answer means the repository's namespace (the part before the first /) is not the account's or an organization it can push to; on other registries, that the identity has no push right there."),
			c("insufficient-role", 0.5, ""),
			c("login-wrong-host", 0.48, ""),
			c("no-login", 0.46, ""),
		}
	}
	if kind == reghost.DockerHub {
		cs := []cand{
			c("push-outside-namespace", 0.65, "Docker Hub answers this when the repository's namespace (the part before the first /) is not the logged-in account's or an organization it can push to."),
			c("login-wrong-host", 0.5, ""),
			c("no-login", 0.48, ""),
			c("insufficient-role", 0.45, ""),
		}
		if state == "none" && f.platform != "" {
			cs[2].w = 0.55
		}
		if state == "same" && l.OK {
			// A login for Docker Hub succeeded before the refusal: the
			// credential reached the registry, so what is left is the
			// namespace or the account's right in an organization's
			// repository (Docker Hub hides which). A login that went to
			// another host than the one it was read as (a host from a
			// variable, podman's default search registry) stays possible.
			cs = []cand{cs[0], c("insufficient-role", 0.5, "If the namespace is an organization the account belongs to, the account (or its team) may lack write access to this repository."), cs[1], cs[2]}
		}
		return cs
	}
	if state == "none" && f.fullLog() {
		// A whole CI job log shows its login steps: none before the push
		// means the request went out anonymously.
		return []cand{
			c("no-login", 0.68, fmt.Sprintf("No login for %s appears in this job before the push, so the request went out anonymously; the registry refuses anonymous pushes with this answer.", hostName(h.host))),
			c("insufficient-role", 0.55, ""),
			c("login-other-job", 0.45, ""),
		}
	}
	return []cand{
		c("insufficient-role", 0.62, fmt.Sprintf("%s refused the action for this identity: it can authenticate but has no push right on this repository.", hostName(h.host))),
		c("push-outside-namespace", 0.55, ""),
		c("no-login", 0.5, ""),
	}
}

// officialName reports whether a Docker Hub repository path is in the
// library/ namespace (a name without a namespace is expanded to it).
// registryHostAsRepo reports whether a Docker Hub repository path (as docker
// expanded it: library/NAME) is itself a registry's hostname: a reference
// that is only a host ("ACCOUNT.dkr.ecr.REGION.amazonaws.com", "ghcr.io")
// has no '/', and docker's reference grammar takes the first component as
// the host only when a '/' follows it (distribution/reference,
// normalize.go splitDockerDomain), so the host became a repository name.
// Only hosts of the registry services reghost knows, or a name beginning
// "registry." with two dots, count: Docker Hub names may contain dots.
func registryHostAsRepo(repo string) (string, bool) {
	name := strings.TrimPrefix(repo, "library/")
	if name == "" || strings.Contains(name, "/") || !strings.Contains(name, ".") {
		return "", false
	}
	switch reghost.Classify(name) {
	case reghost.GHCR, reghost.ECR, reghost.ECRPublic, reghost.GAR, reghost.ACR, reghost.Quay:
		return name, true
	case reghost.GitLab, reghost.Distribution:
		if strings.HasPrefix(name, "registry.") && strings.Count(name, ".") >= 2 {
			return name, true
		}
	}
	return "", false
}

func officialName(repo string) bool {
	return repo != "" && (!strings.Contains(repo, "/") || strings.HasPrefix(repo, "library/"))
}

// isManifestRead reports whether the failed request is a read of a
// manifest (HEAD or GET .../manifests/REF) with no push around it: a pull,
// or a tool resolving a reference.
func isManifestRead(h *hit) bool {
	return h.url.Object == "manifests" && containsAny(h.low, manifestReadVerbs)
}

// manifestReadVerbs adds containerd's resolver wording "HEAD request"/"GET request"
// ("unexpected status from HEAD request to URL", as helm and oras print it) to
// readVerbURL.
var manifestReadVerbs = append([]string{"head request", "get request"}, readVerbURL...)

// readVerbURL holds the lowercase forms of a Go HTTP client error that
// names a read request before its URL (net/http's url.Error: `Get
// "https://…": …`, older Go without the quotes), including the form a
// structured logger gives it when it quotes the whole message: logrus'
// text formatter escapes the inner quotes (msg="… Get \"https://…\":
// denied: …"), as argocd-image-updater and keel print their registry
// errors (argoproj-labs/argocd-image-updater#477, keel-hq/keel#632).
var readVerbURL = []string{"get http", "head http", `get "http`, `head "http`, `get \"http`, `head \"http`}

func tellDenied(h *hit, f *facts) string {
	return "Compare the image path with the account: a namespace that is not the account's or its organization's means push-outside-namespace; " +
		"a successful login for another host string means login-wrong-host; no login at all means no-login; on GitLab a path outside $CI_REGISTRY_IMAGE with CI_JOB_TOKEN means job-token-cross-project; " +
		"a right namespace with a read-only role or robot means insufficient-role."
}

// rankGHCRWrite ranks GHCR's refusals of a package write: the
// GITHUB_TOKEN's packages permission, the package's Actions access, a fork
// PR's read-only token, or an org policy
// (docs.github.com/packages/learn-github-packages/configuring-a-packages-access-control-and-visibility).
func rankGHCRWrite(h *hit, f *facts, exists bool) []cand {
	pkgs, havePerms := f.perms["packages"]
	var permEv []finding.Evidence
	switch {
	case havePerms:
		permEv = append(permEv, finding.Evidence{Line: f.pkgLine, Text: "Packages: " + pkgs})
	case len(f.perms) > 0:
		permEv = append(permEv, finding.Evidence{Line: f.permsLine, Text: "(GITHUB_TOKEN Permissions lists no Packages entry: packages: none)"})
	}
	if f.prOrFork() {
		return []cand{
			c("fork-pr-readonly", 0.85, "The run comes from a pull request or Dependabot, whose GITHUB_TOKEN is read-only for packages whatever the workflow asks."),
			c("gh-token-packages-permission", 0.55, ""),
			c("ghcr-package-actions-access", 0.45, ""),
		}
	}
	if len(f.perms) > 0 && pkgs == "write" && !exists {
		// "installation not allowed to Create organization package": the
		// package does not exist yet (once it exists GHCR says "Write"), so
		// no package setting is involved, and the token holds packages:
		// write: what refuses the creation is the organization's policy
		// (Settings > Packages > Package creation, per visibility).
		return []cand{
			c("ghcr-org-policy", 0.8, "GITHUB_TOKEN Permissions shows Packages: write, and GHCR refused to create the package (it does not exist yet, so no package's Actions access is involved): the organization's package creation settings do not let the workflow create a package of this visibility.", permEv...),
			c("ghcr-package-actions-access", 0.45, ""),
			c("gh-token-packages-permission", 0.4, ""),
		}
	}
	if len(f.perms) > 0 && pkgs == "write" {
		return []cand{
			c("ghcr-package-actions-access", 0.85, "GITHUB_TOKEN Permissions shows Packages: write, so the token may write packages; the package itself does not grant this repository write access (Package settings, Manage Actions access).", permEv...),
			c("ghcr-org-policy", 0.5, ""),
			c("gh-token-packages-permission", 0.4, ""),
		}
	}
	if len(f.perms) > 0 {
		return []cand{
			c("gh-token-packages-permission", 0.9, fmt.Sprintf("GITHUB_TOKEN Permissions shows Packages: %s, so the token cannot write packages.", orSome(pkgs, "none (not listed)")), permEv...),
			c("ghcr-package-actions-access", 0.45, ""),
			c("fork-pr-readonly", 0.35, ""),
		}
	}
	if exists {
		return []cand{
			c("gh-token-packages-permission", 0.7, "The GITHUB_TOKEN of this job most likely lacks packages: write (the default token of repositories created since February 2023 is read-only)."),
			c("ghcr-package-actions-access", 0.62, ""),
			c("fork-pr-readonly", 0.45, ""),
		}
	}
	return []cand{
		c("gh-token-packages-permission", 0.72, "The package does not exist yet and the token may not create it: the job's GITHUB_TOKEN most likely lacks packages: write."),
		c("ghcr-org-policy", 0.5, ""),
		c("fork-pr-readonly", 0.45, ""),
	}
}

func tellGHCRWrite(h *hit, f *facts) string {
	if pk, ok := f.perms["packages"]; ok && pk == "write" && strings.Contains(h.low, "create organization package") {
		return "GITHUB_TOKEN Permissions shows Packages: write and the package does not exist yet: the organization's Settings > Packages > Package creation (for the package's visibility) decides (ghcr-org-policy); creating the package once by hand and granting this repository Write under its Manage Actions access also works around it."
	}
	if pk, ok := f.perms["packages"]; ok && pk == "write" {
		return "GITHUB_TOKEN Permissions shows Packages: write, so the package's Manage Actions access (or an org policy) is the likely gap, not the workflow's permissions."
	} else if len(f.perms) > 0 {
		return fmt.Sprintf("GITHUB_TOKEN Permissions shows Packages: %s, so the token itself cannot write: grant packages: write to the job. "+
			"If the workflow already asks for it, the run is a fork pull request or Dependabot (fork-pr-readonly) or an org policy caps the token (ghcr-org-policy).", orSome(pk, "none"))
	}
	return "Open the failing job's \"Set up job\" group: GITHUB_TOKEN Permissions without Packages: write means gh-token-packages-permission; " +
		"with Packages: write, the package's Settings > Manage Actions access lacks this repository (ghcr-package-actions-access); " +
		"a pull_request run from a fork or Dependabot always gets a read-only token (fork-pr-readonly)."
}

// rank403 ranks a bare 403 with no registry error text, by registry kind.
func rank403(h *hit, f *facts) []cand {
	if cs := wrappedLoginAttempt(h, f); cs != nil {
		return cs // loginwrap.go
	}
	helmPullHost(h)
	if strings.Contains(h.low, "token auth attempt for registry") && !strings.Contains(h.low, "account=") {
		if state, _ := f.loginState(h.line(), h.host); state != "same" {
			// docker's token request (distribution registry/client/auth,
			// "token auth attempt for registry: URL request failed") adds
			// account=USER whenever it holds a credential for the realm;
			// a URL without it went out anonymously, and the registry
			// refused an anonymous push.
			return []cand{
				c("no-login", 0.7, fmt.Sprintf("The token request to %s names no account, which docker adds whenever it has a credential to send: the request went out without one, and the registry refused it (403).", hostName(h.host))),
				c("cloud-iam-denied", 0.5, ""),
				c("insufficient-role", 0.42, ""),
			}
		}
	}
	switch h.kind() {
	case reghost.GHCR:
		if cs := ghcrReadWithoutCredential(h, f); cs != nil { // sig_ghcrread.go
			return cs
		}
		if cs := ghcrStaleCredential(h); cs != nil {
			return cs
		}
		if state, _ := f.loginState(h.line(), h.host); state == "none" && h.op != opPush && isManifestRead(h) {
			// A read of a manifest with no login anywhere before it: GHCR
			// answers 403 for a private package and for a name it does not
			// have (a package is created private by default).
			return []cand{
				c("no-login", 0.62, "The manifest read was refused and no login for ghcr.io precedes it: GHCR refuses an anonymous read of a private package (new packages are private by default) with 403."),
				c("manifest-unknown", 0.6, ""),
				c("ghcr-package-actions-access", 0.4, ""),
			}
		}
		return rankGHCRWrite(h, f, true)
	case reghost.DockerHub:
		return rankDenied(h, f)
	case reghost.GitLab:
		return rankDenied(h, f)
	case reghost.ECRPublic:
		if cs := ecrPublicStalePull(h); cs != nil {
			return cs
		}
	case reghost.ECR, reghost.GAR:
		return []cand{c("cloud-iam-denied", 0.65, "The cloud IAM policy refused the action."), c("insufficient-role", 0.45, "")}
	}
	if state, l := f.loginState(h.line(), h.host); state == "other" {
		// The only login was for another host: the 403 came to a client
		// that had no credential for this one.
		why := fmt.Sprintf("The login ran for %s (line %d), but the request went to %s, which has no credential.", l.Host, l.Line, hostName(h.host))
		w := 0.78
		if hostTypo(l.Host, h.host) {
			why = fmt.Sprintf("The login ran for %s (line %d) but the image names %s: the two host names differ by a typo, so the request went to another server without the credential.", l.Host, l.Line, hostName(h.host))
			w = 0.88
		}
		return []cand{c("login-wrong-host", w, why, loginEv(l)), c("insufficient-role", 0.5, ""), c("missing-registry-host", 0.4, "")}
	}
	if cs := rank403NoHostGHA(h, f); cs != nil {
		return cs
	}
	return []cand{
		c("insufficient-role", 0.6, fmt.Sprintf("%s answered 403 Forbidden: the identity is known but may not do this.", hostName(h.host))),
		c("push-outside-namespace", 0.5, ""),
		c("registry-fault", 0.35, ""),
	}
}

// rank403NoHostGHA ranks a bare 403 on a push in a GitHub Actions log that
// names no registry host and no reference (BuildKit's "unexpected status:
// 403 Forbidden" under build-push-action): the registry GitHub Actions jobs
// push to with a token they did not choose is ghcr.io, whose 403 refuses the
// job's GITHUB_TOKEN. nil when the log names the host or is not GitHub
// Actions (rank403 reads those).
func rank403NoHostGHA(h *hit, f *facts) []cand {
	if h.host != "" || h.ref.Host != "" || h.ref.Repo != "" || f.platform != "github-actions" || (h.op != opPush && h.op != "") {
		return nil
	}
	if len(f.perms) > 0 || f.prOrFork() {
		return rankGHCRWrite(h, f, true) // the GITHUB_TOKEN block or the event decides
	}
	return []cand{
		c("gh-token-packages-permission", 0.56, "The log names no registry host. On GitHub Actions a bare 403 Forbidden to a push most often comes from ghcr.io refusing the job's GITHUB_TOKEN: the token lacks packages: write (read-only by default in repositories created since February 2023), or the package does not grant this repository write access."),
		c("ghcr-package-actions-access", 0.5, ""),
		c("insufficient-role", 0.45, ""),
	}
}

// rankDockerHubDeepPath ranks a refusal of a Docker Hub repository path
// with more than two components: Docker Hub repositories are exactly
// NAMESPACE/NAME (docs.docker.com/docker-hub/repos/create/), so a deeper
// path cannot exist and is refused like a foreign namespace. nil for other
// paths and registries.
func rankDockerHubDeepPath(h *hit) []cand {
	repo := h.repo()
	if h.url.Repo != "" {
		repo = h.url.Repo // the path actually requested (helm push appends the chart name to the reference)
	}
	if h.kind() != reghost.DockerHub {
		return nil
	}
	if h.url.Repo != "" && !strings.Contains(h.url.Repo, "/") && h.url.Object == "manifests" {
		// The registry API path has no namespace (/v2/python/manifests/…):
		// docker adds library/ to a bare name, clients that take the path
		// as given (rules_oci, plain HTTP tools) ask for a repository that
		// cannot exist. Docker Hub answers it 401 like a private one.
		return []cand{c("manifest-unknown", 0.74, fmt.Sprintf("The request asks Docker Hub for /v2/%s/…, a repository without a namespace, which cannot exist: official images are library/%s, and Docker Hub answers a name it does not have with 401.", h.url.Repo, h.url.Repo)),
			c("invalid-reference", 0.5, ""), c("no-login", 0.45, "")}
	}
	if tagHasHost(repo) {
		// The first path component is a registry host by docker's own
		// rule (a dot, a port or localhost: distribution/reference
		// splitDockerDomain), so no Docker Hub namespace looks like it:
		// the client did not take the host as the registry (enroot reads
		// the registry only before a '#', docker://HOST#PATH; a tool that
		// prefixes docker.io to a name that already has a host) and sent
		// the whole name to Docker Hub.
		host := repo[:strings.IndexByte(repo, '/')]
		return []cand{c("missing-registry-host", 0.8, fmt.Sprintf("The request went to Docker Hub for %s, whose first path component %s is a registry host: docker's reference grammar reads a first component with a dot, a port or localhost as the host, so no Docker Hub namespace can look like it. The client did not take %s as the registry and sent the whole name to Docker Hub; write the reference in that client's form for another registry (enroot: docker://%s#REPOSITORY:TAG) and without a docker.io/ prefix.", repo, host, host, host)),
			c("manifest-unknown", 0.5, ""), c("push-outside-namespace", 0.42, "")}
	}
	if strings.Count(repo, "/") < 2 {
		return nil
	}
	why := fmt.Sprintf("Docker Hub repositories are exactly NAMESPACE/NAME, but %s has more path components: no such repository can exist there, and Docker Hub refuses it like a foreign namespace.", repo)
	if h.op == opPull {
		return []cand{c("manifest-unknown", 0.78, why), c("invalid-reference", 0.5, ""), c("no-login", 0.45, "")}
	}
	return []cand{c("push-outside-namespace", 0.8, why), c("repo-not-found", 0.55, ""), c("no-login", 0.45, "")}
}

// hostTypo reports whether two different registry hosts are one or two
// edits apart (ghcr.io and ghrc.io, a dropped letter), the mark of a
// mistyped host rather than a second registry.
func hostTypo(a, b string) bool {
	a, b = reghost.Normalize(a), reghost.Normalize(b)
	if a == "" || b == "" || a == b {
		return false
	}
	return levenshtein.ComputeDistance(a, b) <= 2
}

// fullLog reports whether the log is a whole CI job log (its platform's
// markers seen), where a login step before a push would show.
// fullLog reports whether the log is a whole CI job log, which shows every
// step's commands (GitHub Actions, GitLab CI, AWS CodeBuild's "[Container]
// … Running command" phases), so a login missing from it did not run.
func (f *facts) fullLog() bool {
	return f.platform == "github-actions" || f.platform == "gitlab-ci" || f.platform == "aws-codebuild" || f.platform == "codebuild"
}

func lower(s string) string { return strings.ToLower(s) }

// guestModeCand returns empty-credential for an authentication or
// authorization failure after drone's docker plugin (plugins/docker) said
// "Registry credentials not provided. Guest mode enabled.": it prints that
// when its username or password setting is empty, so it ran no login and
// the push went out anonymously.
func guestModeCand(h *hit, f *facts, cs []cand) (cand, bool) {
	if f.guestMode == 0 || f.guestMode > h.line() {
		return cand{}, false
	}
	for _, x := range cs {
		if authCauses[x.cause] {
			return c("empty-credential", 0.84, fmt.Sprintf("The docker plugin said at line %d that no registry credentials were provided (guest mode): its username or password setting expanded to empty (a secret that is not defined, not allowed for this event, or misnamed in from_secret), so no login ran before the push.", f.guestMode)), true
		}
	}
	return cand{}, false
}

// emptySegmentCand returns empty-reference-variable for an authentication or
// authorization failure whose image reference has an empty path segment
// ("ghcr.io//app", "host/team//app"): no registry serves such a repository
// and no literal reference is written that way, so a variable that should
// hold the owner, project or namespace expanded to empty and the registry
// refused a path that is nobody's (GHCR: "denied: denied"). Docker's
// reference grammar (distribution/reference, path-component) has no empty
// components.
func emptySegmentCand(h *hit, cs []cand) (cand, bool) {
	raw := h.ref.Raw
	for _, p := range [...]string{"docker://", "oci://", "https://", "http://"} {
		raw = strings.TrimPrefix(raw, p)
	}
	i := strings.Index(raw, "//")
	if i <= 0 || raw == "" {
		return cand{}, false
	}
	for _, x := range cs {
		if authCauses[x.cause] || x.cause == "repo-not-found" || x.cause == "manifest-unknown" {
			return c("empty-reference-variable", 0.86, fmt.Sprintf("The repository %q has an empty path segment (//): a variable that should hold the owner, project or namespace expanded to empty, so the registry was asked for a path nobody owns.", h.ref.Raw)), true
		}
	}
	return cand{}, false
}

// garShallowPath ranks a refusal for an Artifact Registry Docker path with
// fewer than three parts: REGION-docker.pkg.dev/PROJECT/REPOSITORY/IMAGE
// (cloud.google.com/artifact-registry/docs/docker/names); a path without
// the repository part names nothing the registry can hold, whatever the
// credential (a path carried over from gcr.io/PROJECT/IMAGE). Nil otherwise.
func garShallowPath(h *hit) []cand {
	if h.kind() != reghost.GAR || !strings.HasSuffix(h.host, "-docker.pkg.dev") || h.repo() == "" || strings.Count(h.repo(), "/") >= 2 {
		return nil
	}
	return []cand{
		c("invalid-reference", 0.74, fmt.Sprintf("Artifact Registry image paths are HOST/PROJECT/REPOSITORY/IMAGE; %s has fewer parts (a gcr.io-style PROJECT/IMAGE path), so it names no repository, and the registry refuses it whatever the credential.", h.repo())),
		c("repo-not-found", 0.55, ""),
		c("no-login", 0.4, ""),
	}
}

// kubeletPullHost is the registry host of the image in a kubelet event
// ("Failed to pull image \"REF\": …", kubelet's images/image_manager.go)
// when it is Google's (gcr.io, *-docker.pkg.dev) or an Azure Container
// Registry, the registries whose managed clusters (GKE, AKS) pull with the
// node's own identity; "" otherwise.
func kubeletPullHost(h *hit) string {
	host := h.host
	if host == "" {
		const ev = `failed to pull image "`
		i := strings.Index(h.low, ev)
		if i < 0 {
			return ""
		}
		ref, _, ok := strings.Cut(h.low[i+len(ev):], `"`)
		if !ok {
			return ""
		}
		host = parseRef(ref).Host
	} else if !strings.Contains(h.low, "failed to pull image") {
		return ""
	}
	if k := reghost.Classify(host); k == reghost.GAR || k == reghost.ACR {
		return host
	}
	return ""
}
