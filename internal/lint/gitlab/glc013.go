package gitlab

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/regdoctor/regdoctor/internal/finding"
	"github.com/regdoctor/regdoctor/internal/lint"
	"github.com/regdoctor/regdoctor/internal/shellcmd"
)

func init() {
	register(lint.Meta{
		ID: "GLC013", Name: "base64-wrapping-in-registry-auth", Cause: "bad-credentials", Severity: finding.Warning,
		Summary: "A registry auth value is built with base64 without disabling line wrapping.",
		Description: "GNU `base64` wraps its output every 76 characters. Job tokens are JWTs (the default from GitLab 19.0) " +
			"and longer than that, so `printf '%s:%s' \"$CI_REGISTRY_USER\" \"$CI_REGISTRY_PASSWORD\" | base64` yields a value " +
			"with a newline in it, which breaks the JSON of config.json (`invalid character '\\n' in string literal`) or the " +
			"credential (https://docs.gitlab.com/ci/jobs/ci_job_token/). Error when the input is the job token, warning otherwise.\n\n" +
			"Fix: `base64 -w0`, or `| tr -d '\\n'` where `-w` is missing (busybox, macOS).",
		Broken: `build:
  image:
    name: gcr.io/kaniko-project/executor:v1.23.2-debug
    entrypoint: [""]
  script:
    - AUTH=$(printf '%s:%s' "$CI_REGISTRY_USER" "$CI_REGISTRY_PASSWORD" | base64)
    - echo "{\"auths\":{\"$CI_REGISTRY\":{\"auth\":\"$AUTH\"}}}" > /kaniko/.docker/config.json
    - /kaniko/executor --context "$CI_PROJECT_DIR" --destination "$CI_REGISTRY_IMAGE:latest"
`,
		Fixed: `build:
  image:
    name: gcr.io/kaniko-project/executor:v1.23.2-debug
    entrypoint: [""]
  script:
    - AUTH=$(printf '%s:%s' "$CI_REGISTRY_USER" "$CI_REGISTRY_PASSWORD" | base64 | tr -d '\n')
    - echo "{\"auths\":{\"$CI_REGISTRY\":{\"auth\":\"$AUTH\"}}}" > /kaniko/.docker/config.json
    - /kaniko/executor --context "$CI_PROJECT_DIR" --destination "$CI_REGISTRY_IMAGE:latest"
`,
	}, checkGLC013)
}

var base64Cmd = regexp.MustCompile(`\b(openssl\s+)?base64\b([^|;)\n` + "`" + `]*)`)
var noWrap = regexp.MustCompile(`(^|\s)(-w\s*0|--wrap[= ]0|-A)\b`)
var stripNL = regexp.MustCompile(`tr\s+-d\s+["']?\\n|tr\s+-d\s+["']?\\r\\n|tr\s+-d\s+'\s'|tr\s+-d\s+"\\n"|tr\s+-d\s+'[^']*\\n`)

func checkGLC013(c *pctx) {
	for _, jc := range c.jobs {
		lines := strings.Split(jc.src, "\n")
		usesAuth := strings.Contains(jc.src, "config.json") || strings.Contains(jc.src, "auths") || strings.Contains(jc.src, "DOCKER_AUTH_CONFIG")
		for i, ln := range lines {
			if !strings.Contains(ln, "base64") {
				continue
			}
			for _, m := range base64Cmd.FindAllStringSubmatchIndex(ln, -1) {
				args := ln[m[4]:m[5]]
				if strings.Contains(args, "-d") || strings.Contains(args, "--decode") || strings.Contains(args, "-D") || noWrap.MatchString(args) {
					continue
				}
				rest := ln[m[1]:]
				if stripNL.MatchString(rest) {
					continue
				}
				secret := strings.Contains(ln, "CI_REGISTRY_PASSWORD") || strings.Contains(ln, "CI_JOB_TOKEN") || strings.Contains(ln, "CI_DEPENDENCY_PROXY_PASSWORD")
				if !secret && !usesAuth && !strings.Contains(strings.ToLower(ln), "auth") {
					continue
				}
				if !strings.Contains(strings.ToLower(ln), "pass") && !strings.Contains(strings.ToLower(ln), "token") && !strings.Contains(strings.ToLower(ln), "auth") && !secret {
					continue
				}
				sev := finding.Warning
				if secret {
					sev = finding.Error
				}
				pos := jc.locate(jc.at(cmd{}, shellcmd.Pos{Line: i + 1, Col: m[0] + 1}), ln[m[0]:m[1]])
				c.reportSev("GLC013", sev, pos, jc, "", fmt.Sprintf(
					"`base64` wraps its output every 76 characters; a job token (a JWT) or other long credential then gets a newline inside the auth value and config.json or the login breaks; use `base64 -w0` or append `| tr -d '\\n'`."))
			}
		}
	}
}
