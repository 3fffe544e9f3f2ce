package diagnose

import "testing"

// TestMessageGrammarClusterBuild holds the lines for the shapes found in the
// eleventh held-out batch, part c (cluster and pipeline builds: kpack, ko,
// kaniko, Tekton): one line per shape, the first finding's cause wanted (""
// = no finding), with guards that keep the neighbouring readings.
func TestMessageGrammarClusterBuild(t *testing.T) {
	checkFirstCause(t, map[string]string{
		// kpack's write check, by what the tag holds
		"prepare:main.go:83: invalid credentials to build to orbitteam/notes":                            "push-outside-namespace",
		"prepare:main.go:66: invalid credentials to build to /7c1f0a52-9d3e-4b8a-a1f0-55c2e8d6b0aa":      "empty-reference-variable",
		"prepare:main.go:83: invalid credentials to build to registry.orbit.example:5000/apps/notes:1.4": "no-login",
		"prepare:main.go:83: invalid credentials to build to localhost:5000/notes":                       "no-login",
		// kpack-cli's local credential check
		`invalid credentials, ensure registry credentials for 'index.docker.io' are available locally`: "no-login",
		// guard: other services' "invalid credentials" stay quiet
		"smtp: 535 invalid credentials":                 "",
		"Error: invalid credentials for user orbit-bot": "",
		// a credential helper's bare exit on a token request (older go-containerregistry)
		`Get https://gcr.io/v2/token?scope=repository%3Adistroless%2Fstatic%3Apull&service=gcr.io: exit status 1`:                                                                    "credential-store-error",
		`error building "github.com/orbit/notes": GET "https://europe-docker.pkg.dev/v2/token?scope=repository%3Aorbit%2Fnotes%3Apull&service=europe-docker.pkg.dev": exit status 2`: "credential-store-error",
		// guard: git's and a shell's exit statuses are not a registry's
		"fatal: unable to access 'https://git.orbit.example/v2/notes.git/': exit status 128": "",
		"make: *** [Makefile:12: push] Error 1: exit status 2":                               "",
		// Artifactory's 401 body relayed after the token URL
		`GET https://orbit.jfrog.example:443/artifactory/api/docker/docker-local/v2/token?scope=repository%3Abuilder%3Apush%2Cpull&service=orbit.jfrog.example%3A443: : Authentication is required`: "no-login",
		// an HTTP proxy's own 407 wording: the proxy answered, not the registry (no login reading)
		"Get https://registry.orbit.example/v2/: Proxy Authentication Required": "registry-unreachable",
		// ECR's refusal of a credential that is not an authorization token
		`error listing tags for repo URL 123456789012.dkr.ecr.eu-central-1.amazonaws.com/orbit/notes: GET https://123456789012.dkr.ecr.eu-central-1.amazonaws.com/v2/orbit/notes/tags/list?n=1000: DENIED: Your Authorization Token is invalid.`:                                                          "client-bug",
		"$ aws ecr get-login-password --region eu-central-1 | docker login --username AWS --password-stdin 123456789012.dkr.ecr.eu-central-1.amazonaws.com\nLogin Succeeded\n$ docker push 123456789012.dkr.ecr.eu-central-1.amazonaws.com/orbit/notes:1.4\ndenied: Your Authorization Token is invalid.": "bad-credentials",
		// guard: the expired wording keeps its own reading
		"denied: Your authorization token has expired. Reauthenticate and try again.": "token-expired",
		// go-containerregistry's and kaniko's form of the registry's catch-all code
		"error pushing image: failed to push to destination svr-nexus01.orbit.example:8128/notes: PATCH https://svr-nexus01.orbit.example:8128/v2/notes/blobs/uploads/e92e4712-9a8b: UNKNOWN: unknown": "registry-fault",
		`error pushing image: failed to push to destination index.docker.io/orbit/notes:0.1: UNKNOWN: "unknown error"`:                                                                                 "registry-fault",
		// guard: a CLI's own "unknown" wording is not a registry code
		"Error: unknown: unknown command \"pushh\" for \"crane\"": "",
	})
}
