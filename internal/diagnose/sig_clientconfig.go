package diagnose

import (
	"fmt"
	"regexp"
	"strings"
)

// The files a registry client keeps its logins in, when the client cannot
// read or write them: the containers-auth.json(5) file of podman, buildah
// and skopeo (${XDG_RUNTIME_DIR}/containers/auth.json, REGISTRY_AUTH_FILE,
// --authfile), and the docker config directory (~/.docker, DOCKER_CONFIG)
// that docker, cosign, crane and other go-containerregistry clients write
// on login. No registry was asked: the login could not be stored, or the
// stored one could not be read, so the next request goes without it.

func init() { sigGroups = append(sigGroups, sigsClientConfig) }

func sigsClientConfig() {
	register(
		&signature{
			id: "containers-auth-file",
			// containers/image (pkg/docker/config) wraps the file errors
			// with the path: "reading JSON file PATH: ERR", "unmarshaling
			// JSON at PATH: ERR" and "writing to file PATH: ERR" (with an
			// "error " prefix before c/image 5.19). The path is the auth
			// file (auth.json, a REGISTRY_AUTH_FILE name) or a docker
			// config it also reads (~/.docker/config.json, ~/.dockercfg).
			keys: []string{"reading json file", "unmarshaling json at", "writing to file \""},
			re:   regexp.MustCompile(`(?i)(?:reading JSON file|unmarshaling JSON at|writing to file) "([^"]*(?:auth[^"/]*\.json|\.docker/config\.json|\.dockercfg|/containers/[^"/]+\.json))":? ?(.*)`),
			veto: gitLike,
			rank: rankContainersAuthFile,
		},
		&signature{
			id: "docker-config-dir",
			// Go's os errors on the docker config directory or its
			// config.json: "mkdir /.docker: permission denied" (a non-root
			// user without a home: HOME=/), "open
			// /kaniko/.docker/config.json: read-only file system" (a
			// secret mounted read-only where the client writes). The
			// docker CLI's own "Error saving credentials: …" is the
			// credential-store signature's; its "WARNING: Error loading
			// config file" goes on without the file and is no failure.
			keys: []string{".docker: permission denied", ".docker: read-only file system", "config.json: permission denied", "config.json: read-only file system"},
			re:   regexp.MustCompile(`(?i)\b(?:mkdir|open) (\S*\.docker(?:/config\.json)?|\S*docker\S*/config\.json): (permission denied|read-only file system)`),
			veto: append([]string{"error loading config file"}, gitLike...),
			rank: func(h *hit, f *facts) []cand {
				path := h.m[1]
				why := fmt.Sprintf("The client could not create or write its docker config (%s): the user it runs as has no writable home (a non-root container user with HOME=/ or unset), or the directory is mounted read-only. Set HOME or DOCKER_CONFIG to a writable directory before the login.", path)
				if strings.Contains(strings.ToLower(h.m[2]), "read-only") {
					why = fmt.Sprintf("The docker config (%s) is on a read-only mount (a secret or config map mounted where the client writes its login): mount it elsewhere and point DOCKER_CONFIG at a writable copy, or skip the login when the mounted file already holds the credential.", path)
				}
				return []cand{c("credential-store-error", 0.86, why), c("no-login", 0.4, "")}
			},
		},
	)
}

// rankContainersAuthFile reads the error containers/image wrapped around the
// auth file: the file cannot be created, written or opened by this user, or
// it is not valid JSON.
func rankContainersAuthFile(h *hit, f *facts) []cand {
	path, detail := h.m[1], strings.ToLower(h.m[2])
	switch {
	case containsAny(detail, []string{"unexpected end of json", "invalid character", "cannot unmarshal", "unmarshaling json"}):
		return []cand{
			c("credential-store-error", 0.85, fmt.Sprintf("The auth file %s is empty or not valid JSON, so podman/buildah/skopeo cannot read the logins in it: a truncated or interrupted write, a hand-written or templated file, or a secret mounted with other content. Remove or rewrite it (podman login writes a valid one).", path)),
			c("client-bug", 0.35, ""),
		}
	case containsAny(detail, []string{"permission denied", "read-only file system", "operation not permitted"}):
		return []cand{
			c("credential-store-error", 0.87, fmt.Sprintf("This user cannot write or read the auth file %s. A container user without a home or XDG_RUNTIME_DIR gets a default path it cannot write (/auth.json, /run/containers/UID/auth.json), and a file mounted read-only cannot take a login. Pass --authfile or set REGISTRY_AUTH_FILE to a path this user owns.", path)),
			c("no-login", 0.4, ""),
		}
	}
	return []cand{
		c("credential-store-error", 0.8, fmt.Sprintf("podman/buildah/skopeo could not use the auth file %s, so the login cannot be stored or read: check that the path exists and is writable by this user, or pass --authfile / REGISTRY_AUTH_FILE.", path)),
		c("no-login", 0.4, ""),
	}
}
