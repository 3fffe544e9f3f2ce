package diagnose

import "testing"

// TestMessageGrammarGCRProject holds the lines of Google Container Registry's
// answer to a path whose first part is not an existing Google Cloud project
// ("unknown: Project 'project:ID' not found or deleted."), as docker, kaniko
// and the kubelet print it, with the look-alikes from Google's APIs and from
// applications that must stay quiet. The first finding's cause is wanted
// ("" = no finding).
func TestMessageGrammarGCRProject(t *testing.T) {
	checkFirstCause(t, map[string]string{
		// docker push: the shell left the project id out of gcr.io/${PROJECT}/...
		"unknown: Project 'project:250377' not found or deleted.": "repo-not-found",
		// kaniko through skaffold, the 'projects/ID' form
		`time="2026-02-11T10:04:05Z" level=fatal msg="build failed: building [orbit-api]: build artifact: unknown: Project 'projects/orbit-ci' not found or deleted."`: "repo-not-found",
		// regional host, after the layers were retried
		"The push refers to repository [eu.gcr.io/orbitt-prod/notes]\nunknown: Project 'project:orbitt-prod' not found or deleted.": "repo-not-found",
		// the kubelet's pull of an image under a project that does not exist
		`Failed to pull image "us.gcr.io/orbit-gone/notes:1.4.0": rpc error: code = Unknown desc = Error response from daemon: Head "https://us.gcr.io/v2/orbit-gone/notes/manifests/1.4.0": unknown: Project 'project:orbit-gone' not found or deleted.`: "manifest-unknown",
		// guard: Google's API error about a project (gcloud, terraform) is not a registry's answer
		"Error: googleapi: Error 403: Project 'projects/orbit-ci' not found or deleted., forbidden": "",
		"ERROR: (gcloud.config.set) Project 'projects/orbit-ci' not found or deleted.":              "",
		// guard: an application's own wording without a project name
		"unknown: Project not found or deleted": "",
		"Task not found or deleted":             "",
	})
}

// TestMessageGrammarGCRProjectDeleted holds Container Registry's answer for a
// path under a deleted Google Cloud project ("denied: Project #NUMBER has been
// deleted."), pulled and pushed, and the guards: GHCR's own "denied: denied"
// keeps its reading (GitHub Enterprise's too), the same doubled code from
// registries whose answers are known elsewhere (ECR, ACR, Docker Hub,
// GitLab) stays quiet, and other programs' "has been deleted" stay quiet.
func TestMessageGrammarGCRProjectDeleted(t *testing.T) {
	checkFirstCause(t, map[string]string{
		// a pull of an image whose publisher's project was shut down
		`Error response from daemon: Head "https://gcr.io/v2/orbit-packs/python/manifests/latest": denied: denied: Project #918273645501 has been deleted.`: "manifest-unknown",
		// a push under the deleted project
		"The push refers to repository [gcr.io/orbit-legacy/api]\ndenied: Project #104857600123 has been deleted.": "repo-not-found",
		// guard: GHCR's doubled code keeps the stale-token reading
		`Error response from daemon: Head "https://ghcr.io/v2/orbit/notes/manifests/1.2": denied: denied`: "token-expired",
		"The push refers to repository [ghcr.io/orbit/notes]\ndenied: denied":                             "token-expired",
		// a GitHub Enterprise Server's registry (containers.HOSTNAME) answers like GHCR
		"The push refers to repository [containers.github.orbit.test/orbit/notes]\ndenied: denied": "token-expired",
		// guard: the doubled code from a registry whose own answers are known is not GHCR's stale token
		`Error response from daemon: Head "https://123456789012.dkr.ecr.eu-west-1.amazonaws.com/v2/orbit/notes/manifests/1.2": denied: denied`: "",
		`Error response from daemon: Head "https://orbit.azurecr.io/v2/orbit/notes/manifests/1.2": denied: denied`:                             "",
		"The push refers to repository [docker.io/orbit/notes]\ndenied: denied":                                                                "",
		"The push refers to repository [registry.gitlab.com/orbit/notes]\ndenied: denied":                                                      "",
		// guard: other programs' deletions
		"error: the branch 'release/1.4' has been deleted":                   "",
		"Warning: Project #12 has been deleted and will be purged in 7 days": "",
	})
}
