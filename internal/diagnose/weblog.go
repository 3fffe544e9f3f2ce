package diagnose

import "strings"

// GitHub's web log view numbers every line with a link to it; text copied
// from the page (as users paste it into issues) keeps the links inline, in
// the middle of words and numbers: `Head "https://registry-1.docker.io/v[2](https://github.com/OWNER/REPO/actions/runs/ID/job/ID#step:9:2)/…":
// received unexpected HTTP status: 50[3](…#step:9:3) Service Unavailable`.
// The line's key pass marks kWebLogLink ("#step:", the anchor of every such
// link); only then does prepare put the line numbers back in place of the
// links (stripWebLogLinks) and read the keys again.
var kWebLogLink = lowKey("#step:")

// stripWebLogLinks replaces each "[N](https://github.com/…#step:S:L)" in s
// by N; s is returned unchanged when it holds none.
func stripWebLogLinks(s string) string {
	const mid = "](https://github.com/"
	var b strings.Builder
	done := 0 // s[:done] is written (or, while b is empty, kept as is)
	for from := 0; ; {
		j := strings.Index(s[from:], mid)
		if j < 0 {
			break
		}
		j += from
		from = j + len(mid)
		k := j // the digits between '[' and j
		for k > done && s[k-1] >= '0' && s[k-1] <= '9' {
			k--
		}
		if k == j || k == done || s[k-1] != '[' {
			continue
		}
		end := strings.IndexByte(s[j:], ')')
		if end < 0 {
			break
		}
		end += j
		if !strings.Contains(s[j:end], "#step:") {
			continue
		}
		b.WriteString(s[done : k-1])
		b.WriteString(s[k:j])
		done, from = end+1, end+1
	}
	if done == 0 {
		return s
	}
	b.WriteString(s[done:])
	return b.String()
}
