package diagnose

import (
	"fmt"
	"strings"
)

// Swarm's own words around a pull it did on a node: a task the node could not
// pull for, and the digest-pinning warning of a service create.
//
// A swarm node pulls a service's image when its task starts. The manager sends
// the registry credential with the task only when the service was created or
// updated with --with-registry-auth (docker stack deploy / service create |
// update, docs.docker.com/reference/cli/docker/stack/deploy/); otherwise, or
// when that stored token has expired since (a CI job token), the node pulls
// anonymously. A failed pull does not reach the CLI: the task is rejected and
// its status carries the daemon's "No such image: REF" (docker service ps's
// ERROR column, quoted and often cut with "…"; docker inspect's
// Status.Err; Portainer and other swarm front ends print the message alone).
//
// `docker service create` resolves a tag to a digest through the registry
// first (docker/cli, "unable to pin image %s to digest: %s"): when that fails
// it prints the registry's errors as a warning and creates the service anyway
// (moby/moby#29205: a local-only image has no repository to resolve).

func init() {
	sigGroups = append(sigGroups, sigsSwarmTasks)
	factKeys = append(factKeys, "unable to pin image")
}

// swarmNoSuchImageRe reads "No such image: REF" where swarm puts a task's
// error: after `"Err": "` (inspect JSON), after a task's Rejected state in
// the same row (service ps), or as the whole line. The daemon's own answer to
// a local command ("Error response from daemon: No such image: X" from
// docker tag, rmi or inspect) has other words before it and is not read.
var swarmNoSuchImageRe = lazyRe(`(?i)(?:"Err":\s*"|\bRejected\b[^"]{0,80}"|^\s*)No such image: ([^"\s…]+)(?:…|"|\s*$)`)

func sigsSwarmTasks() {
	register(&signature{
		id:       "swarm-task-no-such-image",
		keys:     []string{"no such image: "},
		re:       swarmNoSuchImageRe,
		refGroup: 1,
		rank: func(h *hit, f *facts) []cand {
			h.op = opPull
			return []cand{
				c("no-login", 0.72, fmt.Sprintf("Swarm rejected the task because the node's daemon could not pull %s (swarm reports a failed pull as \"No such image\"). For a private image the nodes need the registry credential: deploy with --with-registry-auth (docker stack deploy, docker service create/update) from where the login ran, or log the node itself in; a stored credential that has expired since (a CI job token) fails the same way when a task is rescheduled.", orSome(h.ref.Raw, "the image"))),
				c("manifest-unknown", 0.5, ""),
				c("token-expired", 0.4, ""),
			}
		},
	})
}

// kPinWarn is the literal of docker service create's digest-pinning warning.
var kPinWarn = lowKey("unable to pin image")

// observePinWarn records the lines of a pinning warning ("unable to pin image
// NAME to digest: errors:"), capped.
func (f *facts) observePinWarn(n int, low string) {
	if f.has(kPinWarn) && strings.Contains(low, " to digest") && len(f.pinWarns) < maxLogins {
		f.pinWarns = append(f.pinWarns, n)
	}
}

// pinWarningBody reports whether every line of h is a registry error printed
// as the body of a pinning warning: within three lines after it, and only the
// error itself ("denied: …", "unauthorized: …"). The service was created;
// nothing failed there.
func (f *facts) pinWarningBody(h *hit) bool {
	if len(f.pinWarns) == 0 {
		return false
	}
	for i, n := range h.lines {
		in := false
		for _, w := range f.pinWarns {
			if n > w && n-w <= 3 {
				in = true
			}
		}
		t := ""
		if i < len(h.texts) {
			t = strings.ToLower(strings.TrimSpace(h.texts[i]))
		}
		if !in || !(strings.HasPrefix(t, "denied:") || strings.HasPrefix(t, "unauthorized:")) {
			return false
		}
	}
	return true
}
