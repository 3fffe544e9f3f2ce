package diagnose

import (
	"fmt"
	"slices"
	"strings"

	"github.com/regdoctor/regdoctor/internal/finding"
	"github.com/regdoctor/regdoctor/internal/reghost"
)

// The files a registry client keeps its logins in, when the client cannot
// read or write them: the containers-auth.json(5) file of podman, buildah
// and skopeo (${XDG_RUNTIME_DIR}/containers/auth.json, REGISTRY_AUTH_FILE,
// --authfile), and the docker config directory (~/.docker, DOCKER_CONFIG)
// that docker, cosign, crane and other go-containerregistry clients write
// on login. No registry was asked: the login could not be stored, or the
// stored one could not be read, so the next request goes without it.

func init() { sigGroups = append(sigGroups, sigsClientConfig) }

func sigsClientConfig() {
	register(
		&signature{
			id: "containers-auth-file",
			// containers/image (pkg/docker/config) wraps the file errors
			// with the path: "reading JSON file PATH: ERR", "unmarshaling
			// JSON at PATH: ERR" and "writing to file PATH: ERR" (with an
			// "error " prefix before c/image 5.19). The path is the auth
			// file (auth.json, a REGISTRY_AUTH_FILE name) or a docker
			// config it also reads (~/.docker/config.json, ~/.dockercfg).
			keys: []string{"reading json file", "unmarshaling json at", "writing to file \""},
			re:   lazyRe(`(?i)(?:reading JSON file|unmarshaling JSON at|writing to file) "([^"]*(?:auth[^"/]*\.json|\.docker/config\.json|\.dockercfg|/containers/[^"/]+\.json))":? ?(.*)`),
			veto: gitLike,
			rank: rankContainersAuthFile,
		},
		&signature{
			id: "containers-authfile-missing",
			// podman and buildah check an --authfile / REGISTRY_AUTH_FILE
			// path before they run (c/common pkg/auth CheckAuthFile):
			// "error checking authfile path PATH: stat PATH: ERR" (podman
			// 1-3), "checking authfile: stat PATH: ERR", "credential file
			// is not accessible: faccessat PATH: ERR" (podman 5, buildah
			// 1.3x). The file the job names does not exist or cannot be
			// read: the login wrote elsewhere (another job or container,
			// another user's XDG_RUNTIME_DIR) or never ran.
			keys: []string{"checking authfile", "credential file is not accessible"},
			re:   lazyRe(`(?i)(?:checking authfile(?: path \S+)?|credential file is not accessible): (?:stat|faccessat|lstat) (\S+): (.+)`),
			rank: func(h *hit, f *facts) []cand {
				why := fmt.Sprintf("The auth file this job names (--authfile / REGISTRY_AUTH_FILE: %s) cannot be read: %s. podman and buildah stop before any request; the login that should have written the file ran elsewhere (another job, container or user) or wrote to its default path instead. Point REGISTRY_AUTH_FILE at the file the login writes, in the same job, or run the login with the same setting first.", h.m[1], strings.TrimSpace(h.m[2]))
				return []cand{c("credential-store-error", 0.84, why), c("no-login", 0.55, ""), c("login-other-job", 0.45, "")}
			},
		},
		&signature{
			id: "docker-config-dir",
			// Go's os errors on the docker config directory or its
			// config.json: "mkdir /.docker: permission denied" (a non-root
			// user without a home: HOME=/), "open
			// /kaniko/.docker/config.json: read-only file system" (a
			// secret mounted read-only where the client writes). The
			// docker CLI's own "Error saving credentials: …" is the
			// credential-store signature's; its "WARNING: Error loading
			// config file" goes on without the file and is no failure.
			// The containers auth file fails the same way when opened
			// bare ("open /run/containers/0/auth.json: permission
			// denied": a rootless user reaching root's path).
			// Tekton's step entrypoint copies the credentials it
			// initialised into the step's HOME and, when it cannot,
			// logs `[warning: ]unsuccessful cred copy: ".docker" from
			// "/tekton/creds" to "DIR": … mkdir DIR/.docker: permission
			// denied` and runs the step anyway: "only a warning", to
			// ignore when the step does not use those credentials
			// (tektoncd/pipeline docs/auth.md, "unsuccessful cred copy"
			// Warning). A registry refusal after it is ranked by its own
			// line; the warning alone is no failure.
			keys: []string{".docker: permission denied", ".docker: read-only file system", "config.json: permission denied", "config.json: read-only file system", "auth.json: permission denied", "auth.json: read-only file system"},
			re:   lazyRe(`(?i)\b(?:mkdir|open) (\S*\.docker(?:/config\.json)?|\S*docker\S*/config\.json|\S*/containers/\S*auth\.json): (permission denied|read-only file system)`),
			veto: append([]string{"error loading config file", "unsuccessful cred copy"}, gitLike...),
			rank: func(h *hit, f *facts) []cand {
				path := h.m[1]
				why := fmt.Sprintf("The client could not create or write its docker config (%s): the user it runs as has no writable home (a non-root container user with HOME=/ or unset), or the directory is mounted read-only. Set HOME or DOCKER_CONFIG to a writable directory before the login.", path)
				if strings.HasSuffix(strings.ToLower(path), "auth.json") {
					why = fmt.Sprintf("This user cannot open the containers auth file %s (podman, buildah, skopeo): it belongs to another user (root's /run/containers/0 reached by a rootless user, or the reverse under sudo) or lies on a read-only mount. Pass --authfile or set REGISTRY_AUTH_FILE to a file this user owns, and log in as the same user that pushes.", path)
				} else if strings.Contains(strings.ToLower(h.m[2]), "read-only") {
					why = fmt.Sprintf("The docker config (%s) is on a read-only mount (a secret or config map mounted where the client writes its login): mount it elsewhere and point DOCKER_CONFIG at a writable copy, or skip the login when the mounted file already holds the credential.", path)
				}
				return []cand{c("credential-store-error", 0.86, why), c("no-login", 0.4, "")}
			},
		},
		&signature{
			id: "shell-auth-file-write",
			// A job that writes its login by hand (`echo '{"auths":…}' >
			// /kaniko/.docker/config.json`, the way GitLab's kaniko and
			// DOCKER_AUTH_CONFIG examples do) and whose shell cannot create
			// the file. Each shell words the failed redirect its own way:
			// BusyBox ash (kaniko's debug image, alpine) "can't create
			// PATH: nonexistent directory" (ash's errmsg for ENOENT) or
			// ": Permission denied", dash (debian's /bin/sh) "cannot create
			// PATH: Directory nonexistent", bash "bash: line N: PATH: No
			// such file or directory". The client later reads no login
			// from that file. kaniko's debug image ships /kaniko/.docker;
			// executor:debug-v0.20.0 shipped without it
			// (GoogleContainerTools/kaniko#1227), so a missing directory
			// there is that release (or an image built without it).
			keys: []string{"json: nonexistent directory", "json: directory nonexistent", "config.json: no such file or directory", "config.json: permission denied", "auth.json: permission denied", "config.json: read-only file system", "auth.json: read-only file system"},
			re:   lazyRe(`(?i)(?:\bcan't create |\bcannot create |\bbash: line \d+: )(\S*(?:\.docker/config\.json|containers/(?:\d+/)?auth\.json)): (nonexistent directory|directory nonexistent|no such file or directory|permission denied|read-only file system)`),
			veto: gitLike,
			rank: func(h *hit, f *facts) []cand {
				// The job's own login step failed, not a request: the
				// reference nearest the line (the runner pulling the
				// job's image) is not what the message is about.
				h.op, h.ref, h.host, h.hasURL = opLogin, imageRef{}, "", false
				path, reason := h.m[1], strings.ToLower(h.m[2])
				dir := path[:strings.LastIndexByte(path, '/')+1]
				missing := reason != "permission denied" && reason != "read-only file system"
				why := fmt.Sprintf("The job's shell could not write the login it builds by hand to %s (%s), so the client finds no credential there and its requests go out without one. Create %s first (mkdir --parents) or write the file to a writable DOCKER_CONFIG / REGISTRY_AUTH_FILE the client reads.", path, reason, orSome(dir, "the directory"))
				if !missing {
					why = fmt.Sprintf("The job's shell could not write the login it builds by hand to %s (%s): the file or its directory belongs to another user or is on a read-only mount. Write it to a DOCKER_CONFIG (or REGISTRY_AUTH_FILE) directory this user owns.", path, reason)
				}
				out := []cand{c("credential-store-error", 0.8, why)}
				// The release shows in the job's image tag when the log
				// names it: a tag pinned to another release rules the
				// defect out; a moving tag (debug, latest) or none leaves
				// it possible (debug pointed at v0.20.0 while it was
				// current).
				if missing && strings.HasPrefix(path, "/kaniko/.docker/") && !kanikoOtherRelease(f.kanikoTag) {
					out = append(out, c("client-bug", 0.5, "kaniko's debug image ships /kaniko/.docker; gcr.io/kaniko-project/executor:debug-v0.20.0 shipped without it (GoogleContainerTools/kaniko#1227). Use another release, or create /kaniko/.docker (mkdir --parents) before writing config.json (an image of your own that copies /kaniko/executor needs the directory too)."))
				}
				return append(out, c("no-login", 0.35, ""))
			},
		},
	)
}

// rankContainersAuthFile reads the error containers/image wrapped around the
// auth file: the file cannot be created, written or opened by this user, or
// it is not valid JSON.
func rankContainersAuthFile(h *hit, f *facts) []cand {
	path, detail := h.m[1], strings.ToLower(h.m[2])
	switch {
	case containsAny(detail, []string{"unexpected end of json", "invalid character", "cannot unmarshal", "unmarshaling json"}):
		return []cand{
			c("credential-store-error", 0.85, fmt.Sprintf("The auth file %s is empty or not valid JSON, so podman/buildah/skopeo cannot read the logins in it: a truncated or interrupted write, a hand-written or templated file, or a secret mounted with other content. Remove or rewrite it (podman login writes a valid one).", path)),
			c("client-bug", 0.35, ""),
		}
	case containsAny(detail, []string{"permission denied", "read-only file system", "operation not permitted"}):
		return []cand{
			c("credential-store-error", 0.87, fmt.Sprintf("This user cannot write or read the auth file %s. A container user without a home or XDG_RUNTIME_DIR gets a default path it cannot write (/auth.json, /run/containers/UID/auth.json), and a file mounted read-only cannot take a login. Pass --authfile or set REGISTRY_AUTH_FILE to a path this user owns.", path)),
			c("no-login", 0.4, ""),
		}
	}
	return []cand{
		c("credential-store-error", 0.8, fmt.Sprintf("podman/buildah/skopeo could not use the auth file %s, so the login cannot be stored or read: check that the path exists and is writable by this user, or pass --authfile / REGISTRY_AUTH_FILE.", path)),
		c("no-login", 0.4, ""),
	}
}

// The warnings that say the docker config or its credential helper is
// unusable while the client goes on: the docker CLI's "WARNING: Error
// loading config file: PATH: ERR" (it runs without the file, so no stored
// login is read), gcloud auth configure-docker's "WARNING:
// `docker-credential-gcloud` not in system PATH" (the credHelpers entry it
// wrote names a helper docker cannot run), and docker-java's fallback
// notice when the helper the docker config names fails (below). The line's
// key pass finds them; the docker CLI's warning holds no signature key,
// hence the fact keyword.
func init() { factKeys = append(factKeys, "error loading config file", dockerJavaFallback) }

// dockerJavaFallback ends the notice of docker-java based clients that could
// not read a credential from the docker config and go on without one:
// Testcontainers' RegistryAuthLocator logs "Failure when attempting to
// lookup auth config. Please ignore if you don't have images in an
// authenticated registry. Details: (dockerImageName: IMAGE, configFile:
// PATH …). Falling back to docker-java default behaviour. Exception message:
// ERR" at INFO since 1.15; before, and in the Gradle Docker plugin's
// (bmuschko) RegistryAuthLocator, the sentence is logged at ERROR with the
// exception, whose message is the next line ("java.io.IOException: Cannot
// run program \"docker-credential-desktop\": error=2, …", Java's
// ProcessBuilder). Either way the helper failed, but the lookup is not the
// job's failure: a public image pulls anonymously and the build goes on. A
// registry refusal after it is the helper's doing (storeWarningCand).
const dockerJavaFallback = "falling back to docker-java default behaviour"

var (
	kConfigLoadWarn  = lowKey("error loading config file")
	kHelperNotInPath = lowKey("not in system path")
	kDockerJavaFall  = lowKey(dockerJavaFallback)
	// The helper failures docker-java relays in that notice (its
	// ProcessBuilder's "Cannot run program", the docker CLI helper
	// protocol's errors): a notice about a missing config file ("No such
	// file or directory" on config.json, "No config supplied") names none.
	kDockerJavaHelperErr = lowKeys([]string{"docker-credential-", "credential helper", "error getting credentials"})
	mDockerJavaHelperErr = maskOf(kDockerJavaHelperErr)
)

// observeStoreWarning records the first such warning (facts.storeWarn).
func (f *facts) observeStoreWarning(n int, low string) {
	switch {
	case f.has(kConfigLoadWarn):
		f.storeWarn = n
	case f.has(kHelperNotInPath) && strings.Contains(low, "docker-credential-gcloud"):
		f.storeWarn, f.storeWarnGCP = n, true
	}
}

// observeDockerJava records docker-java's fallback notices
// (dockerJavaFallback): the last notice line, and the helper failures it
// relays, on its own line or as the exception line right after it
// (facts.dockerJavaHelper). The first of those is a store warning.
func (f *facts) observeDockerJava(n int) {
	notice := f.has(kDockerJavaFall)
	if notice {
		f.dockerJavaFall = n
	}
	if !f.hasAnyIn(kDockerJavaHelperErr, &mDockerJavaHelperErr) || !notice && (f.dockerJavaFall == 0 || n != f.dockerJavaFall+1) {
		return
	}
	if len(f.dockerJavaHelper) < maxDockerJavaLines {
		f.dockerJavaHelper = append(f.dockerJavaHelper, n)
	}
	if f.storeWarn == 0 {
		f.storeWarn, f.storeWarnHelper = n, true
	}
}

// maxDockerJavaLines caps facts.dockerJavaHelper (one notice per image).
const maxDockerJavaLines = 16

// dockerJavaRelayed reports whether line n is a helper failure that
// docker-java relayed in its fallback notice (observeDockerJava).
func (f *facts) dockerJavaRelayed(n int) bool {
	return slices.Contains(f.dockerJavaHelper, n)
}

// storeWarningCand puts credential-store-error first for a request that went
// without a (valid) credential after such a warning: the login was not
// missing, the client could not read it. gcloud's warning counts only for
// Google's registries (gcr.io, pkg.dev, or Artifact Registry's own refusal
// when the line names no host), the hosts its helper serves.
func storeWarningCand(h *hit, f *facts, cs []cand) (cand, bool) {
	if f.storeWarn == 0 || f.storeWarn >= h.line() || len(cs) == 0 {
		return cand{}, false
	}
	top := strongest(cs)
	switch top.cause {
	case "no-login", "login-other-job", "bad-credentials", "token-expired":
	case "credential-store-error":
		// A refusal already read as a helper's silence (a credential
		// helper is named): the notice names which helper failed.
		if !f.storeWarnHelper {
			return cand{}, false
		}
	case "manifest-unknown":
		// Docker Hub's "pull access denied … may require 'docker login'"
		// (and a bare 401) answers a private repository as a missing one:
		// after the helper failed the pull went anonymous, so the login
		// it could not read comes first.
		if !f.storeWarnHelper || !containsAny(h.low, []string{"pull access denied", "access to the resource is denied", "unauthorized"}) {
			return cand{}, false
		}
	case "cloud-iam-denied":
		// Artifact Registry says "Unauthenticated request" when no
		// credential arrived at all: configure-docker counted as the login,
		// but its helper never ran.
		if !f.storeWarnGCP || !strings.Contains(h.low, "unauthenticated request") {
			return cand{}, false
		}
	default:
		return cand{}, false
	}
	ev := []finding.Evidence{{Line: f.storeWarn, Text: "(the client warned that its docker config or credential helper is unusable)"}}
	if f.storeWarnGCP {
		if h.kind() != reghost.GAR && !strings.Contains(h.low, "artifactregistry.") {
			return cand{}, false
		}
		return cand{cause: "credential-store-error", w: top.w + 0.04, ev: ev,
			why: fmt.Sprintf("gcloud auth configure-docker warned (line %d) that docker-credential-gcloud is not on PATH, so the credHelpers entry it wrote cannot run and docker sent no credential to %s: put the Google Cloud SDK's bin directory on PATH (or install docker-credential-gcr), or log in with an access token instead.", f.storeWarn, hostName(h.host))}, true
	}
	if f.storeWarnHelper {
		return cand{cause: "credential-store-error", w: top.w + 0.04, ev: ev,
			why: fmt.Sprintf("The client could not run the credential helper its docker config names (line %d: docker-java fell back to no credential), so the request to %s went without the stored login: install that helper on this machine's PATH, or remove credsStore/credHelpers from the docker config (a config copied from a Docker Desktop machine names docker-credential-desktop) and provide the credential another way.", f.storeWarn, hostName(h.host))}, true
	}
	return cand{cause: "credential-store-error", w: top.w + 0.04, ev: ev,
		why: fmt.Sprintf("The docker client warned (line %d) that it could not load its config file and went on without it, so no stored login was read for %s: fix the file (permissions for this user, valid JSON) or point DOCKER_CONFIG at a readable one.", f.storeWarn, hostName(h.host))}, true
}

// kanikoReleaseTagRe matches a kaniko executor tag pinned to one release
// ("v1.23.2", "v1.9.1-debug", the older "debug-v0.20.0"); group 1 is the
// version.
var kanikoReleaseTagRe = lazyRe(`^(?:debug-)?v(\d+\.\d+\.\d+)(?:-debug)?$`)

// kanikoOtherRelease reports whether tag (facts.kanikoTag) pins a kaniko
// release other than v0.20.0, the one whose debug image shipped without
// /kaniko/.docker (GoogleContainerTools/kaniko#1227).
func kanikoOtherRelease(tag string) bool {
	m := kanikoReleaseTagRe.FindStringSubmatch(tag)
	return m != nil && m[1] != "0.20.0"
}
