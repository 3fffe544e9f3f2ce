package diagnose

import (
	"strings"
	"testing"
)

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
		// docker 28+: the socket-permission error in the "docker API" wording, bare and behind a deploy tool's stderr relay
		`permission denied while trying to connect to the docker API at unix:///var/run/docker.sock`:                                   "daemon-unreachable",
		`docker stderr: permission denied while trying to connect to the docker API at unix:///run/user/1001/docker.sock`:              "daemon-unreachable",
		`docker: permission denied while trying to connect to the docker API at unix:///var/run/docker.sock. See 'docker run --help'.`: "daemon-unreachable",
		// the older wording keeps its answer; a registry's permission refusal or another socket's stays off the daemon
		`Got permission denied while trying to connect to the Docker daemon socket at unix:///var/run/docker.sock: Get "http://%2Fvar%2Frun%2Fdocker.sock/v1.41/info": dial unix /var/run/docker.sock: connect: permission denied`: "daemon-unreachable",
		`permission denied while trying to connect to the containerd API at /run/containerd/containerd.sock`:                                                                                                                       "",
		// docker 26+: no engine behind the named pipe or socket
		`failed to connect to the docker API at npipe:////./pipe/dockerDesktopLinuxEngine; check if the path is correct and if the daemon is running: open //./pipe/dockerDesktopLinuxEngine: The system cannot find the file specified.`:             "daemon-unreachable",
		`failed to connect to the docker API at unix:///home/builder/.colima/default/docker.sock; check if the path is correct and if the daemon is running: dial unix /home/builder/.colima/default/docker.sock: connect: no such file or directory`: "daemon-unreachable",
		// Docker Desktop's endpoint answering 500: its engine is down
		`unable to get image 'nginx:alpine': request returned 500 Internal Server Error for API route and version http://%2F%2F.%2Fpipe%2FdockerDesktopLinuxEngine/v1.51/images/nginx:alpine/json, check if the server supports the requested API version`: "daemon-unreachable",
		`error: request returned Internal Server Error for API route and version http://%2F%2F.%2Fpipe%2Fdocker_engine/v1.24/auth, check if the server supports the requested API version`:                                                                 "daemon-unreachable",
		`Error response from daemon: Docker Desktop is unable to start`: "daemon-unreachable",
		// the job's shell cannot write the login it builds by hand: BusyBox ash (kaniko's debug image), dash, bash
		`/busybox/sh: eval: line 12: can't create /kaniko/.docker/config.json: nonexistent directory`: "credential-store-error",
		`sh: can't create /home/ci/.docker/config.json: Permission denied`:                            "credential-store-error",
		`/bin/sh: 1: cannot create /root/.docker/config.json: Directory nonexistent`:                  "credential-store-error",
		`/usr/bin/bash: line 88: /builds/orbit/app/.docker/config.json: No such file or directory`:    "credential-store-error",
		`sh: can't create /run/containers/0/auth.json: Read-only file system`:                         "credential-store-error",
		// guards: the same shells failing on other files, and reading (not writing) a missing config
		`/busybox/sh: eval: line 12: can't create /kaniko/build/version.json: nonexistent directory`: "",
		`/bin/sh: 1: cannot create /app/dist/manifest.json: Directory nonexistent`:                   "",
		`cat: /root/.docker/config.json: No such file or directory`:                                  "",
		// guards: another program's JSON file, and docker going on without an unreadable config
		`Error: reading JSON file "/app/package.json": unexpected end of JSON input`:                                                       "",
		`WARNING: Error loading config file: /home/builder/.docker/config.json: open /home/builder/.docker/config.json: permission denied`: "",
		`error writing to file "/tmp/report.json": open /tmp/report.json: permission denied`:                                               "",
	})
}

// TestShellAuthFileKanikoDir: a missing /kaniko/.docker is also read as the
// kaniko release that shipped without it (GoogleContainerTools/kaniko#1227),
// ranked after the unwritable auth file; other directories are not.
func TestShellAuthFileKanikoDir(t *testing.T) {
	for line, wantBug := range map[string]bool{
		`/busybox/sh: eval: line 7: can't create /kaniko/.docker/config.json: nonexistent directory`: true,
		`/busybox/sh: eval: line 7: can't create /kaniko/.docker/config.json: Permission denied`:     false,
		`sh: can't create /root/.docker/config.json: nonexistent directory`:                          false,
		// the job's image tag names the release: v0.20.0 (or a moving tag)
		// keeps the reading, another pinned release rules it out
		"Using Docker executor with image gcr.io/kaniko-project/executor:debug-v0.20.0 ...\n/busybox/sh: eval: line 7: can't create /kaniko/.docker/config.json: nonexistent directory": true,
		"Using Docker executor with image gcr.io/kaniko-project/executor:debug ...\n/busybox/sh: eval: line 7: can't create /kaniko/.docker/config.json: nonexistent directory":         true,
		"Using Docker executor with image gcr.io/kaniko-project/executor:v1.9.1-debug ...\n/busybox/sh: eval: line 7: can't create /kaniko/.docker/config.json: nonexistent directory":  false,
		"Using Docker executor with image gcr.io/kaniko-project/executor:debug-v1.3.0 ...\n/busybox/sh: eval: line 7: can't create /kaniko/.docker/config.json: nonexistent directory":  false,
	} {
		rep, err := Explain(strings.NewReader(line+"\n"), Options{})
		if err != nil {
			t.Fatal(err)
		}
		if len(rep.Findings) == 0 || rep.Findings[0].Cause != "credential-store-error" {
			t.Errorf("%s: want credential-store-error first, got %v", line, rep.Findings)
			continue
		}
		got := false
		for _, f := range rep.Findings {
			got = got || f.Cause == "client-bug"
		}
		if got != wantBug {
			t.Errorf("%s: client-bug among the findings = %v, want %v", line, got, wantBug)
		}
	}
}
