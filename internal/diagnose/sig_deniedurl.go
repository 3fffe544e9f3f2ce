package diagnose

// Two refusals that name only the DENIED code, found while collecting the
// ninth held-out batch (GitHub Actions publish jobs, heldout9a) and silent
// before:
//
//   - the docker daemon's request line followed by the bare code, `Error
//     response from daemon: Head "https://ghcr.io/v2/OWNER/NAME/manifests/TAG":
//     denied` (the registry's error body had no message beyond the code);
//   - go-containerregistry's transport error (crane, cosign, ko, trivy's OCI
//     artifacts) printing the distribution error code in upper case before
//     the message: `GET https://ghcr.io/token?scope=…: DENIED: denied`
//     (ggcr pkg/v1/remote/transport/error.go: "CODE: message").

func init() {
	sigGroups = append(sigGroups, sigsDeniedURL)
}

func sigsDeniedURL() {
	register(
		&signature{
			id: "url-bare-denied",
			// Generic: a line whose refusal a specific signature reads
			// ("denied: denied", "denied: access forbidden", JSON bodies)
			// stays that signature's.
			generic: true,
			keys:    []string{"\": denied"},
			// docker-py (and the tools on it: Ansible's docker modules,
			// docker-compose 1.x, Home Assistant's supervisor) quotes the
			// engine's message at the end of its APIError: `500 Server
			// Error for http+docker://…: Internal Server Error ("MSG")`.
			// aiodocker (the Supervisor's pulls since 2025.11) logs the
			// repr of its DockerError: `DockerError(403, 'Head "…": denied')`
			// (aio-libs/aiodocker, aiodocker/exceptions.py __repr__).
			// docker compose v2 ends a service's line with the elapsed
			// time (" ✘ svc Error Head "…": denied   0.4s").
			re:   lazyRe(`"https?://[^"\s]+/v2/[^"\s]*": denied\.?(?:["']\))?(?:\s+\d+(?:\.\d+)?m?s)?\s*$`),
			veto: gitLike,
			rank: rankDenied,
			tell: tellDenied,
		},
		&signature{
			id: "ggcr-denied-denied",
			// GHCR's bare refusal ("denied: denied", sig_authn.go's
			// ghcr-denied-denied) as go-containerregistry prints it, with
			// the code in upper case.
			keys: []string{"denied: denied"},
			re:   lazyRe(`DENIED: denied\b`),
			rank: fixed(c("token-expired", 0.62, "GHCR answers a revoked or expired personal access token with a bare \"DENIED: denied\"."),
				c("bad-credentials", 0.56, ""), c("token-missing-scope", 0.4, "")),
			tell: tellBadCredential,
		},
	)
}
