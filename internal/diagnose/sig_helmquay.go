package diagnose

import (
	"strconv"
	"strings"

	"github.com/regdoctor/regdoctor/internal/reghost"
)

// Helm's OCI push against Quay. Since Helm 3.17.4 (oras-go v2, helm/helm
// pkg/registry) `helm push` first asks whether the chart manifest already
// exists ("Exists" on the destination) with a token scoped to pull only.
// Quay answers that request with 401 when the repository does not exist yet
// and the account may not read it (a robot or team with the Creator role),
// so the first push of a new chart fails although the login is fine; Helm
// 3.17.3 asked for pull,push and the push created the repository
// (helm/helm#30987, #31567, #32144). oras-go prints the failed step as
//
//	Error: failed to perform "Exists" on destination: HEAD "https://HOST/v2/REPO/manifests/sha256:...": response status code 401: Unauthorized

// helmExistsPhrase is oras-go v2's wrapper for the destination check.
const helmExistsPhrase = `failed to perform "exists" on destination`

// helmVersionRe reads Helm 3's version as `helm version` (version.BuildInfo)
// or its User-Agent prints it.
var helmVersionRe = lazyRe(`(?:version:"v|helm/)3\.(\d+)\.(\d+)`)

// challengeScopeRe reads the actions of a Www-Authenticate challenge's
// scope="repository:NAME:ACTIONS" (quotes possibly escaped by a logger).
var challengeScopeRe = lazyRe(`scope=[\\"]*repository:[^:\s"\\]+:([a-z,*]+)`)

// observeHelmVersion keeps the first Helm 3 version the log prints as
// minor*1000+patch (0: none seen). Called for lines that carry a client
// version key only (clientbug.go).
func (f *facts) observeHelmVersion(low string) {
	if f.helmVer != 0 || !strings.Contains(low, "3.") {
		return
	}
	m := helmVersionRe.FindStringSubmatch(low)
	if m == nil {
		return
	}
	minor, _ := strconv.Atoi(m[1])
	patch, _ := strconv.Atoi(m[2])
	f.helmVer = minor*1000 + patch
}

// quayHost reports whether host is quay.io or a self-hosted Quay named so
// (a host label starting with "quay", e.g. quay.apps.example.com).
func quayHost(host string) bool {
	if reghost.Classify(host) == reghost.Quay {
		return true
	}
	for _, label := range strings.Split(lower(host), ".") {
		if strings.HasPrefix(label, "quay") {
			return true
		}
	}
	return false
}

// helmQuayExistsCand returns client-bug for Helm's pre-push existence check
// refused with 401 by Quay, unless the log shows a Helm older than 3.17.4
// (which does not make that check with a pull-only token).
func helmQuayExistsCand(h *hit, f *facts) (cand, bool) {
	if !strings.Contains(h.low, "401") || !quayHost(h.host) || (f.helmVer != 0 && f.helmVer < 17004) {
		return cand{}, false
	}
	if !strings.Contains(h.low, helmExistsPhrase) {
		// helm push --debug (slog since 3.18) prints the check's answer as
		// `level=DEBUG msg=Response id=N status="401 UNAUTHORIZED" header=...`
		// with Quay's challenge, whose scope asks pull only on a push.
		if f.helmVer == 0 || h.op != opPush || !strings.Contains(h.low, "msg=response") {
			return cand{}, false
		}
		m := challengeScopeRe.FindStringSubmatch(h.low)
		if m == nil || strings.Contains(m[1], "push") {
			return cand{}, false
		}
	}
	w := 0.8
	if f.helmVer != 0 {
		w = 0.85 // the log names an affected Helm
	}
	return c("client-bug", w, "Helm 3.17.4 and later check whether the chart already exists with a pull-only token before pushing; "+hostName(h.host)+
		" (Quay) answers 401 for a repository that does not exist yet when the account may not read it (a robot or team with the Creator role), so the first push of a new chart fails although the login worked (helm/helm#30987, #31567). Create the repository first, push with an account that can read it, or pin Helm 3.17.3."), true
}
