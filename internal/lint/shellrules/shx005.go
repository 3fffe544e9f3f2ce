package shellrules

import (
	"fmt"
	"strings"

	"github.com/regdoctor/regdoctor/internal/finding"
	"github.com/regdoctor/regdoctor/internal/lint"
	"github.com/regdoctor/regdoctor/internal/shellcmd"
)

func init() {
	register(lint.Meta{
		ID: "SHX005", Name: "docker-hub-unqualified-push", Cause: "push-outside-namespace", Severity: finding.Error,
		Summary: "docker pushes a one-component name (`app:tag`), which means docker.io/library/app.",
		Description: "A reference without a registry host and without a namespace is normalised to " +
			"`docker.io/library/<name>` (distribution/reference `normalize.go`), the namespace of Docker's official " +
			"images; nobody else can push there: `denied: requested access to the resource is denied` " +
			"(https://docs.docker.com/docker-hub/repos/). Only literal names are checked.\n\n" +
			"Fix: push `<user-or-org>/app:tag` (Docker Hub) or a full reference with the registry host.",
		Broken: `build:
  image: docker:27
  services: [docker:27-dind]
  variables:
    DOCKER_TLS_CERTDIR: "/certs"
  script:
    - echo "$DOCKERHUB_TOKEN" | docker login -u "$DOCKERHUB_USER" --password-stdin
    - docker build -t app:latest .
    - docker push app:latest
`,
		Fixed: `build:
  image: docker:27
  services: [docker:27-dind]
  variables:
    DOCKER_TLS_CERTDIR: "/certs"
  script:
    - echo "$DOCKERHUB_TOKEN" | docker login -u "$DOCKERHUB_USER" --password-stdin
    - docker build -t acme/app:latest .
    - docker push acme/app:latest
`,
	}, checkSHX005)
}

func checkSHX005(cmds []shellcmd.Command) []Hit {
	var hits []Hit
	for i, c := range cmds {
		if c.Action != shellcmd.Push || (c.Tool != "docker" && c.Tool != "nerdctl") {
			continue
		}
		for _, r := range c.Refs {
			name := r.Value
			if j := strings.IndexAny(name, ":@"); j >= 0 {
				name = name[:j]
			}
			if name == "" || strings.ContainsAny(name, "/$`{") || name == "localhost" {
				continue
			}
			hits = append(hits, Hit{Cmd: i, Pos: r.Pos, Registry: "docker.io", Message: fmt.Sprintf(
				"`%s` has no namespace, so docker pushes it to docker.io/library/%s (official images only) and is denied; push `<user-or-org>/%s`.",
				r.Value, name, r.Value)})
		}
	}
	return hits
}
