package diagnose

import (
	"strings"
	"testing"
)

// TestMessageGrammarCredMangle holds the lines for the shapes found in the
// seventeenth held-out batch, part b (credentials mangled on the way to the
// client): one line per shape, the first finding's cause wanted ("" = no
// finding), with guards for look-alikes.
func TestMessageGrammarCredMangle(t *testing.T) {
	checkFirstCause(t, map[string]string{
		// containers/common's login prompted for the username it was not given
		"Error: getting username and password: reading username: EOF":                       "empty-credential",
		"Username: Error: error getting username and password: error reading username: EOF": "empty-credential",
		// guard: docker's prompt after a push without a stored login keeps its reading
		"Username: EOF":               "no-login",
		"Please login prior to push:": "no-login",
		// guard: the same wrapper around an unreadable auth file is the store's
		`Error: getting username and password: 1 error occurred: * reading JSON file "/run/containers/1000/auth.json": open /run/containers/1000/auth.json: permission denied`: "credential-store-error",
		// the engine could not decode the credentials header
		`Error: (HTTP code 400) unexpected - failed to parse "X-Registry-Config" header for /build?t=widget: failed to decode "X-Registry-Config": illegal base64 data at input byte 42`:                                           "credential-store-error",
		`Error response from daemon: failed to parse "X-Registry-Auth" header for /images/create?fromImage=registry.widget.example%2Facme%2Fapi&tag=1.2: failed to decode "X-Registry-Auth": illegal base64 data at input byte 17`: "credential-store-error",
		"Error response from daemon: invalid X-Registry-Auth header: invalid character 'e' looking for beginning of value":                                                                                                         "client-bug",
		// guard: a client's debug dump of the header it sends is not an error
		`>> "X-Registry-Auth: eyJ1c2VybmFtZSI6Impkb2UifQ==[\r][\n]"`: "",
		// guard: bash's quoted export without a registry login in the log
		"/home/ci/build.sh: eval: line 7: `export REGISTRY_PASSWORD=ab)cd'": "",
		"./deploy.sh: line 12: `export GREETING=hello)world'":               "",
	})
}

// TestExportSyntaxErrorStarvesLogin: bash could not parse the export of a
// credential variable, and the docker login that uses it runs later.
func TestExportSyntaxErrorStarvesLogin(t *testing.T) {
	cases := map[string]string{
		"/home/ci/build.sh: eval: line 7: syntax error near unexpected token `)'\n" +
			"/home/ci/build.sh: eval: line 7: `export REGISTRY_PASSWORD=ab)cd'\n" +
			"$ docker login -u \"$REGISTRY_USER\" -p \"$REGISTRY_PASSWORD\" registry.widget.example\n" +
			"Password: \n": "empty-credential",
		// the export of a non-credential variable does not starve the login
		"/home/ci/build.sh: eval: line 7: syntax error near unexpected token `)'\n" +
			"/home/ci/build.sh: eval: line 7: `export BUILD_LABEL=a)b'\n" +
			"$ docker login -u acme -p \"$REGISTRY_PASSWORD\" registry.widget.example\n" +
			"Login Succeeded\n": "",
		// another ecosystem's token without a registry login stays quiet
		"/home/ci/build.sh: line 3: syntax error near unexpected token `('\n" +
			"/home/ci/build.sh: line 3: `export NPM_TOKEN=x(y'\n" +
			"npm error code E401\n": "",
	}
	checkFirstCause(t, cases)
}

// TestSudoSplitsLoginAndPush: a login and the push that needs it ran one
// under sudo and one not, so they read different docker config files.
func TestSudoSplitsLoginAndPush(t *testing.T) {
	cases := map[string]string{
		"$ echo \"$HUB_TOKEN\" | docker login -u acme --password-stdin\nLogin Succeeded\n$ sudo docker push acme/widget:1.0\nThe push refers to repository [docker.io/acme/widget]\n5f70bf18a086: Preparing\ndenied: requested access to the resource is denied\n":                  "no-login",
		"+ sudo docker login registry.widget.example -u ci -p \"$REG_PASS\"\nLogin Succeeded\n+ docker push registry.widget.example/acme/api:2\nThe push refers to repository [registry.widget.example/acme/api]\nno basic auth credentials\n":                                      "no-login",
		"Run docker/login-action@v3\nLogging into registry.widget.example...\nLogin Succeeded!\nRun sudo docker pull registry.widget.example/acme/api:2\nError response from daemon: Head \"https://registry.widget.example/v2/acme/api/manifests/2\": no basic auth credentials\n": "no-login",
	}
	for log, want := range cases {
		rep, err := Explain(strings.NewReader(log), Options{})
		if err != nil {
			t.Fatal(err)
		}
		if len(rep.Findings) == 0 || rep.Findings[0].Cause != want || !strings.Contains(rep.Findings[0].Message, "sudo") {
			t.Errorf("%s\n  want %q explained by sudo, got %+v", log, want, rep.Findings)
		}
	}
	// guards: the same user for both keeps the other readings
	same := []string{
		"$ sudo docker login -u acme -p \"$HUB_TOKEN\"\nLogin Succeeded\n$ sudo docker push acme/widget:1.0\nThe push refers to repository [docker.io/acme/widget]\ndenied: requested access to the resource is denied\n",
		"Run docker/login-action@v3\nLogging into registry.widget.example...\nLogin Succeeded!\nRun docker push registry.widget.example/acme/api:2\nThe push refers to repository [registry.widget.example/acme/api]\nno basic auth credentials\n",
		"$ docker login registry.widget.example -u ci -p \"$REG_PASS\"\nLogin Succeeded\n$ sudo docker push ghcr.io/acme/api:2\nThe push refers to repository [ghcr.io/acme/api]\nunauthorized: unauthenticated: User cannot be authenticated with the token provided.\n",
	}
	for _, log := range same {
		rep, err := Explain(strings.NewReader(log), Options{})
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range rep.Findings {
			if strings.Contains(f.Message, "sudo gives the client") {
				t.Errorf("%s\n  sudo explanation where login and push ran alike: %+v", log, f)
			}
		}
	}
}

// TestDollarUsernameCutByShell: a literal username with a `$` (Harbor's
// robot accounts) written bare or in double quotes reaches the registry cut
// at the `$`; single quotes, `\$` and a plain variable do not say so.
func TestDollarUsernameCutByShell(t *testing.T) {
	refused := "Error response from daemon: Get \"https://harbor.widget.example/v2/\": unauthorized: authentication required\n"
	cases := map[string]string{
		"$ docker login harbor.widget.example -u robot$acme+ci -p \"$TOKEN\"\n":                             `"robot+ci"`,
		"$ echo \"$TOKEN\" | docker login harbor.widget.example --username \"robot$ci\" --password-stdin\n": `"robot"`,
		"+ podman login --username=robot${acme} harbor.widget.example\n":                                    `"robot"`,
	}
	for cmd, user := range cases {
		rep, err := Explain(strings.NewReader(cmd+refused), Options{})
		if err != nil {
			t.Fatal(err)
		}
		if len(rep.Findings) == 0 || rep.Findings[0].Cause != "bad-credentials" || !strings.Contains(rep.Findings[0].Message, "the registry got the username "+user) {
			t.Errorf("%s\n  want bad-credentials naming the cut username %s, got %+v", cmd, user, rep.Findings)
		}
	}
	for _, cmd := range []string{
		"$ docker login harbor.widget.example -u 'robot$acme+ci' -p \"$TOKEN\"\n",
		"$ docker login harbor.widget.example -u \"robot\\$acme+ci\" -p \"$TOKEN\"\n",
		"$ docker login harbor.widget.example -u $HARBOR_USER -p $HARBOR_TOKEN\n",
		"$ docker login harbor.widget.example -u jdoe -p \"pa$word\"\n",
	} {
		rep, err := Explain(strings.NewReader(cmd+refused), Options{})
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range rep.Findings {
			if strings.Contains(f.Message, "the shell expands") {
				t.Errorf("%s\n  cut-username explanation where the username reaches the registry whole: %+v", cmd, f)
			}
		}
	}
	// guard: the same command followed by a successful login says nothing
	rep, err := Explain(strings.NewReader("$ docker login harbor.widget.example -u robot$acme -p x\nLogin Succeeded\n"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Findings) != 0 {
		t.Errorf("finding after a successful login: %+v", rep.Findings)
	}
}
