package diagnose

import (
	"strings"
	"testing"
)

// TestMessageGrammarFix19 holds the nineteenth round's parsing leftovers
// (the files named per group) and their look-alikes. Lines are joined with
// "\n" where a case is a log excerpt.
func TestMessageGrammarFix19(t *testing.T) {
	checkFirstCause(t, map[string]string{
		// A /v2/ check refused with a bare "unauthorized" on a pull the log
		// names, with no login anywhere: nothing says a credential was sent
		// (sig_loginping.go pingRefusedWithoutLogin).
		"$ docker pull ghcr.io/orbit/app:1.0\nError response from daemon: Get \"https://ghcr.io/v2/\": unauthorized":                     "no-login",
		"$ docker push registry.orbit.test/app:1.0\nError response from daemon: Get \"https://registry.orbit.test/v2/\": unauthorized: ": "no-login",
		// look-alikes: the line alone is docker login's answer (pooled
		// ot-054, h6b-001, h17b-002 quote only it); a login in the log; a
		// message that speaks of the credential
		"Error response from daemon: Get https://registry.orbit.test/v2/: unauthorized: authentication required":                                                                  "bad-credentials",
		"Error response from daemon: Get \"https://ghcr.io/v2/\": unauthorized":                                                                                                   "bad-credentials",
		"$ echo $TOKEN | docker login ghcr.io -u ci --password-stdin\n$ docker pull ghcr.io/orbit/app:1.0\nError response from daemon: Get \"https://ghcr.io/v2/\": unauthorized": "bad-credentials",
		"$ docker pull registry.orbit.test/app:1.0\nError response from daemon: Get \"https://registry.orbit.test/v2/\": unauthorized: incorrect username or password":            "bad-credentials",
		// helm's HEAD refusal with --username/--password stays a role (or
		// missing repository) answer at 401 and at 403: with a refused
		// credential the token request fails first (helm/helm#31567:
		// Quay answers the HEAD 401 for a repository the robot cannot see).
		"$ helm push app-1.2.0.tgz oci://charts.orbit.test/team --username ci --password ***\nError: unexpected status from HEAD request to https://charts.orbit.test/v2/team/app/manifests/1.2.0: 403 Forbidden": "insufficient-role",
		// An identity provider's OAuth token endpoint is not a registry's
		// token realm (hostcontext.go identityTokenURL).
		`Error: Post "https://login.microsoftonline.com/0000-tenant/oauth2/v2.0/token": x509: certificate signed by unknown authority`:        "",
		`Error: Post "https://oauth2.googleapis.com/token": tls: failed to verify certificate: x509: certificate signed by unknown authority`: "",
		// look-alikes: registry realms (a service= query, Harbor's path, a registry host)
		`Error response from daemon: Get "https://auth.docker.io/token?scope=repository%3Aorbit%2Fapp%3Apull&service=registry.docker.io": x509: certificate signed by unknown authority`: "tls-untrusted",
		`Error response from daemon: Get "https://harbor.orbit.test/service/token": x509: certificate signed by unknown authority`:                                                       "tls-untrusted",
		`Error response from daemon: Get "https://orbitcr.azurecr.io/oauth2/token": x509: certificate signed by unknown authority`:                                                       "tls-untrusted",
		// "push"/"pull" in an application's own message is not registry
		// context (hostcontext.go appWordContext).
		"app: failed to push metrics: x509: certificate signed by unknown authority":                       "",
		"notification push failed: dial tcp 10.0.0.5:443: connect: connection refused":                     "",
		"ERROR: failed to push registry.orbit.test/app:1.0: x509: certificate signed by unknown authority": "tls-untrusted",
		"pull image registry.orbit.test/app:1.0: dial tcp 10.0.0.5:443: connect: connection refused":       "registry-unreachable",
		"failed to push: dial tcp 10.0.0.5:443: connect: connection refused":                               "registry-unreachable",
		// containerd's "invalid_token: authorization failed": the cached
		// bearer token was rejected mid-pull (sig_invalidtoken.go,
		// containerd/containerd#9274)
		`Failed to pull image "registry.orbit.test/gpu/trainer:2.1": rpc error: code = Unknown desc = failed to pull and unpack image "registry.orbit.test/gpu/trainer:2.1": failed to copy: httpReadSeeker: failed open: server message: invalid_token: authorization failed`: "token-expired",
		// look-alike: containerd's insufficient_scope keeps its reading
		`ctr: failed to resolve reference "docker.io/orbit/tools:1.0": pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed`: "no-login",
		// docker-maven-plugin 0.11's push with no registry configured and
		// no authConfig: EOF (500), fixed in 0.11.4 (sig_nullref.go,
		// fabric8io/docker-maven-plugin#102, #165)
		"[ERROR] Failed to execute goal org.jolokia:docker-maven-plugin:0.11.3:push (push) on project app-war: Unable to push image [registry.orbit.test/app] to registry [null] : EOF (Internal Server Error: 500) -> [Help 1]": "client-bug",
		// look-alike: the same EOF with a registry configured says nothing
		"[ERROR] Failed to execute goal org.jolokia:docker-maven-plugin:0.11.3:push (push) on project app-war: Unable to push image [registry.orbit.test/app] to registry [registry.orbit.test] : EOF -> [Help 1]": "",
		// gcloud's helper with no active account: the configured helper
		// ran and failed (sig_transport.go rankGcloudHelper; pooled
		// h17e-012, h17e-013, h19f-011)
		"Unable to find image 'gcr.io/orbit-ci/registry:2' locally\ndocker: error getting credentials - err: exit status 1, out: `You do not currently have an active account selected. See https://cloud.google.com/sdk/docs/authorizing for more information.`": "credential-store-error",
		"$ docker-compose up -d\nBuilding kafka\nERROR: (gcloud.auth.docker-helper) You do not currently have an active account selected.\nPlease run:\n\n  $ gcloud auth login":                                                                                  "credential-store-error",
		// look-alike: the helper's expired token keeps token-expired
		"ERROR: (gcloud.auth.docker-helper) There was a problem refreshing your current auth tokens: Reauthentication failed.": "token-expired",
	})
}

// TestReferenceFix19: Ansible's (and Engine API tools') "Error pushing image
// REF: …" / "Error pulling image REF - …" name the reference (refs.go), and
// a word in another script after "docker pull" is a remark's, not the
// reference (facts.go asciiRef).
func TestReferenceFix19(t *testing.T) {
	checkFirstMessage(t, map[string]string{
		`fatal: [localhost]: FAILED! => {"changed": false, "msg": "Error pushing image registry.orbit.test/team/app:1.0: denied: requested access to the resource is denied"}`:                                                           "to registry.orbit.test/team/app ",
		`fatal: [localhost]: FAILED! => {"changed": false, "msg": "Error pulling image registry.orbit.test/team/app:1.0 - 404 Client Error: Not Found (\"manifest for registry.orbit.test/team/app:1.0 not found: manifest unknown\")"}`: "from registry.orbit.test/team/app ",
		"docker pull で Error response from daemon: Get \"https://registry.orbit.test/v2/\": x509: certificate signed by unknown authority":                                                                                               "from registry.orbit.test ",
		"docker push registry.orbit.test/app:1.0に失敗 denied: requested access to the resource is denied":                                                                                                                                  "to registry.orbit.test/app ",
	})
	// the remark's word is no reference: nothing names docker.io
	rep, err := Explain(strings.NewReader("docker push 시 unauthorized: authentication required\n"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Findings) == 0 || strings.Contains(rep.Findings[0].Message, "시") {
		t.Errorf("docker push 시: findings %+v", rep.Findings)
	}
}
