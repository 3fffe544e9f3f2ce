package diagnose

import (
	"net/url"
	"strings"
)

// appV2Path reports whether the first URL in s has a /v2/ path that is no
// endpoint of the registry API: an application's own versioned REST API
// ("/v2/environments/python?namespace=default", "/v2/users/42") met in a
// test or deploy log. The distribution spec's endpoints are /v2/ itself and
// /v2/<name>/blobs/…, /v2/<name>/manifests/…, /v2/<name>/tags/list,
// /v2/<name>/referrers/… and /v2/_catalog (OCI distribution-spec, "Endpoints"
// table end-1..end-13); token realms (/v2/auth, /token) are registry URLs
// too. A URL cut short after its repository name ("/v2/acme/widget") is
// not called an application path unless it carries a query, which no
// registry endpoint but the realm, tags/list, referrers and uploads takes.
func appV2Path(s string) bool {
	urls := findURLs(s, 1) // urlRe's first match, without the regexp (refmatch.go)
	if len(urls) == 0 {
		return false
	}
	u, err := url.Parse(strings.TrimRight(urls[0], ".:;"))
	if err != nil || u.RawQuery == "" {
		return false
	}
	p := u.Path
	i := strings.Index(p, "/v2/")
	if i < 0 {
		return false
	}
	rest := p[i+len("/v2/"):]
	if rest == "" || rest == "auth" || strings.HasPrefix(rest, "_catalog") || strings.HasSuffix(p, "/token") {
		return false
	}
	for _, e := range []string{"/blobs", "/manifests/", "/tags/", "/referrers/"} {
		if strings.Contains(rest, e) {
			return false
		}
	}
	return true
}
