package diagnose

import "strings"

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

// kLevelFatal marks a line with "fatal:" in any case: git's prefix (lower
// case) or a log level (upper case).
var kLevelFatal = lowKey("fatal:")

// stripLevelFatal returns text without a leading upper-case "FATAL:" log
// level when it is the line's only "fatal:"; text unchanged otherwise. low is
// text lowercased.
//
// Apptainer and SingularityCE print every fatal error behind their log level
// (pkg/sylog: the level name and a colon padded to eight columns, then a
// space: "FATAL:   While making image from oci registry: …", "FATAL:   Unable
// to push image to oci registry: …"), and so do other tools ("FATAL: Docker
// registry login failed …"). git prints its prefix in lower case ("fatal:
// unable to access …", Documentation/technical/api-error-handling.txt), so an
// upper-case level is not git's answer: lineIn.prepare drops it and the
// signatures read the message after it, as Ansible's task status is dropped
// (ansible.go). A line that also holds a lower-case "fatal:" keeps it and its
// vetoes.
func stripLevelFatal(text, low string) string {
	t := strings.TrimLeft(text, " \t")
	if !strings.HasPrefix(t, "FATAL:") || len(low) != len(text) || strings.Count(low, "fatal:") != 1 {
		return text
	}
	rest := t[len("FATAL:"):]
	if rest != "" && rest[0] != ' ' && rest[0] != '\t' {
		return text
	}
	return strings.TrimLeft(rest, " \t")
}

// apptainerCacheFetch is the wrapper Apptainer and SingularityCE put around a
// registry error of a pull or build from docker:// or oras:// ("FATAL:
// While making image from oci registry: error fetching image to cache: failed
// to get checksum for docker://REF: …").
const apptainerCacheFetch = "fetching image to cache:"

// apptainerCacheOnly reports whether every "cache" in low (a lowercased line)
// is inside apptainerCacheFetch.
func apptainerCacheOnly(low string) bool {
	return strings.Count(low, "cache") == strings.Count(low, apptainerCacheFetch)
}
