package diagnose

import "strings"

// Ansible reports a failed task as `fatal: [HOST]: FAILED! => {"changed":
// false, "msg": "…"}` (its default stdout callback; HOST is the inventory
// host, or "HOST -> DELEGATE"), and the msg of community.docker's
// docker_login, docker_image and docker_image_pull modules quotes the
// Docker Engine's answer ("Logging into HOST for user U failed - …",
// "Error pulling image REF - …"). Its "fatal:" is the task's status, not
// git's "fatal:" prefix that the signatures' gitLike veto keeps out: when
// that prefix is the line's only "fatal:", lineIn.prepare drops it (as it
// drops GitHub's web-log links) and the line is read from its "FAILED!";
// git's own answers inside the msg keep their vetoes (remote:, "fatal:
// unable to access", git clone...).

var kAnsibleFailed = lowKey("]: failed! =>")

// stripAnsibleFatal returns text without Ansible's "fatal: [HOST]: " prefix
// when the line is its task failure with no other "fatal:"; text unchanged
// otherwise. low is text lowercased.
func stripAnsibleFatal(text, low string) string {
	i := strings.Index(low, "fatal: [")
	if i < 0 || len(low) != len(text) {
		return text
	}
	rest := low[i+len("fatal: ["):]
	j := strings.Index(rest, "]: failed! =>")
	if j < 0 || strings.IndexByte(rest[:j], ']') >= 0 || strings.Count(low, "fatal:") != 1 {
		return text
	}
	end := i + len("fatal: [") + j + len("]: ")
	return text[:i] + text[end:]
}
