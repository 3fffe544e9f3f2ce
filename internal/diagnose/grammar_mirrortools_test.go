package diagnose

import "testing"

// TestMessageGrammarMirrorTools holds refusals as mirroring and air-gap tools
// print them (mirrortools.go, refs.go): oc image mirror / oc adm catalog
// mirror reading a source image, skopeo's tag listing, and zarf's wrapper
// of go-containerregistry's reference parser.
func TestMessageGrammarMirrorTools(t *testing.T) {
	checkFirstCause(t, map[string]string{
		// oc reading the source of a mirror: a read refused is not a push outside a namespace
		"error: unable to read image quay.io/ledger-ops/catalog-index:v4.14: unauthorized: access to the requested resource is not authorized": "no-login",
		// oc adm release mirror reading a source manifest of the release payload
		"error: unable to retrieve source image quay.io/ledger-dev/ocp-art-dev manifest sha256:599585dafdbaf5a108dcd3b1c0ae9f688fe1cf96db49d08234f53d6a88868188: unauthorized: access to the requested resource is not authorized": "no-login",
		// the same answer to an upload stays a push question
		"error: unable to push quay.io/ledger-ops/mirror: failed to upload blob sha256:3c9e1f7a2b5d: unauthorized: access to the requested resource is not authorized": "push-outside-namespace",
		// skopeo listing the tags of an ECR repository the identity may not list
		"+ skopeo inspect --creds=AWS:redacted docker://123456789012.dkr.ecr.eu-west-1.amazonaws.com/ledgerd:3.2\n" +
			`time="2025-02-11T09:14:02Z" level=fatal msg="Error determining repository tags: Invalid status code returned when fetching tags list 403 (Forbidden)"`: "cloud-iam-denied",
		// a URL given where zarf expects a registry host, not an empty variable
		`2025-06-02 10:11:12 ERR unable to deploy component "ledger-agent": unable to push images to the registry: failed to parse ref https://registry.ledger.example/v2/ledger/agent:v1.4.0: invalid reference: invalid repository "/registry.ledger.example/v2/ledger/agent"`: "invalid-reference",
		// an empty variable in the same wrapper stays empty-reference-variable
		`ERR unable to push images to the registry: failed to parse ref /ledger/agent:v1.4.0: invalid reference: invalid repository "/ledger/agent"`: "empty-reference-variable",
	})
}

func TestParseRefArg(t *testing.T) {
	for in, want := range map[string]string{
		`failed to parse ref https://a.example/v1/x:1: invalid reference`: "https://a.example/v1/x:1",
		`failed to parse ref "b.example/x:1": invalid`:                    "b.example/x:1",
		`parse ref : nothing`:                "",
		`no wrapper here: invalid reference`: "",
	} {
		if got := parseRefArg(in); got != want {
			t.Errorf("parseRefArg(%q) = %q, want %q", in, got, want)
		}
	}
}
