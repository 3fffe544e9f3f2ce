package diagnose

import "testing"

// TestMessageGrammarNullRef holds the shapes of the eighteenth held-out batch,
// slice f: an image reference that carries a variable's null value (a Groovy,
// Java or jq "null", a JavaScript "undefined") in its host, path or tag, and
// the fabric8 docker-maven-plugin's push and pull failures that name only the
// reference. The first finding's cause is wanted ("" = no finding).
func TestMessageGrammarNullRef(t *testing.T) {
	checkFirstCause(t, map[string]string{
		// d-m-p 0.13: the registry host was built from an unset domain
		"[ERROR] Failed to execute goal org.jolokia:docker-maven-plugin:0.13.6:push (default-cli) on project shop: Unable to push 'shop-registry.null:80/team/cart:2.1.0' from registry 'docker.io/' -> [Help 1]": "empty-reference-variable",
		// later d-m-p wording, a null path component
		"[ERROR] DOCKER> Unable to push 'registry.lab.example/null/cart:2.1.0' to registry 'registry.lab.example'": "empty-reference-variable",
		// a pull with an undefined tag
		"[ERROR] Failed to execute goal io.fabric8:docker-maven-plugin:0.40.2:start (start) on project it: Unable to pull 'registry.lab.example/team/db:undefined' from registry 'registry.lab.example' -> [Help 1]": "empty-reference-variable",
		// docker's push of a Docker Hub path whose namespace is null
		"The push refers to repository [docker.io/null/cart]\ndenied: requested access to the resource is denied": "empty-reference-variable",
		// only the registry's DNS name, from a URL built with an undefined host part
		`Error response from daemon: Get "https://registry.undefined/v2/": dial tcp: lookup registry.undefined on 127.0.0.53:53: no such host`: "empty-reference-variable",
		// guard: a real host that does not resolve stays registry-unreachable
		`Error response from daemon: Get "https://registry.lab.example/v2/": dial tcp: lookup registry.lab.example on 127.0.0.53:53: no such host`: "registry-unreachable",
		// docker's pull of a tag that a jq field rendered as null
		"Error response from daemon: manifest for team/cart:null not found: manifest unknown: manifest unknown": "empty-reference-variable",
		// guard: a real tag that is missing stays manifest-unknown
		"Error response from daemon: manifest for team/cart:2.1.0 not found: manifest unknown: manifest unknown": "manifest-unknown",
		// guard: a bare d-m-p failure about a normal reference gives no reason
		"[ERROR] DOCKER> Unable to push 'registry.lab.example/team/cart:2.1.0' to registry 'registry.lab.example'": "",
		// guard: registry [null] is d-m-p 0.11's own default, not the reference
		"[ERROR] Failed to execute goal org.jolokia:docker-maven-plugin:0.11.3:push (push) on project cart: Unable to push image [registry.lab.example/cart] to registry [null] -> [Help 1]": "",
		// the daemon's answer after " : " is read as before
		"[ERROR] Failed to execute goal io.fabric8:docker-maven-plugin:0.28.0:push (publish) on project cart: Unable to push 'registry.lab.example/team/cart:1.0' to registry 'registry.lab.example' : unauthorized: authentication required -> [Help 1]": "no-login",
	})
}
