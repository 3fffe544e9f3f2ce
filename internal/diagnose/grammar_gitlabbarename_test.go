package diagnose

import "testing"

// TestMessageGrammarGitLabBareName holds refused pushes of a one-component
// image name (docker.io/library/NAME) in a GitLab CI job with no Docker Hub
// login, in each client's wording (gitlabbarename.go), and the look-alikes
// that keep the Docker Hub namespace reading or another answer.
func TestMessageGrammarGitLabBareName(t *testing.T) {
	const runner = "Running with gitlab-runner 17.4.1 (7e2a1f90)\nExecuting \"step_script\" stage of the job script\n"
	const failed = "\nERROR: Job failed: exit code 1"
	checkFirstCause(t, map[string]string{
		// docker push, Docker Hub's "denied"
		runner + "$ docker push orbit-api:1.4\nThe push refers to repository [docker.io/library/orbit-api]\n5f70bf18a086: Preparing\ndenied: requested access to the resource is denied" + failed: "missing-registry-host",
		// docker push, the 401 form
		runner + "$ docker push orbit-api:1.4\nThe push refers to repository [docker.io/library/orbit-api]\n5f70bf18a086: Preparing\nunauthorized: authentication required" + failed: "missing-registry-host",
		// only the runner's closing line marks the job as GitLab's
		"The push refers to repository [docker.io/library/orbit-web]\ndenied: requested access to the resource is denied\nCleaning up project directory and file based variables" + failed: "missing-registry-host",
		// BuildKit / buildx through containerd: insufficient_scope
		runner + "#12 ERROR: failed to push docker.io/library/orbit-api:1.4: push access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed" + failed: "missing-registry-host",
		// the bare containerd form with the name as typed
		runner + "#12 ERROR: failed to push orbit-api:1.4: push access denied" + failed: "missing-registry-host",
		// kaniko's push check names the tag as typed and the URL where it went
		runner + "error checking push permissions -- make sure you entered the correct tag name, and that you are authenticated correctly, and try again: checking push permission for \"orbit-api:1.4\": POST https://index.docker.io/v2/library/orbit-api/blobs/uploads/: UNAUTHORIZED: authentication required; [map[Action:pull Class: Name:library/orbit-api Type:repository] map[Action:push Class: Name:library/orbit-api Type:repository]]" + failed: "missing-registry-host",

		// guard: a Docker Hub login in the job means Docker Hub was the target
		runner + "$ echo \"$HUB_TOKEN\" | docker login -u orbitbot --password-stdin\nLogin Succeeded\n$ docker push orbit-api:1.4\nThe push refers to repository [docker.io/library/orbit-api]\n5f70bf18a086: Preparing\ndenied: requested access to the resource is denied" + failed: "push-outside-namespace",
		// guard: outside GitLab the Docker Hub namespace reading stays first
		"$ docker push orbit-api:1.4\nThe push refers to repository [docker.io/library/orbit-api]\n5f70bf18a086: Preparing\ndenied: requested access to the resource is denied": "push-outside-namespace",
		"#12 ERROR: failed to push orbit-api:1.4: push access denied": "push-outside-namespace",
		// guard: a tag that names Docker Hub's host as typed meant Docker Hub
		runner + "error checking push permissions -- make sure you entered the correct tag name, and that you are authenticated correctly, and try again: checking push permission for \"docker.io/orbit-api:1.4\": POST https://index.docker.io/v2/library/orbit-api/blobs/uploads/: UNAUTHORIZED: authentication required; [map[Action:pull Class: Name:library/orbit-api Type:repository] map[Action:push Class: Name:library/orbit-api Type:repository]]" + failed: "push-outside-namespace",
		// guard: a name with a namespace is not a lost prefix
		runner + "$ docker push orbitteam/orbit-api:1.4\nThe push refers to repository [docker.io/orbitteam/orbit-api]\n5f70bf18a086: Preparing\ndenied: requested access to the resource is denied" + failed: "push-outside-namespace",
		// guard: a login for the GitLab registry keeps its own, stronger reading
		runner + "$ echo \"$CI_REGISTRY_PASSWORD\" | docker login -u \"$CI_REGISTRY_USER\" --password-stdin registry.orbit.test:5050\nLogin Succeeded\n$ docker push orbit-api:1.4\nThe push refers to repository [docker.io/library/orbit-api]\n5f70bf18a086: Preparing\ndenied: requested access to the resource is denied" + failed: "missing-registry-host",
		// guard: containers/image names the local source first ("pushing image SRC to DEST"): a bare source pushed to a named registry is no lost prefix
		runner + "$ podman push orbit-api:1.4 docker://registry.orbit.test/team/orbit-api:1.4\nError: pushing image \"orbit-api:1.4\" to \"docker://registry.orbit.test/team/orbit-api:1.4\": writing blob: initiating layer upload to /v2/team/orbit-api/blobs/uploads/ in registry.orbit.test: requested access to the resource is denied" + failed: "no-login",
		// buildah push NAME:TAG: with one argument the destination is the
		// source with docker:// put before it (buildah cmd/buildah/push.go),
		// "pushing image SRC to DEST" names DEST as typed, and the docker
		// transport completes it to docker.io/library/NAME
		runner + "$ buildah push orbit-api:1.4\nGetting image source signatures\nError: pushing image \"orbit-api:1.4\" to \"docker://orbit-api:1.4\": writing blob: initiating layer upload to /v2/library/orbit-api/blobs/uploads/ in registry-1.docker.io: requested access to the resource is denied" + failed: "missing-registry-host",
		// the errors.Wrapf wording of older buildah and podman
		runner + "$ podman push orbit-api:1.4\nError: error pushing image \"orbit-api:1.4\" to \"docker://orbit-api:1.4\": error copying image to the remote destination: Error writing blob: Error initiating layer upload to /v2/library/orbit-api/blobs/uploads/ in registry-1.docker.io: errors:\ndenied: requested access to the resource is denied" + failed: "missing-registry-host",
		// the destination decides: a named local source pushed to a bare name
		runner + "$ buildah push localhost/orbit-api:1.4 orbit-api:1.4\nError: pushing image \"localhost/orbit-api:1.4\" to \"docker://orbit-api:1.4\": writing blob: initiating layer upload to /v2/library/orbit-api/blobs/uploads/ in registry-1.docker.io: requested access to the resource is denied" + failed: "missing-registry-host",

		// guard: a bare source pushed to a Docker Hub namespace is no lost prefix
		runner + "$ buildah push orbit-api:1.4 docker://docker.io/orbitteam/orbit-api:1.4\nError: pushing image \"orbit-api:1.4\" to \"docker://docker.io/orbitteam/orbit-api:1.4\": writing blob: initiating layer upload to /v2/orbitteam/orbit-api/blobs/uploads/ in registry-1.docker.io: requested access to the resource is denied" + failed: "push-outside-namespace",
		// guard: buildah's bare push with a Docker Hub login, and outside GitLab
		runner + "$ buildah login -u orbitbot -p \"$HUB_TOKEN\" docker.io\nLogin Succeeded!\n$ buildah push orbit-api:1.4\nError: pushing image \"orbit-api:1.4\" to \"docker://orbit-api:1.4\": writing blob: initiating layer upload to /v2/library/orbit-api/blobs/uploads/ in registry-1.docker.io: requested access to the resource is denied" + failed: "push-outside-namespace",
		"$ buildah push orbit-api:1.4\nError: pushing image \"orbit-api:1.4\" to \"docker://orbit-api:1.4\": writing blob: initiating layer upload to /v2/library/orbit-api/blobs/uploads/ in registry-1.docker.io: requested access to the resource is denied":                                                                                              "push-outside-namespace",
		// guard: a pull of a bare name in a GitLab job is not a push
		runner + "$ docker pull orbit-api:1.4\nError response from daemon: pull access denied for orbit-api, repository does not exist or may require 'docker login': denied: requested access to the resource is denied" + failed: "manifest-unknown",
	})
}
