package diagnose

// Two answers to a registry token request that go-containerregistry clients
// (ko, kpack, kaniko, skaffold, crane) print after the request URL:
//
//   - `Get https://gcr.io/v2/token?scope=…&service=gcr.io: exit status 1`:
//     the credential helper the docker config names for the host
//     (credHelpers/credsStore, e.g. docker-credential-gcloud) ran for the
//     request and exited non-zero without output; older go-containerregistry
//     returned the helper's exec error unwrapped (newer releases say
//     "invoking docker-credential-NAME: exit status N", sig_transport.go).
//   - `GET https://HOST/…/v2/token?scope=…: : Authentication is required`:
//     JFrog Artifactory's 401 body ("Authentication is required") relayed
//     with an empty error code: the token request carried no credential
//     Artifactory accepts.

func init() { sigGroups = append(sigGroups, sigsTokenAnswers) }

func sigsTokenAnswers() {
	register(
		&signature{
			id:   "token-request-helper-exit",
			keys: []string{"/v2/token?", "/v2/\": exit status", "/v2/: exit status"},
			re:   lazyRe(`(?i)\bhttps?://[^\s"]+/v2/[^\s"]*"?: exit status \d+\s*$`),
			veto: gitLike,
			rank: fixed(
				c("credential-store-error", 0.8, "The request for a registry token failed with a bare process exit status: the credential helper the docker config names for this registry (credHelpers/credsStore, e.g. docker-credential-gcloud) ran and failed. Run `gcloud auth configure-docker` / log in with the helper, or remove the entry."),
				c("no-login", 0.45, ""),
			),
		},
		&signature{
			id:   "artifactory-token-authentication-required",
			keys: []string{"authentication is required"},
			re:   lazyRe(`(?i)\bhttps?://[^\s"]+/v2/[^\s"]*"?: (?:: )?Authentication is required\.?\s*$`),
			veto: append([]string{"proxy authentication required"}, gitLike...),
			rank: rankUnauthenticated,
			tell: tellUnauthenticated,
		},
	)
}
