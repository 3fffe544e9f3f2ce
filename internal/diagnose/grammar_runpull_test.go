package diagnose

import "testing"

// TestMessageGrammarRunPull: docker run/create pulls an image that is not
// local after printing "Unable to find image 'REF' locally"; a registry
// answer that names no reference or operation is that pull's (refs.go), so
// Quay's "not authorized" is a read refusal (private or missing repository),
// not a push outside the namespace.
func TestMessageGrammarRunPull(t *testing.T) {
	checkFirstCause(t, map[string]string{
		"Unable to find image 'quay.io/acme/tool:2.0' locally\ndocker: Error response from daemon: unauthorized: access to the requested resource is not authorized.": "no-login",
		// guard: the same answer to a push stays a push refusal
		"The push refers to repository [quay.io/acme/tool]\nunauthorized: access to the requested resource is not authorized": "push-outside-namespace",
		// guard: the image was found and ran; nothing failed
		"Unable to find image 'quay.io/acme/tool:2.0' locally\n2.0: Pulling from acme/tool\nStatus: Downloaded newer image for quay.io/acme/tool:2.0": "",
	})
}
