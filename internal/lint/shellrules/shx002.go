package shellrules

import (
	"github.com/regdoctor/regdoctor/internal/finding"
	"github.com/regdoctor/regdoctor/internal/lint"
	"github.com/regdoctor/regdoctor/internal/shellcmd"
)

func init() {
	register(lint.Meta{
		ID: "SHX002", Name: "removed-ecr-get-login", Cause: "no-login", Severity: finding.Error,
		Summary: "The script uses `aws ecr get-login`, which AWS CLI v2 does not have.",
		Description: "`aws ecr get-login` existed only in AWS CLI v1; CLI v2 (what current CI images ship) rejects it " +
			"(`Invalid choice ... get-login`), the `$(...)` around it expands to nothing, no login happens and the push " +
			"fails with `no basic auth credentials` (https://docs.aws.amazon.com/cli/latest/userguide/cliv2-migration-changes.html).\n\n" +
			"Fix: `aws ecr get-login-password --region <region> | docker login --username AWS --password-stdin <account>.dkr.ecr.<region>.amazonaws.com`.",
		Broken: `deploy:
  image: docker:27
  services: [docker:27-dind]
  variables:
    DOCKER_TLS_CERTDIR: "/certs"
  script:
    - $(aws ecr get-login --no-include-email --region us-east-1)
    - docker push 123456789012.dkr.ecr.us-east-1.amazonaws.com/app:latest
`,
		Fixed: `deploy:
  image: docker:27
  services: [docker:27-dind]
  variables:
    DOCKER_TLS_CERTDIR: "/certs"
  script:
    - aws ecr get-login-password --region us-east-1 | docker login --username AWS --password-stdin 123456789012.dkr.ecr.us-east-1.amazonaws.com
    - docker push 123456789012.dkr.ecr.us-east-1.amazonaws.com/app:latest
`,
	}, checkSHX002)
}

func checkSHX002(cmds []shellcmd.Command) []Hit {
	var hits []Hit
	for i, c := range cmds {
		if c.Action == shellcmd.ECRGetLogin {
			hits = append(hits, Hit{Cmd: i, Pos: c.Pos, Message: "`aws ecr get-login` was removed in AWS CLI v2, so no login happens; use `aws ecr get-login-password --region <region> | docker login --username AWS --password-stdin <registry>`."})
		}
	}
	return hits
}
