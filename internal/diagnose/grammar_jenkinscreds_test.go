package diagnose

import "testing"

// TestMessageGrammarJenkinsCreds holds the lines for the Jenkins Docker
// Pipeline credential lookup (jenkinsci/docker-commons-plugin
// DockerRegistryEndpoint.newKeyMaterialFactory): docker-commons' abort when a
// registry credentials id does not resolve, in each place Jenkins prints it,
// with the look-alikes that must stay quiet.
func TestMessageGrammarJenkinsCreds(t *testing.T) {
	checkFirstCause(t, map[string]string{
		// the step's abort as the build log ends it
		"ERROR: Could not find credentials matching orbit-hub":           "empty-credential",
		"ERROR: Could not find credentials matching harbor-robot-push  ": "empty-credential",
		// the Amazon ECR plugin's id form
		"ERROR: Could not find credentials matching ecr:eu-west-1:orbit-aws": "empty-credential",
		// the same abort in a stack trace, and with the id masked by Jenkins
		"hudson.AbortException: Could not find credentials matching registry-creds": "empty-credential",
		"ERROR: Could not find credentials matching ****":                           "empty-credential",
		// guard: the credentials-binding step serves every kind of secret
		"ERROR: Could not find credentials entry with ID 'orbit-hub'": "",
		// guard: another program's sentence that goes on after the word
		"error: Could not find credentials matching the provided connection ID": "",
		"Could not find credentials matching your query.":                       "",
	})
}
