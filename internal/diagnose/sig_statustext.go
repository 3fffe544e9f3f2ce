package diagnose

// Go's url.Error around a bare HTTP status text: `Head "https://HOST/v2/
// REPO/blobs/sha256:…": Bad Gateway`. net/http formats a failed request as
// `Op "URL": ERR` (net/url Error.Error); registry clients that turn a 5xx
// answer into an error holding only the status text (http.StatusText, no
// number) print this form, which registry-5xx (sig_transport.go) does not
// read because it needs the code.

func init() { sigGroups = append(sigGroups, sigsStatusText) }

func sigsStatusText() {
	register(&signature{
		id: "registry-5xx-status-text",
		// The keys are registry-5xx's: no new prefilter keyword.
		keys: []string{"bad gateway", "service unavailable", "gateway time", "internal server error"},
		re:   lazyRe(`(?i)\b(?:Head|Get|Post|Put|Patch) "?https?://[^\s"/]+/v2/[^\s"]*"?: (Bad Gateway|Service Unavailable|Gateway Time-?out|Internal Server Error)\s*$`),
		veto: append([]string{"twine", "pypi", "nuget", "npm"}, gitLike...),
		rank: fixed(c("registry-fault", 0.78, "The registry's API (/v2/) answered with a server error, quoted as its status text (502 Bad Gateway, 503 Service Unavailable, 504 Gateway Timeout or 500): the registry or a proxy in front of it failed the request; nothing on the client side explains it. Retry, and check the registry's status."),
			c("registry-unreachable", 0.35, "")),
	})
}
