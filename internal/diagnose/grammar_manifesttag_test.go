package diagnose

import "testing"

// TestMessageGrammarManifestTag400 holds ECR's bare 400 to a manifest PUT by
// tag (an immutable tag whose TAG_INVALID text the client dropped,
// sig_manifestput.go), as buildx imagetools and BuildKit's pusher print it;
// with guards: the PUT by digest, the same answer from another registry, a
// blob request's 400 on ECR, and ECR's worded refusal.
func TestMessageGrammarManifestTag400(t *testing.T) {
	checkFirstCause(t, map[string]string{
		// buildx imagetools create copying into an ECR repository
		"$ docker buildx imagetools create --tag 123456789012.dkr.ecr.us-east-2.amazonaws.com/orbit/api:v1.4.0 123456789012.dkr.ecr.us-east-2.amazonaws.com/orbit/api-staging:v1.4.0\nERROR: unexpected status from PUT request to https://123456789012.dkr.ecr.us-east-2.amazonaws.com/v2/orbit/api/manifests/v1.4.0: 400 Bad Request": "tag-immutable-or-protected",
		// BuildKit's pusher committing the tag
		"#18 ERROR: failed to push 123456789012.dkr.ecr.eu-west-1.amazonaws.com/orbit/web:2.0: failed commit on ref \"index-sha256:3c4d5e6f7a8b\": unexpected status from PUT request to https://123456789012.dkr.ecr.eu-west-1.amazonaws.com/v2/orbit/web/manifests/2.0: 400 Bad Request": "tag-immutable-or-protected",
		// guard: a PUT by digest keeps the manifest-form reading
		"#18 ERROR: failed to push 123456789012.dkr.ecr.eu-west-1.amazonaws.com/orbit/web:2.0: failed commit on ref \"manifest-sha256:3c4d5e6f7a8b\": unexpected status from PUT request to https://123456789012.dkr.ecr.eu-west-1.amazonaws.com/v2/orbit/web/manifests/sha256:3c4d5e6f7a8b: 400 Bad Request": "registry-fault",
		// guard: the same answer from another registry keeps its reading
		"ERROR: unexpected status from PUT request to https://registry.orbit.test/v2/orbit/api/manifests/v1.4.0: 400 Bad Request": "invalid-reference",
		// guard: a blob upload's 400 on ECR is not a tag
		"#18 ERROR: failed to push 123456789012.dkr.ecr.eu-west-1.amazonaws.com/orbit/web:2.0: unexpected status from POST request to https://123456789012.dkr.ecr.eu-west-1.amazonaws.com/v2/orbit/web/blobs/uploads/: 400 Bad Request": "invalid-reference",
		// guard: ECR's worded refusal keeps its own reading
		"ERROR: failed to push 123456789012.dkr.ecr.us-west-2.amazonaws.com/orbit/web:3f2a1b: tag invalid: The image tag '3f2a1b' already exists in the 'orbit/web' repository and cannot be overwritten because the repository is immutable.": "tag-immutable-or-protected",
	})
}
