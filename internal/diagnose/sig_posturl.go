package diagnose

// postURLPathRe is Go's net/url.Error for a POST: `Post "https://HOST/PATH": …`
// (quotes since Go 1.14).
var postURLPathRe = lazyRe(`\bpost "?https?://[^/\s"]+(/[^\s"]*)?`)

// nonRegistryPost reports a line whose failed request is a POST to a path no
// registry client posts to, in a log that names no image and no login: the
// registry protocol POSTs only to /v2/NAME/blobs/uploads/ (OCI distribution
// spec, "Pushing blobs") and to the token realm (an OAuth2 token endpoint;
// distribution's docs/spec/auth/oauth.md), and the v1 API lives under /v1/.
// Such a line is another HTTPS client's failure (a push-notification or
// web API call) that shares Go's error grammar.
func nonRegistryPost(h *hit, f *facts) bool {
	m := postURLPathRe.FindStringSubmatch(h.low)
	if m == nil || containsAny(m[1], []string{"/v2/", "/v1/", "token", "auth"}) {
		return false
	}
	return len(f.refs.items) == 0 && len(f.logins) == 0
}
