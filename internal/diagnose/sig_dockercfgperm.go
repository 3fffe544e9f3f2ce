package diagnose

import (
	"fmt"
)

// The client could not open a file of its own docker config directory
// (~/.docker, or DOCKER_CONFIG): "open /home/USER/.docker/config.json:
// permission denied", or buildx's token seed, "open
// /home/USER/.docker/.token_seed: permission denied" (buildx keeps the seed
// of the keys it signs registry-auth requests with next to config.json,
// docker/buildx util/buildflags and authprovider). BuildKit reports it as the
// error of the first step that needs registry auth ("load metadata for
// docker.io/…"), before any registry answers. The usual cause is a directory
// written by root (sudo docker login, a container run as root with the home
// mounted) and read by the job's own user: the auth file cannot be read,
// credential-store-error.
//
// docker CLI's "WARNING: Error loading config file: PATH: open PATH:
// permission denied" is a warning: the command goes on without the config,
// and the registry's answer (read by the other signatures) tells what
// followed. So is Tekton's "unsuccessful cred copy" (see docker-config-dir
// in sig_clientconfig.go): the step runs on without the copied credentials.
func init() {
	register(&signature{
		id:   "docker-config-unreadable",
		keys: []string{".token_seed", "/.docker/config.json: permission denied"},
		re:   lazyRe(`open (\S*/\.docker/(?:config\.json|\.token_seed\S*)): permission denied`),
		veto: append([]string{"error loading config file", "unsuccessful cred copy"}, gitLike...),
		rank: func(h *hit, f *facts) []cand {
			path := ""
			if len(h.m) > 1 {
				path = h.m[1]
			}
			return []cand{
				c("credential-store-error", 0.86, fmt.Sprintf("The client could not open %s in its docker config directory, so it cannot read the stored registry login: the directory (or the file) belongs to another user, typically root after a `sudo docker login` or a build run with sudo. Run the login and the build as the same user, or fix the ownership (sudo chown -R $USER ~/.docker).", orSome(path, "a file"))),
				c("no-login", 0.4, ""),
			}
		},
	})
}
