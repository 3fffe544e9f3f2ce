package diagnose

import (
	"fmt"
	"strings"

	"github.com/regdoctor/regdoctor/internal/reghost"
)

// Shapes from the eighth held-out batch, part b (question threads): a
// reverse proxy's 413 on a layer upload, the daemon's "unknown blob" at the
// end of a push, a non-JSON answer where a manifest was expected, and a push
// into Docker Hub's library/ namespace answered "authentication required".

func init() { sigGroups = append(sigGroups, sigsH8b) }

func sigsH8b() {
	register(
		&signature{
			id: "request-too-large",
			// HTTP 413 (RFC 9110 §15.5.14, Content Too Large) on a registry
			// upload: a body-size limit of the web server or load balancer in
			// front of the registry (nginx's client_max_body_size defaults to
			// 1 MiB, ingress-nginx's proxy-body-size likewise), or of the
			// registry itself. The forms: the proxy's HTML page quoted by the
			// client (`error parsing HTTP 413 response body: invalid character
			// '<' … <title>413 Request Entity Too Large</title>`, docker 1.x's
			// `Error parsing HTTP response: … 413 Request Entity Too Large`),
			// containers/image's `uploading layer chunked: StatusCode: 413,
			// <html>…`, containerd's `unexpected status from PUT request to
			// …: 413 Payload Too Large`.
			keys: []string{"entity too large", "payload too large", "statuscode: 413"},
			re:   lazyRe(`(?i)(?:413\W{0,3}(?:Request Entity|Payload) Too Large|StatusCode: 413\b)`),
			// GitLab Runner's artifact upload to its coordinator answers the
			// same status: an instance size limit, not a registry.
			// Other uploads in the same jobs meet the same limit (coverage
			// and analysis reports, artifacts): the line must show a
			// registry request (or follow a registry line closely).
			veto: []string{"to coordinator"},
			need: []string{"/v2/", "blob", "layer", "manifest", "error parsing http", "the push refers"},
			rank: fixed(
				c("registry-fault", 0.8, "The upload was refused with 413 (request body too large): a size limit of the web server, proxy or ingress in front of the registry (nginx client_max_body_size, ingress-nginx proxy-body-size, a load balancer's body limit) or of the registry itself, not the credential or the image. Lift the limit for the registry's paths (client_max_body_size 0; for an ingress, nginx.ingress.kubernetes.io/proxy-body-size: \"0\") on every proxy in the chain."),
				c("registry-unreachable", 0.3, "")),
		},
		&signature{
			id: "push-unknown-blob",
			// The docker daemon's last line when the registry answers a
			// layer it has just accepted with BLOB_UNKNOWN (distribution's
			// errcode "blob unknown to registry"): the upload finished at a
			// location the registry does not resolve to the same blob. A
			// reverse proxy or load balancer that rewrites the scheme or host
			// of the upload Location (X-Forwarded-Proto, an external URL not
			// configured), registry replicas without a shared http.secret or
			// storage, or a broken storage driver; the client did what it
			// was told (distribution docs: "Deploying a registry behind a
			// proxy" / http.secret).
			keys: []string{"unknown blob"},
			re:   lazyRe(`(?i)(?:^\s*(?:\d\d:\d\d:\d\d\s+)?|[:\]]\s*)unknown blob\s*$`),
			rank: func(h *hit, f *facts) []cand {
				return []cand{
					c("registry-fault", 0.74, fmt.Sprintf("%s answered a layer it had just accepted with \"unknown blob\": the upload ended at a location the registry does not resolve to the blob. The registry's setup is at fault, not the credential or the image: a proxy or load balancer in front of it that changes the scheme or host of upload URLs (X-Forwarded-Proto, the registry's external URL), replicas without a shared http.secret and storage, or a failing storage backend.", hostName(h.host))),
					c("client-bug", 0.35, ""),
					c("registry-unreachable", 0.3, ""),
				}
			},
		},
		&signature{
			id: "non-json-manifest",
			// The daemon expected the registry's JSON (a manifest, an image
			// config) and got another body: "error unmarshalling content:
			// invalid character 'd' looking for beginning of value" (Go's
			// encoding/json on a text or HTML page). A mirror, pull-through
			// cache or proxy answered with its own error page.
			keys: []string{"error unmarshalling content"},
			re:   lazyRe(`(?i)error unmarshalling content: invalid character '[^']*' looking for beginning of value`),
			rank: fixed(
				c("registry-fault", 0.72, "The registry's answer was not JSON where a manifest or image config was expected: a mirror, pull-through cache or proxy in front of the registry answered with its own text or HTML error page (its upstream or DNS failing). Check the proxy or mirror (registry-mirrors in daemon.json), or pull directly."),
				c("registry-unreachable", 0.45, ""),
				c("missing-registry-host", 0.3, "")),
		},
		&signature{
			id: "plain-text-error-body",
			// dockerd's registry client quotes an error body it could not
			// read as the registry API's JSON errors: "error parsing HTTP
			// 404 response body: invalid character 'p' after top-level
			// value: \"404 page not found\n\"" (distribution's
			// registry/client/errors.go, parseHTTPErrorResponse, over Go's
			// encoding/json). The registry API answers errors in JSON
			// (distribution spec, "Error Codes"); "404 page not found" is Go
			// net/http's NotFound text, so a server or proxy at the registry
			// address that does not serve the API at that path answered: a
			// misrouting mirror or front end, or the registry in trouble
			// (Docker Hub answered so during its incidents, e.g. the pulls in
			// ansible/ansible#49094). A 5xx plain page is the front end's. The
			// HTML form is html-error-body (sig_policy.go); 405, 413 and 429
			// keep their own readings (write-method-not-allowed,
			// request-too-large, the status).
			keys: []string{"response body: invalid character"},
			re:   lazyRe(`error parsing HTTP (404|5\d\d) response body: invalid character '[^<']' (?:after top-level value|looking for beginning of value)`),
			rank: func(h *hit, f *facts) []cand {
				if h.m[1] != "404" {
					return []cand{
						c("registry-fault", 0.76, fmt.Sprintf("%s's front end answered the registry API with a plain-text %s page instead of the registry's JSON error: the proxy, load balancer or mirror in front of the registry failed, or the registry is down. Retry later or check that service; the credential and the image are not at fault.", hostName(h.host), h.m[1])),
						c("registry-unreachable", 0.4, ""),
					}
				}
				// Name Go's NotFound text only when the body is that text
				// (other front ends answer "Not Found" or their own words).
				page := "a plain-text 404 page"
				if strings.Contains(h.low, "404 page not found") {
					page += " (Go's \"404 page not found\")"
				}
				return []cand{
					c("registry-fault", 0.66, fmt.Sprintf("%s answered the registry API with %s instead of the registry's JSON error: the server or proxy at that address does not serve the registry API at this path. A registry mirror or front end that misroutes /v2/, or the registry itself in trouble (Docker Hub answered so during incidents); check registry-mirrors and any proxy, or retry later.", hostName(h.host), page)),
					c("registry-unreachable", 0.35, ""),
					c("manifest-unknown", 0.3, ""),
				}
			},
		},
		&signature{
			id: "pull-unknown-blob",
			// A pull whose manifest names an image config the registry
			// cannot serve: dockerd's "error pulling image configuration:
			// unknown blob" (distribution's BLOB_UNKNOWN on the config's
			// GET). The manifest is there and the read was allowed; the
			// registry's storage lost or never committed the blob (an
			// incident, replication or garbage collection), which a fresh
			// push of the image repairs. Docker-py and Ansible quote it
			// inside their own error text, so the line need not end there
			// (push-unknown-blob's form).
			keys: []string{"unknown blob"},
			re:   lazyRe(`(?i)error pulling image configuration: (?:download failed after attempts=\d+: )?unknown blob`),
			rank: fixed(
				c("registry-fault", 0.76, "The registry serves the image's manifest but not the image configuration it names (unknown blob): the registry's storage lost or never committed that blob (an incident, replication lag, or garbage collection). The credential and the reference are fine; retry later, or push the image again so the registry has the blob."),
				c("manifest-unknown", 0.35, ""),
				c("registry-unreachable", 0.3, "")),
		},
		&signature{
			id: "python-connection-pool",
			// Python clients of the registry API (az acr login, docker-py and
			// docker-compose v1, ansible's docker modules) print urllib3's
			// connection failure: "HTTPSConnectionPool(host='H', port=443):
			// Max retries exceeded with url: /v2/... (Caused by
			// NewConnectionError(…))" (urllib3.exceptions.MaxRetryError,
			// urllib3.readthedocs.io/en/stable/reference/urllib3.exceptions.html).
			// The /v2/ path marks a registry request; the cause names what
			// failed: name resolution, connect, proxy, or TLS verification.
			keys: []string{"max retries exceeded with url"},
			// The same wording for the Docker Engine API (/v1.NN/…, /_ping:
			// docker-py and docker-compose v1 talking to DOCKER_HOST) is a
			// daemon the job cannot reach, not a registry.
			// docker-py's first request, the version probe, has no API
			// prefix: "/version" (APIClient._retrieve_server_version).
			re: lazyRe(`(?i)HTTPS?ConnectionPool\(host='([^']+)', port=\d+\): Max retries exceeded with url: (/v2/\S*|/v1\.\d+/\S*|/_ping\S*|/version\b)`),
			rank: func(h *hit, f *facts) []cand {
				host := h.m[1]
				if h.m[2] == "/version" && !containsAny(h.low, []string{"port=2375", "port=2376", "host='docker'"}) {
					return nil // some other service's /version (an app under test), not the Engine's
				}
				switch {
				case !strings.HasPrefix(h.m[2], "/v2/"):
					return []cand{
						c("daemon-unreachable", 0.84, fmt.Sprintf("The Python Docker client could not reach the Docker daemon at %s (Engine API %s): the daemon or the dind service is not running there, or DOCKER_HOST / DOCKER_TLS_CERTDIR / the port (2375 plain, 2376 TLS) do not match it.", host, h.m[2])),
						c("registry-unreachable", 0.3, ""),
					}
				case containsAny(h.low, []string{"wrong_version_number", "wrong version number"}):
					// OpenSSL found no TLS record: the port speaks plain
					// HTTP (sig_tlsrecord.go, openssl-wrong-version).
					return []cand{
						c("http-https-mismatch", 0.86, fmt.Sprintf("The Python client spoke HTTPS to %s, which answers in plain HTTP ([SSL: WRONG_VERSION_NUMBER]): the registry is a plain-HTTP one. Use an http:// URL for it or serve it over TLS.", host)),
						c("registry-unreachable", 0.4, ""),
					}
				case containsAny(h.low, []string{"certificate_verify_failed", "certificate verify failed", "sslerror", "sslcertverificationerror"}):
					return []cand{
						c("tls-untrusted", 0.85, fmt.Sprintf("The Python client could not verify %s's certificate (urllib3's SSLError): the registry's certificate chain is not trusted by the client's CA bundle (a private CA, a TLS-inspecting proxy, or an incomplete chain).", host)),
						c("registry-unreachable", 0.4, ""),
					}
				case strings.Contains(h.low, "proxyerror"):
					return []cand{
						c("registry-unreachable", 0.84, fmt.Sprintf("The request to %s failed at the HTTP proxy (urllib3's ProxyError): the proxy refused or could not reach the registry; check HTTPS_PROXY/NO_PROXY.", host)),
						c("registry-fault", 0.35, ""),
					}
				}
				return []cand{
					c("registry-unreachable", 0.84, fmt.Sprintf("The client never got an answer from %s: urllib3 gave up after its retries (name resolution, connection refused or timed out). Check DNS, firewall, proxy and the registry's address from this machine.", host)),
					c("registry-fault", 0.35, ""),
				}
			},
		},
	)
}

// rankLibraryPush reads a push refused as unauthenticated whose repository
// is in Docker Hub's library/ namespace: docker expands a name without a
// namespace to library/NAME (docs.docker.com/docker-hub/repos: official
// images), where no account may push, so a login would not help: the image
// must be tagged ACCOUNT/NAME. A login for another host is left to the
// ordinary reading (the reference most likely lacks that host). nil when
// the shape does not apply.
func rankLibraryPush(h *hit, state string) []cand {
	if h.op != opPush || state == "other" || !strings.HasPrefix(h.repo(), "library/") || h.kind() != reghost.DockerHub {
		return nil
	}
	if strings.Contains(h.low, `" to "`) {
		// containers/image's `error pushing image "SRC" to "DEST"`: the
		// reference read from the line is the source, not the push target.
		return nil
	}
	name := strings.TrimPrefix(h.repo(), "library/")
	why := fmt.Sprintf("The push went to docker.io/library/%s: a name without a Docker Hub namespace is expanded to library/, the official-images namespace no account can push to, so a login would not help. Tag the image ACCOUNT/%s (or ORG/%s) and push that.", name, name, name)
	if state == "same" {
		return []cand{
			c("push-outside-namespace", 0.88, why),
			c("insufficient-role", 0.4, ""),
			c("missing-registry-host", 0.35, ""),
		}
	}
	return []cand{
		c("push-outside-namespace", 0.8, why),
		c("no-login", 0.6, ""),
		c("missing-registry-host", 0.45, ""),
	}
}
