package diagnose

import "testing"

// TestMessageGrammarProxies holds TestMessageGrammar's lines for the shapes found
// in the eighth held-out batch, part b (question threads): one line (or a
// few) per shape, the first finding's cause wanted ("" = no finding), with
// guards for look-alikes. Kept apart from the other tables so that parallel
// batches do not edit the same block.
func TestMessageGrammarProxies(t *testing.T) {
	checkFirstCause(t, map[string]string{
		// a proxy's 413 on a layer upload, in each client's wording
		`Error parsing HTTP response: invalid character '<' looking for beginning of value: "<html>\r\n<head><title>413 Request Entity Too Large</title></head>"`:                                    "registry-fault",
		`error parsing HTTP 413 response body: invalid character '<' looking for beginning of value: "<html>\r\n<head><title>413 Request Entity Too Large</title></head>\r\n</html>\r\n"`:            "registry-fault",
		"Error: writing blob: uploading layer chunked: StatusCode: 413, <html>":                                                                                                                      "registry-fault",
		"ERROR: failed to solve: failed to copy: unexpected status from PUT request to https://registry.lab.example/v2/tools/indexer/blobs/uploads/5d1c?digest=sha256%3A9e1f: 413 Payload Too Large": "registry-fault",
		// guard: GitLab Runner's artifact upload and npm's publish answer 413 too
		"ERROR: Uploading artifacts as \"archive\" to coordinator... 413 Request Entity Too Large  id=8812 responseStatus=413 Request Entity Too Large":                                                            "",
		"Error: There was an error running the uploader: Error uploading to https://codecov.io: Error: There was an error fetching the storage URL during POST: 413 - Request Entity Too Large":                    "",
		"ERROR: Error during SonarScanner execution\nERROR: Failed to upload report: Error 413 on https://sonar.lab.example/api/ce/submit : <html><head><title>413 Request Entity Too Large</title></head></html>": "",
		"npm error 413 Payload Too Large - PUT https://registry.npmjs.org/@lab%2findexer - Payload Too Large":                                                                                                      "",
		// the daemon's last line of a push the registry lost
		"The push refers to repository [registry.lab.example/tools/indexer]\n3c9a7e51b20f: Pushing  3.584kB\nunknown blob": "registry-fault",
		"docker : unknown blob": "registry-fault",
		// guard: the phrase inside another sentence
		"level=info msg=\"skipping unknown blob type in cache index\"": "",
		// a non-JSON body where a manifest was expected (a mirror's error page)
		"Error response from daemon: error unmarshalling content: invalid character 'd' looking for beginning of value": "registry-fault",
		// a push into Docker Hub's library/ namespace answered as unauthenticated
		"The push refers to repository [docker.io/library/indexer]\n3c9a7e51b20f: Preparing\nunauthorized: authentication required": "push-outside-namespace",
		// guard: containers/image names the source first; the target is elsewhere
		`ERRO[0005] error pushing image "docker.io/library/indexer:latest" to "atomic:indexer:latest": error copying layers and metadata: Error writing blob: Error initiating layer upload to /v2/library/indexer/blobs/uploads/, status 401`: "no-login",
		// guard: a namespaced push keeps the ordinary reading
		"The push refers to repository [docker.io/labteam/indexer]\n3c9a7e51b20f: Preparing\nunauthorized: authentication required": "no-login",
		// a DNS resolver that refuses the query
		`Error response from daemon: Get "https://registry.lab.example/v2/": dial tcp: lookup registry.lab.example on [::1]:53: read udp [::1]:42089->[::1]:53: read: connection refused`: "registry-unreachable",
		// urllib3's connection failure from a Python registry client (az acr login, docker-py)
		"HTTPSConnectionPool(host='labcr.azurecr.io', port=443): Max retries exceeded with url: /v2/ (Caused by NewConnectionError('<urllib3.connection.HTTPSConnection object at 0x7f3a>: Failed to establish a new connection: [Errno 110] Connection timed out'))":                                               "registry-unreachable",
		"requests.exceptions.SSLError: HTTPSConnectionPool(host='registry.lab.example', port=443): Max retries exceeded with url: /v2/ (Caused by SSLError(SSLCertVerificationError(1, '[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: self signed certificate in certificate chain (_ssl.c:1006)')))": "tls-untrusted",
		// ... and to the Docker Engine API: the daemon, not a registry
		"requests.exceptions.ConnectionError: HTTPConnectionPool(host='docker', port=2375): Max retries exceeded with url: /v1.30/version (Caused by NewConnectionError('<urllib3.connection.HTTPConnection object at 0x7f0c>: Failed to establish a new connection: [Errno 111] Connection refused'))": "daemon-unreachable",
		// oras-go's wording of a proxy's 413
		"Error: failed to push: PATCH \"https://registry.lab.example/v2/tools/indexer/blobs/uploads/5d1c\": response status code 413: Request Entity Too Large": "registry-fault",
		// guard: pip's index is not a registry
		"ERROR: Could not install packages due to an OSError: HTTPSConnectionPool(host='pypi.lab.example', port=443): Max retries exceeded with url: /simple/indexer/ (Caused by NewConnectionError('<urllib3.connection.HTTPSConnection object at 0x7f3a>: Failed to establish a new connection: [Errno 111] Connection refused'))": "",
	})
}
