package diagnose

import (
	"strings"
	"testing"
)

// TestMessageGrammarFix18 holds the parsing leftovers of the eighteenth
// round (helmcreds.go and the files named per group) and their look-alikes.
// Lines are joined with "\n" where a case is a log excerpt.
func TestMessageGrammarFix18(t *testing.T) {
	checkFirstCause(t, map[string]string{
		// helm OCI commands with --username/--password carry a credential
		// (helmcreds.go): a 401 is not "no login".
		"$ helm push app-1.2.0.tgz oci://charts.orbit.test/team --username ci --password ***\nError: unexpected status from HEAD request to https://charts.orbit.test/v2/team/app/manifests/1.2.0: 401 Unauthorized": "insufficient-role",
		// look-alike: the same push without the flags had no credential
		"$ helm push app-1.2.0.tgz oci://charts.orbit.test/team\nError: unexpected status from HEAD request to https://charts.orbit.test/v2/team/app/manifests/1.2.0: 401 Unauthorized": "no-login",
		// look-alike: the flags given for another host leave this one without a login
		"$ helm pull oci://mirror.orbit.test/team/base --version 1.0.0 --username ci --password ***\n$ helm push app-1.2.0.tgz oci://charts.orbit.test/team\nError: unexpected status from HEAD request to https://charts.orbit.test/v2/team/app/manifests/1.2.0: 401 Unauthorized": "login-wrong-host",
		// docker's login check failure wrapped after "to" or after the URL
		// (loginwrap.go) is still the login check's answer.
		"Error: login attempt to\nhttps://ghcr.io/v2/ failed with status: 401 Unauthorized":    "bad-credentials",
		"Error: login attempt to https://ghcr.io/v2/\nfailed with status: 401 Unauthorized":    "bad-credentials",
		"Error: login attempt to https://cr.orbit.test/v2/\nfailed with status: 403 Forbidden": "bad-credentials",
		// look-alike: another request's wrapped status keeps its reading
		"Error: pulling from https://ghcr.io/v2/orbit/app/manifests/1.0\nfailed with status: 401 Unauthorized": "no-login",
		// a host name holding "push" or "login" is not registry context for
		// the TLS rules (hostcontext.go)
		`Error: Get "https://pushgateway.orbit.test:9091/metrics": x509: certificate signed by unknown authority`: "",
		"dial push.orbit.test:443: remote error: tls: handshake failure":                                          "",
		// look-alikes: the same host with the registry API, or the word outside a host name
		`Error: Get "https://push.orbit.test/v2/": tls: failed to verify certificate: x509: certificate signed by unknown authority`: "tls-untrusted",
		"docker push registry.orbit.test/app:1: remote error: tls: handshake failure":                                                "tls-untrusted",
		`Error response from daemon: Get "https://docker.orbit.test:5000/v2/": x509: certificate signed by unknown authority`:        "tls-untrusted",
		// Dependabot's source host with no registry label: what the log
		// says of the ecosystem decides (sig_dependabot.go)
		"  Pulling image ghcr.io/dependabot/dependabot-updater-docker:0123abcd (attempt 1)...\n" + `updater | Handled error whilst updating orbit/base: private_source_authentication_failure {:source=>"harbor.corp"}`:                                                                                             "no-login",
		"  proxy | 2026/03/02 08:14:59 [016] GET https://harbor.corp:443/v2/orbit/base/tags/list\n  proxy | 2026/03/02 08:14:59 [016] 401 https://harbor.corp:443/v2/orbit/base/tags/list\n" + `updater | Handled error whilst updating orbit/base: private_source_authentication_failure {:source=>"harbor.corp"}`: "no-login",
		// look-alikes: the bare line, and another ecosystem's updater
		`updater | Handled error whilst updating orbit/base: private_source_authentication_failure {:source=>"harbor.corp"}`:                                                                                               "",
		"  Pulling image ghcr.io/dependabot/dependabot-updater-npm_and_yarn:0123abcd (attempt 1)...\n" + `updater | Handled error whilst updating left-pad: private_source_authentication_failure {:source=>"nexus.corp"}`: "",
		// Ansible's task failure "fatal: [HOST]: FAILED! =>" is not git's
		// "fatal:" (ansible.go)
		`fatal: [localhost]: FAILED! => {"changed": false, "msg": "Logging into registry.orbit.test for user ci failed - 500 Server Error for http+docker://localhost/v1.41/auth: Internal Server Error (\"Get \"https://registry.orbit.test/v2/\": x509: certificate signed by unknown authority\")"}`: "tls-untrusted",
		`fatal: [web1 -> localhost]: FAILED! => {"changed": false, "msg": "Error pulling image registry.orbit.test/app:1 - 500 Server Error: Internal Server Error (\"Get \"https://registry.orbit.test/v2/\": x509: certificate signed by unknown authority\")"}`:                                      "tls-untrusted",
		// look-alikes: git's own fatal: inside the task's message, and git's line
		`fatal: [localhost]: FAILED! => {"changed": false, "msg": "Failed to checkout: fatal: unable to access https://git.orbit.test/app.git/: SSL certificate problem: x509: certificate signed by unknown authority"}`: "",
		"fatal: unable to access 'https://git.orbit.test/app.git/': x509: certificate signed by unknown authority (docker build context)":                                                                                 "",
		// ECR's "no basic auth credentials" on the build's base image with no
		// helper in the log: no login for that registry (ecrbase.go)
		"Step 1/9 : FROM 210987654321.dkr.ecr.eu-west-1.amazonaws.com/base:4\nGet https://210987654321.dkr.ecr.eu-west-1.amazonaws.com/v2/base/manifests/4: no basic auth credentials": "no-login",
		// look-alikes: a helper configured, and no FROM (an excerpt of a pull)
		`{"credsStore": "ecr-login"}` + "\nStep 1/9 : FROM 210987654321.dkr.ecr.eu-west-1.amazonaws.com/base:4\nGet https://210987654321.dkr.ecr.eu-west-1.amazonaws.com/v2/base/manifests/4: no basic auth credentials": "credential-store-error",
		"Get https://210987654321.dkr.ecr.eu-west-1.amazonaws.com/v2/base/manifests/4: no basic auth credentials":                                                                                                        "credential-store-error",
	})
}

// TestActPullArgument: act prints its pull as "docker pull image=REF
// platform=P username=U forcePull=B"; the reference is REF, not "image=REF"
// (addRef), and a reference with no KEY= stays as it was.
func TestActPullArgument(t *testing.T) {
	for log, want := range map[string]string{
		"[ci/build]   🐳  docker pull image=orbit/tools:1.0 platform= username= forcePull=true\nError: Error response from daemon: pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed": "docker.io/orbit/tools",
		"$ docker pull orbit/tools:1.0\nError response from daemon: pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed":                                                               "docker.io/orbit/tools",
	} {
		rep, err := Explain(strings.NewReader(log+"\n"), Options{})
		if err != nil {
			t.Fatal(err)
		}
		if len(rep.Findings) == 0 {
			t.Fatalf("%s\n  no finding", log)
		}
		if msg := rep.Findings[0].Message; !strings.Contains(msg, "from "+want+" ") || strings.Contains(msg, "image=") {
			t.Errorf("%s\n  message %q does not name %s", log, msg, want)
		}
	}
}

// TestMessageNamesWhatFailed: the finding's message says "login" only for a
// login (a /v2/ request with no login near is a pull's or a tool's check,
// hit.pingOnly), and names the Quay host that refused a bearer header.
func TestMessageNamesWhatFailed(t *testing.T) {
	checkFirstMessage(t, map[string]string{
		`Error response from daemon: Get "https://cr.orbit.test/v2/": unauthorized: authentication required`:                                                           "The /v2/ request to cr.orbit.test failed",
		"$ docker login cr.orbit.test -u ci --password-stdin\n" + `Error response from daemon: Get "https://cr.orbit.test/v2/": unauthorized: authentication required`: "The login to cr.orbit.test failed",
		"Error: login attempt to\nhttps://cr.orbit.test/v2/ failed with status: 401 Unauthorized":                                                                      "The login to cr.orbit.test failed",
		`Error: Get "https://quay.io/v2/orbit/app/manifests/1": Invalid bearer token format`:                                                                           "quay.io (Quay) refused",
	})
}

func TestTrimQuotingTail(t *testing.T) {
	for in, want := range map[string]string{
		`no basic auth credentials\")"}`:    "no basic auth credentials",
		`Invalid bearer token format\""`:    "Invalid bearer token format",
		`quay.io answered 403 (Forbidden)`:  `quay.io answered 403 (Forbidden)`,
		`manifest unknown: "app:1"`:         `manifest unknown: "app:1"`,
		`denied: {"errors":[{"code":"x"}]}`: `denied: {"errors":[{"code":"x"}]}`,
		`"}`:                                `"}`,
	} {
		if got := trimQuotingTail(in); got != want {
			t.Errorf("trimQuotingTail(%q) = %q, want %q", in, got, want)
		}
	}
}
