package diagnose

import (
	"fmt"
	"strings"
)

// plainHTTPRead400Re is a read (HEAD or GET) that a client sent over plain
// HTTP, answered 400 Bad Request, as containerd's resolver prints it
// (CRI pulls in kubelet events, crictl, ctr, nerdctl, BuildKit):
// "unexpected status from HEAD request to http://HOST/v2/NAME/manifests/REF: 400 Bad Request".
var plainHTTPRead400Re = lazyRe(`(?i)(?:head|get) request to http://\S+:? 400\b`)

// rankPlainHTTPRead400 reads a 400 to a plain-HTTP read as a TLS port that
// got plain HTTP. A HEAD or GET carries no body that could be malformed,
// and containerd only sends a reference it parsed, so the registry's own
// NAME_INVALID is the weaker reading. TLS front ends answer plain HTTP on
// their port with exactly this status: nginx's 400 page "The plain HTTP
// request was sent to HTTPS port" (ngx_http_request.c, NGX_HTTP_TO_HTTPS)
// and Go's net/http TLS server (the distribution registry) "400 Bad
// Request: Client sent an HTTP request to an HTTPS server" (net/http
// server.go); a HEAD's answer has no body, so only the status reaches the
// log. A mirror endpoint written http:// in hosts.toml (server/host) or
// registries.yaml for a port that serves TLS is the common setup
// (DaoCloud/crproxy#43). nil for any other 400.
func rankPlainHTTPRead400(h *hit) []cand {
	if !plainHTTPRead400Re.MatchString(h.low) {
		return nil
	}
	return []cand{
		c("http-https-mismatch", 0.7, fmt.Sprintf("The client read %s over plain HTTP (an http:// URL) and got 400 Bad Request with no message: what a TLS port answers to plain HTTP (nginx: \"The plain HTTP request was sent to HTTPS port\"; Go's TLS server: \"Client sent an HTTP request to an HTTPS server\"). A read has no body to be malformed. Use https:// for that endpoint in the mirror configuration (containerd hosts.toml, k3s registries.yaml), or point the http:// endpoint at a port that serves plain HTTP; `curl -v http://HOST:PORT/v2/` shows which one it is.", orSome(strings.TrimSpace(h.repo()), "the image"))),
		c("invalid-reference", 0.5, ""),
		c("client-bug", 0.4, ""),
	}
}
