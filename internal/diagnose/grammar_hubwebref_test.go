package diagnose

import "testing"

// TestMessageGrammarHubWebRef holds references copied from a Docker Hub web
// page's address and image-syncer's task errors that name the reference
// before the parser's error (mirrortools.go), with guards.
func TestMessageGrammarHubWebRef(t *testing.T) {
	checkFirstCause(t, map[string]string{
		// image-syncer: "generate REF image source|target error: invalid reference format"
		` error: generate hub.docker.com/_/postgres image source error: invalid reference format `:                                                                             "invalid-reference",
		`time="2026-03-02 10:01:12" level=error msg="Failed to generate sync tasks: generate hub.docker.com/r/orbitlabs/api:1.4 image source error: invalid reference format"`: "invalid-reference",
		// docker's older parser error and a pull echoed before docker's bare "invalid reference format"
		`Error parsing reference: "hub.docker.com/r/orbitlabs/api:1.4" is not a valid repository/tag: invalid reference format`: "invalid-reference",
		"$ docker pull hub.docker.com/_/redis:7\ninvalid reference format":                                                      "invalid-reference",
		`invalid argument "hub.docker.com/_/node:20" for "-t, --tag" flag: invalid reference format`:                            "invalid-reference",
		// guards: image-syncer references with an empty part stay empty-reference-variable
		`time="2026-03-02 10:01:12" level=error msg="Failed to generate sync tasks: generate registry.cn-hangzhou.aliyuncs.com//api:1.4 image target error: invalid reference format"`: "empty-reference-variable",
		"generate docker.io/orbit/api: image source error: invalid reference format":                                                                                                   "empty-reference-variable",
		// guards: other parser complaints keep their answers; image-syncer's other errors are not reference errors
		`invalid argument "registry.orbit.test/team/app:-1.2" for "-t, --tag" flag: invalid reference format`:                                 "empty-reference-variable",
		`invalid argument "Registry.orbit.test/Team/App:1.2" for "-t, --tag" flag: invalid reference format`:                                  "invalid-reference",
		`Error: generate docker.io/library/nginx:1.25 image source error: reading manifest 1.25 in docker.io/library/nginx: manifest unknown`: "manifest-unknown",
		"See https://hub.docker.com/_/postgres for the tags":                                                                                  "",
	})
}
