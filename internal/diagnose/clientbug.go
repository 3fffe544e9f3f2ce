package diagnose

import (
	"fmt"
	"strings"
)

// Client defects that make a good credential fail. A client version the log
// prints (kaniko's executor image tag, helm's version.BuildInfo or
// User-Agent, docker-compose's version line) that is known to break
// registry auth, and a cross-repository
// blob mount that the client does not fall back from, add client-bug to the
// candidates of an authentication failure.

// knownRegressions are client releases with a documented registry-auth
// regression. Each names the issue that records it.
var knownRegressions = []struct {
	client string
	re     *lazyRegexp // the version as the log prints it
	why    string
}{
	{"kaniko", lazyRe(`kaniko-project/executor:v?1\.7\.0\b`),
		"kaniko v1.7.0 fails its push-permission check against gcr.io and Artifact Registry with a valid credential (GoogleContainerTools/kaniko#1791, #1821; fixed in v1.8.0): pin v1.6.0 or v1.8.0+."},
	{"helm", lazyRe(`(?:Version:"v3\.13\.[01]"|Helm/3\.13\.[01]\b)`),
		"helm v3.13.0 and v3.13.1 send OCI registry requests that some registries answer with 401 although the login succeeded or the chart is public (helm/helm#12423, #12533; reverted in v3.13.2): upgrade helm."},
	{"docker-compose", lazyRe(`\bdocker-compose version 1\.8\.0\b`),
		"docker-compose 1.8.0 did not use a credentials store (credsStore: osxkeychain, wincred, desktop, a helper) or an identity token from the Docker config, so its pushes and pulls of private images went out without the login that docker push uses (docker/compose#3929; 1.8.1 changelog: \"Fixed a bug where users using a credentials store were not able to access their private images\"): upgrade docker-compose."},
	{"nomad", lazyRe(`\bNomad v1\.9\.0\b`),
		"Nomad v1.9.0's docker driver passes the credential of an auth block or auth.config to the Docker Engine in the wrong shape, so a private pull goes out without it (hashicorp/nomad#24181; fixed by #24215 in v1.9.1): upgrade Nomad."},
}

// regressionAfter is how many lines after a failure a version line still
// names the client that failed (a `helm version` typed to report it).
const regressionAfter = 12

var scopeNameRe = lazyRe(`name:(\S+) type:repository`)

// clientVersionKeys are the prefilter keys of the lines that carry versions
// (factKeys: facts reads those lines).
var clientVersionKeys = []string{"kaniko-project/executor:", "version:\"v3.", "helm/3.", "nomad v1.9.", "docker-compose version 1.8.0"}

func init() { factKeys = append(factKeys, clientVersionKeys...) }

var (
	clientVersionAux  = lowKeys(clientVersionKeys)
	clientVersionMask = maskOf(clientVersionAux) // read on every line: facts.hasAnyIn
)

func (f *facts) observeClientVersion(n int, text, low string) {
	if !f.hasAnyIn(clientVersionAux, &clientVersionMask) {
		return
	}
	f.observeHelmVersion(low) // sig_helmquay.go
	if f.regression != "" {
		return
	}
	for _, r := range knownRegressions {
		if r.re.MatchString(text) {
			f.regression, f.regressionLine = r.why, n
			return
		}
	}
}

// authCauses are the causes of an authentication or authorization failure,
// which a client defect can also produce.
var authCauses = map[string]bool{"no-login": true, "bad-credentials": true, "insufficient-role": true, "token-expired": true,
	"token-missing-scope": true, "push-outside-namespace": true, "login-other-job": true, "credential-store-error": true}

// clientBugCand returns a client-bug candidate for an auth failure when the
// log shows a known-bad client version or a failed cross-repository mount.
func clientBugCand(h *hit, f *facts, cs []cand) (cand, bool) {
	auth := false
	for _, x := range cs {
		if authCauses[x.cause] {
			auth = true
		}
	}
	if !auth {
		return cand{}, false
	}
	// The version line may come before the failure (a job that prints its
	// tools first) or just after it (`helm version` run to report the
	// failure): both name the client that failed.
	if f.regression != "" && (f.regressionLine < h.line() || f.regressionLine-h.line() <= regressionAfter) {
		return c("client-bug", 0.82, f.regression), true
	}
	// POST /v2/NAME/blobs/uploads/?mount=DIGEST&from=OTHER: a registry may
	// refuse the mount and the client must then upload the blob itself
	// (OCI distribution spec, "Mounting a blob from another repository").
	if strings.Contains(h.low, "blobs/uploads/?") && strings.Contains(h.low, "mount=") && strings.Contains(h.low, "from=") &&
		strings.Contains(h.low, "unauthorized") && !strings.Contains(h.low, "denied") {
		// A 401 (not a 403 refusal) whose scope list names a repository
		// other than the target: the mount's source scope was not granted.
		w := 0.7
		repo := lower(h.repo())
		for _, m := range scopeNameRe.FindAllStringSubmatch(h.low, 8) {
			if repo != "" && m[1] != repo {
				w = 0.8
			}
		}
		if !strings.Contains(h.low, "origin=") && strings.Contains(h.low, "authentication required") {
			// go-containerregistry adds origin= (the source registry) only
			// to a mount from another registry, the one the crane 0.10
			// defect broke; a mount within one registry refused with
			// "authentication required" is an anonymous request (a
			// credential with push here may read the source to mount it).
			w = 0.55
		}
		return c("client-bug", w, fmt.Sprintf("The failing request is a cross-repository blob mount into %s: the token asked for pull on the source repository too, and the client gave up instead of uploading the blob (older go-containerregistry/crane releases did); upgrade the client or copy without mounting.", orSome(h.repo(), "the repository"))), true
	}
	return helmQuayExistsCand(h, f) // sig_helmquay.go
}

// configBlobAuthCand returns registry-fault for an authentication refusal
// of the image configuration download. dockerd prints "error pulling image
// configuration" (moby's distribution.ImageConfigPullError, schema2 only)
// when the config blob fails after the manifest of the same pull was
// fetched with the same token (the manifest names the config digest), so
// the credential was
// accepted a moment before: a refusal now is the registry's or its blob
// CDN's (GHCR's incidents answered public pulls so, githubstatus.com).
func configBlobAuthCand(h *hit, cs []cand) (cand, bool) {
	if !strings.Contains(h.low, "error pulling image configuration") {
		return cand{}, false
	}
	for _, x := range cs {
		if authCauses[x.cause] {
			return c("registry-fault", 0.8, fmt.Sprintf("The refusal came while downloading the image configuration, after the manifest of the same pull was fetched with the same credential: %s accepted it a moment before, so the registry (or the storage behind it) failed, not the login.", hostName(h.host))), true
		}
	}
	return cand{}, false
}
