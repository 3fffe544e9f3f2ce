package gitlab

import (
	"fmt"
	"regexp"
	"strings"
	"sync"

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

var base64Cmd = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`\b(openssl\s+)?base64\b([^|;)\n` + "`" + `]*)`) })
var noWrap = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`(^|\s)(-w\s*0|--wrap[= ]0|-A)\b`) })
var stripNL = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`tr\s+-d\s+["']?\\n|tr\s+-d\s+["']?\\r\\n|tr\s+-d\s+'\s'|tr\s+-d\s+"\\n"|tr\s+-d\s+'[^']*\\n`)
})

// newlineInput returns the byte offset of a base64 fed by a here-string
// or by a plain echo (no -n), both of which append a newline that becomes
// part of the encoded secret; -1 when there is none.
func newlineInput(ln string) int {
	if i := strings.Index(ln, "base64"); i >= 0 {
		rest := ln[i:]
		if j := strings.Index(rest, "<<<"); j >= 0 && !strings.ContainsAny(rest[:j], "|;)") {
			return i
		}
	}
	for off := 0; ; {
		k := strings.Index(ln[off:], "|")
		if k < 0 {
			return -1
		}
		k += off
		after := strings.TrimLeft(ln[k+1:], " ")
		after = strings.TrimPrefix(after, "openssl ")
		if strings.HasPrefix(after, "base64") {
			seg := ln[:k]
			for _, sep := range []string{"$(", "`", ";", "&&", "|"} {
				if j := strings.LastIndex(seg, sep); j >= 0 {
					seg = seg[j+len(sep):]
				}
			}
			seg = strings.TrimSpace(seg)
			if strings.HasPrefix(seg, "echo ") && !strings.HasPrefix(seg, "echo -n") && !strings.HasPrefix(seg, "echo -ne") {
				return k + 1
			}
		}
		off = k + 1
	}
}

func checkGLC013(c *pctx) {
	checkNewlineInput(c)
	for _, jc := range c.jobs {
		lines := strings.Split(jc.src, "\n")
		usesAuth := strings.Contains(jc.src, "config.json") || strings.Contains(jc.src, "auths") || strings.Contains(jc.src, "DOCKER_AUTH_CONFIG")
		for i, ln := range lines {
			if !strings.Contains(ln, "base64") {
				continue
			}
			for _, m := range base64Cmd().FindAllStringSubmatchIndex(ln, -1) {
				args := ln[m[4]:m[5]]
				if strings.Contains(args, "-d") || strings.Contains(args, "--decode") || strings.Contains(args, "-D") || noWrap().MatchString(args) {
					continue
				}
				rest := ln[m[1]:]
				if stripNL().MatchString(rest) {
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

// checkNewlineInput reports base64 auth values encoded from input that ends
// in a newline (`base64 <<< "$U:$P"`, `echo "$U:$P" | base64`): the decoded
// password then ends in "\n" and the registry rejects it.
func checkNewlineInput(c *pctx) {
	for _, jc := range c.jobs {
		if !strings.Contains(jc.src, "base64") {
			continue
		}
		lines := strings.Split(jc.src, "\n")
		for i, ln := range lines {
			if !strings.Contains(ln, "base64") || strings.Contains(ln, "-d") || strings.Contains(ln, "--decode") {
				continue
			}
			at := newlineInput(ln)
			if at < 0 {
				continue
			}
			low := strings.ToLower(ln)
			if !strings.Contains(low, "pass") && !strings.Contains(low, "token") && !strings.Contains(low, "auth") && !strings.Contains(low, "user") {
				continue
			}
			pos := jc.locate(jc.at(cmd{}, shellcmd.Pos{Line: i + 1, Col: at + 1}), ln[at:min(len(ln), at+20)])
			c.reportSev("GLC013", finding.Error, pos, jc, "", "the credential is base64-encoded from input that ends in a newline (a `<<<` here-string or `echo` without -n), so the decoded password ends in \\n and the registry rejects it (`unauthorized`); use `printf '%s:%s' \"$USER\" \"$PASS\" | base64 -w0`.")
		}
	}
}
