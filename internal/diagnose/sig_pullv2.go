package diagnose

// dockerd's own v2 pull errors that name no registry answer.

func init() { sigGroups = append(sigGroups, sigsPullV2) }

func sigsPullV2() {
	register(
		&signature{
			id: "pull-target-unknown",
			// Docker 1.13.0's v2 puller failed manifest lists and schema 2
			// images it should have taken from some registries (gcr.io,
			// Zalando's Pier One) with "target is unknown"
			// (distribution/pull_v2.go; moby/moby#30083, fixed in 1.13.1).
			// The registry answered; the client could not use the answer.
			keys: []string{"target is unknown"},
			re:   lazyRe(`(?i)target is unknown`),
			need: append([]string{"from daemon"}, registryContext...), // dockerd's "Error response from daemon:" or a pull/FROM nearby
			rank: fixed(
				c("client-bug", 0.8, "The Docker daemon could not use the manifest the registry returned (\"target is unknown\"): a defect of Docker 1.13.0's puller with some registries (moby/moby#30083), fixed in 1.13.1. Upgrade the Docker Engine (or pin 1.12) on the host that pulls."),
				c("manifest-unknown", 0.35, ""),
			),
		},
	)
}
