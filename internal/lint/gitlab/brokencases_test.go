package gitlab

import (
	"strings"
	"testing"

	"github.com/regdoctor/regdoctor/internal/finding"
)

// Constructs from real broken pipelines checked on the lint-broken branch
// (public issue threads; the cases themselves live outside the repository),
// each written here as a minimal pipeline of our own with the counterpart that
// must stay quiet.
func TestBrokenConstructs(t *testing.T) {
	const login = "    - echo \"$CI_REGISTRY_PASSWORD\" | docker login -u \"$CI_REGISTRY_USER\" --password-stdin \"$CI_REGISTRY\"\n"
	const build = "    - docker build -t \"$CI_REGISTRY_IMAGE:1\" .\n    - docker push \"$CI_REGISTRY_IMAGE:1\"\n"
	const kanikoJSON = `    - echo "{\"auths\":{\"$CI_REGISTRY\":{\"username\":\"$CI_REGISTRY_USER\",\"password\":\"$CI_REGISTRY_PASSWORD\"}}}" > %DIR%/config.json` + "\n"
	kaniko := func(dir, run string) string {
		return "build:\n  image:\n    name: gcr.io/kaniko-project/executor:v1.23.2-debug\n    entrypoint: [\"\"]\n  script:\n    - mkdir -p " + dir + "\n" +
			strings.ReplaceAll(kanikoJSON, "%DIR%", dir) + run
	}
	cases := []struct {
		name, yml string
		want      string // "RULE/cause/severity" joined by ","; "" = nothing at warning or above
	}{
		// DOCKER_TLS_CERTDIR configures a dind service that is not there.
		{"dind TLS setting without any dind service", "variables:\n  DOCKER_TLS_CERTDIR: \"\"\nbuild:\n  image: acme/docker-with-compose\n  script:\n" + login + build, "GLC009/daemon-unreachable/warning"},
		{"dind TLS setting with a dind service", "variables:\n  DOCKER_TLS_CERTDIR: \"\"\nbuild:\n  image: acme/docker-with-compose\n  services: [docker:27-dind]\n  script:\n" + login + build, ""},
		{"dind TLS setting, DOCKER_HOST elsewhere", "variables:\n  DOCKER_TLS_CERTDIR: \"\"\n  DOCKER_HOST: tcp://buildkit:2375\nbuild:\n  image: acme/docker-with-compose\n  script:\n" + login + build, ""},
		{"dind TLS setting, socket runner tag", "variables:\n  DOCKER_TLS_CERTDIR: \"\"\nbuild:\n  image: acme/docker-with-compose\n  tags: [docker-socket]\n  script:\n" + login + build, ""},
		{"dind used by another job", "variables:\n  DOCKER_TLS_CERTDIR: /certs\ntest:\n  image: docker:27\n  services: [docker:27-dind]\n  script: [docker info]\nbuild:\n  image: acme/docker-with-compose\n  script:\n" + login + build, ""},
		{"no dind setting, custom image", "build:\n  image: acme/docker-with-compose\n  script:\n" + login + build, ""},

		// The executor command kept in a shell variable and run as $NAME.
		{"kaniko run through a variable, credentials in /root/.docker", kaniko("/root/.docker", "    - cmd=\"/kaniko/executor --context $CI_PROJECT_DIR\"\n    - $cmd --destination \"$CI_REGISTRY_IMAGE:1\"\n"), "GLC020/no-login/error"},
		{"kaniko run through a variable, credentials in /kaniko/.docker", kaniko("/kaniko/.docker", "    - cmd=\"/kaniko/executor --context $CI_PROJECT_DIR\"\n    - ${cmd} --destination \"$CI_REGISTRY_IMAGE:1\"\n"), ""},
		{"a longer variable name is not the executor", kaniko("/root/.docker", "    - cmd=\"/kaniko/executor --context $CI_PROJECT_DIR\"\n    - echo $cmdline --destination \"$CI_REGISTRY_IMAGE:1\"\n"), ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			fs := lintYAML(t, c.yml)
			var got []string
			for _, f := range fs {
				if f.Severity != finding.Info {
					got = append(got, f.Rule+"/"+f.Cause+"/"+string(f.Severity))
				}
			}
			if strings.Join(got, ",") != c.want {
				t.Errorf("got %q, want %q\n%s", strings.Join(got, ","), c.want, render(fs))
			}
		})
	}
}

// A predefined registry host overridden in YAML (here by an included
// fragment's global variables) is a wrong-host fault; a credential
// variable override stays empty-credential.
func TestBrokenConstructsGLC014Cause(t *testing.T) {
	job := "build:\n  image:\n    name: gcr.io/kaniko-project/executor:v1.23.2-debug\n    entrypoint: [\"\"]\n  script:\n" +
		"    - /kaniko/executor --context \"$CI_PROJECT_DIR\" --destination \"$CI_REGISTRY_IMAGE:1\"\n"
	for _, c := range []struct{ name, vars, want string }{
		{"registry host overridden", "variables:\n  CI_REGISTRY: docker-registry.example.com\n", "login-wrong-host"},
		{"registry image overridden", "variables:\n  CI_REGISTRY_IMAGE: registry.example.com/x\n", "login-wrong-host"},
		{"registry user overridden", "variables:\n  CI_REGISTRY_USER: deployer\n", "empty-credential"},
	} {
		t.Run(c.name, func(t *testing.T) {
			fs := lintYAML(t, c.vars+job)
			got := ""
			for _, f := range fs {
				if f.Rule == "GLC014" {
					got = f.Cause
				}
			}
			if got != c.want {
				t.Errorf("GLC014 cause %q, want %q\n%s", got, c.want, render(fs))
			}
		})
	}
}
