package diagnose

import "testing"

// TestTypedImageID holds the docker CLI given an image ID as a name: docker
// run prints "Unable to find image 'sha256:<hex>' locally" before the pull
// that Docker Hub refuses, a docker pull command names the ID itself; both
// are the command's own invalid-reference. A program on the Engine API that
// passes the ID (no CLI line) keeps the tool's client-bug, and a name that
// only starts with sha256 keeps its reading.
func TestTypedImageID(t *testing.T) {
	const refused = "docker: Error response from daemon: pull access denied for sha256, repository does not exist or may require 'docker login': denied: requested access to the resource is denied."
	checkFirstCause(t, map[string]string{
		"$ docker run --rm sha256:7c1e9a04 /bin/true\nUnable to find image 'sha256:7c1e9a04' locally\n" + refused:                                                                                               "invalid-reference",
		"Unable to find image 'sha256:0d4b2f6e:latest' locally\n" + refused:                                                                                                                                     "invalid-reference",
		"+ docker pull sha256:5e8a31c0\nError response from daemon: pull access denied for sha256, repository does not exist or may require 'docker login': denied: requested access to the resource is denied": "invalid-reference",
		// guard: the Engine API caller (no CLI line) stays the tool's defect
		`Unable to update container "/orbit-web": Error response from daemon: pull access denied for sha256, repository does not exist or may require 'docker login': denied: requested access to the resource is denied. Proceeding to next.`: "client-bug",
		// guard: the CLI's line for another image does not make the ID typed
		"Unable to find image 'registry.orbit.test/team/web:2.1' locally\n2.1: Pulling from team/web\n" + `Unable to update container "/orbit-web": Error response from daemon: pull access denied for sha256, repository does not exist or may require 'docker login': denied: requested access to the resource is denied. Proceeding to next.`: "client-bug",
		// guard: a name that starts with sha256 keeps manifest-unknown
		"Unable to find image 'sha256tools:1.0' locally\ndocker: Error response from daemon: pull access denied for sha256tools, repository does not exist or may require 'docker login': denied: requested access to the resource is denied.": "manifest-unknown",
	})
}
