package diagnose

import (
	"fmt"
	"math/bits"
	"strings"
	"sync"

	"github.com/regdoctor/regdoctor/internal/reghost"
	"mvdan.cc/sh/v3/syntax"
)

// Caps keep memory bounded whatever the log size: a job log can be gigabytes,
// and the facts that matter are few.
const (
	maxLogins = 32
	maxRefs   = 128 // most recent references kept
	maxURLs   = 128 // most recent registry URLs kept
	maxHits   = 64  // distinct signature hits kept
	maxLine   = 8192
)

// login is a credential that reached (or failed to reach) a client for a host:
// a `docker login`, a login action, a config.json written by the job, a
// --creds flag, a credential helper configured by gcloud.
type login struct {
	Host string // normalised; "" when the command named a variable we cannot resolve
	// HubAlias is set when the login named a Docker Hub host that clients
	// store under its own credential key (hubKeyAlias): Host is then that
	// name as given, and the credential does not serve docker.io images.
	HubAlias bool
	Line     int
	OK       bool   // "Login Succeeded" (or the credential is used directly)
	Source   string // "docker login", "docker/login-action", "config.json", "--creds", "gcloud"
	User     string // the literal -u/--username of a login command ("" when absent or a variable)
	Sudo     bool   // the login command ran under sudo (sig_credmangle.go)
	// DollarUser is a literal -u/--username with a `$` the shell expands
	// (robot$name unquoted or in double quotes; sig_credmangle.go).
	DollarUser string
	// TokenVar: the login command line feeds a variable named as a token
	// or key ($REGISTRY_TOKEN, ${YC_OAUTH_TOKEN}, $API_KEY): a token was
	// meant as the password (sig_yandexcr.go).
	TokenVar bool
}

type refSeen struct {
	Ref  imageRef
	Op   string
	Line int
}

// success is a push or login that completed, after which earlier failures
// of the same repository (or login host) were retried away.
type success struct {
	Op   string // opPush, opPull or opLogin
	Repo string // repoKey of the repository (push, pull) or the normalised host (login)
	Line int
}

type urlSeen struct {
	URL  urlFacts
	Line int
}

// facts is what the whole log says around the failure, gathered in one pass.
type facts struct {
	votes map[string]int
	// awsRegions are AWS regions named by login steps (--region,
	// aws-region:, AWS_REGION=), compared with an ECR host's region.
	awsRegions []awsRegion
	// ecrGetLogins are aws-cli v1 `aws ecr get-login` command lines
	// (ecrgetlogin.go).
	ecrGetLogins []ecrGetLogin
	// authFileLine is the first line naming REGISTRY_AUTH_FILE (podman,
	// buildah and skopeo read credentials there); 0 when none.
	authFileLine int
	// regression is why the client version the log prints is known to
	// break registry auth (clientbug.go); regressionLine is its line.
	regression     string
	regressionLine int
	// helmVer is the first Helm 3 version the log prints, minor*1000+patch
	// (sig_helmquay.go); 0 when none.
	helmVer int
	// containersImage: a containers/image client (podman, buildah,
	// skopeo) runs in this log.
	containersImage bool
	markVotes       int // votes from content markers so far
	platform        string

	// copySrc is the source of the last crane copy SRC DST (hubmount.go);
	// Line 0 when none.
	copySrc refSeen

	logins        []login
	pending       *login // a login command waiting for its "Login Succeeded"
	loginAborted  login  // the last login command that stopped on a usage error (loginusage.go); Line 0 when none
	loginHelpLine int    // the last line with docker's "See 'docker login --help'" hint (loginusage.go); 0 when none
	refs          ring[refSeen]
	urls          ring[urlSeen]
	perms         map[string]string // GITHUB_TOKEN Permissions block: "packages" -> "read"
	permsLine     int
	pkgLine       int  // the "Packages: ..." line of that block
	pullRequest   bool // pull_request event (refs/pull/N/merge)
	dependabot    bool
	// dependabotUser: a login step's user is dependabot[bot], the run's
	// actor (dependabotUserRe); a Dependabot run unless the job got the
	// repository's Actions secrets (a workflow_run after a Dependabot run).
	dependabotUser bool
	// dependabotDocker is the first line naming Dependabot's docker
	// ecosystem or a docker_registry credential (sig_dependabot.go); 0 when none.
	dependabotDocker int
	// baseImages are the references of Dockerfile FROM lines a build
	// printed (ecrbase.go), capped at maxLogins.
	baseImages    []refSeen
	forkNoSecret  bool   // "Secret source: None" (GitHub Actions) or Travis CI's removed-secrets notice: fork PR, secrets withheld
	forkEnv       int    // line of a step env's fork flag printed true (sig_rarecauses.go); 0 when none
	cosignSign    int    // latest line of cosign's "signing [REF]" (sig_pushrefs.go); 0 when none
	secretSource  string // "Actions", "Dependabot", "None" or "" (not in the log)
	masked        bool   // the CI masked values (*** or [MASKED])
	jobToken      bool   // GitLab CI_JOB_TOKEN / gitlab-ci-token / job payload credentials
	typedPwd      bool   // an interactive password prompt was answered
	credHelper    bool   // a credential helper/credsStore is configured or named
	storeWarn     int    // first line warning that the docker config or its helper is unusable (sig_clientconfig.go); 0 when none
	storeWarnGCP  bool   // that warning is gcloud's helper missing from PATH (Google registries only)
	kaniko        bool   // kaniko runs in this log (it reads /kaniko/.docker, not ~/.docker)
	kanikoTag     string // tag of the first gcr.io/kaniko-project/executor image the log names ("debug", "v1.23.2"); "" when none
	herokuCmds    []int  // lines running heroku container:login or container:push (sig_deploytools.go), capped at herokuCmdCap
	gitlabProject string // project path from the runner's checkout (/builds/GROUP/PROJECT)
	ownImageCmd   int    // last GitLab command line whose images are all $CI_REGISTRY_IMAGE paths (gitlabownpath.go); 0 when none
	lastRegistry  int    // last line with a registry command or reference
	otherService  int    // last line of another service's request or answer (gitLike: git, Sigstore)
	typedImageID  int    // first line where the docker CLI was given an image ID as a name ("Unable to find image 'sha256:…' locally", docker pull sha256:…; sig_officialread.go); 0 when none
	runnerCred    int    // first line of the Actions runner's docker with a container's credentials (--config …/_temp/.docker_…)
	otherEcoLine  int    // last line of another package ecosystem's client (npm, Maven...): otherEcosystems
	lastRetry     int    // last line of docker's per-layer "ID: Retrying in N seconds"
	eofAfterRetry []int  // bare "EOF" lines within 3 lines of a layer retry (capped)
	guestMode     int    // first line of drone's docker plugin saying it got no registry credentials
	helmRepoLine  int    // last helm command line with --repo http(s):// (helmrepo.go); 0 when none
	anonFallback  int    // first line of go-containerregistry's "falling back on anonymous" or "No matching credentials were found for" (otherci.go)
	anonTokenCut  int    // last line ending right after "anonymous token:" (a wrapped containerd message, sig_ghcrread.go)
	pinWarns      []int  // lines of docker service create's "unable to pin image" warning (sig_swarmtasks.go), capped
	x509Cut       int    // last line ending right after "x509:" (a wrapped Go TLS message, sig_lonemessage.go); 0 when none
	x509CutLow    string // that line, lowercase (its registry context)
	unixConnFrame int    // last traceback frame in docker-py's unix-socket connect (sig_dockerpysocket.go); 0 when none
	endpointTry   int    // last dockerd "Trying to pull NAME from URL" line (endpointfallback.go); 0 when none
	// loginAttemptCut is the last line holding "login attempt to" without
	// its status (a wrapped docker login check failure, loginwrap.go); 0 when none.
	loginAttemptCut int
	emptyLogin      int         // first line of a login that got an empty username or password (emptylogin.go); 0 when none
	mergeList       int         // last line of BuildKit's "merging manifest list" (sig_manifestmerge.go)
	clientCmds      []clientCmd // docker/podman push and pull command lines, with their sudo (sig_credmangle.go; capped)
	// lastTransfer is the last line of a layer transfer that got through
	// ("Pull complete", "Layer already exists", "Pushed", a progress bar):
	// requests up to there were authorised.
	lastTransfer int
	// lastDone is the last line that reports a pull or push as complete
	// (docker/cli: "Status: Downloaded newer image for REF", "TAG: digest:
	// sha256:… size: N"; kaniko's "Pushed REF"): layers moved before it
	// belong to that finished operation, not to a later one (compose v1
	// pulls its services one after another).
	lastDone int
	// pushProgress, attestLine, apiStatusLine: sig_webfront.go (observeWebFront).
	pushProgress, attestLine, apiStatusLine int
	// ghaFetches are BuildKit pushes that failed fetching a layer from the
	// GitHub Actions cache (sig_ghacache.go, observeGHACacheFetch), capped
	// at maxLogins.
	ghaFetches []refSeen
	// pushGB is the last docker push progress line whose layer size is in
	// GB (sig_bigtransfers.go, observeBigTransfer).
	pushGB int
	// layerLine is the last line of docker's per-layer status (any of
	// transferKeys, "Layer already exists" too): sig_bigtransfers.go.
	layerLine int
	// searched maps a repository path to the registries a short-name search
	// tried for it (containers/image: "Trying to pull HOST/PATH..."), capped.
	searched map[string][]string

	successes []success // capped at maxLogins
	// scanSchemeArgs are a scanner command's scheme and the bare name after
	// it (sig_scanscheme.go), capped at maxLogins.
	scanSchemeArgs [][2]string
	cacheRefs      []string // BuildKit cache imports (--cache-from): their misses are not failures; capped
	// crossMount is the first BuildKit token request that pairs a push
	// scope with another repository's pull (crossmount.go); zero if none.
	crossMount crossMount

	loginActionLine int
	loginInputs     map[string]string // docker/login-action with: inputs shown

	// The current line (engine.apply): its text, lowercase and keys
	// (findLineKeys; lineKeys &unknownKeys: not known, has searches the
	// line).
	text, low   string
	lineKeys    *keyBits
	lineRefMask refSet    // its reference keys (findLineKeys)
	refGroups   [2]string // observeRefs' scratch (a local would escape through refMatchFunc)

	// bp holds the lines the build plugins' signatures read (sig_buildplugins.go).
	bp buildPluginFacts

	// docker-java's fallback notices and the credential-helper failures
	// they relay (sig_clientconfig.go): storeWarnHelper says the store
	// warning (storeWarn) is one of them.
	storeWarnHelper  bool
	dockerJavaFall   int   // last line of docker-java's "Falling back to docker-java default behaviour" notice; 0 when none
	dockerJavaHelper []int // helper failures relayed by those notices (their line or the exception line after), capped

	// pingDumps are go-containerregistry's dumped answers to the /v2/ check
	// (pingtrace.go), capped.
	pingDumps []pingDump

	// Earthly's frontend probe (earthlyprobe.go): the line that opens its
	// tolerated "failed to autodetect a supported frontend" warning and the
	// line that closes it ("; but will try anyway"); 0 when none.
	earthlyProbe, earthlyProbeEnd int
}

// ring keeps the last n items of a stream (typed: no boxing per item).
type ring[T any] struct {
	items []T
	next  int
	n     int
}

func (r *ring[T]) add(v T) {
	if r.n == 0 {
		r.n = 128
	}
	if len(r.items) < r.n {
		r.items = append(r.items, v)
		return
	}
	r.items[r.next] = v
	r.next = (r.next + 1) % r.n
}

// eachNewest visits items newest first while fn returns true.
func (r *ring[T]) eachNewest(fn func(T) bool) {
	for i := len(r.items) - 1; i >= 0; i-- {
		if !fn(r.items[(r.next+i)%len(r.items)]) {
			return
		}
	}
}

// each visits items oldest first.
func (r *ring[T]) each(fn func(T)) {
	for i := range r.items {
		fn(r.items[(r.next+i)%len(r.items)])
	}
}

func newFacts() *facts {
	f := &facts{votes: map[string]int{}, perms: map[string]string{}, loginInputs: map[string]string{}, lineKeys: &unknownKeys}
	f.refs.n, f.urls.n = maxRefs, maxURLs
	return f
}

// platformMarks are content strings each CI's own tooling prints. Line
// prefixes and markers (##[group], GitLab's stream tags, timestamps) are
// logscan's hints (Line.Platform, Summary.Platform); these cover excerpts
// that lost them.
var platformMarks = []struct{ s, platform string }{
	{"GITHUB_TOKEN Permissions", "github-actions"}, {"Run actions/", "github-actions"}, {"Run docker/", "github-actions"},
	{"/home/runner/work/", "github-actions"}, {"Process completed with exit code", "github-actions"},
	{"buildx failed with", "github-actions"}, {"buildx call failed with", "github-actions"}, {"Current runner version", "github-actions"},
	// The runner's and the JS actions' own lines (their keys are factKeys, so that an excerpt of only an action's
	// step still shows its platform): building or pulling a Docker action's image, setup-buildx-action booting its
	// builder, @actions/exec's failure of a tool.
	{"Build container for action use", "github-actions"}, {"Pull down action image", "github-actions"},
	{"/home/runner/work/_actions/", "github-actions"}, {"--bootstrap --builder builder-", "github-actions"},
	{"Error: The process '/usr/bin/", "github-actions"},
	// The runner's own messages when building or pulling a Docker container action's image (actions/runner
	// ContainerActionHandler: "Docker build failed with exit code N", "Docker pull failed with exit code N"); that
	// build runs at job set-up, before any step, so with no login of the job's own.
	{"Docker build failed with exit code", "github-actions"}, {"Docker pull failed with exit code", "github-actions"},
	{"gitlab-ci-token", "gitlab-ci"}, {"CI_JOB_TOKEN", "gitlab-ci"}, {"$CI_REGISTRY", "gitlab-ci"}, {"Using Docker executor", "gitlab-ci"},
	{"ERROR: Job failed:", "gitlab-ci"}, {"credentials from job payload", "gitlab-ci"}, {"Running before_script", "gitlab-ci"},
	{`Executing "step_script" stage`, "gitlab-ci"},
	{"[Pipeline]", "jenkins"}, {"Finished: FAILURE", "jenkins"}, {"Building in workspace", "jenkins"},
	{"[Container] ", "aws-codebuild"}, {"tekton", "tekton"},
}

var (
	awsRegionRe    = lazyRe(`(?i)(?:--region[= ]|aws-region:\s*|AWS_(?:DEFAULT_)?REGION[=:]\s*)"?([a-z]{2}(?:-gov)?-[a-z]+-\d)\b`)
	loginCmdRe     = guarded(`\b(docker|podman|buildah|skopeo|nerdctl|oras|helm registry|crane auth|regctl registry) login\b(.*)`)
	loggingInto    = guarded(`Logging into (.+?)\.\.\.`)
	loginOK        = guarded(`(?i)\blogin succeeded\b`)
	authsKeyRe     = lazyRe(`auths"?\s*:\s*\{\s*"?((?:https?://)?[^"{}\s]+?)"?\s*:\s*\{`)
	credsFlagRe    = guarded(`--(?:creds|dest-creds|src-creds)[= ]`)
	gcloudCfgRe    = guarded(`gcloud auth configure-docker(?:\s+--?[a-z][a-z-]*(?:=\S*)?)*\s+([a-z0-9][a-z0-9.,-]*)`) // flags (--quiet) may come before the hosts
	azLoginRe      = guarded(`az acr login\s+(?:--name|-n)\s+([a-z0-9]+)`)
	permLineRe     = lazyRe(`^\s*([A-Za-z][A-Za-z ]*[A-Za-z]):\s*(read|write|none)\s*$`)
	withInputRe    = lazyRe(`^\s+(registry|username|password|ecr|logout):\s*(.*)$`)
	buildkitAuthRe = lazyRe(`\[auth\] (\S+?):[\w,]*push[\w,]* token for (\S+)`)
	pushDigestRe   = lazyRe(`^(\S+): digest: sha256:[0-9a-f]{12,} size: \d+`)
	kanikoPushed   = lazyRe(`Pushed (\S+?)@sha256:`)
	gitlabRepoRe   = lazyRe(`(?:Initialized empty|Reinitialized existing) Git repository in /builds/(?:[A-Za-z0-9_-]{6,}/\d+/)?(\S+?)/\.git/`)
	cacheImportRe  = lazyRe(`importing cache manifest from (\S+)`)
	pulledRe       = lazyRe(`Status: (?:Downloaded newer image|Image is up to date) for (\S+)`)
	pullRefRe      = lazyRe(`refs/pull/\d+/(?:merge|head)`)
	promptPwdRe    = lazyRe(`(?i)^\s*(?:enter )?(?:your )?password:\s*$`)
	loginFlagArg   = map[string]bool{"-u": true, "--username": true, "-p": true, "--password": true, "-e": true, "--email": true,
		"--authfile": true, "--cert-dir": true, "--registry-config": true, "--ca-file": true, "--cert-file": true, "--key-file": true}
)

// dependabotUserRe finds a login whose user is the run's actor when the
// actor is Dependabot: the GHCR login the docs show passes
// `username: ${{ github.actor }}` to docker/login-action, or
// `-u ${{ github.actor }}` to docker login in a run: step, and the log
// echoes both evaluated (docs.github.com/packages/working-with-a-github-packages-registry/working-with-the-container-registry).
// Matched on the lowercased line.
var dependabotUserRe = lazyRe(`(?:^|\s)(?:username:|-u|--username(?:=|\s))\s*["']?dependabot\[bot\]`)

// factKeys are the keywords (lowercase) of the lines facts reads, besides
// refKeys. Platform markers are left to logscan's hints; these stay specific
// because the prefilter is what keeps large logs fast.
var factKeys = []string{
	"github_token permissions", ": read", ": write", ": none", "secret source", "refs/pull/", "dependabot[bot]",
	"run docker/login-action", "registry:", "username:", "password:",
	"docker login", "podman login", "buildah login", "skopeo login", "nerdctl login", "oras login", "registry login", "auth login",
	"logging into", "login succeeded", "auths", "--creds", "--dest-creds", "--src-creds", "configure-docker", "az acr login", "container:login", "heroku container:push",
	"credsstore", "credhelpers", "docker-credential-", "ci_job_token", "gitlab-ci-token", "job payload", "[auth]",
	"password:", "enter password", "kaniko", "importing cache manifest from ", "status: downloaded newer image", "status: image is up to date", "git repository in /builds/", ": digest: sha256:", "pushed ",
	"registry_auth_file", "podman ", "buildah ", "skopeo ",
	"--region", "aws-region", "aws_region", "aws_default_region", "ecr get-login",
	"error: job failed:", "executing \"step_script\" stage", "process completed with exit code",
	": pull complete", ": download complete", ": layer already exists", ": pushed", "pushing [", "downloading [", "extracting [",
	"trying to pull ", ": retrying in ", "guest mode enabled",
	"exporting attestation manifest", // sig_webfront.go
	"build container for action use", "pull down action image", "/home/runner/work/_actions/", "--bootstrap --builder builder-", "error: the process '/usr/bin/",
	"docker build failed with exit code", "docker pull failed with exit code",
	"failed to autodetect a supported frontend", "but will try anyway", // earthlyprobe.go
}

// The fragments observe tests (auxKey: found by the line's key pass).
var (
	platformMarkKeys = func() []*auxKey {
		out := make([]*auxKey, len(platformMarks))
		for i, m := range platformMarks {
			out[i] = textKey(m.s)
		}
		return out
	}()
	kRegistryAuthFile = textKey("REGISTRY_AUTH_FILE")
	kContainersImage  = lowKeys([]string{"podman ", "buildah ", "skopeo ", "initiating layer upload"})
	kRegion           = lowKey("region")
	kMasked           = textKey("***")
	kMaskedGitLab     = textKey("[MASKED]")
	kJobToken         = []*auxKey{textKey("CI_JOB_TOKEN"), textKey("gitlab-ci-token"), textKey("credentials from job payload")}
	kKaniko           = lowKey("kaniko")
	kKanikoPushCheck  = lowKey("error checking push permissions")
	kGitLabCheckout   = lowKey("git repository in /builds/")
	kDependabot       = lowKey("dependabot[bot]")
	kActor            = lowKey("actor")
	kTriggering       = lowKey("triggering")
	kPullRef          = lowKey("refs/pull/")
	kSecretSource     = textKey("Secret source: ")
	kCredHelper       = lowKeys([]string{"credsstore", "credhelpers", "docker-credential-"})
	kPasswordPrompt   = lowKey("password:")
	kPermissions      = textKey("GITHUB_TOKEN Permissions")
	kBuildKitAuth     = textKey("[auth] ")
	kCacheImport      = lowKey("importing cache manifest from ")
	kHTTP             = lowKey("http")
	kPushDigest       = lowKey(": digest: sha256:")
	kPushed           = lowKey("pushed ")
	kRetrying         = lowKey(": retrying in ")
	kGuestMode        = lowKey("guest mode enabled")
	kEOF              = textKey("EOF")
	kStatus           = lowKey("status: ")
	kLoginAction      = textKey("docker/login-action")
	kRun              = textKey("Run ")
	kLoginLine        = lowKeys([]string{"login", "logging into", "auths", "creds", "configure-docker"})
	kLoginActionLow   = lowKey("login-action")
	kAuths            = lowKey("auths")
	// The literals the login regexps need (checked before them).
	kLoggingInto = textKey("Logging into ")
	kLoginOK     = lowKey("login succeeded")
	kCredsFlags  = []*auxKey{textKey("--creds"), textKey("--dest-creds"), textKey("--src-creds")}
	kGcloudCfg   = textKey("gcloud auth configure-docker")
	kAzLogin     = lowKey("az acr login")
	kHerokuLogin = lowKey("container:login") // heroku container:login (herokuapp.go)
	kHerokuPush  = lowKey("heroku container:push")
	kTransfer    = lowKeys(transferKeys)
	kTryingPull  = lowKey("trying to pull ")
	// The GitHub Actions runner's own docker with a job's container
	// credentials (ghcrrunner.go).
	kRunnerDockerCfg = lowKey("/_temp/.docker_")
)

// The masks of the lists above that observe tests on every line
// (facts.hasAnyIn).
var (
	mContainersImage = maskOf(kContainersImage)
	mJobToken        = maskOf(kJobToken)
	mCredHelper      = maskOf(kCredHelper)
	mTransfer        = maskOf(kTransfer)
	mLoginLine       = maskOf(kLoginLine)
)

// secretSourceAt is strings.Index(text, "Secret source: ") when the line's
// keys allow it, else -1.
func secretSourceAt(f *facts, text string) int {
	if !f.has(kSecretSource) {
		return -1
	}
	return strings.Index(text, kSecretSource.s)
}

func (f *facts) observe(n int, text, low string) {
	if f.markVotes < 12 { // enough to decide; the rest of the log need not pay for it
		for i, m := range platformMarks {
			if f.has(platformMarkKeys[i]) {
				f.votes[m.platform]++
				f.markVotes++
			}
		}
	}
	f.observeClientVersion(n, text, low)
	f.observeForkEnv(n, text)
	f.observeOwnImageCmd(n, text)   // gitlabownpath.go
	f.observeCosignSign(n)          // sig_pushrefs.go
	f.observeWebFront(n)            // sig_webfront.go
	f.observeGHACacheFetch(n, text) // sig_ghacache.go
	f.observeBigTransfer(n, low)    // sig_bigtransfers.go
	f.observeScanScheme(text)       // sig_scanscheme.go
	if f.guestMode == 0 && f.has(kGuestMode) && strings.Contains(low, "credentials not provided") {
		f.guestMode = n
	}
	if f.anonFallback == 0 && (f.has(kAnonFallback) || f.has(kAnonNoMatch)) {
		f.anonFallback = n
	}
	f.observeAnonTokenCut(n, low)    // sig_ghcrread.go
	f.observeX509Cut(n, low)         // sig_lonemessage.go
	f.observeUnixConnFrame(n, low)   // sig_dockerpysocket.go
	f.observeTraceResponse(n, text)  // pingtrace.go
	f.observePinWarn(n, low)         // sig_swarmtasks.go
	f.observeLoginAttemptCut(n, low) // loginwrap.go
	f.observeEmptyLogin(n, low)      // emptylogin.go
	f.observeMergeList(n)            // sig_manifestmerge.go
	if f.has(kRetrying) {
		f.lastRetry = n
	} else if len(f.eofAfterRetry) < maxLogins && f.has(kEOF) && f.eofEndsUpload(n) && strings.TrimSpace(text) == "EOF" {
		// docker prints the error of a layer upload it gave up retrying
		// on a line of its own: the connection was closed without an
		// HTTP answer.
		f.eofAfterRetry = append(f.eofAfterRetry, n)
	}
	if f.has(kLoginActionECR) {
		f.lastRegistry = n // docker/login-action asks AWS for an ECR token next (sig_gha.go)
	}
	if f.authFileLine == 0 && f.has(kRegistryAuthFile) {
		f.authFileLine = n
	}
	if !f.containersImage && f.hasAnyIn(kContainersImage, &mContainersImage) {
		f.containersImage = true
	}
	if len(f.awsRegions) < maxLogins && f.has(kRegion) {
		if m := findAWSRegion(text, low); m != nil {
			f.awsRegions = append(f.awsRegions, awsRegion{region: m[1], line: n})
		}
	}
	if f.has(kMasked) || f.has(kMaskedGitLab) {
		f.masked = true
	}
	if f.hasAnyIn(kJobToken, &mJobToken) {
		f.jobToken = true
	}
	if f.has(kKaniko) || f.has(kKanikoPushCheck) {
		f.kaniko = true
		if f.kanikoTag == "" {
			if m := kanikoExecutorTagRe.FindStringSubmatch(low); m != nil {
				f.kanikoTag = m[1]
			}
		}
	}
	if f.has(kGitLabCheckout) {
		if m := gitlabRepoRe.FindStringSubmatch(text); m != nil {
			f.gitlabProject = strings.ToLower(m[1])
		}
	}
	// Dependabot runs: its secret store, or the actor named by the run (not
	// any mention: commit messages of merged Dependabot PRs name it too).
	if f.has(kDependabot) {
		if f.has(kActor) || f.has(kTriggering) {
			f.dependabot = true
		} else if dependabotUserRe.MatchString(low) {
			f.dependabotUser = true
		}
	}
	f.observeDependabotDocker(n) // sig_dependabot.go
	if f.has(kPullRef) && pullRefRe.MatchString(text) {
		f.pullRequest = true
	}
	if !f.pullRequest && f.has(kPRTag) && pushesPRTag(low) { // sig_cloudlogin.go
		f.pullRequest = true
	}
	// "Set up job" prints where the run's secrets come from: Actions,
	// Dependabot, or None when a fork pull request gets no secrets.
	if i := secretSourceAt(f, text); i >= 0 {
		f.secretSource = strings.TrimSpace(text[i+len("Secret source: "):])
		f.forkNoSecret = f.secretSource == "None"
		if f.secretSource == "Dependabot" {
			f.dependabot = true
		}
	}
	if f.hasAnyIn(kCredHelper, &mCredHelper) {
		f.credHelper = true
	}
	if f.storeWarn == 0 {
		f.observeStoreWarning(n, low)
	}
	f.observeDockerJava(n)   // sig_clientconfig.go
	f.observeEarthlyProbe(n) // earthlyprobe.go
	f.observeBuildPlugins(n) // sig_buildplugins.go
	if f.has(kPasswordPrompt) && matchPasswordPrompt(text) {
		f.typedPwd = true
	}
	if f.hasAnyIn(kTransfer, &mTransfer) {
		f.layerLine = n           // sig_bigtransfers.go
		if !f.has(kLayerExists) { // sig_layerexists.go
			f.lastTransfer = n
		}
	}
	if f.has(kTryingPull) {
		f.observeSearch(text)
		f.observeEndpointTry(n, low) // endpointfallback.go
	}

	// GITHUB_TOKEN Permissions block of the "Set up job" group.
	if f.has(kPermissions) {
		f.permsLine = n
	} else {
		f.observePermission(n, text)
	}

	f.observeLogin(n, text, low)
	f.observeHelmCreds(n, text, low) // helmcreds.go
	f.observeHelmRepoCmd(n, low)     // helmrepo.go
	if f.has(kRunnerDockerCfg) && f.runnerCred == 0 {
		f.runnerCred = n
	}

	if !f.keysKnown() || !f.lineRefMask.empty() { // else no reference key: lineRefCandidates has none
		if mask := f.lineRefCandidates(text, low); !mask.empty() {
			f.observeRefs(n, text, &mask)
		}
	}
	if f.has(kCraneCp) {
		f.observeCraneCp(n, text) // hubmount.go
	}
	if f.has(kBuildKitAuth) {
		if m := matchBuildKitAuth(text); m != nil { // buildkitAuthRe
			f.refs.add(refSeen{Ref: imageRef{Raw: m[2] + "/" + m[1], Host: m[2], Repo: m[1]}, Op: opPush, Line: n})
		}
		if f.crossMount.to == "" {
			f.crossMount = buildkitCrossMount(text, n) // crossmount.go
		}
	}
	f.observeSuccess(n, text, low)
	if f.has(kCacheImport) && len(f.cacheRefs) < maxLogins {
		if m := cacheImportRe.FindStringSubmatch(text); m != nil {
			f.cacheRefs = append(f.cacheRefs, m[1])
		}
	}
	if f.hasAnyIn(gitLikeKeys, &gitLikeMask) {
		f.otherService = n // another service's line (git, Sigstore): the lines after it are its answer, not a registry's
	}
	if f.has(kHTTP) {
		for _, u := range findURLs(text, 4) { // urlRe
			if uf, ok := parseURL(u); ok {
				f.urls.add(urlSeen{URL: uf, Line: n})
				f.lastRegistry = n // a registry API request: the lines after it may be its answer
			}
		}
	}
}

// fullObserve makes engine.apply read keyless lines with observe too
// (TestObserveKeyless compares the two).
var fullObserve = false

// observeKeyless is observe for a line that holds no key (lineKeyPass):
// every keyed test fails there, and only what a line's position selects is
// read: a GITHUB_TOKEN permission of the block above, a login action input.
func (f *facts) observeKeyless(n int, text string) {
	f.observePermission(n, text)
	f.observeLoginInput(n, text)
}

// observePermission reads a "Packages: write" line within 30 lines of the
// GITHUB_TOKEN Permissions header.
func (f *facts) observePermission(n int, text string) {
	if f.permsLine > 0 && n-f.permsLine <= 30 && strings.Contains(text, ": ") {
		if m := permLineRe.FindStringSubmatch(text); m != nil {
			f.perms[strings.ToLower(m[1])] = m[2]
			if strings.EqualFold(m[1], "packages") {
				f.pkgLine = n
			}
		}
	}
}

// observeLoginInput reads a docker/login-action "with:" input within 15
// lines of its "Run docker/login-action" line.
func (f *facts) observeLoginInput(n int, text string) {
	if f.loginActionLine > 0 && n > f.loginActionLine && n-f.loginActionLine <= 15 {
		if m := matchWithInput(text); m != nil { // withInputRe
			f.loginInputs[m[1]] = strings.TrimSpace(m[2])
		}
	}
}

var tryingToPullRe = lazyRe(`Trying to pull (?:docker://)?([^\s.]*[.:][^\s/]*)/([^\s:@]+?)(?::[\w][\w.-]*)?(?:@\S+)?\.\.\.`)

// observeSearch records one registry of a short-name search.
func (f *facts) observeSearch(text string) {
	m := tryingToPullRe.FindStringSubmatch(text)
	if m == nil {
		return
	}
	if f.searched == nil {
		f.searched = map[string][]string{}
	}
	host, path := reghost.Normalize(m[1]), m[2]
	if reghost.Normalize(host) == "docker.io" {
		path = strings.TrimPrefix(path, "library/")
	}
	hosts := f.searched[path]
	for _, h := range hosts {
		if h == host {
			return
		}
	}
	if len(f.searched) < maxLogins && len(hosts) < maxLogins {
		f.searched[path] = append(hosts, host)
	}
}

// searchedHosts returns the registries a short-name search tried for the
// repository path repo (Docker Hub's library/ prefix ignored).
func (f *facts) searchedHosts(repo string) []string {
	return f.searched[strings.TrimPrefix(repo, "library/")]
}

// transferKeys mark docker's per-layer lines of a transfer that got
// through (docker/cli jsonmessage): the registry accepted the requests so far.
var transferKeys = []string{": pull complete", ": download complete", ": layer already exists", ": pushed", "pushing [", "downloading [", "extracting ["}

// transferredBefore reports whether layers moved in the 40 lines before line
// n and no pull or push reported completion since: a refusal after them came
// in the middle of an authorised transfer. Layers of an operation that
// completed (another image pulled before this one) say nothing of this
// request's credential.
func (f *facts) transferredBefore(n int) bool {
	return f.lastTransfer > 0 && f.lastTransfer < n && n-f.lastTransfer <= 40 && f.lastTransfer > f.lastDone
}

// observeRefs records the references of the patterns of mask, in
// refPatterns order.
func (f *facts) observeRefs(n int, text string, mask *refSet) {
	for w, word := range mask {
		for ; word != 0; word &= word - 1 {
			p := &refPatterns[w*64+bits.TrailingZeros64(word)]
			if p.op != opBuild {
				f.noteClientCmd(n, text, p.key) // sig_credmangle.go
			}
			if p.key == copyKey {
				f.noteCopySource(n, text) // hubmount.go
			}
			if p.key == "--destination" && helmDestinationDir(text) {
				continue // helm's chart directory, not an image (helmrepo.go)
			}
			if p.find != nil {
				for _, g := range p.find(text, 2, f.refGroups[:0]) {
					f.addRef(n, parseRef(g), p.op)
					f.noteTypedImageID(n, p.key, g)
					f.noteBaseImage(n, p.key) // ecrbase.go
				}
				continue
			}
			for _, m := range p.re.FindAllStringSubmatch(text, 2) {
				f.addRef(n, refFromMatch(m), p.op)
				if len(m) > 1 {
					f.noteTypedImageID(n, p.key, m[1])
				}
			}
		}
	}
}

// noteTypedImageID records line n as facts.typedImageID when the docker
// CLI's own reference there (ref, found by the pattern keyed key: docker
// run's "Unable to find image 'REF' locally" or a docker pull command) is an
// image ID, "sha256:<hex>" (sig_officialread.go).
func (f *facts) noteTypedImageID(n int, key, ref string) {
	if f.typedImageID == 0 && (key == "unable to find image" || key == "docker pull ") && len(ref) > len("sha256:") && strings.EqualFold(ref[:len("sha256:")], "sha256:") {
		f.typedImageID = n
	}
}

// addRef records reference r, found on line n by a pattern of operation op,
// unless it is empty or a variable or option ("$IMAGE", "-t").
func (f *facts) addRef(n int, r imageRef, op string) {
	if r.Repo == "" && r.Host == "" && r.Tag == "" && op != opBuild {
		return
	}
	if strings.HasPrefix(r.Raw, "$") || strings.HasPrefix(r.Raw, "-") {
		return
	}
	r, ok := asciiRef(r)
	if !ok {
		return
	}
	if k, v, ok := strings.Cut(r.Raw, "="); ok && isArgKey(k) {
		// A reference holds no '=' (distribution/reference grammar): a
		// KEY=VALUE argument names it after the '=' (act prints "docker
		// pull image=REF platform=P username=U forcePull=B").
		if v == "" || strings.HasPrefix(v, "$") {
			return
		}
		r = parseRef(v)
		if r.Repo == "" && r.Host == "" {
			return
		}
	}
	f.refs.add(refSeen{Ref: r, Op: op, Line: n})
	f.lastRegistry = n
}

// isArgKey reports whether k is the key of a KEY=VALUE argument: a letter,
// then letters, digits or underscores.
func isArgKey(k string) bool {
	if k == "" || !('a' <= k[0] && k[0] <= 'z' || 'A' <= k[0] && k[0] <= 'Z') {
		return false
	}
	for i := 1; i < len(k); i++ {
		if !isREWord(k[i]) {
			return false
		}
	}
	return true
}

func (f *facts) addSuccess(op, repo string, n int) {
	if len(f.successes) < maxLogins {
		f.successes = append(f.successes, success{Op: op, Repo: repo, Line: n})
	}
}

// observeSuccess records completed pushes (docker's "TAG: digest: sha256:...
// size: N" after "The push refers to repository [X]", kaniko's "Pushed
// X@sha256") and pulls (docker's "Status: Downloaded newer image for X").
func (f *facts) observeSuccess(n int, text, low string) {
	if f.has(kPushDigest) && matchPushDigest(text) {
		// The latest push reference before this line.
		var last *refSeen
		f.refs.eachNewest(func(r refSeen) bool {
			if r.Op == opPush && r.Line < n {
				last = &r
				return false
			}
			return true
		})
		if last != nil {
			f.addSuccess(opPush, repoKey(last.Ref.hostOrHub(), last.Ref.Repo), n)
		}
		f.lastDone = n
	}
	if f.has(kPushed) {
		if m := matchKanikoPushed(text); m != nil { // kanikoPushed
			r := parseRef(m[1])
			f.addSuccess(opPush, repoKey(r.hostOrHub(), r.Repo), n)
			f.lastDone = n
		}
	}
	if f.has(kStatus) {
		if m := pulledRe.FindStringSubmatch(text); m != nil {
			r := parseRef(m[1])
			f.addSuccess(opPull, repoKey(r.hostOrHub(), r.Repo), n)
			f.lastDone = n
		}
	}
}

// repoKey names a repository for comparisons: normalised host and path,
// Docker Hub's implicit library/ namespace made explicit.
func repoKey(host, repo string) string {
	host = reghost.Normalize(host)
	if host == "docker.io" && repo != "" && !strings.Contains(repo, "/") {
		repo = "library/" + repo
	}
	return host + "/" + repo
}

// isCacheRef reports whether a reference was only a BuildKit cache source.
func (f *facts) isCacheRef(raw string) bool {
	for _, c := range f.cacheRefs {
		if c == raw || strings.TrimPrefix(c, "docker.io/") == strings.TrimPrefix(raw, "docker.io/") {
			return true
		}
	}
	return false
}

// retried reports whether the same operation on this repository (or, for
// a login, on this host) completed after line n: the failure was retried away.
func (f *facts) retried(n int, op, host, repo string) bool {
	var k string
	switch op {
	case opPush, opPull:
		if repo == "" {
			return false
		}
		k = repoKey(host, repo)
	case opLogin:
		k = reghost.Normalize(host)
	default:
		return false
	}
	for _, s := range f.successes {
		if s.Line > n && s.Op == op && (s.Repo == k || (op == opLogin && (s.Repo == "" || k == ""))) {
			return true
		}
	}
	return false
}

func (f *facts) addLogin(l login) {
	if len(f.logins) < maxLogins {
		f.logins = append(f.logins, l)
	}
}

func (f *facts) observeLogin(n int, text, low string) {
	if f.has(kLoginAction) && f.has(kRun) {
		f.loginActionLine = n
	}
	f.observeLoginInput(n, text)
	if f.has(kECRGetLogin) {
		f.observeECRGetLogin(n, low) // ecrgetlogin.go
	}
	if f.has(kHerokuPush) {
		f.noteHerokuCmd(n)
	}
	if !f.hasAnyIn(kLoginLine, &mLoginLine) {
		return
	}
	g := lineGuards(text)
	// docker's usage hint ("See 'docker login --help'.") is not a login:
	// it says the login command before it never ran (loginusage.go).
	helpHint := f.observeLoginUsage(n)
	// dockerd's refusal names the command it suggests ("… or may require
	// 'docker login'"), and so does Docker Desktop's ("Please run `docker
	// login`, or contact your administrators"): advice, not a login that ran.
	if m := matchLoginCmd(text); m != nil && !helpHint && !f.has(kLoginActionLow) && !strings.Contains(low, "may require 'docker login'") && !strings.Contains(low, "please run `docker login`") { // loginCmdRe
		w := loginHostWord(m[2])
		f.pending = &login{Host: loginHost(w), Line: n, Source: loginSource(m[1]), User: loginUserArg(m[2]), Sudo: sudoCmd(text), DollarUser: dollarUserArg(m[2]), TokenVar: tokenVarArg(text)}
		if a := hubKeyAlias(w); a != "" {
			f.pending.Host, f.pending.HubAlias = a, true
		}
		f.addLogin(*f.pending)
		f.lastRegistry = n
	}
	if f.has(kLoggingInto) { // the literal the regexp needs
		if m := matchLoggingInto(text); m != nil { // loggingInto
			h := m[1]
			if strings.EqualFold(h, "Docker Hub") {
				h = "docker.io"
			}
			f.pending = &login{Host: reghost.Normalize(h), Line: n, Source: "docker/login-action"}
		}
		f.observeECRActionLogin(n, text, low, g) // amazonecrlogin.go
	}
	// (?i) also folds s with U+017F, which lowercasing keeps: the key
	// stands for the literal only where guards apply (g).
	if (!g || f.has(kLoginOK)) && loginOK.may(text, low, g) && matchLoginOK(text, low) {
		host := "docker.io"
		if f.pending != nil && n-f.pending.Line <= 40 {
			host = f.pending.Host
		}
		f.addSuccess(opLogin, host, n)
		if f.pending != nil && n-f.pending.Line <= 40 && len(f.logins) > 0 && f.logins[len(f.logins)-1].Line == f.pending.Line {
			f.logins[len(f.logins)-1].OK = true
		} else {
			l := login{Host: "docker.io", Line: n, OK: true, Source: "docker login"}
			if f.pending != nil && n-f.pending.Line <= 40 {
				l.Host, l.Source = f.pending.Host, f.pending.Source
			} else if f.loginInputs["registry"] != "" {
				l.Host = reghost.Normalize(f.loginInputs["registry"])
			}
			f.addLogin(l)
		}
		f.pending = nil
	}
	if f.has(kAuths) {
		for _, m := range findAuthsKeys(text, 4) { // authsKeyRe
			f.addLogin(login{Host: reghost.Normalize(m[1]), Line: n, OK: true, Source: "config.json"})
		}
	}
	if f.hasAny(kCredsFlags) && credsFlagRe.may(text, low, g) && matchCredsFlag(text) {
		f.addLogin(login{Host: "", Line: n, OK: true, Source: "--creds"})
	}
	if f.has(kGcloudCfg) { // the literal the regexp needs
		if m := gcloudCfgRe.findSubmatch(text, low, g); m != nil {
			for _, h := range strings.Split(m[1], ",") {
				f.addLogin(login{Host: reghost.Normalize(h), Line: n, OK: true, Source: "gcloud"})
			}
		}
	}
	if f.has(kAzLogin) { // the literal the regexp needs
		if m := azLoginRe.findSubmatch(low, low, g); m != nil {
			f.pending = &login{Host: m[1] + ".azurecr.io", Line: n, Source: "az acr login"}
			f.lastRegistry = n // az's sign-in errors for the registry token follow (sig_authn.go)
		}
	}
	if f.has(kHerokuLogin) && strings.Contains(low, "heroku container:login") {
		// The Heroku CLI runs docker login for its registry with the
		// account's API key; docker's "Login Succeeded" follows.
		f.pending = &login{Host: herokuRegistry, Line: n, Source: "heroku container:login"}
		f.noteHerokuCmd(n)
	}
}

var loginUserRe = lazyRe(`(?:-u|--username)[= ]([A-Za-z0-9][\w.-]*)(?:\s|$)`)

// loginUserArg is the literal user name of a login command line ("" for a
// variable or none): loginUserRe's group 1, matched by hand (matchLoginUser).
func loginUserArg(args string) string { return matchLoginUser(args) }

// loginSource is client + " login" (login.Source) without a new string
// for the known clients.
func loginSource(client string) string {
	if s, ok := loginSources[client]; ok {
		return s
	}
	return client + " login"
}

var loginSources = func() map[string]string {
	m := map[string]string{}
	for _, c := range loginClients {
		m[c] = c + " login"
	}
	return m
}()

// loginHostArg finds the registry argument of a login command line:
// the first word that is neither a flag nor a flag's value. A shell variable
// gives "" (unknown); no argument means Docker Hub.
func loginHostArg(args string) string { return loginHost(loginHostWord(args)) }

// loginHost is loginHostArg for the registry argument as written
// (loginHostWord).
func loginHost(w string) string {
	if w == "" || w == "docker.io" {
		return w
	}
	return reghost.Normalize(w)
}

// hubKeyAliases are Docker Hub host names that docker and
// go-containerregistry do not fold into Docker Hub's credential key: docker
// folds only index.docker.io into docker.io (docker/cli and moby registry
// normalizeIndexName, whose TODO names registry-1.docker.io), crane only
// docker.io into index.docker.io (go-containerregistry name.NewRegistry). A
// login to one of them stores a credential that a docker.io image does not use.
var hubKeyAliases = map[string]bool{"registry-1.docker.io": true, "registry.docker.io": true, "registry.hub.docker.com": true}

// hubKeyAlias returns the host of a login argument when it is one of
// hubKeyAliases, else "".
func hubKeyAlias(word string) string {
	h := strings.ToLower(word)
	h = strings.TrimPrefix(strings.TrimPrefix(h, "https://"), "http://")
	h, _, _ = strings.Cut(h, "/")
	if hubKeyAliases[h] {
		return h
	}
	return ""
}

// loginHostWord is the registry argument of a login command as written
// (quotes trimmed); "" for a variable, "docker.io" when absent.
func loginHostWord(args string) string {
	skip := false // the word is a flag's value
	for _, w := range loginWords(args) {
		if skip {
			skip = false
			continue
		}
		if w == "|" || w == "&&" || w == ";" || strings.HasPrefix(w, "2>") || strings.HasPrefix(w, ">") {
			break
		}
		if strings.HasPrefix(w, "-") {
			skip = loginFlagArg[w] && !strings.Contains(w, "=")
			continue
		}
		w = strings.Trim(w, `"'`)
		if strings.HasPrefix(w, "$") || strings.Contains(w, "***") || strings.Contains(w, "${") || strings.Contains(w, "$(") {
			return ""
		}
		return w
	}
	return "docker.io"
}

// loginWords splits the arguments of a login command line into shell words
// with the bash parser (mvdan.cc/sh/v3/syntax): the arguments of the first
// simple command, the left side of a pipe or a list (`| tee`, `&& echo`), with
// redirections (`2>&1`, `<<< "$TOKEN"`) left out. A quoted string, a command
// substitution `$(...)` or a backtick group that holds spaces stays one word,
// so the value of `-p "$(gcloud auth print-access-token)"` or
// "-p `oc whoami -t`" is not read as the registry argument (bash(1), QUOTING
// and Command Substitution). A word's literal parts give their value (quotes
// removed); an expansion or a substitution is kept as written ("$CI_REGISTRY",
// "$(cat /run/token)"), never expanded, so the caller can tell a variable
// registry. A placeholder a log or a tutorial writes for a secret
// (`--password <PASSWORD>`) is one word, not two redirections. A line the
// parser refuses (a group left open by a cut or masked log line) gives
// strings.Fields instead.
func loginWords(args string) []string {
	fields := strings.Fields(args)
	if plainWords(args, fields) {
		return fields // what the parser would give, without its cost
	}
	return parsedWords(args, fields)
}

// parsedWords is loginWords by the shell parser, whatever the line (fields:
// strings.Fields(args), the answer for a line the parser refuses).
func parsedWords(args string, fields []string) []string {
	args = quotePlaceholders(args)
	p := loginParsers.Get().(*syntax.Parser)
	defer loginParsers.Put(p) // nothing keeps a node after the words are read
	// The login command is the first statement; a later one the parser
	// refuses (`host; then` of a cut `if`) does not matter. The sequence is
	// read to its end: in v3.14.1 StmtsSeq yields its final error even after
	// the loop body stopped, which panics on break.
	var first *syntax.Stmt
	for st, err := range p.StmtsSeq(strings.NewReader(args)) {
		if err == nil && first == nil {
			first = st
		}
	}
	call := leftCall(first)
	if call == nil {
		return fields
	}
	out := make([]string, 0, len(call.Args))
	var b strings.Builder
	for _, w := range call.Args {
		b.Reset()
		wordText(args, w.Parts, &b)
		out = append(out, b.String())
	}
	return out
}

// plainWords reports whether the shell reads args as exactly fields: only
// printable ASCII, spaces and tabs; no quoting, operator, redirection,
// comment or grouping byte; no expansion but a plain parameter one (`$NAME`,
// `${NAME}`: loginWords keeps it as written); and no assignment before the
// command name. Most login lines are
// plain (GitLab's `docker login -u gitlab-ci-token -p $CI_JOB_TOKEN
// $CI_REGISTRY` too), and the parser costs about 2 µs a line (a long log
// repeats its login commands). TestPlainWordsAgreeWithParser and
// FuzzPlainWords compare the two.
func plainWords(args string, fields []string) bool {
	if len(fields) > 0 && strings.IndexByte(fields[0], '=') >= 0 {
		return false
	}
	for i := 0; i < len(args); i++ {
		if c := args[i]; (c < ' ' && c != '\t') || c > '~' {
			// A control byte (the parser drops NUL, reads \r as a
			// literal, a newline as the command's end) or non-ASCII
			// (strings.Fields splits on U+00A0, the shell does not).
			return false
		}
		switch args[i] {
		case '\'', '"', '`', '\\', '|', '&', ';', '<', '>', '(', ')', '#', '{', '}', '!':
			return false
		case '$':
			// A name (bash(1), Parameter Expansion: letters, digits and
			// underscores, not starting with a digit), bare or in braces.
			j := i + 1
			brace := j < len(args) && args[j] == '{'
			if brace {
				j++
			}
			if j >= len(args) || !(args[j] == '_' || isASCIILetter(args[j])) {
				return false
			}
			for j++; j < len(args) && isREWord(args[j]); j++ {
			}
			if brace {
				if j >= len(args) || args[j] != '}' {
					return false
				}
				j++
			}
			i = j - 1
		}
	}
	return true
}

// quotePlaceholders single-quotes each placeholder word `<NAME>` (a letter,
// then letters, digits, '_', '.' or '-', at the start of a word or after
// '=') so that the parser reads it as the literal it stands for.
func quotePlaceholders(s string) string {
	if !strings.Contains(s, "<") {
		return s
	}
	var b strings.Builder
	last := 0
	for i := 0; i < len(s); i++ {
		if s[i] != '<' || (i > 0 && s[i-1] != ' ' && s[i-1] != '\t' && s[i-1] != '=') || i+1 >= len(s) || !isASCIILetter(s[i+1]) {
			continue
		}
		j := i + 2
		for j < len(s) && (isASCIILetter(s[j]) || s[j] >= '0' && s[j] <= '9' || s[j] == '_' || s[j] == '.' || s[j] == '-') {
			j++
		}
		if j >= len(s) || s[j] != '>' || (j+1 < len(s) && s[j+1] != ' ' && s[j+1] != '\t') {
			continue
		}
		b.WriteString(s[last:i])
		b.WriteByte('\'')
		b.WriteString(s[i : j+1])
		b.WriteByte('\'')
		last, i = j+1, j
	}
	if last == 0 {
		return s
	}
	b.WriteString(s[last:])
	return b.String()
}

func isASCIILetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }

// loginParsers reuses bash parsers for loginWords (a syntax.Parser resets
// itself on each parse; building one allocates its read buffer).
var loginParsers = sync.Pool{New: func() any { return syntax.NewParser(syntax.Variant(syntax.LangBash)) }}

// leftCall is the simple command a statement starts with: the statement's
// own, or the left side of a pipe or an && / || list; nil for anything else
// (a subshell, a block, a keyword).
func leftCall(st *syntax.Stmt) *syntax.CallExpr {
	for st != nil {
		switch x := st.Cmd.(type) {
		case *syntax.CallExpr:
			return x
		case *syntax.BinaryCmd:
			st = x.X
		default:
			return nil
		}
	}
	return nil
}

// wordText writes a word's parts to b: the value of a literal, single- or
// double-quoted part; any other part (parameter expansion, command or
// process substitution, arithmetic) as written in src.
func wordText(src string, parts []syntax.WordPart, b *strings.Builder) {
	for _, part := range parts {
		switch x := part.(type) {
		case *syntax.Lit:
			b.WriteString(x.Value)
		case *syntax.SglQuoted:
			b.WriteString(x.Value)
		case *syntax.DblQuoted:
			wordText(src, x.Parts, b)
		default:
			if i, j := int(x.Pos().Offset()), int(x.End().Offset()); i <= j && j <= len(src) {
				b.WriteString(src[i:j])
			}
		}
	}
}

func (f *facts) finish() {
	best := 0
	for p, v := range f.votes {
		if v > best || (v == best && p < f.platform) {
			f.platform, best = p, v
		}
	}
}

// loginsBefore returns the logins seen before line n.
func (f *facts) loginsBefore(n int) []login {
	var out []login
	for _, l := range f.logins {
		if l.Line < n {
			out = append(out, l)
		}
	}
	return out
}

// loginNear reports whether a login command ran within 10 lines before
// line n (or one is still waiting for its answer).
func (f *facts) loginNear(n int) bool {
	if f.pending != nil && n-f.pending.Line <= 10 {
		return true
	}
	for _, l := range f.logins {
		if l.Line <= n && n-l.Line <= 10 {
			return true
		}
	}
	return false
}

// loginState says how the logins before line n relate to host:
// "same" (a credential for that host, or an unresolved host), "other"
// (credentials only for other hosts), or "none".
func (f *facts) loginState(n int, host string) (state string, other login) {
	ls := f.loginsBefore(n)
	if len(ls) == 0 {
		return "none", login{}
	}
	h := reghost.Normalize(host)
	for _, l := range ls {
		if l.HubAlias && h == "docker.io" && !f.refHostSeen(l.Host) {
			continue // stored under the alias's key; the docker.io image looks up Docker Hub's
		}
		if l.Host == "" || h == "" || sameRegistry(l.Host, h) {
			return "same", l
		}
	}
	return "other", ls[len(ls)-1]
}

// refHostSeen reports whether an image reference in the log names host as
// written (a Docker Hub alias host in the reference uses the alias's key).
func (f *facts) refHostSeen(host string) bool {
	seen := false
	f.refs.each(func(r refSeen) {
		if strings.EqualFold(r.Ref.Host, host) {
			seen = true
		}
	})
	return seen
}

// sameRegistry compares normalised hosts the way docker keys credentials:
// host[:port] must match exactly (Docker Hub aliases are already folded).
func sameRegistry(a, b string) bool { return reghost.Normalize(a) == reghost.Normalize(b) }

// context lists the facts explain used, for Report.Context.
func (f *facts) context() []string {
	var out []string
	if f.platform != "" {
		out = append(out, "platform: "+f.platform)
	}
	logins := f.logins
	if len(logins) > 8 {
		logins = logins[len(logins)-8:] // the latest ones matter
	}
	for _, l := range logins {
		state := "ran"
		if l.OK {
			state = "succeeded"
		}
		host := l.Host
		if host == "" {
			host = "(host from a variable)"
		}
		out = append(out, fmt.Sprintf("login: %s via %s at line %d (%s)", host, l.Source, l.Line, state))
	}
	if len(f.perms) > 0 {
		if p, ok := f.perms["packages"]; ok {
			out = append(out, "GITHUB_TOKEN permissions: packages: "+p)
		} else {
			out = append(out, "GITHUB_TOKEN permissions: packages not listed (none)")
		}
	}
	if f.pullRequest {
		out = append(out, "event: pull request")
	}
	if f.dependabot {
		out = append(out, "actor: dependabot")
	}
	if f.forkNoSecret {
		out = append(out, "secrets: none (fork pull request)")
	}
	if f.masked {
		out = append(out, "masked values (***) present: the CI hid secrets or secret-derived hosts")
	}
	return out
}

type awsRegion struct {
	region string
	line   int
}

// asciiRef cuts reference r at its first byte outside ASCII: a reference is
// ASCII (distribution/reference grammar), so a word in another script after
// "docker pull" is a remark's ("docker pull で…", "docker push 시…") and
// text run on after a reference ("docker push REFに失敗") is not part of
// it. ok is false when nothing of a reference is left.
func asciiRef(r imageRef) (imageRef, bool) {
	i := nonASCIIAt(r.Raw)
	if i < 0 {
		return r, true
	}
	if i == 0 {
		return imageRef{}, false
	}
	r = parseRef(r.Raw[:i])
	return r, r.Repo != "" || r.Host != ""
}

// nonASCIIAt is the index of the first byte of s outside ASCII, -1 when none.
func nonASCIIAt(s string) int {
	for i := range len(s) {
		if s[i] >= 0x80 {
			return i
		}
	}
	return -1
}

// kanikoExecutorTagRe finds the tag of kaniko's executor image where a job
// names it (GitLab's "Using Docker executor with image
// gcr.io/kaniko-project/executor:debug ...", a pull line, a job's image:
// key); group 1 is the tag, lowercase.
var kanikoExecutorTagRe = lazyRe(`gcr\.io/kaniko-project/executor:([\w.-]+)`)

// herokuCmdCap bounds facts.herokuCmds.
const herokuCmdCap = 16

// noteHerokuCmd records line n as a Heroku CLI registry command
// (container:login or container:push) in herokuCmds, up to herokuCmdCap.
func (f *facts) noteHerokuCmd(n int) {
	if len(f.herokuCmds) < herokuCmdCap && (len(f.herokuCmds) == 0 || f.herokuCmds[len(f.herokuCmds)-1] != n) {
		f.herokuCmds = append(f.herokuCmds, n)
	}
}

// firstHerokuCmd is the first line running a Heroku CLI registry command;
// 0 when none.
func (f *facts) firstHerokuCmd() int {
	if len(f.herokuCmds) == 0 {
		return 0
	}
	return f.herokuCmds[0]
}

// herokuCmdBefore reports whether line n directly follows a Heroku CLI
// registry command line.
func (f *facts) herokuCmdBefore(n int) bool {
	for _, l := range f.herokuCmds {
		if l == n-1 {
			return true
		}
	}
	return false
}
