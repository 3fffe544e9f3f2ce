package diagnose

import "testing"

// TestMessageGrammarDockerPySocket holds docker-py's first exception when it
// cannot open the daemon's unix socket (held-out batch 23a: test harnesses
// that pull images), quoted without the DockerException below it, in the
// PyInstaller (docker-compose v1 binary), pip-installed and Python 2 forms;
// with the look-alikes that must stay quiet: the same errors outside the
// transport's connect frame.
func TestMessageGrammarDockerPySocket(t *testing.T) {
	const frozen = "Traceback (most recent call last):\n" +
		"  File \"urllib3/connectionpool.py\", line 699, in urlopen\n" +
		"  File \"http/client.py\", line 972, in send\n" +
		"  File \"docker/transport/unixconn.py\", line 41, in connect\n"
	const installed = "Traceback (most recent call last):\n" +
		"  File \"/usr/lib/python3.10/http/client.py\", line 976, in send\n" +
		"    self.connect()\n" +
		"  File \"/usr/lib/python3/dist-packages/docker/transport/unixconn.py\", line 30, in connect\n" +
		"    sock.connect(self.unix_socket)\n"
	checkFirstCause(t, map[string]string{
		// the socket exists but this user may not open it
		frozen + "PermissionError: [Errno 13] Permission denied":    "daemon-unreachable",
		installed + "PermissionError: [Errno 13] Permission denied": "daemon-unreachable",
		// no socket file, or nobody listening on it
		installed + "FileNotFoundError: [Errno 2] No such file or directory": "daemon-unreachable",
		frozen + "ConnectionRefusedError: [Errno 111] Connection refused":    "daemon-unreachable",
		"  File \"/usr/lib/python2.7/dist-packages/docker/transport/unixconn.py\", line 46, in connect\n" +
			"    sock.connect(self.unix_socket)\n" +
			"socket.error: [Errno 13] Permission denied": "daemon-unreachable",
		// the whole traceback keeps the wrapper's reading
		frozen + "PermissionError: [Errno 13] Permission denied\n\nDuring handling of the above exception, another exception occurred:\n\n" +
			"docker.errors.DockerException: Error while fetching server API version: ('Connection aborted.', PermissionError(13, 'Permission denied'))": "daemon-unreachable",
		// guards: the same errors in other code stay quiet
		"Traceback (most recent call last):\n  File \"/opt/orbit/backup.py\", line 12, in save\n    open(path, 'w')\nPermissionError: [Errno 13] Permission denied: '/srv/orbit/dump.sql'":                             "",
		"  File \"/usr/lib/python3/dist-packages/docker/credentials/store.py\", line 80, in _execute\n    raise errors.StoreError(\nFileNotFoundError: [Errno 2] No such file or directory: 'docker-credential-orbit'": "",
		// guard: a connect frame far above the error is another exception's
		installed + "    raise\n  File \"/opt/orbit/app.py\", line 3, in run\n    main()\n  File \"/opt/orbit/app.py\", line 9, in main\nOSError: [Errno 2] No such file or directory: 'orbit.cfg'": "",
		// guard: another package's unix-socket transport of the same file name
		"  File \"/opt/orbit/lib/orbitctl/transport/unixconn.py\", line 12, in connect\n    self.sock.connect(self.path)\nFileNotFoundError: [Errno 2] No such file or directory": "",
		// guard: docker-py's TCP transport failing is urllib3's form, read elsewhere
		"ConnectionRefusedError: [Errno 111] Connection refused": "",
	})
}
