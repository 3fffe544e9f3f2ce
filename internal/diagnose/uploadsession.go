package diagnose

import "fmt"

// A 400 to a request inside a blob upload session.
//
// A push uploads each blob in a session: POST /v2/NAME/blobs/uploads/ opens it
// and answers with a Location, then PATCH requests send chunks to that
// Location and a PUT to it with ?digest=DIGEST closes it (OCI
// distribution-spec, "Pushing blobs": "POST then PUT", "Pushing a blob in
// chunks"). The repository name is checked when the session opens: a name
// the registry does not accept is refused at the POST (NAME_INVALID). A 400
// to the PATCH or PUT that follows therefore concerns that request itself
// (its digest parameter, the Location's query the client rebuilt, the
// chunk's range or body), which points at the client or at a proxy
// rewriting the request, not at the image reference (oras 0.14.0 built the
// PUT URL wrongly for Artifact Registry's upload locations,
// oras-project/oras#532, fixed in 0.14.1).

// uploadSessionReqRe finds a PATCH or PUT to an upload Location: a
// /blobs/uploads/ path with a session id after it, or a URL with a digest
// query parameter (the closing PUT), as BuildKit/containerd ("unexpected
// status from PUT request to URL") and go-containerregistry/oras-go
// ("PUT URL: unexpected status code") word it.
var uploadSessionReqRe = lazyRe(`(?i)\b(?:put|patch)(?: request to)? "?https?://[^\s"]*(?:/blobs/uploads/[^/?\s"]+|[?&]digest=)`)

// rankUploadSession400 reads a 400 to a PATCH or PUT of an open blob upload
// session; nil for other requests.
func rankUploadSession400(h *hit) []cand {
	if !uploadSessionReqRe.MatchString(h.low) {
		return nil
	}
	return []cand{
		c("client-bug", 0.62, fmt.Sprintf("%s answered 400 Bad Request to a request inside a blob upload: the repository name was accepted when the upload opened, so the registry refused this request itself (its digest parameter, the upload location's query, a chunk's range). A client release that builds these requests wrongly, or a proxy rewriting them, does this: try another client version or bypass the proxy.", hostName(h.host))),
		c("registry-fault", 0.48, ""),
		c("invalid-reference", 0.3, ""),
	}
}
