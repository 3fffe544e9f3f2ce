package gitlab

import (
	"fmt"

	"github.com/regdoctor/regdoctor/internal/finding"
	"github.com/regdoctor/regdoctor/internal/lint"
	"github.com/regdoctor/regdoctor/internal/shellcmd"
	gl "github.com/regdoctor/regdoctor/internal/workflow/gitlab"
)

func init() {
	register(lint.Meta{
		ID: "GLC002", Name: "before-script-override-drops-login", Cause: "no-login", Severity: finding.Error,
		Summary: "The registry login lives in default: before_script, but a pushing job replaces or opts out of that before_script.",
		Description: "`default:` values (and the legacy top-level `before_script`) are copied only into jobs that do not " +
			"define the keyword themselves; lists are never merged (https://docs.gitlab.com/ci/yaml/#default). A job " +
			"with its own `before_script` (directly or through `extends`), or with `inherit: default: false` (or a list " +
			"without `before_script`), silently loses the login and its push fails with `no basic auth credentials` or " +
			"`unauthorized: authentication required`.\n\n" +
			"Fix: start the job's before_script with `- !reference [default, before_script]`, or repeat the login line.",
		Broken: `default:
  image: docker:27
  services: [docker:27-dind]
  before_script:
    - echo "$CI_REGISTRY_PASSWORD" | docker login "$CI_REGISTRY" -u "$CI_REGISTRY_USER" --password-stdin
build:
  before_script:
    - apk add --no-cache git
  script:
    - docker build -t "$CI_REGISTRY_IMAGE:$CI_COMMIT_SHORT_SHA" .
    - docker push "$CI_REGISTRY_IMAGE:$CI_COMMIT_SHORT_SHA"
`,
		Fixed: `default:
  image: docker:27
  services: [docker:27-dind]
  before_script:
    - echo "$CI_REGISTRY_PASSWORD" | docker login "$CI_REGISTRY" -u "$CI_REGISTRY_USER" --password-stdin
build:
  before_script:
    - !reference [default, before_script]
    - apk add --no-cache git
  script:
    - docker build -t "$CI_REGISTRY_IMAGE:$CI_COMMIT_SHORT_SHA" .
    - docker push "$CI_REGISTRY_IMAGE:$CI_COMMIT_SHORT_SHA"
`,
	}, checkGLC002)
}

// defaultLogins parses the default before_script once and returns its login hosts.
func (c *pctx) defaultLoginHosts() []string {
	if c.defaultHosts != nil {
		return *c.defaultHosts
	}
	var hosts []string
	if len(c.p.DefaultBeforeScript) > 0 {
		var src string
		for _, l := range c.p.DefaultBeforeScript {
			src += l.Text + "\n"
		}
		if sc, _ := shellcmd.Parse("default", src, shellcmd.Options{Env: expandEnv(c.p.Globals)}); sc != nil {
			for _, cm := range sc.Commands {
				if cm.Action == shellcmd.Login || cm.Action == shellcmd.CredHelper {
					for _, h := range cm.Hosts {
						if lh, ok := loginHost(h); ok {
							hosts = append(hosts, lh)
						} else {
							hosts = append(hosts, "?")
						}
					}
				}
			}
		}
	}
	c.defaultHosts = &hosts
	return hosts
}

// defaultLoginDropped reports that the default before_script logs in to host
// (or to an unresolved host) and the job does not run it.
func (c *pctx) defaultLoginDropped(jc *jobCtx, host string) bool {
	if !jc.job.DefaultBeforeScriptDropped {
		return false
	}
	for _, h := range c.defaultLoginHosts() {
		if h == "?" {
			return true
		}
		if m, u := hostsMatch(h, host); m || u {
			return true
		}
	}
	return false
}

func checkGLC002(c *pctx) {
	for _, jc := range c.jobs {
		if !jc.job.DefaultBeforeScriptDropped || jc.callsLoginHelper() || jc.job.Incomplete {
			continue
		}
		for _, pr := range jc.pushes() {
			if pr.host == "" || isLocal(pr.host) {
				continue
			}
			cv := jc.coverFor(pr.i, pr.host)
			if cv.covered || cv.unsure || !c.defaultLoginDropped(jc, pr.host) {
				continue
			}
			pos := jc.job.Pos
			how := "its own `before_script`"
			if pr := jc.job.Value.Pair("before_script"); pr != nil && jc.job.BeforeScriptFrom == "job" {
				pos = pr.KeyPos
				if pos.File != jc.job.Pos.File || pos.Line < jc.job.Pos.Line {
					how = "a `before_script` inherited through `extends`"
					pos = jc.job.Pos
				}
			} else if ip := jc.job.Value.Pair("inherit"); ip != nil {
				pos = ip.KeyPos
				how = "`inherit: default` without `before_script`"
			}
			c.report("GLC002", pos, jc, pr.host, fmt.Sprintf(
				"the registry login is in the default before_script (%s), but this job has %s, which replaces it (lists are not merged), so `%s` pushes with no login; add `- !reference [default, before_script]` to the job's before_script.",
				posShort(c.p.DefaultBeforeScriptPos), how, short(pr.cmd.Text)))
			break
		}
	}
}

func posShort(p gl.Pos) string { return fmt.Sprintf("%s:%d", p.File, p.Line) }
