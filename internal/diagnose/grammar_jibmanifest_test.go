package diagnose

import "testing"

// TestMessageGrammarJibManifest holds jib's wording of a registry that
// refused the manifest PUT (ManifestPusher: MANIFEST_INVALID or TAG_INVALID
// rewritten as "Registry may not support … Image Manifest Version 2, Schema
// 2"), in the three releases' wordings, Maven's and Gradle's wrappers, and
// the lines that must keep their own answer. The first finding's cause is
// wanted ("" = no finding).
func TestMessageGrammarJibManifest(t *testing.T) {
	checkFirstCause(t, map[string]string{
		// jib 2.x and later through Gradle: the registry's refusal is the registry's
		"> com.google.cloud.tools.jib.plugins.common.BuildStepsExecutionException: Tried to push image manifest for registry.lab.example/shop/cart:2.1 but failed because: Registry may not support pushing OCI Manifest or Docker Image Manifest Version 2, Schema 2 | If this is a bug, please file an issue at https://github.com/GoogleContainerTools/jib/issues/new": "registry-fault",
		// jib 1.x through Maven, a bare image name on a Nexus host
		"[ERROR] Failed to execute goal com.google.cloud.tools:jib-maven-plugin:1.0.2:build (default-cli) on project cart: Tried to push image manifest for nexus.lab.example:8443/cart:1.0 but failed because: Registry may not support Image Manifest Version 2, Schema 2 | If this is a bug, please file an issue at https://github.com/GoogleContainerTools/jib/issues/new: 400 Bad Request": "registry-fault",
		// jib 0.9 against an old distribution registry
		"Build image failed: Tried to push image manifest for localhost:5000/shop/cart:dev but failed because: Registry does not support Image Manifest Version 2, Schema 2 | If this is a bug, please file an issue at https://github.com/GoogleContainerTools/jib/issues/new: 400 Bad Request": "registry-fault",
		// the reason alone, wrapped away from "Tried to push"
		"    Registry may not support pushing OCI Manifest or Docker Image Manifest Version 2, Schema 2 | If this is a bug, please file an issue at https://github.com/GoogleContainerTools/jib/issues/new": "registry-fault",
		// ECR accepts both formats: its TAG_INVALID is the immutable tag
		"Tried to push image manifest for 123456789012.dkr.ecr.eu-west-1.amazonaws.com/shop/cart:latest but failed because: Registry may not support pushing OCI Manifest or Docker Image Manifest Version 2, Schema 2 | If this is a bug, please file an issue at https://github.com/GoogleContainerTools/jib/issues/new": "tag-immutable-or-protected",
		// the registry's own immutability answer, when printed, keeps its reading
		"Tried to push image manifest for registry.lab.example/shop/cart:1.4 but failed because: Registry may not support pushing OCI Manifest or Docker Image Manifest Version 2, Schema 2 | If this is a bug, please file an issue at https://github.com/GoogleContainerTools/jib/issues/new\n[ERROR] tag invalid: The image tag '1.4' already exists in the 'shop/cart' repository and cannot be overwritten because the repository is immutable.": "tag-immutable-or-protected",
		// guard: documentation and a registry's capability banner are no refusal
		"INFO registry supports Image Manifest Version 2, Schema 2 and OCI image manifests":                      "",
		"jib pushes Docker Image Manifest Version 2, Schema 2 by default; set format = 'OCI' for OCI manifests.": "",
		// guard: jib's other manifest failure keeps the registry's answer
		"[ERROR] Failed to execute goal com.google.cloud.tools:jib-maven-plugin:3.4.0:build (default-cli) on project notes-api: Tried to push image manifest for nexus.orbit.example:8443/notes-api:2.4.0-ci but failed because: other: blob upload invalid: 400 Bad Request\n[ERROR] {\"errors\":[{\"code\":\"BLOB_UPLOAD_INVALID\",\"message\":\"blob upload invalid\",\"detail\":\"Repository does not allow updating assets: docker-hosted\"}]}": "tag-immutable-or-protected",
	})
}
