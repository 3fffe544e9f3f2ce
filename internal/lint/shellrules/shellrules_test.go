package shellrules

import (
	"strings"
	"testing"

	"github.com/regdoctor/regdoctor/internal/lint"
	"github.com/regdoctor/regdoctor/internal/shellcmd"
)

func check(t *testing.T, script string) []Hit {
	t.Helper()
	sc, err := shellcmd.Parse("test", script, shellcmd.Options{})
	if err != nil {
		t.Fatalf("parse: %v", err)
	}
	return Check(sc.Commands)
}

func rulesOf(hs []Hit) string {
	var ids []string
	for _, h := range hs {
		ids = append(ids, h.Rule)
	}
	return strings.Join(ids, ",")
}

// The scripts are GitHub Actions `run:` style, to show the rules are not
// GitLab-specific (the GitLab golden tests cover them through .gitlab-ci.yml).
func TestShellRules(t *testing.T) {
	cases := []struct {
		name, script, want string
	}{
		{"ecr region mismatch", "aws ecr get-login-password --region eu-west-1 | docker login --username AWS --password-stdin 123456789012.dkr.ecr.us-east-1.amazonaws.com\n", "SHX001"},
		{"ecr region match", "aws ecr get-login-password --region us-east-1 | docker login --username AWS --password-stdin 123456789012.dkr.ecr.us-east-1.amazonaws.com\ndocker push 123456789012.dkr.ecr.us-east-1.amazonaws.com/app:1\n", ""},
		{"ecr region from expression abstains", "aws ecr get-login-password --region ${{ env.REGION }} | docker login --username AWS --password-stdin 123456789012.dkr.ecr.us-east-1.amazonaws.com\n", ""},
		{"ecr push to other account", "aws ecr get-login-password --region us-east-1 | docker login --username AWS --password-stdin 111111111111.dkr.ecr.us-east-1.amazonaws.com\ndocker push 222222222222.dkr.ecr.us-east-1.amazonaws.com/app:1\n", "SHX001"},
		{"ecr public outside us-east-1", "aws ecr-public get-login-password --region eu-west-1 | docker login --username AWS --password-stdin public.ecr.aws\n", "SHX001"},
		{"removed get-login", "$(aws ecr get-login --no-include-email --region us-east-1)\n", "SHX002"},
		{"unquoted user", "docker login -u $DOCKERHUB_USER -p \"$DOCKERHUB_TOKEN\"\n", "SHX003"},
		{"quoted stdin login", "echo \"${{ secrets.TOKEN }}\" | docker login -u \"$USER_NAME\" --password-stdin ghcr.io\n", ""},
		{"p and stdin", "echo \"$T\" | docker login -u \"$U\" -p \"$T\" --password-stdin ghcr.io\n", "SHX003"},
		{"stdin without user", "echo \"$T\" | docker login --password-stdin ghcr.io\n", "SHX003"},
		{"gar host missing", "gcloud auth configure-docker --quiet\ndocker push europe-docker.pkg.dev/p/r/app:1\n", "SHX004"},
		{"gar host listed", "gcloud auth configure-docker europe-docker.pkg.dev,us-docker.pkg.dev --quiet\ndocker push europe-docker.pkg.dev/p/r/app:1\n", ""},
		{"gar path without repository", "gcloud auth configure-docker europe-docker.pkg.dev\ndocker push europe-docker.pkg.dev/p/app:1\n", "SHX004"},
		{"gcr default hosts", "gcloud auth configure-docker\ndocker push eu.gcr.io/p/app:1\n", ""},
		{"unqualified docker hub", "docker push app:1\n", "SHX005"},
		{"qualified docker hub", "docker push acme/app:1\ndocker push $IMAGE\n", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			hs := check(t, c.script)
			if got := rulesOf(hs); got != c.want {
				t.Errorf("rules = %q, want %q (%+v)", got, c.want, hs)
			}
			for _, h := range hs {
				if h.Message == "" || h.Severity == "" || h.Cause == "" || h.Pos.Line < 1 {
					t.Errorf("incomplete hit %+v", h)
				}
			}
		})
	}
}

func TestRegisteredAsShell(t *testing.T) {
	for _, id := range IDs() {
		m, ok := lint.Rule(id)
		if !ok || m.Platform != "shell" || m.Broken == "" || m.Fixed == "" {
			t.Errorf("%s: %+v", id, m)
		}
	}
	if len(IDs()) != 5 {
		t.Errorf("ids = %v", IDs())
	}
}
