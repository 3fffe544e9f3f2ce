package diagnose

import "testing"

// TestMessageGrammarBuilderPaths holds builder lines of held-out batch 21p
// (daemonless builders): an image name given as a URL to the buildpacks
// lifecycle, and a docker config the lifecycle or a client cannot stat. Lines
// are ours, in each client's grammar; the first finding's cause is wanted.
func TestMessageGrammarBuilderPaths(t *testing.T) {
	checkFirstCause(t, map[string]string{
		// the lifecycle quotes the image it was given: a URL there is the reference's fault
		`ERROR: failed to get previous image: connect to repo store 'https://git.lab.example/shop/api': Get "https://https/v2/": dial tcp: lookup https on 10.96.0.10:53: no such host`: "invalid-reference",
		`ERROR: failed to get previous image: connect to repo store "http://git.lab.example/shop/api.git": Get "https://http/v2/": dial tcp: lookup http: no such host`:                 "invalid-reference",
		// guard: the scheme host from a wrapper's split (no quoted reference) keeps its reading
		`Error: Get "https://https/v2/": dial tcp: lookup https on 10.96.0.10:53: no such host`: "client-bug",
		// guard: a real host that does not resolve stays unreachable
		`ERROR: failed to get previous image: connect to repo store 'registry.lab.example/shop/api': Get "https://registry.lab.example/v2/": dial tcp: lookup registry.lab.example on 10.96.0.10:53: no such host`: "registry-unreachable",
		// the lifecycle before 0.7.5 stat-ing root's docker config as its own user
		"ERROR: failed to new app image: /root/.docker/config.json: stat /root/.docker/config.json: permission denied": "client-bug",
		// another client stat-ing a config it may not read: the auth file is unreadable
		"error: stat /home/ci/.docker/config.json: permission denied": "credential-store-error",
		// guard: docker CLI's warning goes on without the config
		"WARNING: Error loading config file: /home/ci/.docker/config.json: stat /home/ci/.docker/config.json: permission denied": "",
	})
}
