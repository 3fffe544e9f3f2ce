package gitlab

import (
	"strings"

	"github.com/regdoctor/regdoctor/internal/reghost"
	"github.com/regdoctor/regdoctor/internal/shellcmd"
)

// Symbolic registry hosts: GitLab's predefined variables stand for hosts we
// cannot know statically but can compare with each other.
const (
	hostCIRegistry = "$CI_REGISTRY"
	hostDepProxy   = "$CI_DEPENDENCY_PROXY_SERVER"
)

// refHost returns the registry host of an image reference: a normalized
// literal host, one of the symbolic hosts above, or "" when unknown
// (the host part is an unresolved variable). known is false for "".
func refHost(ref string) (host string, known bool) {
	r := normVars(strings.TrimSpace(ref))
	switch {
	case strings.HasPrefix(r, "$CI_REGISTRY_IMAGE"):
		return hostCIRegistry, true
	case r == "$CI_REGISTRY" || strings.HasPrefix(r, "$CI_REGISTRY/") || strings.HasPrefix(r, "$CI_REGISTRY:"):
		return hostCIRegistry, true
	case strings.HasPrefix(r, "$CI_DEPENDENCY_PROXY_"):
		return hostDepProxy, true
	case strings.HasPrefix(r, "$CI_TEMPLATE_REGISTRY_HOST"):
		return "registry.gitlab.com", true
	}
	if strings.HasPrefix(r, "$") {
		return "", false
	}
	h, _, _, ok := shellcmd.SplitRef(r)
	if !ok {
		return "", false
	}
	return h, true
}

// loginHost normalizes a login's host (from shellcmd Command.Hosts).
func loginHost(h string) (string, bool) {
	h = normVars(strings.TrimSpace(h))
	h = strings.TrimPrefix(strings.TrimPrefix(h, "https://"), "http://")
	h = strings.TrimSuffix(h, "/")
	switch {
	case h == "$CI_REGISTRY":
		return hostCIRegistry, true
	case h == "$CI_DEPENDENCY_PROXY_SERVER":
		return hostDepProxy, true
	case h == "$CI_SERVER_HOST" || h == "$CI_SERVER_FQDN" || h == "$CI_SERVER_URL" || h == "$CI_SERVER_NAME":
		return "$CI_SERVER_HOST", true // the GitLab web host, not its registry
	case strings.HasPrefix(h, "$CI_REGISTRY_IMAGE"):
		return hostCIRegistry, true // docker login accepts a path; the host is CI_REGISTRY
	case strings.Contains(h, "$"):
		return "", false
	}
	return reghost.Normalize(h), true
}

// hostsMatch reports whether a credential for login can serve push. unsure
// is true when the answer depends on values we cannot know (for example
// $CI_REGISTRY against a literal GitLab or self-hosted registry host).
func hostsMatch(login, push string) (match, unsure bool) {
	if login == push {
		return true, false
	}
	lsym, psym := strings.HasPrefix(login, "$"), strings.HasPrefix(push, "$")
	if lsym && psym {
		return false, false
	}
	if lsym || psym {
		other := push
		if psym {
			other = login
		}
		switch reghost.Classify(other) {
		case reghost.GitLab, reghost.Distribution:
			return false, true
		}
		return false, false
	}
	// docker keys credentials by host[:port] exactly.
	return false, false
}

// isLocal reports registries on the runner itself, which need no login.
func isLocal(host string) bool {
	h := host
	if i := strings.LastIndexByte(h, ':'); i > 0 {
		h = h[:i]
	}
	return h == "localhost" || h == "127.0.0.1" || h == "::1" || h == "[::1]" || h == "docker" || strings.HasSuffix(h, ".local")
}

// hostLabel renders a host for messages.
func hostLabel(h string) string {
	switch h {
	case hostCIRegistry:
		return "$CI_REGISTRY"
	case hostDepProxy:
		return "$CI_DEPENDENCY_PROXY_SERVER"
	case "":
		return "an unresolved host"
	}
	return h
}

// pushTools are the clients whose push reads the Docker or containers auth
// file and so needs a prior login in the same job.
var pushTools = map[string]bool{"docker": true, "podman": true, "buildah": true, "nerdctl": true,
	"crane": true, "skopeo": true, "oras": true, "regctl": true, "helm": true, "ko": true}

// cover is what the commands before a push provide for its host.
type cover struct {
	covered   bool  // a login for the host ran earlier in the job
	unsure    bool  // a credential source we cannot evaluate ran earlier
	other     []cmd // earlier logins for other hosts
	wrongTool []cmd // earlier logins for the host by a tool whose auth file the pusher does not read
}

// dockerConfigReaders read ~/.docker/config.json only (not containers auth.json).
var dockerConfigReaders = map[string]bool{"docker": true, "nerdctl": true, "crane": true, "oras": true, "regctl": true, "ko": true}

// containersAuthWriters write the containers auth file, which docker never reads (F-GL-37).
var containersAuthWriters = map[string]bool{"podman": true, "buildah": true, "skopeo": true}

func (jc *jobCtx) coverFor(i int, host string) cover {
	var cv cover
	push := jc.cmds[i]
	for _, c := range jc.cmds[:i] {
		switch c.Action {
		case shellcmd.WriteConfig:
			cv.unsure = true
			continue
		case shellcmd.Login, shellcmd.CredHelper:
		default:
			continue
		}
		for _, h := range c.Hosts {
			lh, ok := loginHost(h)
			if !ok {
				cv.unsure = true
				continue
			}
			m, u := hostsMatch(lh, host)
			switch {
			case m && dockerConfigReaders[push.Tool] && containersAuthWriters[c.Tool] && c.Action == shellcmd.Login:
				cv.wrongTool = append(cv.wrongTool, c)
			case m:
				cv.covered = true
			case u:
				cv.unsure = true
			default:
				cv.other = append(cv.other, c)
			}
		}
		if len(c.Hosts) == 0 {
			cv.unsure = true
		}
	}
	return cv
}
