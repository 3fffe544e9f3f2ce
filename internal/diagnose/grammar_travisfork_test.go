package diagnose

import "testing"

// TestMessageGrammarTravisFork holds Travis CI's notice for a pull request
// build without its encrypted variables (sig_rarecauses.go, travisNoSecrets)
// and the empty logins that follow it: a fork PR's withheld secrets
// (docs.travis-ci.com/user/pull-requests, "Pull Requests and Security
// Restrictions"). The notice alone is nothing, and the same empty login
// without it stays empty-credential.
func TestMessageGrammarTravisFork(t *testing.T) {
	const notice = "$ git checkout -qf FETCH_HEAD\n" +
		"Encrypted environment variables have been removed for security reasons.\n" +
		"See https://docs.travis-ci.com/user/pull-requests/#pull-requests-and-security-restrictions\n"
	checkFirstCause(t, map[string]string{
		// a login fed from secure variables that were not there
		notice + "$ echo \"$DOCKER_PASSWORD\" | docker login -u \"$DOCKER_USERNAME\" --password-stdin\nError: Cannot perform an interactive login from a non TTY device": "fork-pr-readonly",
		notice + "$ docker login -u \"$REGISTRY_USER\" -p \"$REGISTRY_PASS\" registry.orbit.test\nMust provide --username with --password-stdin":                         "fork-pr-readonly",
		// the notice alone, and with a build that passed
		notice: "",
		notice + "Successfully tagged orbit/web:pr-412\nThe command \"make image\" exited with 0.": "",
		// look-alike: the same empty login on a push build keeps its answer
		"$ echo \"$DOCKER_PASSWORD\" | docker login -u \"$DOCKER_USERNAME\" --password-stdin\nError: Cannot perform an interactive login from a non TTY device": "empty-credential",
	})
}
