package diagnose

import "testing"

// TestMessageGrammarOpenSSLVerify holds OpenSSL's certificate verify strings
// as Node.js clients of the registry API print them (Renovate's docker
// datasource, What's up Docker), with the package managers, git,
// curl and app logs that print the same strings about other services.
func TestMessageGrammarOpenSSLVerify(t *testing.T) {
	checkFirstCause(t, map[string]string{
		// a Node watcher and Renovate against a registry with a private CA
		"WARN whats-up-docker/watcher.docker.nightly: Error when processing (Error: unable to verify the first certificate) (container=orbit_api)":        "tls-untrusted",
		"WARN: docker registry failure: unable to verify the first certificate (registryHost=https://registry.orbit.test)":                                "tls-untrusted",
		"DEBUG: GET https://registry.orbit.test/v2/orbit/api/tags/list = (code=UNABLE_TO_VERIFY_LEAF_SIGNATURE, statusCode=-1 retryCount=0, duration=12)": "tls-untrusted",
		"Error: self-signed certificate in certificate chain while fetching https://registry.orbit.test/v2/orbit/api/tags/list":                           "tls-untrusted",
		// guards: npm, yarn inside a build, curl and git with no registry, an app's own log
		"npm error code UNABLE_TO_VERIFY_LEAF_SIGNATURE": "",
		`#9 12.31 error An unexpected error occurred: "https://registry.yarnpkg.com/left-pad: self signed certificate in certificate chain".`: "",
		"curl: (60) SSL certificate problem: self signed certificate in certificate chain":                                                    "",
		"fatal: unable to access 'https://git.orbit.test/orbit/app.git/': SSL certificate problem: unable to get local issuer certificate":    "",
		"web_1  | Error: self signed certificate in certificate chain":                                                                        "",
		// other TLS clients whose lines hold push, pull, login or image as plain words
		"ERROR:  While executing gem push (Gem::Exception): SSL_connect returned=1 errno=0 state=error: certificate verify failed (self signed certificate in certificate chain)": "",
		"Error: request to https://api.orbit.test/repos/orbit/app/pulls/42 failed, reason: unable to get local issuer certificate":                                                "",
		"WARN thumbnailer: image download from https://cdn.orbit.test/img/hero.png failed: unable to verify the first certificate":                                                "",
		"➤ YN0001: │ RequestError: self-signed certificate in certificate chain (while checking pull request status)":                                                             "",
	})
}
