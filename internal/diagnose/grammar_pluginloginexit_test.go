package diagnose

import "testing"

// TestMessageGrammarPluginLoginExit reads the Drone/Woodpecker docker
// plugins' hidden docker login failure by docker's exit status: 125 is the
// docker CLI's status for arguments it cannot parse (docker/cli
// FlagErrorFunc), so the plugin and its docker disagree about the flags;
// any other status is a refused or failed login check.
func TestMessageGrammarPluginLoginExit(t *testing.T) {
	checkFirstCause(t, map[string]string{
		// plugins/docker's logrus form, status 125: a flag its docker dropped
		`time="2018-02-11T09:14:05Z" level=fatal msg="Error authenticating: exit status 125"`:                                                  "client-bug",
		"+ /usr/local/bin/dockerd -g /var/lib/docker\ntime=\"2018-02-11T09:14:05Z\" level=fatal msg=\"Error authenticating: exit status 125\"": "client-bug",
		// the same words without logrus (a plugin printing the error itself)
		"Error authenticating: exit status 125": "client-bug",
		// look-alikes keep the refused-login reading
		`time="2018-02-11T09:14:05Z" level=fatal msg="Error authenticating: exit status 1"`: "bad-credentials",
		"Error authenticating: exit status 2":                                               "bad-credentials",
		"Error authenticating: exit status 1250":                                            "bad-credentials",
		// guard: other commands' status 125 is not a plugin's login
		"docker: Error response from daemon: pull access denied for orbit-tool, repository does not exist or may require 'docker login': denied: requested access to the resource is denied.\nexit status 125": "manifest-unknown",
		"make: *** [Makefile:8: image] Error 125": "",
	})
}
