package diagnose

import (
	"fmt"
	"strings"
)

// A BuildKit push that fails on the GitHub Actions cache, not on the
// registry. With cache-from type=gha, BuildKit imports cache layers lazily:
// a layer the build did not need is fetched from the cache's blob store
// (Azure Blob Storage, *.blob.core.windows.net) only when the push uploads
// it, through a signed URL the cache service handed out when the build
// started. When the build outlives the signature, Azure refuses the fetch
// with 403 AuthenticationFailed ("Server failed to authenticate the
// request", "Signature not valid in the specified time frame"), and BuildKit
// reports the push as failed. BuildKit v0.23.2 renews expired cache URLs
// ("Fix expired cache URLs in GitHub Actions cache exporter",
// moby/buildkit#6053); reports: docker/build-push-action#1371,
// docker/bake-action#312.
//
// Two client generations print it. The cache service v2 client (BuildKit
// 0.20+, the Azure SDK's azcore.ResponseError) puts the request on the push
// line and the answer on the lines after it:
//
//	failed to push REF: failed to copy: GET https://ACCOUNT.blob.core.windows.net/actions-cache/ID
//	RESPONSE 403: 403 Server failed to authenticate the request. …
//	ERROR CODE: AuthenticationFailed
//
// the v1 client printed one line: "failed to push REF: failed to copy:
// invalid status response 403 Server failed to authenticate the request.
// … for https://ACCOUNT.blob.core.windows.net/…". The same 403 on a cache
// export ("error writing layer blob: PUT …") or on an export to the client
// is no push and stays quiet.

// ghaCacheFetchRe is the v2 client's push line; group 1 the reference.
var ghaCacheFetchRe = lazyRe(`(?i)failed to push (\S+?): failed to copy: GET "?https://[^/\s"]+\.blob\.core\.windows\.net/actions-cache/`)

// observeGHACacheFetch records a push line whose failed request is a fetch
// from the Actions cache's blob store.
func (f *facts) observeGHACacheFetch(n int, text string) {
	if !f.has(kHTTP) || !strings.Contains(text, "/actions-cache/") {
		return
	}
	if len(f.ghaFetches) >= maxLogins {
		return
	}
	if m := ghaCacheFetchRe.FindStringSubmatch(text); m != nil {
		f.ghaFetches = append(f.ghaFetches, refSeen{Ref: imageRef{Raw: m[1]}, Op: opPush, Line: n})
	}
}

func init() { sigGroups = append(sigGroups, sigsGHACache) }

func sigsGHACache() {
	register(&signature{
		id: "gha-cache-fetch-403",
		// "403" is http-403's key: no new prefilter keyword.
		keys: []string{"403"},
		re:   lazyRe(`(?i)\bRESPONSE 403: 403 Server failed to authenticate the request|failed to push (\S+?): failed to copy: invalid status response 403 Server failed to authenticate the request\b.* for https://[^/\s]+\.blob\.core\.windows\.net/`),
		rank: rankGHACacheFetch,
	})
}

// rankGHACacheFetch reads Azure's 403 as the Actions cache's answer to a
// push's layer fetch: on the v1 client's push line, or on the line of the
// v2 client's answer when the push line is at most three lines above.
// nil for the same answer to anything else.
func rankGHACacheFetch(h *hit, f *facts) []cand {
	ref := ""
	if len(h.m) > 1 && h.m[1] != "" {
		ref = h.m[1] // the v1 client's push line
	} else if p, ok := ghaFetchBefore(f, h.line()); ok {
		ref = p.Ref.Raw
	} else {
		return nil
	}
	return []cand{c("client-bug", 0.74, fmt.Sprintf("The push of %s failed on the GitHub Actions cache, not on the registry: BuildKit fetched a layer it had imported lazily from the cache (cache-from type=gha) and the cache's blob store refused the signed URL with 403 AuthenticationFailed, because the URL's signature expired while the build ran. BuildKit before v0.23.2 did not renew expired cache URLs (moby/buildkit#6053). Use a current BuildKit (setup-buildx-action's default buildx-stable-1, or driver-opts image=moby/buildkit:v0.23.2 or later), or drop cache-from type=gha for builds that run long; the registry credential is fine.", orSome(ref, "the image")))}
}

// ghaFetchBefore is the Actions cache fetch of a push at most three lines
// above line n (the v2 client's request line before its answer).
func ghaFetchBefore(f *facts, n int) (refSeen, bool) {
	for _, p := range f.ghaFetches {
		if p.Line < n && n-p.Line <= 3 {
			return p, true
		}
	}
	return refSeen{}, false
}
