package diagnose

import "testing"

// TestMessageGrammarLoginHang reads a CI's no-output watchdog right after a
// registry login command that never succeeded: the login waits at the
// prompt for a value it was given empty (sig_loginhang.go).
func TestMessageGrammarLoginHang(t *testing.T) {
	checkFirstCause(t, map[string]string{
		// Travis: -p with an empty variable, the password prompt, the watchdog
		"$ docker login -u \"$HUB_USER\" -p \"$HUB_PASS\"\nPassword: \nNo output has been received in the last 10m0s, this potentially indicates a stalled build or something wrong with the build itself.\nThe build has been terminated": "empty-credential",
		// the username prompt (no -u value), with a timing prefix
		"0.41s$ docker login -p \"$QUAY_TOKEN\" quay.io\nUsername: \nNo output has been received in the last 10m0s, this potentially indicates a stalled build or something wrong with the build itself.": "empty-credential",
		// CircleCI's watchdog, the prompt on the same line
		"#!/bin/bash -eo pipefail\ndocker login -u \"$REG_USER\" -p \"$REG_PASS\" registry.orbit.test\nPassword: Too long with no output (exceeded 10m0s): context deadline exceeded": "empty-credential",
		// Travis's notice that a fork PR build got no encrypted variables
		"$ git checkout -qf FETCH_HEAD\nEncrypted environment variables have been removed for security reasons.\nSee https://docs.travis-ci.com/user/pull-requests/#pull-requests-and-security-restrictions\n$ docker login -u \"$HUB_USER\" -p \"$HUB_PASS\"\nPassword: \nNo output has been received in the last 10m0s, this potentially indicates a stalled build or something wrong with the build itself.": "fork-pr-readonly",
		// look-alikes: a login that succeeded, then a later step hangs
		"$ docker login -u orbit -p \"$HUB_PASS\"\nLogin Succeeded\nNo output has been received in the last 10m0s, this potentially indicates a stalled build or something wrong with the build itself.": "",
		// the watchdog far from any login (a test suite hanging)
		"$ docker login -u orbit -p \"$HUB_PASS\"\nPassword: \n$ npm ci\nadded 812 packages\n$ npm test\n  Orbit API\n    ✓ starts\nNo output has been received in the last 10m0s, this potentially indicates a stalled build or something wrong with the build itself.": "",
		// no login at all
		"  (  Building the application  ... )\nToo long with no output (exceeded 10m0s): context deadline exceeded": "",
		// a login action's output is not a prompt
		"Logging into registry.orbit.test...\nToo long with no output (exceeded 10m0s): context deadline exceeded": "",
	})
}
