package diagnose

import "testing"

// TestLoginArgsCommandSubstitution: the registry argument of a login whose
// password is a command substitution or a quoted string with spaces
// (`-p "$(gcloud auth print-access-token)"`, "-p `oc whoami -t`"). The words
// inside the group are not the registry (bash(1), Command Substitution), so
// a push to the host the login names is not a login for another host
// (facts.go loginWords).
func TestLoginArgsCommandSubstitution(t *testing.T) {
	for args, want := range map[string]string{
		` -u oauth2accesstoken -p "$(gcloud auth print-access-token)" https://gcr.io`:                                      "gcr.io",
		" -u developer -p `oc whoami -t` registry.orbit.test:5000":                                                         "registry.orbit.test:5000",
		` --username AWS --password $(aws ecr get-login-password --region eu-west-1) 1234.dkr.ecr.eu-west-1.amazonaws.com`: "1234.dkr.ecr.eu-west-1.amazonaws.com",
		` -u ci -p "$(cat "$HOME/orbit token")" registry.orbit.test`:                                                       "registry.orbit.test",
		` -u ci -p 'pass phrase' quay.io`:                                                                                  "quay.io",
		` -u ci -p "$(printf '%s' "$(cat /run/orbit)")" ghcr.io`:                                                           "ghcr.io",
		// a placeholder for the secret is one word, not redirections; a
		// real redirection, pipe or list after the login is not an argument
		` --username orbit+ci --password <PASSWORD> quay.io`:                             "quay.io",
		` -u ci --password=<orbit-token> registry.orbit.test:5000`:                       "registry.orbit.test:5000",
		` -u ci --password-stdin < /run/orbit/token registry.orbit.test`:                 "registry.orbit.test",
		` -u ci --password-stdin <<< "$ORBIT_TOKEN" ghcr.io 2>&1 | tee login.txt`:        "ghcr.io",
		` -u ci -p "$ORBIT_PASS" && docker push registry.orbit.test/team/app`:            "docker.io",
		` -u ci -p "$ORBIT_PASS" "registry.orbit.test" ; docker push other.orbit.test/a`: "registry.orbit.test",
		// look-alikes: the registry itself a substitution, and a group the
		// (cut) line leaves open: unknown, not a word from inside the group
		` -u ci -p "$PASS" $(echo registry.orbit.test)`: "",
		` -u ci -p "$(cat /run/orbit`:                   "",
		` -u ci -p secret "$CI_REGISTRY"`:               "",
		` -u ci -p secret ${CI_REGISTRY}`:               "",
		` -u ci --password <PASSWORD> <<EOF`:            "docker.io",
	} {
		if got := loginHostArg(args); got != want {
			t.Errorf("loginHostArg(%q) = %q, want %q", args, got, want)
		}
	}
	checkFirstCause(t, map[string]string{
		// the login names the push host: a known identity, not another host
		"$ docker login -u oauth2accesstoken -p \"$(gcloud auth print-access-token)\" https://gcr.io\nLogin Succeeded\nThe push refers to repository [gcr.io/orbit-proj/app]\nunauthorized: authentication required": "insufficient-role",
		"$ docker login -u developer -p `oc whoami -t` registry.orbit.test:5000\nLogin Succeeded\nThe push refers to a repository [registry.orbit.test:5000/team/app]\nunauthorized: authentication required":        "insufficient-role",
		// look-alikes: a substitution login for a really different host keeps
		// login-wrong-host, an IAM refusal keeps cloud-iam-denied
		"$ docker login -u oauth2accesstoken -p \"$(gcloud auth print-access-token)\" https://eu.gcr.io\nLogin Succeeded\nThe push refers to repository [gcr.io/orbit-proj/app]\nunauthorized: authentication required":                                                                                                                                                                                                                                                                                              "login-wrong-host",
		"$ docker login --username AWS --password \"$(aws ecr get-login-password --region eu-west-1)\" 111122223333.dkr.ecr.eu-west-1.amazonaws.com\nLogin Succeeded\nThe push refers to repository [111122223333.dkr.ecr.eu-west-1.amazonaws.com/orbit/app]\ndenied: User: arn:aws:iam::111122223333:user/ci is not authorized to perform: ecr:InitiateLayerUpload on resource: arn:aws:ecr:eu-west-1:111122223333:repository/orbit/app because no identity-based policy allows the ecr:InitiateLayerUpload action": "cloud-iam-denied",
	})
}
