package gitlab

import (
	"fmt"
	"path"
	"strings"

	"github.com/regdoctor/regdoctor/internal/finding"
	"github.com/regdoctor/regdoctor/internal/lint"
	"github.com/regdoctor/regdoctor/internal/shellcmd"
)

func init() {
	register(lint.Meta{
		ID: "GLC020", Name: "kaniko-config-wrong-path", Cause: "no-login", Severity: finding.Error,
		Summary: "A kaniko job writes registry credentials to a config.json kaniko does not read.",
		Description: "kaniko reads credentials from `$DOCKER_CONFIG/config.json`, and its images set `DOCKER_CONFIG=/kaniko/.docker` " +
			"(since v0.8; GoogleContainerTools/kaniko README, shared/domain/ci-rules.md F-GL-34). A job that writes " +
			"`/root/.docker/config.json`, `$HOME/.docker/config.json` or a copy of kaniko's directory elsewhere pushes " +
			"anonymously: `UNAUTHORIZED: authentication required` / `checking push permission`. Older GitLab docs showed " +
			"the `/root/.docker` path.\n\n" +
			"Fix: write `/kaniko/.docker/config.json`, or set `DOCKER_CONFIG` to the directory you write.",
		Broken: `build:
  image:
    name: gcr.io/kaniko-project/executor:v1.23.2-debug
    entrypoint: [""]
  script:
    - mkdir -p /root/.docker
    - echo "{\"auths\":{\"$CI_REGISTRY\":{\"username\":\"$CI_REGISTRY_USER\",\"password\":\"$CI_REGISTRY_PASSWORD\"}}}" > /root/.docker/config.json
    - /kaniko/executor --context "$CI_PROJECT_DIR" --destination "$CI_REGISTRY_IMAGE:$CI_COMMIT_SHORT_SHA"
`,
		Fixed: `build:
  image:
    name: gcr.io/kaniko-project/executor:v1.23.2-debug
    entrypoint: [""]
  script:
    - echo "{\"auths\":{\"$CI_REGISTRY\":{\"username\":\"$CI_REGISTRY_USER\",\"password\":\"$CI_REGISTRY_PASSWORD\"}}}" > /kaniko/.docker/config.json
    - /kaniko/executor --context "$CI_PROJECT_DIR" --destination "$CI_REGISTRY_IMAGE:$CI_COMMIT_SHORT_SHA"
`,
	}, checkGLC020)
}

func checkGLC020(c *pctx) {
	for _, jc := range c.jobs {
		if !strings.Contains(jc.src, "executor") || len(jc.kanikoDests()) == 0 {
			continue
		}
		dir := "/kaniko/.docker"
		if v, ok := jc.env["DOCKER_CONFIG"]; ok {
			dir = v
		}
		if v, ok := jc.scriptAssigned("DOCKER_CONFIG"); ok {
			dir = v
		}
		if strings.Contains(dir, "$") {
			continue
		}
		var writes []cmd
		good := false
		for _, cm := range jc.cmds {
			if cm.Action != shellcmd.WriteConfig || cm.Target == nil {
				continue
			}
			target := normVars(strings.Trim(cm.Target.Value, `"'`))
			target = strings.ReplaceAll(target, "$DOCKER_CONFIG", dir)
			if path.Base(target) != "config.json" {
				continue
			}
			if strings.Contains(target, "$") && !strings.HasPrefix(target, "$HOME") {
				good = true // unknown location: abstain
				continue
			}
			if path.Clean(path.Dir(target)) == path.Clean(dir) {
				good = true
				continue
			}
			writes = append(writes, cm)
		}
		if good || len(writes) == 0 {
			continue
		}
		w := writes[0]
		c.report("GLC020", jc.wordPos(w, *w.Target), jc, "", fmt.Sprintf(
			"writes registry credentials to `%s`, but kaniko reads `%s/config.json`, so it pushes without them; write `%s/config.json` or set `DOCKER_CONFIG`.",
			w.Target.Value, dir, dir))
	}
}
