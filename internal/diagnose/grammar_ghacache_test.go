package diagnose

import "testing"

// TestMessageGrammarGHACache holds BuildKit's report of a push that failed
// fetching a lazily imported layer from the GitHub Actions cache (an
// expired signed URL on the cache's Azure blob store, sig_ghacache.go), in
// both cache-client generations and as bake, build-push-action and a plain
// buildx build print it; with guards for the same 403 on a cache export, on
// an export to the client, and without a push. Lines are ours, in BuildKit's
// and the Azure SDK's grammar (azcore.ResponseError).
func TestMessageGrammarGHACache(t *testing.T) {
	const azure403 = "--------------------------------------------------------------------------------\n" +
		"RESPONSE 403: 403 Server failed to authenticate the request. Make sure the value of Authorization header is formed correctly including the signature.\n" +
		"ERROR CODE: AuthenticationFailed\n" +
		"--------------------------------------------------------------------------------\n" +
		`<?xml version="1.0" encoding="utf-8"?><Error><Code>AuthenticationFailed</Code><Message>Server failed to authenticate the request. Make sure the value of Authorization header is formed correctly including the signature.` + "\n" +
		"Time:2026-02-03T11:40:25.0000000Z</Message><AuthenticationErrorDetail>Signature not valid in the specified time frame: Start [Tue, 03 Feb 2026 11:20:00 GMT] - Expiry [Tue, 03 Feb 2026 11:30:00 GMT] - Current [Tue, 03 Feb 2026 11:40:25 GMT]</AuthenticationErrorDetail></Error>"
	checkFirstCause(t, map[string]string{
		// cache service v2 client (BuildKit 0.20+), build-push-action's summary line
		"ERROR: failed to build: failed to solve: failed to push ghcr.io/orbit-org/ledger:1.4.0: failed to copy: GET https://productionresultssa3.blob.core.windows.net/actions-cache/4a1-118822001\n" + azure403: "client-bug",
		// the same in a bake step's progress output, another registry
		"#31 [api] exporting to image\n#31 pushing layers 2.4s done\n#31 ERROR: failed to push registry.orbit.test/orbit/api:nightly: failed to copy: GET https://productionresultssa12.blob.core.windows.net/actions-cache/9c0-000417233\n" + azure403: "client-bug",
		// cache service v1 client: request and answer on the push line
		"ERROR: failed to solve: failed to push docker.io/orbitdev/worker:2.0.1: failed to copy: invalid status response 403 Server failed to authenticate the request. Make sure the value of Authorization header is formed correctly including the signature. for https://orbitcache7.blob.core.windows.net/0a1b2c3d4e5f/6a7b8c9d0e1f?sv=2019-07-07&sr=b&se=2026-02-03T11%3A30%3A00Z&sp=r": "client-bug",
		// guard: the same answer to a cache export's upload is no push
		"#19 exporting to GitHub Actions Cache\n#19 preparing build cache for export\n#19 ERROR: failed to build: failed to solve: error writing layer blob: PUT https://productionresultssa3.blob.core.windows.net/actions-cache/4a1-118822002\n" + azure403: "",
		// guard: v1 client's answer on an export to the client (--output type=local)
		"------\n > exporting to client:\n------\nERROR: failed to solve: failed to copy: invalid status response 403 Server failed to authenticate the request. Make sure the value of Authorization header is formed correctly including the signature. for https://orbitcache7.blob.core.windows.net/0a1b2c3d4e5f/6a7b8c9d0e1f?sv=2019-07-07&sr=b&sp=r": "",
		// guard: the Azure answer alone, with no push line above it (another Azure client)
		azure403: "",
		// guard: a push whose cache fetch found no blob is not read as an expired signature
		"ERROR: failed to solve: failed to push ghcr.io/orbit-org/ledger:1.4.0: failed to copy: GET https://productionresultssa3.blob.core.windows.net/actions-cache/4a1-118822001\n--------------------------------------------------------------------------------\nRESPONSE 404: 404 The specified blob does not exist.\nERROR CODE: BlobNotFound": "",
		// guard: a registry's own 403 on the push keeps its reading
		"ERROR: failed to solve: failed to push ghcr.io/orbit-org/ledger:1.4.0: unexpected status from POST request to https://ghcr.io/v2/orbit-org/ledger/blobs/uploads/: 403 Forbidden": "gh-token-packages-permission",
	})
}
