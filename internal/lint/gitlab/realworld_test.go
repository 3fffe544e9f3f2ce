package gitlab

import (
	"strings"
	"testing"

	"github.com/regdoctor/regdoctor/internal/finding"
)

// Constructs met in public .gitlab-ci.yml files that push images (see the
// real-world triage of the lint-realworld branch), each written here as a
// minimal pipeline of our own, with the counterpart that must still be flagged.
func TestRealWorldConstructs(t *testing.T) {
	const dind = "  image: docker:27\n  services: [docker:27-dind]\n  variables: {DOCKER_TLS_CERTDIR: /certs}\n"
	const push = "  script:\n    - echo \"$HUB_TOKEN\" | docker login -u \"$HUB_USER\" --password-stdin\n    - docker push \"acme/app:$CI_COMMIT_TAG\"\n"
	cases := []struct {
		name, yml string
		want      string // "RULE/cause/severity" joined by ","; "" = nothing at warning or above
	}{
		// `only: variables:` creates the job only when an expression holds:
		// `$CI_COMMIT_TAG` alone means tag pipelines only.
		{"only variables requires the tag", "release:\n" + dind + "  only:\n    variables:\n      - $CI_COMMIT_TAG\n" + push, ""},
		{"only variables matches the tag", "release:\n" + dind + "  only:\n    variables:\n      - $CI_COMMIT_TAG =~ /^v\\d/\n" + push, ""},
		{"only variables tests another variable", "release:\n" + dind + "  only:\n    variables:\n      - $PUBLISH\n" + push, "GLC019/empty-reference-variable/warning"},
		{"only variables requires the tag to be empty", "release:\n" + dind + "  only:\n    variables:\n      - $CI_COMMIT_TAG == null\n" + push, "GLC019/empty-reference-variable/warning"},
		// build -t, tag and push of one project-name reference: one warning
		{"project name once per job", "release:\n" + dind + "  rules:\n    - if: $CI_COMMIT_TAG\n  script:\n    - echo \"$HUB_TOKEN\" | docker login -u \"$HUB_USER\" --password-stdin\n" +
			"    - docker build -t \"$CI_PROJECT_NAME-build\" .\n    - docker tag \"$CI_PROJECT_NAME-build\" \"acme/$CI_PROJECT_NAME:$CI_COMMIT_TAG\"\n    - docker tag \"$CI_PROJECT_NAME-build\" \"acme/$CI_PROJECT_NAME:latest\"\n" +
			"    - docker push \"acme/$CI_PROJECT_NAME:$CI_COMMIT_TAG\"\n    - docker push \"acme/$CI_PROJECT_NAME:latest\"\n", "GLC015/invalid-reference/warning"},
		// $CI_REGISTRY_IMAGE already holds the host
		{"registry host twice", "build:\n" + dind + "  script:\n    - docker login -u \"$CI_REGISTRY_USER\" -p \"$CI_REGISTRY_PASSWORD\" $CI_REGISTRY\n    - docker build -t \"$CI_REGISTRY/$CI_REGISTRY_IMAGE\" .\n    - docker push \"${CI_REGISTRY}/${CI_REGISTRY_IMAGE}:1\"\n",
			"GLC015/invalid-reference/error"},
		{"registry image alone", "build:\n" + dind + "  script:\n    - docker login -u \"$CI_REGISTRY_USER\" -p \"$CI_REGISTRY_PASSWORD\" $CI_REGISTRY\n    - docker build -t \"$CI_REGISTRY_IMAGE\" .\n    - docker push \"${CI_REGISTRY_IMAGE}:1\"\n", ""},
		{"one of the expressions does not need the tag", "release:\n" + dind + "  only:\n    variables:\n      - $CI_COMMIT_TAG\n      - $CI_COMMIT_BRANCH == \"main\"\n" + push, "GLC019/empty-reference-variable/warning"},
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
