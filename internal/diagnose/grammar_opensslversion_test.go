package diagnose

import "testing"

// TestMessageGrammarOpenSSLWrongVersion holds OpenSSL's "wrong version
// number" (no TLS record from a port that speaks plain HTTP) in the frames of
// Node (Renovate's docker datasource), curl and Python, with the guards for
// other tools and for a proxy URL written https://.
func TestMessageGrammarOpenSSLWrongVersion(t *testing.T) {
	checkFirstCause(t, map[string]string{
		// Renovate (Node, OpenSSL 1.1), quoted whole and cut after "wrong version"
		"WARN: Error obtaining docker token (repository=orbit/app) write EPROTO 140352:error:1408F10B:SSL routines:ssl3_get_record:wrong version number:../deps/openssl/openssl/ssl/record/ssl3_record.c:332:": "http-https-mismatch",
		"Error obtaining docker token with message write EPROTO 140352:error:1408F10B:SSL routines:ssl3_get_record:wrong version":                                                                              "http-https-mismatch",
		// curl against the registry API (OpenSSL 3), Python's urllib3
		"* OpenSSL/3.0.2: error:0A00010B:SSL routines::wrong version number while fetching https://registry.orbit.test:5000/v2/_catalog":                                                                                                    "http-https-mismatch",
		"requests.exceptions.SSLError: HTTPSConnectionPool(host='registry.orbit.test', port=5000): Max retries exceeded with url: /v2/ (Caused by SSLError(SSLError(1, '[SSL: WRONG_VERSION_NUMBER] wrong version number (_ssl.c:1129)')))": "http-https-mismatch",
		// the same record error through an https:// proxy URL
		"Error: failed to pull image docker.io/orbit/app: proxy https://proxy.orbit.test:3128: write EPROTO error:1408F10B:SSL routines:ssl3_get_record:wrong version number": "registry-unreachable",
		// guards: no registry on the line, git, npm, the engine installer
		"curl: (35) OpenSSL/3.0.13: error:0A00010B:SSL routines::wrong version number":                                                                                "",
		"fatal: unable to access 'https://git.orbit.test/orbit/app.git/': error:1408F10B:SSL routines:ssl3_get_record:wrong version number":                           "",
		"npm error request to https://registry.npmjs.org/left-pad failed, reason: write EPROTO 1403:error:1408F10B:SSL routines:ssl3_get_record:wrong version number": "",
		"curl: (35) error:1408F10B:SSL routines:ssl3_get_record:wrong version number (https://get.docker.com)":                                                        "",
		// other TLS clients whose lines hold push, pull, login or image as plain words
		"ssl.SSLError: [SSL: WRONG_VERSION_NUMBER] wrong version number (_ssl.c:997) during login to the directory at sso.orbit.test:389":      "",
		"Error: write EPROTO 1403:error:1408F10B:SSL routines:ssl3_get_record:wrong version number (GET https://cms.orbit.test/api/images/12)": "",
		"notifier: cannot push mail through smtp.orbit.test:25: [SSL: WRONG_VERSION_NUMBER] wrong version number (_ssl.c:1129)":                "",
	})
}
