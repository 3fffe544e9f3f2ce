package diagnose

import (
	"fmt"
	"strings"
)

// Registry credential files that the client cannot read or create:
//   - containers/image (podman, buildah, skopeo) reads
//     ${XDG_RUNTIME_DIR}/containers/auth.json (/run/containers/$UID/auth.json
//     for root-less users outside a systemd session) and says "getting
//     username and password: 1 error occurred: * reading JSON file
//     \"PATH\": open PATH: permission denied" (containers-auth.json(5)); its
//     login creates that directory first: "mkdir /run/containers: permission
//     denied"; and containers/common checks an --authfile or REGISTRY_AUTH_FILE
//     before use: "credential file is not accessible: faccessat PATH: no such
//     file or directory".
//   - actions/attest (push-to-registry) reads only ~/.docker/config.json:
//     "No credential file found at /home/runner/.docker/config.json" when the
//     login wrote elsewhere (buildah/podman's auth.json, another DOCKER_CONFIG)
//     or none ran (actions/attest-build-provenance#253).

func init() { sigGroups = append(sigGroups, sigsAuthFiles) }

func sigsAuthFiles() {
	register(
		&signature{
			id:   "auth-file-unreadable",
			keys: []string{"reading json file", "/containers: permission denied", "credential file is not accessible"},
			re:   lazyRe(`(?i)(?:reading JSON file \\?"([^"\\]*(?:auth|config)\.json)\\?": .{0,160}?(permission denied|unexpected end of JSON input|invalid character|is a directory)|mkdir (/run/(?:user/\d+/)?containers): permission denied|credential file is not accessible: (?:faccessat|l?stat) (\S+): (no such file or directory|permission denied))`),
			rank: func(h *hit, f *facts) []cand {
				path := h.m[1] + h.m[3] + h.m[4]
				if h.m[4] != "" && strings.Contains(strings.ToLower(h.m[5]), "no such file") {
					// containers/common's CheckAuthFile: --authfile or
					// REGISTRY_AUTH_FILE names a file that is not there.
					return []cand{
						c("credential-store-error", 0.74, fmt.Sprintf("The auth file the client was told to use (--authfile or REGISTRY_AUTH_FILE: %s) does not exist, so no credential could be read: the login that should have written it did not run in this job, or wrote another path.", path)),
						c("no-login", 0.55, ""),
					}
				}
				if h.m[3] != "" && f.pending == nil && !f.containersImage {
					// The directory is also podman's run root: without a
					// login or another containers/image client in sight it
					// may be the storage, not the credential file.
					return []cand{
						c("credential-store-error", 0.55, fmt.Sprintf("The client could not create %s, where podman, buildah and skopeo keep auth.json (and their run-time state) for this user: the job's user has no writable XDG_RUNTIME_DIR. Pass --authfile (or REGISTRY_AUTH_FILE) pointing at a writable file.", path)),
						c("daemon-unreachable", 0.3, ""),
					}
				}
				why := fmt.Sprintf("The registry credential file %s could not be read, so no credential was looked up (containers-auth.json): the job's user may not read it (a root-owned /run/containers/$UID outside a systemd session) or it is not valid JSON. Pass --authfile (or REGISTRY_AUTH_FILE) pointing at a readable file written by the login.", path)
				if h.m[3] != "" || strings.Contains(h.low, "login") {
					why = fmt.Sprintf("The login could not create %s, where podman, buildah and skopeo store auth.json for this user: the job's user has no writable XDG_RUNTIME_DIR (a runner without a systemd login session). Pass --authfile (or REGISTRY_AUTH_FILE) pointing at a writable file, for the login and for the commands after it.", path)
				}
				return []cand{c("credential-store-error", 0.8, why), c("no-login", 0.35, "")}
			},
		},
		&signature{
			// The JavaScript actions around podman and buildah
			// (redhat-actions/podman-login, buildah-build,
			// push-to-registry) read and write the containers auth file
			// themselves through Node's fs module, whose errors read
			// "CODE: description, syscall 'PATH'" (Node.js errors
			// documentation, SystemError: "ENOENT: no such file or
			// directory, open 'PATH'"). podman-login opens the auth file
			// after a successful login at a path of its own
			// (/tmp/podman-run-UID/containers/auth.json) that this podman
			// never wrote: REGISTRY_AUTH_FILE or XDG_RUNTIME_DIR point
			// elsewhere, or podman 5 moved the file
			// (redhat-actions/podman-login#41, #47). EACCES/EPERM/EROFS:
			// the file belongs to another user or is on a read-only mount.
			id:   "node-fs-auth-file",
			keys: []string{"auth.json'"},
			re:   lazyRe(`(?i)\b(ENOENT|EACCES|EPERM|EROFS|EISDIR): [a-z ,-]{4,60}, (?:open|lstat|stat|access|copyfile|mkdir|scandir|rename) '([^']*auth\.json)'`),
			rank: func(h *hit, f *facts) []cand {
				h.op = opLogin
				code, path := strings.ToUpper(h.m[1]), h.m[2]
				if code == "ENOENT" {
					return []cand{
						c("credential-store-error", 0.78, fmt.Sprintf("The action looked for the containers auth file at %s and it is not there: the login wrote its credentials to another file (REGISTRY_AUTH_FILE or XDG_RUNTIME_DIR point elsewhere, or this podman release keeps auth.json in another directory), so the next steps would find no credential. Set REGISTRY_AUTH_FILE to one path for the login and every later step, or use an action release that asks podman where the file is.", path)),
						c("no-login", 0.45, ""),
					}
				}
				return []cand{
					c("credential-store-error", 0.84, fmt.Sprintf("The action cannot use the containers auth file %s (%s): it belongs to another user (root's run directory reached by a rootless step, or the reverse) or lies on a read-only mount. Point REGISTRY_AUTH_FILE at a file this user owns, for the login and for the steps after it.", path, code)),
					c("no-login", 0.4, ""),
				}
			},
		},
		&signature{
			id:   "attest-no-credential-file",
			keys: []string{"no credential file found"},
			re:   lazyRe(`(?i)No credential file found at (\S+)`),
			rank: func(h *hit, f *facts) []cand {
				h.op = opPush
				return []cand{
					c("no-login", 0.8, fmt.Sprintf("There is no Docker config at %s, the only file this client reads its registry credentials from: no docker login ran as this user, or the login wrote another file (buildah and podman write auth.json; DOCKER_CONFIG pointed elsewhere).", strings.TrimRight(h.m[1], ".,;'\""))),
					c("credential-store-error", 0.4, ""),
				}
			},
		},
	)
}
