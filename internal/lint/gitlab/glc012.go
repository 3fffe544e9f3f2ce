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
		ID: "GLC012", Name: "kaniko-config-missing-destination-host", Cause: "no-login", Severity: finding.Error,
		Summary: "The job writes kaniko's config.json but no `auths` entry covers a --destination host.",
		Description: "kaniko reads registry credentials from `/kaniko/.docker/config.json` (or `$DOCKER_CONFIG/config.json`). " +
			"A job that writes that file with `>` replaces whatever was there, including the credentials GitLab " +
			"provides for its own registry (https://docs.gitlab.com/ci/docker/using_kaniko/). When no `auths` key " +
			"matches the host of a `--destination` (or `--cache-repo`), kaniko pushes anonymously: " +
			"`UNAUTHORIZED: authentication required` / `checking push permission`. Keys must be the registry host " +
			"exactly as in the destination (`$CI_REGISTRY`, not the GitLab web host).\n\n" +
			"Fix: add an `auths` entry for every destination host, e.g. " +
			"`{\"auths\":{\"$CI_REGISTRY\":{\"username\":\"$CI_REGISTRY_USER\",\"password\":\"$CI_REGISTRY_PASSWORD\"}}}`.",
		Broken: `build:
  image:
    name: gcr.io/kaniko-project/executor:v1.23.2-debug
    entrypoint: [""]
  script:
    - echo "{\"auths\":{\"https://index.docker.io/v1/\":{\"auth\":\"$DOCKERHUB_AUTH\"}}}" > /kaniko/.docker/config.json
    - /kaniko/executor --context "$CI_PROJECT_DIR" --destination "$CI_REGISTRY_IMAGE:$CI_COMMIT_SHORT_SHA"
`,
		Fixed: `build:
  image:
    name: gcr.io/kaniko-project/executor:v1.23.2-debug
    entrypoint: [""]
  script:
    - echo "{\"auths\":{\"https://index.docker.io/v1/\":{\"auth\":\"$DOCKERHUB_AUTH\"},\"$CI_REGISTRY\":{\"username\":\"$CI_REGISTRY_USER\",\"password\":\"$CI_REGISTRY_PASSWORD\"}}}" > /kaniko/.docker/config.json
    - /kaniko/executor --context "$CI_PROJECT_DIR" --destination "$CI_REGISTRY_IMAGE:$CI_COMMIT_SHORT_SHA"
`,
	}, checkGLC012)
}

var kanikoExec = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`(?m)(^|[\s;&|])(/kaniko/executor|executor)\s`) })
var kanikoDest = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?:--destination|--cache-repo|-d)(?:=|\s+)("[^"]*"|'[^']*'|[^\s"']+)`)
})

// kanikoAlias finds a shell variable that holds the executor command line
// (`build="/kaniko/executor --context ..."`), later run as `$build --destination ...`.
var kanikoAlias = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?:^|[\s;&|])([A-Za-z_][A-Za-z0-9_]*)=["']?/kaniko/executor(?:\s|["']|$)`)
})
var authKey = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`"([^"]+)"\s*:\s*\{`) })

// kanikoDests returns the destination and cache-repo words of kaniko
// invocations with their script positions.
func (jc *jobCtx) kanikoDests() []shellcmd.Word {
	var out []shellcmd.Word
	lines := strings.Split(jc.src, "\n")
	// Variables that hold the executor command: `$NAME args` runs it.
	var aliases []string
	for _, m := range kanikoAlias().FindAllStringSubmatch(jc.src, -1) {
		aliases = append(aliases, m[1])
	}
	for i := 0; i < len(lines); i++ {
		ln := lines[i]
		if !strings.Contains(ln, "executor") && !runsAlias(ln, aliases) {
			continue
		}
		if kanikoExec().FindStringIndex(ln) == nil && !runsAlias(ln, aliases) {
			continue
		}
		// Follow backslash continuations.
		start := i
		text := ln
		for strings.HasSuffix(strings.TrimRight(lines[i], " "), "\\") && i+1 < len(lines) {
			i++
			text += "\n" + lines[i]
		}
		for _, m := range kanikoDest().FindAllStringSubmatchIndex(text, -1) {
			raw := text[m[2]:m[3]]
			before := text[:m[2]]
			line := start + strings.Count(before, "\n")
			col := len(before) - strings.LastIndexByte(before, '\n')
			val := strings.Trim(raw, `"'`)
			out = append(out, shellcmd.Word{Pos: shellcmd.Pos{Line: line + 1, Col: col}, Text: raw, Value: expandWith(val, jc.env), Vars: varsOf(val)})
		}
	}
	return out
}

// expandWith substitutes $NAME / ${NAME} from env, leaving others.
func expandWith(s string, env map[string]string) string {
	return varRef().ReplaceAllStringFunc(s, func(m string) string {
		sm := varRef().FindStringSubmatch(m)
		if v, ok := env[sm[1]+sm[2]]; ok {
			return v
		}
		return m
	})
}

func checkGLC012(c *pctx) {
	for _, jc := range c.jobs {
		if !strings.Contains(jc.src, "executor") {
			continue
		}
		dests := jc.kanikoDests()
		if len(dests) == 0 {
			continue
		}
		var writes []cmd
		for _, cm := range jc.cmds {
			if cm.Action == shellcmd.WriteConfig && cm.Target != nil && !strings.Contains(cm.Text, ">>") {
				writes = append(writes, cm)
			}
		}
		if len(writes) == 0 {
			continue // GitLab's own credentials for $CI_REGISTRY are kept
		}
		covered := map[string]bool{}
		unsure := false
		for _, w := range writes {
			text := strings.ReplaceAll(w.Text, `\"`, `"`)
			if strings.Contains(text, "credHelpers") || strings.Contains(text, "credsStore") || !strings.Contains(text, "auths") {
				unsure = true
			}
			for _, m := range authKey().FindAllStringSubmatch(text, -1) {
				if m[1] == "auths" {
					continue
				}
				h, ok := loginHost(expandWith(m[1], jc.env))
				if !ok {
					unsure = true
					continue
				}
				covered[h] = true
			}
		}
		if unsure {
			continue
		}
		for _, d := range dests {
			host, ok := refHost(d.Value)
			if !ok || isLocal(host) {
				continue
			}
			match := false
			for h := range covered {
				if m, u := hostsMatch(h, host); m || u {
					match = true
				}
			}
			if match {
				continue
			}
			var keys []string
			for h := range covered {
				keys = append(keys, hostLabel(h))
			}
			pos := jc.locate(jc.at(cmd{}, d.Pos), d.Text)
			c.report("GLC012", pos, jc, host, fmt.Sprintf(
				"kaniko pushes `%s` to %s, but the config.json this job writes has auths only for %s and replaces any other credentials: add an entry for %s.",
				d.Value, hostLabel(host), strings.Join(keys, ", "), hostLabel(host)))
		}
	}
}

// runsAlias reports a script line that runs one of the variables holding the
// executor command ($NAME or ${NAME} in command position).
func runsAlias(ln string, aliases []string) bool {
	for _, a := range aliases {
		for _, ref := range []string{"$" + a, "${" + a + "}"} {
			i := strings.Index(ln, ref)
			if i < 0 {
				continue
			}
			end := i + len(ref)
			if end < len(ln) && ref[len(ref)-1] != '}' && (isWordByte(ln[end])) {
				continue // $NAMEX is another variable
			}
			before := strings.TrimRight(ln[:i], " \t")
			if before == "" || strings.HasSuffix(before, "-") || strings.ContainsAny(before[len(before)-1:], ";&|") {
				return true
			}
		}
	}
	return false
}

func isWordByte(b byte) bool {
	return b == '_' || b >= '0' && b <= '9' || b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z'
}
