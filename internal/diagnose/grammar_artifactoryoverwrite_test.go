package diagnose

import "testing"

// TestMessageGrammarArtifactoryOverwrite holds Artifactory's refusals of an
// overwrite wrapped in MANIFEST_INVALID: the 403 description and the deploy
// refusal "Could not locate artifact 'REPO:PATH'" (a redeploy without the
// Delete/Overwrite permission), for an image tag and for a cosign
// signature or attestation tag. The look-alikes: a MANIFEST_INVALID with no
// description stays a client's manifest the registry refused, and
// Artifactory's deploy refusal of a non-container file (a build tool's
// upload, not a registry push) stays quiet.
func TestMessageGrammarArtifactoryOverwrite(t *testing.T) {
	checkFirstCause(t, map[string]string{
		"Error: signing registry.orbit.test/orbit/notes@sha256:4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c: PUT https://registry.orbit.test/v2/orbit/notes/manifests/sha256-4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c.sig: MANIFEST_INVALID: manifest invalid; map[description:Could not locate artifact 'docker-local:orbit/notes/sha256-4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c.sig/manifest.json'.]": "tag-immutable-or-protected",
		"error pushing image: failed to push to destination jfrog.orbit.test:5001/notes:2.3.0: MANIFEST_INVALID: manifest invalid; map[description:Could not locate artifact 'docker-local:notes/2.3.0/manifest.json'.]":                                                                                                                                                                                                                                                     "tag-immutable-or-protected",
		"error pushing image: failed to push to destination registry.orbit.test/team/api:1.0: MANIFEST_INVALID: manifest invalid; map[description:HTTP 403 Forbidden]":                                                                                                                                                                                                                                                                                                       "tag-immutable-or-protected",
		// look-alikes
		"Error: PUT https://registry.orbit.test/v2/orbit/notes/manifests/1.4: MANIFEST_INVALID: manifest invalid; map[]":                                                                                "client-bug",
		"Failed to deploy file. Status code: 404 Response message: Artifactory returned the following errors: Could not locate artifact 'libs-release:orbit/notes/1.4/notes-1.4.jar'. Status code: 404": "",
	})
}
