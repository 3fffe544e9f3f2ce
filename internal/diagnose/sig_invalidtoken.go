package diagnose

// containerd words a registry's 401 whose challenge says
// error="invalid_token" (RFC 6750 section 3.1: the access token is expired,
// revoked or malformed) as "server message: invalid_token: authorization
// failed" (remotes/docker: the challenge's error code and its text). In a
// pull it is the bearer token containerd fetched at the start and kept
// using: a long pull (large layers, a limit on concurrent downloads) asks
// for later blobs after the registry's token lifetime, and containerd
// retried with the cached token instead of fetching a new one
// (containerd/containerd#9274, "fix bug that using invalid token to retry
// fetching layer", merged for 1.6.x/1.7.x; #8735 skips tokens known to be
// expired). The credential itself was accepted when the token was issued.

func init() { sigGroups = append(sigGroups, sigsInvalidToken) }

func sigsInvalidToken() {
	register(
		&signature{
			id:   "containerd-invalid-token",
			keys: []string{"invalid_token: authorization failed"},
			re:   lazyRe(`invalid_token: authorization failed`),
			rank: fixed(c("token-expired", 0.7, "The registry rejected the bearer token the client held (its challenge says invalid_token): the short-lived registry token expired during a long transfer and containerd retried with the cached token (containerd/containerd#9274, merged for the 1.6 and 1.7 branches). A retry, or a containerd release with that fix, fetches a new token."),
				c("clock-skew", 0.45, ""), c("client-bug", 0.42, ""), c("bad-credentials", 0.38, "")),
		},
	)
}
