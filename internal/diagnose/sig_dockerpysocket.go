package diagnose

import "strings"

// docker-py's unix-socket transport (docker/docker-py
// docker/transport/unixconn.py, UnixHTTPConnection.connect) opens the
// daemon's socket with a plain socket.connect; when that fails, Python prints
// the OS error first, under the transport's frame:
//
//	File "docker/transport/unixconn.py", line 43, in connect
//	PermissionError: [Errno 13] Permission denied
//
// (the pip-installed form names the full site-packages path and shows the
// "sock.connect(self.unix_socket)" source line in between; Python 2 prints
// "socket.error: [Errno 13] …"). Only below, after "During handling of the
// above exception", does docker-py wrap it as "docker.errors.DockerException:
// Error while fetching server API version: …" (sig_sdkclients.go). Issue
// threads and cut CI logs often quote the first exception alone. The errno is
// connect(2)'s: EACCES (13) the user may not open the socket, ENOENT (2) no
// socket file at that path, ECONNREFUSED (111) a socket file nobody listens
// on. Every client on docker-py shows it: docker-compose v1 (also inside
// Testcontainers' compose container), testcontainers-python, molecule, the SAM
// CLI. No registry is contacted at that point.

// kUnixConnFrame is the transport's file name in the traceback frame, with
// its package directory (every install and the frozen docker-compose binary
// name docker/transport/unixconn.py; another package's transport module of
// the same name is not docker-py's); it joins the line prefilter (factKeys)
// so that the frame line is delivered.
var kUnixConnFrame = lowKey("docker/transport/unixconn.py")

func init() { factKeys = append(factKeys, "docker/transport/unixconn.py") }

// observeUnixConnFrame records the last traceback frame in docker-py's
// unix-socket connect.
func (f *facts) observeUnixConnFrame(n int, low string) {
	if f.has(kUnixConnFrame) && strings.Contains(low, "in connect") {
		f.unixConnFrame = n
	}
}

// unixSocketErrRe is the OS error line Python prints for a failed connect:
// the exception class and the errno.
var unixSocketErrRe = lazyRe(`\b(?:PermissionError|FileNotFoundError|ConnectionRefusedError|socket\.error|OSError): \[Errno (13|2|111)\]`)

func init() { sigGroups = append(sigGroups, sigsDockerPySocket) }

func sigsDockerPySocket() {
	register(&signature{
		id:   "dockerpy-unix-socket",
		keys: []string{"error: [errno"},
		re:   unixSocketErrRe,
		rank: func(h *hit, f *facts) []cand {
			// The error belongs to the connect frame only when it closes
			// that frame: right below it, or below its source line.
			if f.unixConnFrame == 0 || h.line() <= f.unixConnFrame || h.line()-f.unixConnFrame > 3 {
				return nil
			}
			why := "The Python Docker client (docker-py: docker-compose v1, testcontainers-python, Testcontainers' compose container) may not open the Docker daemon's socket (EACCES): the user or container running it is not in the docker group, the rootless socket belongs to another user, or SELinux refuses a mounted socket. No registry was contacted."
			switch h.m[1] {
			case "2":
				why = "The Python Docker client (docker-py) found no Docker socket where it looked (ENOENT): /var/run/docker.sock or the DOCKER_HOST socket does not exist in this job or container. Start the daemon, mount the socket, or point DOCKER_HOST at the socket the runtime really uses. No registry was contacted."
			case "111":
				why = "The Python Docker client (docker-py) found the Docker socket file but no daemon listening on it (ECONNREFUSED): the daemon stopped or has not started yet. No registry was contacted."
			}
			return []cand{c("daemon-unreachable", 0.84, why)}
		},
	})
}
