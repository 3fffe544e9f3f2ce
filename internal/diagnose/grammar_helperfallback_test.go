package diagnose

import (
	"strings"
	"testing"
)

// dockerJavaNotice is Testcontainers' RegistryAuthLocator notice (1.15+,
// one INFO line) for IMAGE with the exception message EXC.
func dockerJavaNotice(image, exc string) string {
	return "10:02:11.502 [main] INFO  org.testcontainers.utility.RegistryAuthLocator -- Failure when attempting to lookup auth config. Please ignore if you don't have images in an authenticated registry. Details: (dockerImageName: " + image + ", configFile: /home/ci/.docker/config.json, configEnv: DOCKER_AUTH_CONFIG). Falling back to docker-java default behaviour. Exception message: " + exc
}

// TestMessageGrammarDockerJavaHelperFallback pins docker-java's fallback
// notice (dockerJavaFallback, sig_clientconfig.go): Testcontainers and the
// Gradle Docker plugin log the credential helper's failure ("Cannot run
// program \"docker-credential-NAME\"", Java's ProcessBuilder) and go on
// without a credential. The notice alone is no failure (a public image
// pulls anonymously, the tests run); a registry refusal after it is the
// helper's doing. Look-alikes keep their answers: the notice about a missing
// config file, and helper failures that are not relayed by a notice.
func TestMessageGrammarDockerJavaHelperFallback(t *testing.T) {
	missing := `Cannot run program "docker-credential-desktop": error=2, No such file or directory`
	refused := "10:02:13.120 [main] ERROR tc.registry.orbit.test/orbit/fixtures-db:2.3 -- Failed to pull image: registry.orbit.test/orbit/fixtures-db:2.3. Please check output of `docker pull registry.orbit.test/orbit/fixtures-db:2.3`\n" +
		`com.github.dockerjava.api.exception.UnauthorizedException: Status 401: {"message":"Head \"https://registry.orbit.test/v2/orbit/fixtures-db/manifests/2.3\": unauthorized: authentication required"}`
	checkFirstCause(t, map[string]string{
		// the notice, then the tests run: quiet
		dockerJavaNotice("postgres:16", missing) + "\n10:02:12.900 [main] INFO  tc.postgres:16 -- Container postgres:16 started in PT1.2S\n[INFO] Tests run: 42, Failures: 0, Errors: 0, Skipped: 0": "",
		// Windows' ProcessBuilder wording for a helper that is not installed
		dockerJavaNotice("redis:7", `Cannot run program "docker-credential-wincred": CreateProcess error=2, The system cannot find the file specified`): "",
		// Testcontainers before 1.15: the notice at ERROR, the exception on the next line
		"14:20:03.118 [Test worker] ERROR org.testcontainers.utility.RegistryAuthLocator - Failure when attempting to lookup auth config. Falling back to docker-java default behaviour\njava.io.IOException: " + missing + "\n\tat java.base/java.lang.ProcessBuilder.start(ProcessBuilder.java:1143)\nBUILD SUCCESSFUL in 41s": "",
		// the Gradle Docker plugin's (bmuschko) notice with its exception
		"Failure when attempting to lookup auth config (docker repository: registry.orbit.test/orbit/app, configFile: /home/ci/.docker/config.json. Falling back to docker-java default behaviour\njava.io.IOException: Cannot run program \"docker-credential-pass\": error=2, No such file or directory": "",
		// the notice, then the registry refuses the anonymous pull: the helper's doing
		dockerJavaNotice("registry.orbit.test/orbit/fixtures-db:2.3", missing) + "\n" + refused: "credential-store-error",
		// Docker Hub answers the anonymous pull of a private repository as a missing one
		dockerJavaNotice("orbit/fixtures-db:2.3", missing) + "\n" + `com.github.dockerjava.api.exception.NotFoundException: Status 404: {"message":"pull access denied for orbit/fixtures-db, repository does not exist or may require 'docker login': denied: requested access to the resource is denied"}`: "credential-store-error",
		// look-alike: the notice about a config file that does not exist names no helper; the refusal keeps its answer
		dockerJavaNotice("registry.orbit.test/orbit/fixtures-db:2.3", "/home/ci/.docker/config.json (No such file or directory)") + "\n" + refused: "no-login",
		// look-alike: the docker CLI's own helper failure stays the failure
		"$ docker pull registry.orbit.test/orbit/fixtures-db:2.3\nerror getting credentials - err: exec: \"docker-credential-desktop\": executable file not found in $PATH, out: ``": "credential-store-error",
		// look-alike: a Java tool's helper failure with no fallback notice before it
		"[ERROR] Failed to execute goal: java.io.IOException: " + missing: "credential-store-error",
	})
}

// TestDockerJavaFallbackWhy wants the refusal after docker-java's fallback
// notice explained by the helper that failed, with the notice as evidence.
func TestDockerJavaFallbackWhy(t *testing.T) {
	log := dockerJavaNotice("registry.orbit.test/orbit/fixtures-db:2.3", `Cannot run program "docker-credential-desktop": error=2, No such file or directory`) + "\n" +
		`com.github.dockerjava.api.exception.UnauthorizedException: Status 401: {"message":"Head \"https://registry.orbit.test/v2/orbit/fixtures-db/manifests/2.3\": unauthorized: authentication required"}` + "\n"
	rep, err := Explain(strings.NewReader(log), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Findings) == 0 || rep.Findings[0].Cause != "credential-store-error" {
		t.Fatalf("want credential-store-error first, got %+v", rep.Findings)
	}
	f := rep.Findings[0]
	if !strings.Contains(f.Message, "could not run the credential helper") {
		t.Errorf("message does not name the helper's failure: %s", f.Message)
	}
	noticed := false
	for _, ev := range f.Evidence {
		noticed = noticed || ev.Line == 1
	}
	if !noticed {
		t.Errorf("evidence %+v does not hold the notice (line 1)", f.Evidence)
	}
}
