package diagnose

import (
	"fmt"
	"regexp"
	"strings"
)

// Shapes from the twentieth held-out batch, part c (Amazon: ECR, CodeBuild,
// CDK, Copilot, ECS): the AWS CLI's own words for an ECR API endpoint it
// could not reach while fetching the login token.

func init() { sigGroups = append(sigGroups, sigsH20c) }

// ecrAPIEndpointPat is the private ECR API endpoint (the one that serves
// GetAuthorizationToken for `aws ecr get-login-password`) in botocore's
// endpoint errors: EndpointConnectionError "Could not connect to the
// endpoint URL: \"URL\"", ConnectTimeoutError "Connect timeout on endpoint
// URL: \"URL\"", ReadTimeoutError "Read timeout on endpoint URL: \"URL\""
// (botocore/exceptions.py). The host is api.ecr.REGION.amazonaws.com
// (.com.cn in the China regions; ecr-fips for FIPS endpoints):
// docs.aws.amazon.com/general/latest/gr/ecr.html. Group 1 is the region.
const ecrAPIEndpointPat = `(?:Could not connect to the endpoint URL|Connect timeout on endpoint URL|Read timeout on endpoint URL):?\s*["']?https://api\.ecr(?:-fips)?\.([a-z]{2}(?:-gov|-iso[a-z]?)?-[a-z]+-\d)\.amazonaws\.com(?:\.cn)?`

func sigsH20c() {
	register(
		&signature{
			id: "ecr-api-endpoint-unreachable",
			// The AWS CLI printed no token because it could not reach the
			// ECR API; the pipe's docker login then reads an empty stdin
			// ("Cannot perform an interactive login from a non TTY device",
			// "Must provide --username"): the empty password is a
			// consequence, not an empty secret. A region-shaped host only:
			// a mistyped region is another story (no such endpoint exists).
			keys: []string{"api.ecr.", "api.ecr-fips."},
			re:   regexp.MustCompile(`(?i)` + ecrAPIEndpointPat),
			rank: func(h *hit, f *facts) []cand {
				h.op = opLogin
				region := ""
				if len(h.m) > 1 {
					region = strings.ToLower(h.m[1])
				}
				return []cand{
					c("registry-unreachable", 0.82, fmt.Sprintf("The AWS CLI could not reach the ECR API in %s (DNS, proxy, firewall, or a private subnet without the com.amazonaws.%s.ecr.api VPC endpoint or a NAT route), so it printed no login token and the docker login after it got an empty password.", orSome(region, "this region"), orSome(region, "REGION"))),
					c("registry-fault", 0.35, ""),
				}
			},
			tell: func(h *hit, f *facts) string {
				return "An empty-password complaint right after this line (non TTY, Must provide --username) is the login receiving nothing from the failed AWS CLI call, not an undefined secret; reach the endpoint first (curl -sI https://api.ecr.REGION.amazonaws.com/ from the runner)."
			},
		},
	)
}
