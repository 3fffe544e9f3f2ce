package diagnose

import (
	"strings"
	"testing"
)

// TestMessageGrammarHelperWhy pins the credential-store why by what the
// failing helper said (helperWhys, helperwhy.go): one line of each helper
// family, in the client's wording, and the fragment of the why it wants;
// the look-alikes (a helper failure that names no family, Docker Desktop's
// helper failing for another reason) keep the general why. Every line stays
// credential-store-error.
func TestMessageGrammarHelperWhy(t *testing.T) {
	const general = "is missing or failing"
	cases := map[string]string{
		// WSL: Docker Desktop's Windows helper the distro cannot run
		"Error saving credentials: error storing credentials - err: fork/exec /usr/bin/docker-credential-desktop.exe: exec format error, out: ``":                                         "WSL distro",
		"ERROR: failed to solve: registry.orbit.test/orbit/base:3: error getting credentials - err: exec: \"docker-credential-desktop.exe\": executable file not found in $PATH, out: ``": "WSL distro",
		// macOS keychain locked in a non-interactive session
		"Error saving credentials: error storing credentials - err: exit status 1, out: `User interaction is not allowed.`":        "keychain",
		"Error: error storing credentials - err: exit status 1, out: `keychain is locked for the current non-interactive session`": "keychain",
		// wincred: a credential over its size limit; no logon session
		"Error saving credentials: error storing credentials - err: exit status 1, out: `The stub received bad data.`":                                                    "size limit",
		"Error saving credentials: error storing credentials - err: exit status 1, out: `A specified logon session does not exist. It may already have been terminated.`": "no logon session",
		// secretservice on a headless machine
		"error getting credentials - err: exit status 1, out: `Cannot autolaunch D-Bus without X11 $DISPLAY`":                                                                             "D-Bus",
		"Error: error storing credentials - err: exit status 1, out: `No such interface 'org.freedesktop.Secret.Collection' on object at path /org/freedesktop/secrets/collection/login`": "D-Bus",
		// pass without a store or gpg key
		"Error saving credentials: error storing credentials - err: exit status 1, out: `pass store is uninitialized`":                                               "pass init",
		"error getting credentials - err: exit status 1, out: `error fetching password during initialization: exit status 2: gpg: decryption failed: No secret key`": "pass init",
		// Docker Desktop's helper without the Docker Desktop backend
		"Error saving credentials: error storing credentials - err: exit status 1, out: `Post \"http://ipc/registry/credstore-updated\": dial unix backend.sock: connect: no such file or directory`": "Docker Desktop backend",
		// Go's refusal of a helper found through a relative PATH entry
		"error getting credentials - err: docker-credential-osxkeychain resolves to executable in current directory (./docker-credential-osxkeychain), out: ``": "relative PATH entry",
		// credsStore desktop where Docker Desktop is not installed
		"Error: failed to publish images: fetching base image: error getting credentials - err: exec: \"docker-credential-desktop\": executable file not found in $PATH, out: ``": "not installed here",
		// look-alikes: Docker Desktop's helper failing with nothing said; an unnamed helper's exit
		"error getting credentials - err: exit status 1, out: ``": general,
		"Error saving credentials: error storing credentials - err: exec: \"docker-credential-ecr-login\": executable file not found in $PATH, out: ``": general,
		"Error saving credentials: error storing credentials - err: signal: segmentation fault, out: ``":                                                general,
		// look-alike: Docker Desktop's helper ran and found no stored login (it is installed)
		"Error: error getting credentials - err: docker-credential-desktop get: exit status 1, out: `credentials not found in native keychain`": general,
		// a shell that cannot find Docker Desktop's helper
		"error getting credentials - err: exit status 127, out: `sh: docker-credential-desktop: command not found`": "not installed here",
	}
	for line, want := range cases {
		rep, err := Explain(strings.NewReader(line+"\n"), Options{})
		if err != nil {
			t.Fatal(err)
		}
		if len(rep.Findings) == 0 || rep.Findings[0].Cause != "credential-store-error" {
			t.Errorf("%s\n  want credential-store-error first, got %+v", line, rep.Findings)
			continue
		}
		if msg := rep.Findings[0].Message; !strings.Contains(msg, want) {
			t.Errorf("%s\n  why does not hold %q: %s", line, want, msg)
		}
	}
}
