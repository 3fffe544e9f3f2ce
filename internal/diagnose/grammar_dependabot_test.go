package diagnose

import "testing"

// TestMessageGrammarDependabot holds the lines for Dependabot's private
// registry refusal (sig_dependabot.go) and its look-alikes.
func TestMessageGrammarDependabot(t *testing.T) {
	checkFirstCause(t, map[string]string{
		`updater | 2026/03/02 08:15:00 INFO <job_1234> Handled error whilst updating orbit/base: private_source_authentication_failure {:source=>"registry.orbit.test"}`: "no-login",
		"Dependabot couldn't authenticate with docker.orbit.test.":                         "no-login",
		"Dependabot could not authenticate with orbit.azurecr.io":                          "no-login",
		"Dependabot can't authenticate with 123456789012.dkr.ecr.eu-west-1.amazonaws.com.": "no-login",
		// guard: another ecosystem's source is not a container registry
		`updater | Handled error whilst updating left-pad: private_source_authentication_failure {:source=>"npm.pkg.github.com"}`: "",
		"Dependabot couldn't authenticate with nexus.orbit.test/repository/maven-releases.":                                       "",
		`updater | Handled error whilst updating left-pad: private_source_authentication_failure {:source=>"registry.npmjs.org"}`: "",
		// guard: the summary table names the error without a source
		"| orbit/base | private_source_authentication_failure |": "",
		// guard: a sentence about authenticating that is not Dependabot's
		"The agent couldn't authenticate with docker.orbit.test.": "",
	})
}
