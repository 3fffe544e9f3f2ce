package diagnose

// go-containerregistry clients (kaniko, ko, crane, skaffold) print a
// registry's error body as "METHOD URL: CODE: message" (ggcr
// pkg/v1/remote/transport/error.go), and kaniko wraps a push as "failed to
// push to destination REF: CODE: message". UNKNOWN is the distribution spec's
// catch-all code (the registry took the request and failed internally, the
// same reading as the daemon's "error from registry: unknown",
// sig_engine.go). A client regression can produce it too (kaniko 1.9.2's
// blob uploads to Nexus), so client-bug is the second reading.

func init() { sigGroups = append(sigGroups, sigsGGCRCodes) }

func sigsGGCRCodes() {
	register(
		&signature{
			id:   "ggcr-unknown-code",
			keys: []string{": unknown: unknown", ": unknown: \"unknown error\""},
			// go-containerregistry before v0.1 formatted the error as
			// "CODE: message; DETAIL", the detail a Go map ("UNKNOWN:
			// unknown error; map[]": riff, kaniko 0.x, ko), with no URL.
			re:   lazyRe(`(?:\b(?:GET|HEAD|POST|PUT|PATCH|DELETE) "?https?://[^\s"]+/v2/[^\s"]*"?|failed to push to destination \S+): UNKNOWN: "?unknown(?: error)?"?|UNKNOWN: unknown error; map\[`),
			veto: gitLike,
			rank: fixed(
				c("registry-fault", 0.62, "The registry answered with its catch-all error code UNKNOWN: it took the request and failed internally (storage, database, the proxy in front). Retry and read the registry's own logs; if the same push works with an earlier version of the client, it is that client's regression."),
				c("client-bug", 0.45, ""),
			),
		},
	)
}
