package diagnose

import "testing"

// TestMessageGrammarWebFront holds the lines for the shapes found in the
// eleventh held-out batch, part b (self-hosted and enterprise registries):
// answers of what stands in front of the registry (a web server's own status
// page, an application server's page at a login, docker 1.x's "Server
// error: 413", a v1-only endpoint), Harbor's CSRF check, a push refused
// after its layers uploaded, a manifest refused after BuildKit exported
// attestations; with guards for look-alikes. Kept apart from the other
// tables so that parallel batches do not edit the same block.
func TestMessageGrammarWebFront(t *testing.T) {
	checkFirstCause(t, map[string]string{
		// a web server's own status page answering the registry request
		`error parsing HTTP 405 response body: invalid character '<' looking for beginning of value: "<html>\r\n<head><title>405 Not Allowed</title></head>\r\n<body>\r\n<center><h1>405 Not Allowed</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n"`:                                                                                                                                                                     "registry-fault",
		`Error parsing HTTP response: invalid character '<' looking for beginning of value: "<!DOCTYPE HTML PUBLIC \"-//IETF//DTD HTML 2.0//EN\">\n<html><head>\n<title>403 Forbidden</title>\n</head><body>\n<h1>Forbidden</h1>\n<p>You don't have permission to access /v2/lab/indexer/blobs/uploads/\non this server.<br />\n</p>\n<hr>\n<address>Apache/2.4.57 (Debian) Server at registry.lab.example Port 80</address>\n</body></html>\n"`: "registry-fault",
		// guard: a CDN's refusal page that names no server keeps the unqualified-reference reading
		`error parsing HTTP 403 response body: invalid character '<' looking for beginning of value: "<HTML><HEAD>\n<TITLE>Access Denied</TITLE>\n</HEAD><BODY>\n<H1>Access Denied</H1>\n \nYou don't have permission to access this server.<P>\nReference&#32;&#35;18&#46;2f\n</BODY>\n</HTML>\n"`: "missing-registry-host",
		// the page printed under the catch-all code, on lines of its own
		"3f4c2a1b9e0d: Layer already exists\nunknown: <html>\n<head><title>405 Not Allowed</title></head>\n<body>\n<center><h1>405 Not Allowed</h1></center>\n<hr><center>nginx/1.25.3</center>": "registry-fault",
		// a login answered by an application server's page
		`Error response from daemon: Login: <!doctype html><html lang="en"><head><title>HTTP Status 404 – Not Found</title></head><body><h1>HTTP Status 404 – Not Found</h1><p><b>Message</b> &#47;v1&#47;users&#47;</p><h3>Apache Tomcat/9.0.83</h3></body></html>`: "registry-fault",
		// docker 1.x: the proxy's body limit, and a server error
		"FATA[0012] Error pushing to registry: Server error: 413 trying to push lab/indexer blob - sha256:7e3b": "registry-fault",
		"FATA[0031] Error pushing to registry: Server error: 502 trying to push lab/indexer manifest":           "registry-fault",
		// an endpoint that serves only the Docker v1 API
		"ERROR: unauthorized: Repository '/lab/legacy' does not support Docker API version v2": "registry-fault",
		// Artifactory's wording of a request without a credential
		"unknown: Authentication is required": "no-login",
		// Artifactory's refusal of a blob upload without the Deploy permission
		"com.github.dockerjava.api.exception.DockerClientException: Could not push image: error from registry: User is unauthorized to upload to docker-local/lab/indexer/_uploads": "insufficient-role",
		// containers/image's /v2/ check answered 404: no registry API at that address
		"Error: trying to reuse blob sha256:50644c29ef5a at destination: pinging container registry localhost:8002: invalid status code from registry 404 (Not Found)": "registry-fault",
		// guard: the same check failing on the certificate keeps the TLS reading
		`Error: pinging container registry registry.lab.example: Get "https://registry.lab.example/v2/": tls: failed to verify certificate: x509: certificate signed by unknown authority`: "tls-untrusted",
		// Harbor's CSRF check answering a registry client
		`UnexpectedHTTPStatusCode(when: "pushing blob (POST)", code: 403, details: "{\"errors\":[{\"code\":\"FORBIDDEN\",\"message\":\"CSRF token invalid\"}]}\n")`: "client-bug",
		// guard: Quay's API refusing a README update (no registry error array)
		`level=debug msg="push readme, response body: {\"error\": \"CSRF token was invalid or missing.\"}"`: "",
		// Harbor refuses the push action after the push's layers were uploading: the proxy rewrote a follow-up
		"The push refers to repository [registry.lab.example/lab/indexer]\n5d1e0a7c2b3f: Pushing [==================================================>]  41.2MB/41.2MB\n9a8b7c6d5e4f: Preparing\nunauthorized: unauthorized to access repository: lab/indexer, action: push: unauthorized to access repository: lab/indexer, action: push": "registry-fault",
		// guard: refused before any byte moved keeps the role reading
		"The push refers to repository [registry.lab.example/lab/indexer]\n5d1e0a7c2b3f: Preparing\nunauthorized: unauthorized to access repository: lab/indexer, action: push: unauthorized to access repository: lab/indexer, action: push": "insufficient-role",
		// a manifest commit refused with 400 after BuildKit exported an attestation manifest
		"#14 exporting attestation manifest sha256:0b1c2d3e4f5a 0.0s done\n#14 pushing layers 3.1s done\n#14 ERROR: failed to push registry.lab.example/lab/indexer:2.3.1: failed commit on ref \"manifest-sha256:0b1c2d3e4f5a\": unexpected status: 400 Bad Request": "client-bug",
		// guard: the same refusal without attestations keeps the name reading
		"#14 pushing layers 3.1s done\n#14 ERROR: failed to push registry.lab.example/lab/indexer:2.3.1: failed commit on ref \"manifest-sha256:0b1c2d3e4f5a\": unexpected status: 400 Bad Request": "invalid-reference",
		// guard: the Harbor REST API's JSON answer to terraform-provider-harbor
		"Error: [ERROR] unexpected status code got: 401 expected: 200\n {\"errors\":[{\"code\":\"UNAUTHORIZED\",\"message\":\"UnAuthorized\"}]}": "",
	})
}
