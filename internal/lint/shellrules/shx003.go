package shellrules

import (
	"fmt"
	"strings"

	"github.com/regdoctor/regdoctor/internal/finding"
	"github.com/regdoctor/regdoctor/internal/lint"
	"github.com/regdoctor/regdoctor/internal/shellcmd"
)

func init() {
	register(lint.Meta{
		ID: "SHX003", Name: "unsafe-docker-login-args", Cause: "empty-credential", Severity: finding.Warning,
		Summary: "docker login arguments break when a credential is empty: unquoted -u/-p variables, -p with --password-stdin, --password-stdin without -u.",
		Description: "An unquoted variable that expands to nothing disappears from the command line: `docker login -u $USER -p $PASS host` " +
			"with an empty `$USER` becomes `docker login -u -p <password> host`, so `-u` takes `-p` as the user name, and " +
			"the error names something else (`Cannot perform an interactive login from a non TTY device`). `-p` together " +
			"with `--password-stdin` is refused (`--password and --password-stdin are mutually exclusive`), and " +
			"`--password-stdin` without `-u` fails with `Must provide --username with --password-stdin` " +
			"(docker/cli `cli/command/registry/login.go`). Predefined CI variables that are always set are not flagged.\n\n" +
			"Fix: `printf '%s' \"$PASS\" | docker login \"$HOST\" -u \"$USER\" --password-stdin`.",
		Broken: `build:
  image: docker:27
  services: [docker:27-dind]
  variables:
    DOCKER_TLS_CERTDIR: "/certs"
  script:
    - docker login -u $DOCKERHUB_USER -p $DOCKERHUB_TOKEN
    - docker push acme/app:latest
`,
		Fixed: `build:
  image: docker:27
  services: [docker:27-dind]
  variables:
    DOCKER_TLS_CERTDIR: "/certs"
  script:
    - printf '%s' "$DOCKERHUB_TOKEN" | docker login -u "$DOCKERHUB_USER" --password-stdin
    - docker push acme/app:latest
`,
	}, checkSHX003)
}

// alwaysSet are CI-provided variables that are never empty in a job that
// can push (GitLab predefined registry variables, GitHub's actor and token).
var alwaysSet = map[string]bool{
	"CI_REGISTRY_USER": true, "CI_REGISTRY_PASSWORD": true, "CI_JOB_TOKEN": true, "CI_REGISTRY": true,
	"CI_DEPENDENCY_PROXY_USER": true, "CI_DEPENDENCY_PROXY_PASSWORD": true, "CI_DEPENDENCY_PROXY_SERVER": true,
	"GITHUB_ACTOR": true, "GITHUB_TOKEN": true, "GITHUB_REPOSITORY_OWNER": true,
}

func checkSHX003(cmds []shellcmd.Command) []Hit {
	var hits []Hit
	for i, c := range cmds {
		if c.Action != shellcmd.Login || (c.Tool != "docker" && c.Tool != "nerdctl" && c.Tool != "podman" && c.Tool != "buildah") {
			continue
		}
		switch {
		case c.Password != nil && c.PasswordStdin:
			hits = append(hits, Hit{Cmd: i, Pos: c.Password.Pos, Message: fmt.Sprintf("`%s login` is given both -p and --password-stdin, which are mutually exclusive; keep --password-stdin and drop -p.", c.Tool)})
			continue
		case c.PasswordStdin && c.Username == nil && c.Tool == "docker":
			hits = append(hits, Hit{Cmd: i, Pos: c.Pos, Message: "`docker login --password-stdin` without -u fails with `Must provide --username with --password-stdin`; add `-u \"$USER\"`."})
			continue
		}
		for _, w := range []*shellcmd.Word{c.Username, c.Password} {
			if w == nil || w.Quoted || len(w.Vars) == 0 || alwaysSet[w.Vars[0]] || strings.Contains(w.Text, ":?") {
				continue
			}
			hits = append(hits, Hit{Cmd: i, Pos: w.Pos, Message: fmt.Sprintf(
				"`%s` is unquoted: if it is empty (unset, protected, misspelt) the shell drops it and the next argument shifts into its place, giving a misleading error; quote it (and prefer --password-stdin).", w.Text)})
			break
		}
	}
	return hits
}
