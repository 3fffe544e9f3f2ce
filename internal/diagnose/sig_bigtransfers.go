package diagnose

import (
	"fmt"
	"strings"
)

// What clients print when a big layer or a long upload fails, in the shapes
// the other signatures do not read:
//
//   - BuildKit v0.11.0 and v0.11.1 (Buildx 0.10.0, January 2023) pushed
//     through a containerd pusher that closed its pipe while a layer upload
//     was still being written; large layers to GHCR and other registries
//     failed with "failed to push REF: failed to copy: io: read/write on
//     closed pipe". A client defect, fixed in BuildKit v0.11.2 / Buildx
//     v0.10.1 (containerd/containerd#7972, fix #7985: "a client-side fix -
//     no registry-side changes on GHCR will be necessary").
//   - GHCR caps the body of each chunked upload request (PATCH) at 4 MiB
//     and answers a bigger one "416 Range Not Satisfiable" with
//     REQUESTED_RANGE_NOT_SATISFIABLE "the request body is too large and
//     exceeds the maximum permissible limit of 4.00MiB". docker, BuildKit,
//     crane and oras upload a layer in one PUT (or smaller chunks); a client
//     that sends a bigger chunk is at fault (the Rust oci-distribution
//     crate before rust-oci-client#37 sent a whole layer as one "chunk").
//   - A connection that breaks in the middle of a layer upload, in Go's
//     net error words: "write tcp A->B:443: write: broken pipe", "read tcp
//     A->B:443: read: connection timed out" (ETIMEDOUT on an established
//     connection, which registry-unreachable's dial forms do not cover),
//     "use of closed network connection", Windows' "wsasend: An existing
//     connection was forcibly closed by the remote host". Read when the line
//     is about a registry request or docker's layer upload lines come
//     before it (a bare "write tcp …: broken pipe" is how docker push
//     ends a layer it gave up on).
//   - Any other 416 Requested Range Not Satisfiable on a blob upload
//     request: the registry and the client disagree on the upload's offset
//     (OCI distribution spec, "Pushing a blob in chunks": a chunk out of
//     order is answered 416). The registry lost part of the upload session
//     (replicas without shared upload state, a proxy that buffered or cut
//     the body) or the client resent or mis-sized a chunk.
//   - Singularity/Apptainer's library client prints a front end's timeout
//     of a multi-GB upload as "FATAL: Unable to push image to library:
//     error uploading image: HTTP status 504" (no status text).

func init() { sigGroups = append(sigGroups, sigsBigTransfers) }

func sigsBigTransfers() {
	register(
		&signature{
			id:   "buildkit-closed-pipe",
			keys: []string{"read/write on closed pipe"},
			re:   lazyRe(`(?i)failed to copy: io: read/write on closed pipe`),
			rank: func(h *hit, f *facts) []cand {
				h.assumeOp(opPush)
				return []cand{
					c("client-bug", 0.8, "BuildKit's push closed its upload stream while a layer was still being written (\"io: read/write on closed pipe\"): a defect of the containerd pusher in BuildKit v0.11.0 and v0.11.1 (Buildx 0.10.0) that hits large layers (containerd/containerd#7972). Use BuildKit v0.11.2+ (docker/setup-buildx-action pulls the latest moby/buildkit by default; pin driver-opts: image=moby/buildkit:v0.11.2 or later if you pin it); no registry change is needed."),
					c("registry-unreachable", 0.35, ""),
				}
			},
		},
		&signature{
			id:   "chunk-over-registry-limit",
			keys: []string{"exceeds the maximum permissible limit"},
			re:   lazyRe(`(?i)request body is too large and exceeds the maximum permissible limit of ([\d.]+ ?[KMG]i?B)`),
			rank: func(h *hit, f *facts) []cand {
				h.assumeOp(opPush)
				return []cand{
					c("client-bug", 0.76, fmt.Sprintf("The registry refused one upload request of a layer as larger than it accepts per request (%s; GHCR caps each chunked PATCH at 4 MiB): the client sent a whole layer, or too big a chunk, in one request instead of chunks within the limit. docker, buildx, crane and oras push such layers; upgrade the tool (or its OCI library) to one that chunks within the registry's limit.", h.m[1])),
					c("registry-fault", 0.35, ""),
				}
			},
		},
		&signature{
			id:   "upload-connection-broken",
			keys: []string{"write: broken pipe", "read: connection timed out", "use of closed network connection", "wsasend:", "wsarecv:"},
			re:   lazyRe(`(?i)(?:(?:read|write) tcp \S+: (?:(?:read|write): (?:broken pipe|connection timed out)|(?:wsasend|wsarecv): An existing connection was forcibly closed)|use of closed network connection)`),
			veto: append([]string{"docker.sock", "error during connect", "postgres", "mysql", "redis", "database"}, gitLike...),
			rank: func(h *hit, f *facts) []cand {
				if !containsAny(h.low, registryContext) && !f.uploadedBefore(h.line()) && !f.transferredBefore(h.line()) {
					return nil // another client's connection, not a registry transfer
				}
				return []cand{
					c("registry-unreachable", 0.72, fmt.Sprintf("The connection to %s broke in the middle of a transfer (the registry, a proxy or load balancer in front of it, or the network closed or stalled it): large layers meet proxy idle and body timeouts and unstable links first. Retry; for a self-hosted registry raise the front end's timeouts, and lower max-concurrent-uploads on slow links.", hostName(h.host))),
					c("registry-fault", 0.5, ""),
				}
			},
		},
		&signature{
			id: "upload-range-416",
			// Generic: chunk-over-registry-limit reads GHCR's body-size
			// answer, which is also a 416.
			generic: true,
			keys:    []string{"range not satisfiable"},
			re:      lazyRe(`(?i)/blobs/uploads?/\S*:? 416 (?:Requested )?Range Not Satisfiable`),
			rank: func(h *hit, f *facts) []cand {
				h.assumeOp(opPush)
				return []cand{
					c("registry-fault", 0.6, fmt.Sprintf("%s answered a blob upload request with 416 Range Not Satisfiable: the registry and the client disagree on how much of the layer it holds. The registry lost part of the upload session (replicas without shared upload state, a proxy that buffered or cut the body), or the client resent a chunk; retrying the push starts a new session.", hostName(h.host))),
					c("client-bug", 0.5, ""),
				}
			},
		},
		&signature{
			id:   "library-upload-5xx",
			keys: []string{"error uploading image"},
			re:   lazyRe(`(?i)error uploading image: HTTP status (5\d\d)`),
			rank: func(h *hit, f *facts) []cand {
				h.op = opPush
				return []cand{
					c("registry-fault", 0.78, fmt.Sprintf("The library registry (or the proxy in front of it) answered the image upload with %s: a server-side failure or timeout on a large upload (a front end's read timeout or body limit), not the credential. Retry; for a self-hosted registry raise the proxy's timeouts and body size.", h.m[1])),
					c("registry-unreachable", 0.35, ""),
				}
			},
		},
	)
}

// kPushingBar is docker's per-layer upload progress bar ("ID: Pushing
// [==>]  1.2GB/3.4GB"); a key of kPushProgress, so no new prefilter keyword.
var kPushingBar = lowKey("pushing [")

// observeBigTransfer records the last upload progress line whose size is in
// GB (docker's jsonmessage prints units up to GB; sizes at or above 1 GB
// show "GB"). Lines without the progress key cost a key test.
func (f *facts) observeBigTransfer(n int, low string) {
	if !f.has(kPushingBar) {
		return
	}
	i := strings.Index(low, "pushing [")
	if i < 0 {
		return
	}
	rest := low[i:]
	if j := strings.IndexByte(rest, ']'); j >= 0 && strings.Contains(rest[j:], "gb") {
		f.pushGB = n
	}
}

// bigUploadBefore reports whether a layer of a GB size was uploading in the
// 40 lines before line n, with no push reported complete since.
func (f *facts) bigUploadBefore(n int) bool {
	return f.pushGB > 0 && f.pushGB < n && n-f.pushGB <= 40 && f.pushGB > f.lastDone
}

// rankRefusedAfterBigUpload reads a push refusal after layers of several GB
// were uploading. The registry took the upload's first requests, so the
// credential and its push right were good then; a refusal at the end of a
// multi-GB upload is most often the registry's bearer token expiring while
// the layer moved (Harbor's token lives 30 minutes by default, GitLab's 5,
// distribution's is the token server's setting), which a small image never
// meets. nil when no GB-sized layer was uploading.
func rankRefusedAfterBigUpload(h *hit, f *facts) []cand {
	if !f.bigUploadBefore(h.line()) {
		return nil
	}
	return []cand{
		c("token-expired", 0.74, fmt.Sprintf("A layer of several GB was uploading (line %d) before the registry refused the push, so the upload's first requests were authorised: the registry's short-lived bearer token expired while the layer moved (Harbor issues tokens for 30 minutes by default, GitLab for 5). Raise the token expiration on the registry, push from closer to it, or split the big layer.", f.pushGB)),
		c("registry-fault", 0.55, ""),
		c("insufficient-role", 0.4, ""),
	}
}

// eofEndsUpload reports whether a bare "EOF" on line n ends a docker
// upload: within 3 lines of a layer's "Retrying in N seconds", or within 2
// lines of docker's per-layer status lines of a push that was uploading
// ("Pushing [" in the 40 lines before) with no push reported complete
// since. A shell heredoc's closing EOF follows the
// heredoc's body, not docker's layer lines.
func (f *facts) eofEndsUpload(n int) bool {
	if f.lastRetry > 0 && n-f.lastRetry <= 3 {
		return true
	}
	return f.pushProgress > 0 && n-f.pushProgress <= 40 && f.pushProgress > f.lastDone && f.layerLine > 0 && n-f.layerLine <= 2
}

// rankEOFAfterUpload reads docker push's bare "EOF" right after its layer
// lines, with no retry shown: the registry or a proxy closed an upload
// without an HTTP answer.
func rankEOFAfterUpload(h *hit, f *facts) []cand {
	return []cand{
		c("registry-unreachable", 0.58, fmt.Sprintf("The connection to %s was closed without an answer while layers were uploading (docker prints the transport error alone: \"EOF\"): a proxy, load balancer or the registry dropped the upload, often a large layer meeting a timeout or body limit.", hostName(h.host))),
		c("registry-fault", 0.55, ""),
		c("repo-not-found", 0.4, ""),
	}
}
