package gitlab

import (
	"fmt"
	"strings"

	"github.com/regdoctor/regdoctor/internal/finding"
	"github.com/regdoctor/regdoctor/internal/lint"
	"github.com/regdoctor/regdoctor/internal/shellcmd"
	gl "github.com/regdoctor/regdoctor/internal/workflow/gitlab"
)

func init() {
	register(lint.Meta{
		ID: "GLC004", Name: "login-server-variable-may-be-empty", Cause: "login-wrong-host", Severity: finding.Warning,
		Summary: "docker login takes its server from an unquoted variable this configuration never defines.",
		Description: "When the server argument of `docker login` is an unquoted variable that expands to nothing (a project " +
			"variable that is protected, misspelt or not set for this pipeline), the shell drops the word and docker " +
			"logs in to Docker Hub instead; the push to the intended registry then has no credentials " +
			"(`unauthorized: authentication required`), while the log shows `Login Succeeded`. The rule flags unquoted " +
			"server variables that are neither GitLab predefined variables nor defined in the YAML or the script " +
			"(values set in project, group or instance settings cannot be seen, hence a warning).\n\n" +
			"Fix: quote the variable and fail early when it is empty: `docker login \"${REGISTRY:?REGISTRY is empty}\" ...`.",
		Broken: `build:
  image: docker:27
  services: [docker:27-dind]
  variables:
    DOCKER_TLS_CERTDIR: "/certs"
  script:
    - echo "$REGISTRY_PASSWORD" | docker login -u "$REGISTRY_USER" --password-stdin $REGISTRY_HOST
    - docker push "$REGISTRY_HOST/app:$CI_COMMIT_SHORT_SHA"
`,
		Fixed: `build:
  image: docker:27
  services: [docker:27-dind]
  variables:
    DOCKER_TLS_CERTDIR: "/certs"
  script:
    - echo "$REGISTRY_PASSWORD" | docker login -u "$REGISTRY_USER" --password-stdin "${REGISTRY_HOST:?REGISTRY_HOST is empty}"
    - docker push "$REGISTRY_HOST/app:$CI_COMMIT_SHORT_SHA"
`,
	}, checkGLC004)
}

func checkGLC004(c *pctx) {
	for _, jc := range c.jobs {
		for _, cm := range jc.cmds {
			if cm.Action != shellcmd.Login || cm.Server == nil || (cm.Tool != "docker" && cm.Tool != "podman" && cm.Tool != "buildah" && cm.Tool != "nerdctl") {
				continue
			}
			w := *cm.Server
			if w.Quoted || len(w.Vars) == 0 || strings.Contains(w.Text, ":?") || strings.Contains(w.Text, ":-") {
				continue
			}
			// Only a word that is nothing but one variable can vanish.
			if normVars(w.Text) != "$"+w.Vars[0] {
				continue
			}
			name := w.Vars[0]
			if gl.IsPredefined(name) || c.p.DefinesAnywhere(name) || jc.assignedInScript(name) || guarded(jc.src, name) || jc.varsUnseen() {
				continue
			}
			c.report("GLC004", jc.wordPos(cm, w), jc, "", fmt.Sprintf(
				"the login server `%s` is an unquoted variable this configuration does not define; if it is empty (unset, protected, misspelt) the shell drops it and `%s login` logs in to Docker Hub instead; quote it and guard it: `\"${%s:?%s is empty}\"`.",
				w.Text, cm.Tool, name, name))
		}
	}
}

// guarded reports a script that tests the variable for emptiness.
func guarded(src, name string) bool {
	return strings.Contains(src, "-z \"$"+name) || strings.Contains(src, "-z \"${"+name) || strings.Contains(src, "-z $"+name) ||
		strings.Contains(src, "-n \"$"+name) || strings.Contains(src, "${"+name+":?")
}
