package diagnose

import "testing"

// TestMessageDaemonCall: an Engine API call that reached no daemon (docker
// info, version, build through a dind alias or a socket) names the daemon,
// not a registry, when the line holds no push, pull or login; a registry's
// own failure without a reference keeps the registry wording.
func TestMessageDaemonCall(t *testing.T) {
	checkFirstMessage(t, map[string]string{
		"error during connect: Get http://docker:2375/v1.41/version: dial tcp: lookup docker on 10.96.0.10:53: no such host":                                                                                    "The docker client's call to its daemon failed",
		`time="2021-06-01T10:00:00Z" level=error msg="failed to dial gRPC: cannot connect to the Docker daemon. Is 'docker daemon' running on this host?: dial tcp 10.0.0.7:2376: connect: connection refused"`: "The docker client's call to its daemon failed",
		"ERROR: Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?":                                                                                              "The docker client's call to its daemon failed",
		// the alias does not resolve: no service named docker, or not yet
		"error during connect: Post http://docker:2375/v1.43/auth: dial tcp: lookup docker on 10.43.0.10:53: no such host": "No host named docker resolves",
		`error during connect: Post "http://docker:2375/v1.24/auth": dial tcp: lookup docker: Try again`:                   "did not resolve yet",
		// guard: a refused connection to the alias keeps the port and TLS reading
		"Cannot connect to the Docker daemon at tcp://docker:2375. Is the docker daemon running?": "not listening on that port",
		// a push keeps its own wording
		"The push refers to repository [registry.orbit.test/team/api]\nCannot connect to the Docker daemon at tcp://docker:2375. Is the docker daemon running?": "The push to registry.orbit.test/team/api failed",
		// guard: a registry's answer without a reference is still a registry request
		"received unexpected HTTP status: 503 Service Unavailable": "The registry request failed",
	})
}
