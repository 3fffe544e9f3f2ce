package gitlab

import (
	"strings"
	"testing"

	"github.com/regdoctor/regdoctor/internal/finding"
)

// Cases beyond each rule's doc examples: GitLab semantics that change the
// answer (extends, inherit, !reference, includes, precedence) and abstentions.
func TestRuleSemantics(t *testing.T) {
	const dind = "  image: docker:27\n  services: [docker:27-dind]\n  variables: {DOCKER_TLS_CERTDIR: /certs}\n"
	const login = `echo "$CI_REGISTRY_PASSWORD" | docker login "$CI_REGISTRY" -u "$CI_REGISTRY_USER" --password-stdin`
	cases := []struct {
		name string
		yml  string
		want string // "RULE/cause/severity" joined by ","; "" = nothing at warning or above
	}{
		{"login in another job", ".d: &d\n" + dind + "login:\n  <<: *d\n  script: ['" + login + "']\npush:\n  <<: *d\n  script: ['docker push \"$CI_REGISTRY_IMAGE\"']\n",
			"GLC001/login-other-job/error"},
		{"login through !reference", ".login:\n  before_script: ['" + login + "']\npush:\n" + dind + "  before_script:\n    - !reference [.login, before_script]\n  script: ['docker push \"$CI_REGISTRY_IMAGE\"']\n", ""},
		{"login inherited through extends", ".base:\n" + dind + "  before_script: ['" + login + "']\npush:\n  extends: .base\n  script: ['docker push \"$CI_REGISTRY_IMAGE\"']\n", ""},
		{"extends parent before_script replaces default login", "default:\n  before_script: ['" + login + "']\n.tools:\n  before_script: [apk add git]\npush:\n  extends: .tools\n" + dind + "  script: ['docker push \"$CI_REGISTRY_IMAGE\"']\n",
			"GLC002/no-login/error"},
		{"inherit default false drops login", "default:\n  before_script: ['" + login + "']\npush:\n" + dind + "  inherit:\n    default: [image, services]\n  script: ['docker push \"$CI_REGISTRY_IMAGE\"']\n",
			"GLC002/no-login/error"},
		{"login host in unknown variable abstains", "push:\n" + dind + "  script:\n    - echo \"$P\" | docker login -u \"$U\" --password-stdin \"$MY_REGISTRY\"\n    - docker push \"$CI_REGISTRY_IMAGE\"\n", ""},
		{"login to gitlab web host", "push:\n" + dind + "  script:\n    - echo \"$CI_JOB_TOKEN\" | docker login -u gitlab-ci-token --password-stdin \"$CI_SERVER_HOST\"\n    - docker push \"$CI_REGISTRY_IMAGE:1\"\n",
			"GLC003/login-wrong-host/error"},
		{"YAML variable resolves push host", "variables:\n  IMAGE: ghcr.io/acme/app\npush:\n" + dind + "  script:\n    - '" + login + "'\n    - docker push \"$IMAGE:1\"\n",
			"GLC003/login-wrong-host/error"},
		{"misspelt variable suggested", "push:\n" + dind + "  script:\n    - docker login -u \"$CI_REGISTRY_USER\" -p \"$CI_REGISTRY_PASWORD\" \"$CI_REGISTRY\"\n    - docker push \"$CI_REGISTRY_IMAGE\"\n",
			"GLC005/empty-credential/warning"},
		{"user CI_ variable defined in YAML is fine", "variables:\n  CI_IMAGE: $CI_REGISTRY_IMAGE/app\npush:\n" + dind + "  script:\n    - '" + login + "'\n    - docker push \"$CI_IMAGE\"\n", ""},
		{"deprecated variable through a YAML variable", "variables:\n  PASS: $CI_BUILD_TOKEN\npush:\n" + dind + "  script:\n    - echo \"$PASS\" | docker login -u gitlab-ci-token --password-stdin \"$CI_REGISTRY\"\n    - docker push \"$CI_REGISTRY_IMAGE\"\n",
			"GLC005/empty-credential/error"},
		{"service-side certdir differs", "push:\n  image: docker:27\n  services:\n    - name: docker:27-dind\n      variables: {DOCKER_TLS_CERTDIR: \"\"}\n  variables: {DOCKER_TLS_CERTDIR: /certs, DOCKER_HOST: \"tcp://docker:2376\"}\n  script: [docker info]\n",
			"GLC008/daemon-unreachable/error"},
		{"job variable beats global for DOCKER_HOST", "variables:\n  DOCKER_HOST: tcp://docker:2375\npush:\n  image: docker:27\n  services: [docker:27-dind]\n  variables: {DOCKER_HOST: \"tcp://docker:2376\", DOCKER_TLS_CERTDIR: /certs}\n  script: [docker info]\n", ""},
		{"no-TLS combination", "variables:\n  DOCKER_HOST: tcp://docker:2375\n  DOCKER_TLS_CERTDIR: \"\"\npush:\n  image: docker:27\n  services: [docker:27-dind]\n  script: [docker info]\n", ""},
		{"DOCKER_HOST names no service", "push:\n  image: docker:27\n  services: [{name: registry.example.com/docker:27-dind, alias: dockerd}]\n  variables: {DOCKER_HOST: \"tcp://docker:2376\", DOCKER_TLS_CERTDIR: /certs}\n  script: [docker info]\n",
			"GLC009/daemon-unreachable/error"},
		{"derived service name matches", "push:\n  image: docker:27\n  services: [docker:27-dind]\n  variables: {DOCKER_HOST: \"tcp://docker:2376\", DOCKER_TLS_CERTDIR: /certs}\n  script: [docker info]\n", ""},
		{"docker CLI without daemon", "push:\n  image: docker:27\n  script: [docker build -t x .]\n", "GLC009/daemon-unreachable/warning"},
		{"runner tag provides docker", "push:\n  image: docker:27\n  tags: [dind]\n  script: [docker build -t x .]\n", ""},
		{"path too deep", "push:\n" + dind + "  script:\n    - '" + login + "'\n    - docker push \"$CI_REGISTRY_IMAGE/a/b/c:1\"\n", "GLC015/invalid-reference/error"},
		{"ref name safe on tags only", "push:\n" + dind + "  only: [tags]\n  script:\n    - '" + login + "'\n    - docker push \"$CI_REGISTRY_IMAGE:$CI_COMMIT_REF_NAME\"\n", ""},
		{"kaniko to gitlab registry without writing config", "push:\n  image: {name: gcr.io/kaniko-project/executor:debug, entrypoint: [\"\"]}\n  script:\n    - /kaniko/executor --context . --destination \"$CI_REGISTRY_IMAGE:1\"\n", ""},
		{"kaniko config covers host", "push:\n  image: {name: gcr.io/kaniko-project/executor:debug, entrypoint: [\"\"]}\n  script:\n    - echo \"{\\\"auths\\\":{\\\"${CI_REGISTRY}\\\":{\\\"auth\\\":\\\"$(printf '%s:%s' \\\"$CI_REGISTRY_USER\\\" \\\"$CI_REGISTRY_PASSWORD\\\" | base64 -w0)\\\"}}}\" > /kaniko/.docker/config.json\n    - /kaniko/executor --context . --destination \"$CI_REGISTRY_IMAGE:1\"\n", ""},
		{"podman login then podman push", "push:\n  image: quay.io/podman/stable\n  script:\n    - podman login -u \"$CI_REGISTRY_USER\" -p \"$CI_REGISTRY_PASSWORD\" \"$CI_REGISTRY\"\n    - podman push \"$CI_REGISTRY_IMAGE\"\n", ""},
		{"docker login then podman push", "push:\n  image: quay.io/podman/stable\n  script:\n    - docker login -u \"$CI_REGISTRY_USER\" -p \"$CI_REGISTRY_PASSWORD\" \"$CI_REGISTRY\"\n    - podman push \"$CI_REGISTRY_IMAGE\"\n", ""},
		{"job token to literal other project", "push:\n" + dind + "  script:\n    - '" + login + "'\n    - docker push registry.gitlab.com/other/project:1\n",
			"GLC006/job-token-cross-project/warning"},
		{"job token push inside the pinned project", "push:\n" + dind + "  only: [main@knot/resolver]\n  script:\n    - '" + login + "'\n    - docker push \"$CI_REGISTRY/knot/resolver/cross:1\"\n", ""},
		{"job token push outside the pinned project", "push:\n" + dind + "  rules:\n    - if: '$CI_PROJECT_PATH == \"acme/api\"'\n  script:\n    - '" + login + "'\n    - docker push \"$CI_REGISTRY/acme/shared/base:1\"\n", "GLC006/job-token-cross-project/error"},
		{"deploy token to other project is fine", "push:\n" + dind + "  script:\n    - echo \"$BASE_DEPLOY_TOKEN\" | docker login -u \"$BASE_DEPLOY_USER\" --password-stdin registry.gitlab.com\n    - docker push registry.gitlab.com/other/project:1\n", ""},
		{"dependency proxy pull after proxy login", "push:\n" + dind + "  script:\n    - echo \"$CI_DEPENDENCY_PROXY_PASSWORD\" | docker login -u \"$CI_DEPENDENCY_PROXY_USER\" --password-stdin \"$CI_DEPENDENCY_PROXY_SERVER\"\n    - docker pull \"${CI_DEPENDENCY_PROXY_GROUP_IMAGE_PREFIX}/alpine\"\n", ""},
		{"dependency proxy login used for push", "push:\n" + dind + "  script:\n    - echo \"$CI_DEPENDENCY_PROXY_PASSWORD\" | docker login -u \"$CI_DEPENDENCY_PROXY_USER\" --password-stdin \"$CI_DEPENDENCY_PROXY_SERVER\"\n    - docker push \"$CI_REGISTRY_IMAGE\"\n",
			"GLC003/login-wrong-host/error"},
		{"uppercase literal path", "push:\n" + dind + "  script:\n    - '" + login + "'\n    - docker push \"$CI_REGISTRY/MyGroup/app:1\"\n", "GLC015/invalid-reference/error,GLC006/job-token-cross-project/warning"},
		{"uppercase host is fine", "push:\n" + dind + "  script:\n    - echo \"$P\" | docker login -u \"$U\" --password-stdin Registry.Example.com\n    - docker push Registry.Example.com/group/app:1\n", ""},
		{"tag variable on branch-only job", "push:\n" + dind + "  only: [main]\n  script:\n    - '" + login + "'\n    - docker push \"$CI_REGISTRY_IMAGE:$CI_COMMIT_TAG\"\n", "GLC019/empty-reference-variable/error"},
		{"tag variable on tags-only job", "push:\n" + dind + "  only: [tags]\n  script:\n    - '" + login + "'\n    - docker push \"$CI_REGISTRY_IMAGE:$CI_COMMIT_TAG\"\n", ""},
		{"tag variable with default", "push:\n" + dind + "  script:\n    - '" + login + "'\n    - docker push \"$CI_REGISTRY_IMAGE:${CI_COMMIT_TAG:-latest}\"\n", ""},
		{"branch variable without rules", "push:\n" + dind + "  script:\n    - '" + login + "'\n    - docker push \"$CI_REGISTRY_IMAGE:$CI_COMMIT_BRANCH\"\n", "GLC015/invalid-reference/warning,GLC019/empty-reference-variable/warning"},
		{"unresolved include may hold the default login", "include:\n  - project: acme/ci-templates\n    file: docker.yml\npush:\n" + dind + "  script: ['docker push \"$CI_REGISTRY_IMAGE\"']\n", ""},
		{"unresolved include does not hide the job's own before_script", "include:\n  - remote: https://example.com/ci.yml\npush:\n" + dind + "  before_script: [echo hi]\n  script: ['docker push \"$CI_REGISTRY_IMAGE\"']\n", "GLC001/no-login/error"},
		{"extends a template from an unresolved include", "include:\n  - template: Docker.gitlab-ci.yml\npush:\n  extends: .docker-login\n" + dind + "  before_script: [echo hi]\n  script: ['docker push \"$CI_REGISTRY_IMAGE\"']\n", ""},
		{"unresolved include may set DOCKER_TLS_CERTDIR", "include:\n  - component: gitlab.com/acme/dind@1\npush:\n  image: docker:27\n  services: [docker:27-dind]\n  variables: {DOCKER_HOST: \"tcp://docker:2375\"}\n  script: [docker info]\n", ""},
		{"kaniko destination tagged with the ref name", "push:\n  image: {name: gcr.io/kaniko-project/executor:debug, entrypoint: [\"\"]}\n  script:\n    - /kaniko/executor --context . --destination \"$CI_REGISTRY_IMAGE:$CI_COMMIT_REF_NAME\"\n", "GLC015/invalid-reference/warning"},
		{"default login inherited by a job without dind", "default:\n  image: docker:27\n  services: [docker:27-dind]\n  before_script: ['" + login + "']\nbuild:\n  script: ['docker push \"$CI_REGISTRY_IMAGE\"']\ntest:\n  image: python:3.12\n  services: [postgres:16]\n  script: [pytest]\n", "GLC009/daemon-unreachable/error"},
		{"default login not inherited", "default:\n  image: docker:27\n  services: [docker:27-dind]\n  before_script: ['" + login + "']\ntest:\n  image: python:3.12\n  services: [postgres:16]\n  inherit:\n    default: false\n  script: [pytest]\n", ""},
		{"predefined overridden in job", "push:\n" + dind + "  variables: {CI_REGISTRY_IMAGE: registry.example.com/x}\n  script: [echo]\n", "GLC014/login-wrong-host/warning"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			fs := lintYAML(t, c.yml)
			var got []string
			for _, f := range fs {
				if f.Severity == finding.Info {
					continue
				}
				got = append(got, f.Rule+"/"+f.Cause+"/"+string(f.Severity))
			}
			if strings.Join(got, ",") != c.want {
				t.Errorf("got %q, want %q\n%s", strings.Join(got, ","), c.want, render(fs))
			}
		})
	}
}
