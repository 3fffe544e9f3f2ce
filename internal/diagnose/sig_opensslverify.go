package diagnose

// Certificate verification in OpenSSL's words. Clients built on OpenSSL do
// not print Go's "x509: certificate signed by unknown authority"; they print
// the verify error string of X509_verify_cert_error_string (OpenSSL
// crypto/x509/x509_txt.c): "unable to verify the first certificate"
// (X509_V_ERR_UNABLE_TO_VERIFY_LEAF_SIGNATURE: the server sent a leaf whose
// issuer the client does not have), "self signed certificate in certificate
// chain" and "self signed certificate" (hyphenated "self-signed" since
// OpenSSL 3.0), "unable to get local issuer certificate". Node.js passes the
// string as the error message and the name as its code
// (UNABLE_TO_VERIFY_LEAF_SIGNATURE, SELF_SIGNED_CERT_IN_CHAIN;
// nodejs.org/api/tls.html), which Renovate's docker datasource and What's up
// Docker log (getwud/wud#227: a self-hosted registry signed by a private CA,
// fixed with NODE_EXTRA_CA_CERTS). Python's ssl module and curl print the
// same strings after their own prefixes; the Python forms with urllib3's
// frame are read by python-connection-pool (sig_proxies.go).

func init() { sigGroups = append(sigGroups, sigsOpenSSLVerify) }

// registryRequestWords name a container-registry request on a line that
// holds an OpenSSL error string (openssl-verify, openssl-wrong-version): the
// registry API paths, the word registry, docker and the registry clients.
// They leave out registryContext's common words (push, pull, login, image):
// every TLS client prints OpenSSL's strings, and those words come as often
// from a gem push, a pull request, an SSO login or an image download.
var registryRequestWords = []string{"/v2/", "/v1/_ping", "docker", "registry", "manifest", "blobs", "buildkit",
	"podman", "skopeo", "buildah", "kaniko", "crane", "oras", "failed to do request", "failed to solve"}

func sigsOpenSSLVerify() {
	register(&signature{
		id: "openssl-verify",
		keys: []string{"unable to verify the first certificate", "self signed certificate", "self-signed certificate",
			"unable to get local issuer certificate", "unable_to_verify_leaf_signature", "self_signed_cert_in_chain"},
		re:   lazyRe(`(?i)(?:unable to verify the first certificate|self[- ]signed certificate|unable to get local issuer certificate|UNABLE_TO_VERIFY_LEAF_SIGNATURE|SELF_SIGNED_CERT_IN_CHAIN)`),
		need: registryRequestWords,
		// Package managers on Node and Python (npm, yarn, pnpm, pip) and
		// AWS's botocore ("SSL validation failed for URL") fetch from
		// other services; git and the engine installer likewise.
		veto: append([]string{"yarnpkg", "registry.npmjs", "yarn install", "pnpm", "an unexpected error occurred", "pypi", "ssl validation failed for",
			"get.docker.com", "download.docker.com", "max retries exceeded with url"}, gitLike...),
		rank: fixed(
			c("tls-untrusted", 0.86, "The registry's certificate chain is not trusted by this client (OpenSSL's verify error): the registry uses a private CA or a self-signed certificate, or sends its leaf without the intermediate. A client on OpenSSL or Node.js reads its own CA store, not Docker's certs.d: give it the CA (Node.js: NODE_EXTRA_CA_CERTS=/path/ca.crt; curl/Python: the system bundle or SSL_CERT_FILE), or have the registry send its full chain."),
			c("registry-unreachable", 0.3, "")),
	})
}
