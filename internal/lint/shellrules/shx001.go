package shellrules

import (
	"fmt"

	"github.com/regdoctor/regdoctor/internal/finding"
	"github.com/regdoctor/regdoctor/internal/lint"
	"github.com/regdoctor/regdoctor/internal/shellcmd"
)

func init() {
	register(lint.Meta{
		ID: "SHX001", Name: "ecr-login-target-mismatch", Cause: "login-wrong-host", Severity: finding.Error,
		Summary: "An ECR token is fetched for one region (or ECR Public outside us-east-1) and used for another registry, or a push goes to an ECR registry never logged in.",
		Description: "ECR authorization tokens are per registry: one AWS account in one region " +
			"(https://docs.aws.amazon.com/AmazonECR/latest/userguide/registry_auth.html). A token from " +
			"`aws ecr get-login-password --region eu-west-1` does not authenticate `123456789012.dkr.ecr.us-east-1.amazonaws.com`, " +
			"and a login to one account does not cover a push to another: the push fails with `no basic auth credentials` " +
			"or `denied: Your authorization token has expired` / 403. ECR Public tokens come only from `us-east-1` " +
			"(https://docs.aws.amazon.com/AmazonECR/latest/public/public-registries.html). Regions held in variables are not compared.\n\n" +
			"Fix: use the same `--region` as the registry host, and log in to every account/region you push to.",
		Broken: `deploy:
  image: docker:27
  services: [docker:27-dind]
  variables:
    DOCKER_TLS_CERTDIR: "/certs"
  script:
    - aws ecr get-login-password --region eu-west-1 | docker login --username AWS --password-stdin 123456789012.dkr.ecr.us-east-1.amazonaws.com
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
	}, checkSHX001)
}

func checkSHX001(cmds []shellcmd.Command) []Hit {
	var hits []Hit
	type login struct{ account, region string }
	var ecrLogins []login
	unknownECR := false
	for i, c := range cmds {
		switch {
		case c.Action == shellcmd.ECRPassword && c.Sub == "ecr-public get-login-password":
			if literal(c.Region) && c.Region.Value != "us-east-1" {
				hits = append(hits, Hit{Cmd: i, Pos: c.Region.Pos, Registry: "public.ecr.aws", Message: fmt.Sprintf(
					"`aws ecr-public get-login-password --region %s`: ECR Public issues tokens only in us-east-1, so this fails; use `--region us-east-1`.", c.Region.Value)})
			}
		case c.Action == shellcmd.Login && c.Stdin != nil:
			var pw *shellcmd.Command
			for j := range c.Stdin.PipeCommands {
				if p := c.Stdin.PipeCommands[j]; p.Action == shellcmd.ECRPassword && p.Sub == "ecr get-login-password" {
					pw = &c.Stdin.PipeCommands[j]
				}
			}
			if pw == nil {
				continue
			}
			if !literal(c.Server) {
				unknownECR = true
				continue
			}
			acct, region, ok := ecrParts(c.Server.Value)
			if !ok {
				continue
			}
			ecrLogins = append(ecrLogins, login{acct, region})
			if literal(pw.Region) && pw.Region.Value != region {
				hits = append(hits, Hit{Cmd: i, Pos: pw.Region.Pos, Registry: c.Server.Value, Message: fmt.Sprintf(
					"the ECR token is requested for region %s but used to log in to %s (region %s); ECR tokens are per region, so the login or the push fails: use `--region %s`.",
					pw.Region.Value, c.Server.Value, region, region)})
			}
		case c.Action == shellcmd.Login && c.Server != nil && !literal(c.Server):
			unknownECR = true
		case c.Action == shellcmd.Login && literal(c.Server):
			if acct, region, ok := ecrParts(c.Server.Value); ok {
				ecrLogins = append(ecrLogins, login{acct, region})
			}
		case c.Action == shellcmd.Push && len(ecrLogins) > 0 && !unknownECR:
			for _, r := range c.Refs {
				host, ok := refHostLiteral(r)
				if !ok {
					continue
				}
				acct, region, ok := ecrParts(host)
				if !ok {
					continue
				}
				covered := false
				for _, l := range ecrLogins {
					if l.account == acct && l.region == region {
						covered = true
					}
				}
				if !covered {
					hits = append(hits, Hit{Cmd: i, Pos: r.Pos, Registry: host, Message: fmt.Sprintf(
						"pushes to %s (account %s, region %s) but the ECR logins before it are for other accounts or regions; ECR tokens are per registry: log in to %s too.",
						host, acct, region, host)})
				}
			}
		}
	}
	return hits
}
