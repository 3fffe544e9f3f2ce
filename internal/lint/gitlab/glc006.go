package gitlab

import (
	"fmt"
	"regexp"
	"strings"
	"sync"

	"github.com/regdoctor/regdoctor/internal/finding"
	"github.com/regdoctor/regdoctor/internal/lint"
	"github.com/regdoctor/regdoctor/internal/reghost"
	"github.com/regdoctor/regdoctor/internal/shellcmd"
	gl "github.com/regdoctor/regdoctor/internal/workflow/gitlab"
)

func init() {
	register(lint.Meta{
		ID: "GLC006", Name: "job-token-push-to-foreign-project", Cause: "job-token-cross-project", Severity: finding.Warning,
		Summary: "A push with the job token ($CI_REGISTRY_PASSWORD / $CI_JOB_TOKEN) goes to a path not built from $CI_REGISTRY_IMAGE.",
		Description: "The job token (exposed as `$CI_REGISTRY_PASSWORD`, user `$CI_REGISTRY_USER` / `gitlab-ci-token`) can push " +
			"only to the registry of the project running the job; a push to another project's path is denied " +
			"(`denied: requested access to the resource is denied` / `insufficient_scope`) even after `Login Succeeded` " +
			"(https://docs.gitlab.com/ci/jobs/ci_job_token/; gitlab `container_registry_authentication_service.rb`). " +
			"A literal path cannot be compared with the project's path from the pipeline file alone, so this is a warning " +
			"unless the path is built from another project's variables; a push to the path of the checkout's own git " +
			"remote (`.git/config`) is the project itself and is not reported.\n\n" +
			"Fix: push to `$CI_REGISTRY_IMAGE[/name]`; for another project use a deploy token or project/group access " +
			"token with `read_registry` and `write_registry`, stored as CI/CD variables.",
		Broken: `publish:
  image: docker:27
  services: [docker:27-dind]
  variables:
    DOCKER_TLS_CERTDIR: "/certs"
  script:
    - echo "$CI_REGISTRY_PASSWORD" | docker login "$CI_REGISTRY" -u "$CI_REGISTRY_USER" --password-stdin
    - docker build -t "$CI_REGISTRY/acme/shared/base:latest" .
    - docker push "$CI_REGISTRY/acme/shared/base:latest"
`,
		Fixed: `publish:
  image: docker:27
  services: [docker:27-dind]
  variables:
    DOCKER_TLS_CERTDIR: "/certs"
  script:
    - echo "$CI_REGISTRY_PASSWORD" | docker login "$CI_REGISTRY" -u "$CI_REGISTRY_USER" --password-stdin
    - docker build -t "$CI_REGISTRY_IMAGE/base:latest" .
    - docker push "$CI_REGISTRY_IMAGE/base:latest"
`,
	}, checkGLC006)
}

// jobTokenLogin reports a login whose credentials are the job token.
func jobTokenLogin(c shellcmd.Command) bool {
	var vars []string
	if c.Password != nil {
		vars = append(vars, c.Password.Vars...)
	}
	if c.Stdin != nil {
		vars = append(vars, c.Stdin.Vars...)
	}
	for _, v := range vars {
		if v == "CI_REGISTRY_PASSWORD" || v == "CI_JOB_TOKEN" {
			return true
		}
	}
	return false
}

func checkGLC006(c *pctx) {
	// one finding per place in the text: variables that build on one
	// literal path (BASE, BASE/ci, BASE:tag) pushed by several jobs are one
	// question, "is this path the project?"
	seen := map[gl.Pos]bool{}
	for _, jc := range c.jobs {
		for _, pr := range jc.pushes() {
			if pr.host == "" {
				continue
			}
			ref := normVars(pr.ref.Value)
			if strings.HasPrefix(ref, "$CI_REGISTRY_IMAGE") {
				continue
			}
			gitlabHost := pr.host == hostCIRegistry || reghost.Classify(pr.host) == reghost.GitLab
			if !gitlabHost {
				continue
			}
			// The credential used for this host must be the job token.
			var login *cmd
			for i := range jc.cmds[:pr.i] {
				l := jc.cmds[i]
				if l.Action != shellcmd.Login {
					continue
				}
				for _, h := range l.Hosts {
					if lh, ok := loginHost(h); ok {
						if m, u := hostsMatch(lh, pr.host); m || u {
							login = &jc.cmds[i]
						}
					}
				}
			}
			if login == nil || !jobTokenLogin(login.Command) {
				continue
			}
			_, path, _, _ := shellcmd.SplitRef(ref)
			if pr.host == hostCIRegistry {
				path = strings.TrimPrefix(strings.TrimPrefix(ref, "$CI_REGISTRY"), "/")
				if i := strings.LastIndexByte(path, ':'); i > strings.LastIndexByte(path, '/') {
					path = path[:i]
				}
			}
			if path == "" || strings.Contains(path, "$CI_PROJECT_PATH") || strings.Contains(path, "$CI_PROJECT_NAMESPACE") {
				continue
			}
			if strings.Contains(path, "$") {
				continue // built from variables we cannot resolve: abstain
			}
			if own := jc.projectPaths(); len(own) > 0 {
				inside := false
				for _, o := range own {
					lp, lo := strings.ToLower(path), strings.ToLower(o)
					if lp == lo || strings.HasPrefix(lp, lo+"/") {
						inside = true
					}
				}
				if inside {
					continue
				}
				c.reportSev("GLC006", finding.Error, jc.defPos(pr.cmd, pr.ref), jc, pr.host, fmt.Sprintf(
					"pushes `%s` with the job token (login `%s`), but the job runs only in project %s and the job token can push only there: the push is denied; push to `$CI_REGISTRY_IMAGE`, or log in with a deploy or access token that has `write_registry` on `%s`.",
					pr.ref.Value, short(login.Text), strings.Join(own, ", "), path))
				continue
			}
			if pushesToRemote(remotePaths(jc.p.Root), pr.host, path) {
				continue // the checkout's own GitLab project (its git remote)
			}
			pos := jc.literalPos(pr.cmd, pr.ref, path)
			if seen[pos] {
				continue
			}
			seen[pos] = true
			c.report("GLC006", pos, jc, pr.host, fmt.Sprintf(
				"pushes `%s` with the job token (login `%s`), which can push only to this project's registry; unless `%s` is this project's path the push is denied: push to `$CI_REGISTRY_IMAGE`, or log in with a deploy or access token that has `write_registry` on `%s`.",
				pr.ref.Value, short(login.Text), path, path))
		}
	}
}

var projectPathRule = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`\$CI_PROJECT_PATH\s*==\s*["']([^"']+)["']`) })

// projectPaths returns the project paths the job is pinned to: `only:`
// refs written `ref@group/project`, or rules comparing $CI_PROJECT_PATH
// with a literal.
func (jc *jobCtx) projectPaths() []string {
	var out []string
	for _, r := range onlyRefs(jc.job.Only) {
		if i := strings.IndexByte(r, '@'); i >= 0 && i+1 < len(r) {
			out = append(out, r[i+1:])
		}
	}
	for _, m := range projectPathRule().FindAllStringSubmatch(valueText(jc.job.Rules), -1) {
		out = append(out, m[1])
	}
	return uniq(out)
}

// literalPos is where the literal repository path lit of a pushed word is
// written: the YAML variable (of those the word uses, followed through
// variables that use other variables) whose own value holds lit, else the
// word's defPos.
func (jc *jobCtx) literalPos(cm cmd, w shellcmd.Word, lit string) gl.Pos {
	first := lit
	if i := strings.IndexByte(first, '/'); i > 0 {
		first = first[:i] // the written part may stop at a variable: group/$NAME
	}
	names := append([]string(nil), w.Vars...)
	for i := 0; i < len(names) && i < 32; i++ {
		def, ok := jc.job.Variables[names[i]]
		if !ok {
			continue
		}
		if strings.Contains(def.Value, first+"/") || strings.Contains(def.Value, lit) {
			return def.Pos
		}
		names = append(names, varsOf(def.Value)...)
	}
	return jc.defPos(cm, w)
}

// pushesToRemote reports a push to one of the checkout's remote projects or
// an image under it (group/project/sub): the path matches and the registry
// is $CI_REGISTRY or the remote's host (or registry.<host>, GitLab.com's
// layout; a port is ignored).
func pushesToRemote(remotes []gitRemote, regHost, path string) bool {
	lp := strings.ToLower(path)
	h := strings.ToLower(regHost)
	if i := strings.LastIndexByte(h, ':'); i >= 0 {
		h = h[:i]
	}
	for _, r := range remotes {
		if lp != r.path && !strings.HasPrefix(lp, r.path+"/") {
			continue
		}
		if regHost == hostCIRegistry || h == r.host || h == "registry."+r.host {
			return true
		}
	}
	return false
}
