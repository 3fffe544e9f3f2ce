package diagnose

// withoutLogLevelFatal returns list without git's bare "fatal:" prefix.
//
// The prefix vetoes git's own answers, but tools also print their log level
// so ("FATAL: Docker registry login failed … org access token is expired"):
// for a message that names the credential's expiry the rest of the list
// (remote:, git push, api.github.com…) keeps git and the other ecosystems
// out. Used by the token-expired signature; the list is copied, gitLike is
// shared.
func withoutLogLevelFatal(list []string) []string {
	out := make([]string, 0, len(list))
	for _, k := range list {
		if k != "fatal:" {
			out = append(out, k)
		}
	}
	return out
}
