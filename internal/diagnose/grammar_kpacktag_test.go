package diagnose

import "testing"

// TestMessageGrammarKpackWebhookTag holds kpack's admission-webhook refusals
// of an Image or Build tag (held-out batch 21p). Lines are ours, in knative's
// field-error grammar; the first finding's cause is wanted ("" = none).
func TestMessageGrammarKpackWebhookTag(t *testing.T) {
	checkFirstCause(t, map[string]string{
		// a registry given as a URL pasted in front of the repository
		`"error": "invalid value: https://index.docker.io/v1/acme/f2c1d7e0-3b4a-4c5d-9e8f-7a6b5c4d3e2f: spec.tag"`:                                                                                                        "invalid-reference",
		`Error from server (BadRequest): error when creating "image.yaml": admission webhook "validation.webhook.kpack.io" denied the request: validation failed: invalid value: Registry.Lab.Example/Shop/API: spec.tag`: "invalid-reference",
		// a Build's tag list
		"validation failed: invalid value: registry.lab.example/shop/api:v1:extra: spec.tags[0]": "invalid-reference",
		// an empty part: the value that fills it rendered empty
		"validation failed: invalid value: /shop/api: spec.tag": "empty-reference-variable",
		// guard: other fields of a spec are no image reference
		"validation failed: invalid value: v2: spec.tagPolicy":         "",
		"validation failed: invalid value: 0: spec.tagRetention.count": "",
	})
}
