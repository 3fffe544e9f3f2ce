package diagnose

import "testing"

// TestMessageGrammarClientConfig holds the lines of a client that cannot use
// the file it keeps logins in (sig_clientconfig.go): containers/image's
// auth-file errors (podman, buildah, skopeo) and the docker config directory
// that cannot be created or written, plus the docker CLI's newer wording of
// an unreachable engine (sig_transport.go), with guards.
func TestMessageGrammarClientConfig(t *testing.T) {
	checkFirstCause(t, map[string]string{
		// containers/image before 5.19 ("error " prefix), the default path of a user without XDG_RUNTIME_DIR
		`FATA[0002] error writing to file "/auth.json": open /auth.json: permission denied`: "credential-store-error",
		// newer wording, REGISTRY_AUTH_FILE on a read-only mount
		`Error: writing to file "/etc/registry/ci-auth.json": open /etc/registry/.tmp-ci-auth.json1234: read-only file system`: "credential-store-error",
		// an empty or truncated auth file
		`Error: reading JSON file "/run/user/1001/containers/auth.json": unmarshaling JSON at "/run/user/1001/containers/auth.json": unexpected end of JSON input`:                                      "credential-store-error",
		`error reading JSON file "/home/builder/.docker/config.json": error unmarshaling JSON at "/home/builder/.docker/config.json": invalid character '}' looking for beginning of object key string`: "credential-store-error",
		// podman/buildah's check of the --authfile / REGISTRY_AUTH_FILE path, three releases' wording
		`Error: error checking authfile path /builds/ops/agent/auth.json: stat /builds/ops/agent/auth.json: no such file or directory`: "credential-store-error",
		`Error: checking authfile: stat /tmp/ci-auth.json: no such file or directory`:                                                  "credential-store-error",
		`Error: credential file is not accessible: faccessat /run/user/1001/containers/auth.json: no such file or directory`:           "credential-store-error",
		// the docker config directory of a user without a home, and a read-only mounted config
		`Error: mkdir /.docker: permission denied`:                       "credential-store-error",
		`error: open /kaniko/.docker/config.json: read-only file system`: "credential-store-error",
		// the containers auth file opened bare by a user it does not belong to
		`Error: open /run/containers/0/auth.json: permission denied`: "credential-store-error",
		// docker 26+: no engine behind the named pipe or socket
		`failed to connect to the docker API at npipe:////./pipe/dockerDesktopLinuxEngine; check if the path is correct and if the daemon is running: open //./pipe/dockerDesktopLinuxEngine: The system cannot find the file specified.`:             "daemon-unreachable",
		`failed to connect to the docker API at unix:///home/builder/.colima/default/docker.sock; check if the path is correct and if the daemon is running: dial unix /home/builder/.colima/default/docker.sock: connect: no such file or directory`: "daemon-unreachable",
		// Docker Desktop's endpoint answering 500: its engine is down
		`unable to get image 'nginx:alpine': request returned 500 Internal Server Error for API route and version http://%2F%2F.%2Fpipe%2FdockerDesktopLinuxEngine/v1.51/images/nginx:alpine/json, check if the server supports the requested API version`: "daemon-unreachable",
		`error: request returned Internal Server Error for API route and version http://%2F%2F.%2Fpipe%2Fdocker_engine/v1.24/auth, check if the server supports the requested API version`:                                                                 "daemon-unreachable",
		`Error response from daemon: Docker Desktop is unable to start`: "daemon-unreachable",
		// guards: another program's JSON file, and docker going on without an unreadable config
		`Error: reading JSON file "/app/package.json": unexpected end of JSON input`:                                                       "",
		`WARNING: Error loading config file: /home/builder/.docker/config.json: open /home/builder/.docker/config.json: permission denied`: "",
		`error writing to file "/tmp/report.json": open /tmp/report.json: permission denied`:                                               "",
	})
}
