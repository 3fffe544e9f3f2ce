package diagnose

import (
	"fmt"
	"strings"
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
// Go's os.Stat fails the same way ("stat PATH: permission denied") when a
// directory on the path cannot be searched by this user: the buildpacks
// lifecycle before 0.7.5 stat-ed root's /root/.docker/config.json as its
// non-root user when pack passed no credentials ("ERROR: failed to new app
// image: /root/.docker/config.json: stat …: permission denied",
// buildpacks/lifecycle#290, fixed in 0.7.5); the upgrade is the fix there.
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
		re:   lazyRe(`(?:open|stat) (\S*/\.docker/(?:config\.json|\.token_seed\S*)): permission denied`),
		veto: append([]string{"error loading config file", "unsuccessful cred copy"}, gitLike...),
		rank: func(h *hit, f *facts) []cand {
			path := ""
			if len(h.m) > 1 {
				path = h.m[1]
			}
			if strings.Contains(h.low, "failed to new app image") {
				return []cand{
					c("client-bug", 0.8, fmt.Sprintf("The buildpacks lifecycle could not read %s while opening the app image: lifecycle releases before 0.7.5 fell back to that file as their non-root user when pack passed no registry credentials (buildpacks/lifecycle#290). Use a builder with lifecycle 0.7.5 or newer, and log in to the registry before pack build --publish.", orSome(path, "the docker config"))),
					c("credential-store-error", 0.6, ""),
					c("no-login", 0.35, ""),
				}
			}
			return []cand{
				c("credential-store-error", 0.86, fmt.Sprintf("The client could not open %s in its docker config directory, so it cannot read the stored registry login: the directory (or the file) belongs to another user, typically root after a `sudo docker login` or a build run with sudo. Run the login and the build as the same user, or fix the ownership (sudo chown -R $USER ~/.docker).", orSome(path, "a file"))),
				c("no-login", 0.4, ""),
			}
		},
	})
}
