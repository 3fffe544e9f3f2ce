package diagnose

import "testing"

// TestMessageGrammarRedHatRegistry holds Red Hat's registry's login demand
// in the frames no other signature reads (sig_redhatregistry.go), and the
// look-alikes that keep their answer or stay quiet.
func TestMessageGrammarRedHatRegistry(t *testing.T) {
	const demand = "unauthorized: Please login to the Red Hat Registry using your Customer Portal credentials. Further instructions can be found here: https://access.redhat.com/RegistryAuthentication"
	checkFirstCause(t, map[string]string{
		// containers/image's manifest read (podman, buildah, skopeo)
		"Error: initializing source docker://registry.redhat.io/orbit/base:9.2: reading manifest 9.2 in registry.redhat.io/orbit/base: " + demand: "no-login",
		"Error: reading manifest latest in registry.connect.redhat.com/orbit/operator: " + demand:                                                 "no-login",
		// oc's image commands
		"error: unable to read image registry.redhat.io/orbit/tools:1.4: " + demand: "no-login",
		// an image stream import's condition wrapped over several lines,
		// and the message alone after a pull
		"      Get https://registry.redhat.io/v2/orbit/runtime/manifests/2.0:\n      unauthorized: Please login to the Red Hat Registry using your\n      Customer Portal credentials. Further instructions can be found\n      here: https://access.redhat.com/RegistryAuthentication": "no-login",
		"Trying to pull registry.redhat.io/orbit/base:9.2...\nError: " + demand: "no-login",
		// a login for another host before it: the login went elsewhere
		"$ podman login quay.io -u orbit+ci --password-stdin\nLogin Succeeded!\nError: reading manifest 9.2 in registry.redhat.io/orbit/base: " + demand: "login-wrong-host",
		// registry.access.redhat.com serves without a login: its demand is its own fault
		"Error: reading manifest latest in registry.access.redhat.com/orbit/base: " + demand: "registry-fault",
		// look-alikes: the frames with their own grammar keep their answer
		"Error response from daemon: Get https://registry.redhat.io/v2/orbit/base/manifests/latest: " + demand:                                                  "no-login",
		"Error: initializing source docker://registry.access.redhat.com/orbit/base:latest: unable to retrieve auth token: invalid username/password: " + demand: "registry-fault",
		// a login step's own output naming the registry is not a refusal
		"$ podman login registry.redhat.io -u '12345|orbit-ci' --password-stdin\nLogin Succeeded!":  "",
		"See https://access.redhat.com/RegistryAuthentication to create a registry service account": "",
	})
}

// TestMessageGrammarRedHatTermsOnlyRepo holds registry.access.redhat.com's
// answer for a repository it does not serve (terms acceptance required,
// registry.redhat.io only) in its clients' frames (sig_redhatregistry.go).
func TestMessageGrammarRedHatTermsOnlyRepo(t *testing.T) {
	const answer = "unsupported: This repo requires terms acceptance and is only available on registry.redhat.io"
	checkFirstCause(t, map[string]string{
		"$ docker pull registry.access.redhat.com/orbit/db-16:latest\nError response from daemon: " + answer:                                                              "manifest-unknown",
		"error: tag latest failed: Internal error occurred: " + answer:                                                                                                    "manifest-unknown",
		"  ! error: Import failed (InternalError): Internal error occurred: " + answer:                                                                                    "manifest-unknown",
		"Error: initializing source docker://registry.access.redhat.com/orbit/db-16:latest: reading manifest latest in registry.access.redhat.com/orbit/db-16: " + answer: "manifest-unknown",
		// look-alikes: another registry's unsupported answer, prose about terms
		"Error response from daemon: unsupported: manifest type not supported by this registry": "",
		"Note: some images require terms acceptance before download; see the registry's site.":  "",
	})
}
