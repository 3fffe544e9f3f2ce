package diagnose

import (
	"fmt"
)

// A client that reads the per-registry certificate directory itself, as the
// non-root user of the job, stops on a directory only root may read: "open
// /etc/docker/certs.d/HOST: permission denied". The Docker engine installs
// /etc/docker/certs.d readable by root alone; the daemon (root) reads it, but
// `docker manifest` (docker CLI), container-diff and containers/image
// clients before containers/image#332 (skopeo, buildah, podman of 2017) read
// it in the CLI process and abort instead of skipping the unreadable
// directory. Records: docker/for-linux#396 (docker manifest create/push on
// Travis CI; worked around in ceph/ceph-csi#1245), GoogleContainerTools/
// container-diff#21 (fixed by #39), containers/image#332 ("docker: ignore
// EPERM when scanning for certificates"). No registry was asked: the defect
// is the client's, client-bug. The same path in a shell's own error ("cp:
// cannot create regular file '/etc/docker/certs.d/…': Permission denied",
// mkdir) is a setup step without sudo, not this.
func init() {
	register(&signature{
		id:   "certs-dir-unreadable",
		keys: []string{"/etc/docker/certs.d/", "/etc/containers/certs.d/"},
		re:   lazyRe(`(?i)\bopen (/etc/(?:docker|containers)/certs\.d/[^\s"]*?): permission denied`),
		rank: func(h *hit, f *facts) []cand {
			return []cand{
				c("client-bug", 0.8, fmt.Sprintf("The client could not read %s and stopped before asking the registry. The Docker engine keeps /etc/docker/certs.d readable by root only; `docker manifest`, container-diff and older containers/image clients (skopeo, buildah) read it as the job's user and abort instead of skipping it (docker/for-linux#396, containers/image#332). Run that command with sudo, make the directory readable (sudo chmod -R a+rX /etc/docker/certs.d), or upgrade the client.", h.m[1])),
			}
		},
	})
}
