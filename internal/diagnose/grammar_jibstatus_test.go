package diagnose

import "testing"

// TestMessageGrammarJibStatusLine holds jib's report of a registry's 429 on
// its own error line (Maven's goal failure, Gradle's
// BuildStepsExecutionException), with the request on the next line or
// without it, and the look-alikes that must stay quiet: another Maven
// plugin's 429 (a Maven repository), Google's HTTP client outside jib. The
// first finding's cause is wanted ("" = no finding).
func TestMessageGrammarJibStatusLine(t *testing.T) {
	checkFirstCause(t, map[string]string{
		// Maven, jib:dockerBuild pulling the base image, the request on the next line
		"[ERROR] Failed to execute goal com.google.cloud.tools:jib-maven-plugin:3.4.1:dockerBuild (default) on project orbit-app: 429 Too Many Requests\n[ERROR] GET https://registry-1.docker.io/v2/library/eclipse-temurin/manifests/21-jre": "rate-limited",
		// Maven, jib:build, the goal line alone (the log cut before the request)
		"[ERROR] Failed to execute goal com.google.cloud.tools:jib-maven-plugin:3.4.1:build (default-cli) on project orbit-app: 429 Too Many Requests": "rate-limited",
		// Maven's lifecycle exception as a CI timestamper prints it
		"[2026-05-19T08:42:17.305Z] org.apache.maven.lifecycle.LifecycleExecutionException: Failed to execute goal com.google.cloud.tools:jib-maven-plugin:3.3.2:dockerBuild (default) on project orbit-metrics: 429 Too Many Requests": "rate-limited",
		// Gradle
		"> com.google.cloud.tools.jib.plugins.common.BuildStepsExecutionException: 429 Too Many Requests\n  GET https://registry.orbit.test/v2/base/jre/manifests/21": "rate-limited",
		// the same line form for a registry's server error
		"[ERROR] Failed to execute goal com.google.cloud.tools:jib-maven-plugin:3.4.1:build (default-cli) on project orbit-app: 503 Service Unavailable\n[ERROR] GET https://registry-1.docker.io/v2/library/eclipse-temurin/manifests/21-jre": "registry-fault",
		"Execution failed for task ':jib'.\n> com.google.cloud.tools.jib.plugins.common.BuildStepsExecutionException: 502 Bad Gateway":                                                                                                         "registry-fault",
		// guard: another Maven plugin's 429 is a Maven repository's
		"[ERROR] Failed to execute goal org.apache.maven.plugins:maven-deploy-plugin:3.1.1:deploy (default-deploy) on project orbit-app: 429 Too Many Requests": "",
		// guard: Google's HTTP client in another library
		"Caused by: com.google.api.client.http.HttpResponseException: 429 Too Many Requests": "",
		// guard: a jib goal line with a status that is no rate limit keeps its own reading (none here)
		"[ERROR] Failed to execute goal com.google.cloud.tools:jib-maven-plugin:3.4.1:build (default-cli) on project orbit-app: Obtaining project build output files failed": "",
	})
}
