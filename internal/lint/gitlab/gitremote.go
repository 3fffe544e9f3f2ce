package gitlab

import (
	"bufio"
	"bytes"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
)

// gitRemote is one remote of the checkout: its host (lowercase, no port)
// and project path (lowercase, "group/sub/project").
type gitRemote struct{ host, path string }

// remotePaths returns the remotes configured for the checkout at root: the `url =`
// lines of .git/config (for a worktree, of the main repository's config).
// A remote of a GitLab project names the project whose job token the
// pipeline gets, so a push to that path is a push to the project itself.
// Nothing is found (nil) when root is not a git checkout.
func remotePaths(root string) []gitRemote {
	if root == "" {
		return nil
	}
	if v, ok := remoteCache.Load(root); ok {
		return v.([]gitRemote)
	}
	var out []gitRemote
	if data, err := os.ReadFile(gitConfigPath(root)); err == nil && len(data) < 1<<20 {
		out = parseRemotePaths(data)
	}
	remoteCache.Store(root, out)
	return out
}

var remoteCache sync.Map // root -> []gitRemote

// gitConfigPath is root/.git/config, or for a worktree (.git is a file
// "gitdir: X") the config of X's common directory.
func gitConfigPath(root string) string {
	dotgit := filepath.Join(root, ".git")
	fi, err := os.Stat(dotgit)
	if err != nil || fi.IsDir() {
		return filepath.Join(dotgit, "config")
	}
	data, err := os.ReadFile(dotgit)
	if err != nil {
		return ""
	}
	gitdir, ok := strings.CutPrefix(strings.TrimSpace(string(data)), "gitdir:")
	if !ok {
		return ""
	}
	gitdir = strings.TrimSpace(gitdir)
	if !filepath.IsAbs(gitdir) {
		gitdir = filepath.Join(root, gitdir)
	}
	if c, err := os.ReadFile(filepath.Join(gitdir, "commondir")); err == nil {
		common := strings.TrimSpace(string(c))
		if !filepath.IsAbs(common) {
			common = filepath.Join(gitdir, common)
		}
		return filepath.Join(common, "config")
	}
	return filepath.Join(gitdir, "config")
}

// parseRemotePaths reads the url of every [remote "..."] section.
func parseRemotePaths(config []byte) []gitRemote {
	var out []gitRemote
	inRemote := false
	sc := bufio.NewScanner(bytes.NewReader(config))
	for sc.Scan() {
		l := strings.TrimSpace(sc.Text())
		if strings.HasPrefix(l, "[") {
			inRemote = strings.HasPrefix(l, "[remote ")
			continue
		}
		k, v, ok := strings.Cut(l, "=")
		if !inRemote || !ok || strings.TrimSpace(k) != "url" {
			continue
		}
		if r, ok := remoteURL(strings.TrimSpace(v)); ok {
			out = append(out, r)
		}
	}
	return out
}

// remoteURL is the host and repository path of a git remote URL:
// scp-like git@host:group/project.git or a URL https://host/group/project(.git),
// ssh://git@host:port/group/project.git; false for a local path.
func remoteURL(u string) (gitRemote, bool) {
	var host, p string
	switch {
	case strings.Contains(u, "://"):
		pu, err := url.Parse(u)
		if err != nil || pu.Host == "" {
			return gitRemote{}, false
		}
		host, p = pu.Hostname(), pu.Path
	case strings.Contains(u, ":") && !strings.HasPrefix(u, "/"):
		h, rest, _ := strings.Cut(u, ":")
		if i := strings.LastIndexByte(h, '@'); i >= 0 {
			h = h[i+1:]
		}
		host, p = h, rest
	default:
		return gitRemote{}, false
	}
	p = strings.Trim(strings.TrimSuffix(strings.Trim(p, "/"), ".git"), "/")
	if host == "" || !strings.Contains(p, "/") {
		return gitRemote{}, false
	}
	return gitRemote{host: strings.ToLower(host), path: strings.ToLower(p)}, true
}
