package diagnose

import "strings"

// Helm's OCI commands take a credential on the command line: `helm push
// CHART oci://HOST/PATH --username U --password P` (and pull, install,
// upgrade, template, show) send it to HOST without a `helm registry login`
// first. The flags reach the OCI registry client since helm/helm#12769
// (Helm 4) and its v3 backport helm/helm#13483 (documented for helm push in
// helm.sh/docs/v3/helm/helm_push, 3.19); helm/helm#31115 fixed a release
// that dropped them again. Such a command is a login to HOST for the
// ranking: the request carried a credential, which the registry checks only
// when it answers it (login.OK false: no login check ran before).

var (
	kHelmCmd      = lowKey("helm ")
	kUsernameFlag = lowKey("--username")
	kPasswordFlag = lowKey("--password")
	// helmCredCmdRe: a helm command of an OCI chart (group 1: the verb)
	// and the host of its oci:// argument (group 2).
	helmCredCmdRe = lazyRe(`\bhelm (push|pull|fetch|install|upgrade|template|show \w+) .*?\boci://([^\s"'/]+)`)
)

// helmCredSource is login.Source of a helm command's credential flags.
const helmCredSource = "helm --username/--password"

// observeHelmCreds records a helm OCI command that carries --username and
// --password as a login to its oci:// host (see above).
func (f *facts) observeHelmCreds(n int, text, low string) {
	if !f.has(kHelmCmd) || !f.has(kUsernameFlag) || !f.has(kPasswordFlag) {
		return
	}
	m := helmCredCmdRe.FindStringSubmatch(text)
	if m == nil {
		return
	}
	i := strings.Index(low, " --username")
	if i < 0 || !strings.Contains(low[i:], " --password") && !strings.Contains(low[:i], " --password") {
		return
	}
	host := "" // a variable (oci://$REGISTRY/...): unknown
	if !strings.ContainsAny(m[2], "$*") {
		host = loginHost(m[2])
	}
	f.addLogin(login{Host: host, Line: n, Source: helmCredSource, User: loginUserArg(text[i+1:])})
	f.lastRegistry = n
}

// storedHow says how a login that no registry checked holds its credential,
// for the message "never checked by the registry (...)".
func storedHow(l login) string {
	if l.Source == helmCredSource {
		return "helm sends the flags' credential with its requests, without a login check first"
	}
	return l.Source + " only stores it"
}
