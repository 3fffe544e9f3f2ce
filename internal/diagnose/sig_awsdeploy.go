package diagnose

import (
	"fmt"
	"strings"
)

// Shapes from the twentieth held-out batch, part c (Amazon: ECR, CodeBuild,
// CDK, Copilot, ECS): the AWS CLI's own words for an ECR API endpoint it
// could not reach while fetching the login token, and the container runtime's
// refusal of a task's image string that is no reference at all.

func init() { sigGroups = append(sigGroups, sigsH20c) }

// ecrAPIEndpointPat is the private ECR API endpoint (the one that serves
// GetAuthorizationToken for `aws ecr get-login-password`) in botocore's
// endpoint errors: EndpointConnectionError "Could not connect to the
// endpoint URL: \"URL\"", ConnectTimeoutError "Connect timeout on endpoint
// URL: \"URL\"", ReadTimeoutError "Read timeout on endpoint URL: \"URL\"",
// SSLError "SSL validation failed for URL ERROR" (botocore/exceptions.py).
// The host is api.ecr.REGION.amazonaws.com (.com.cn in the China regions;
// ecr-fips for FIPS endpoints): docs.aws.amazon.com/general/latest/gr/ecr.html.
// Group 1 is set for the SSL error, group 2 is the region.
const ecrAPIEndpointPat = `(?:Could not connect to the endpoint URL|Connect timeout on endpoint URL|Read timeout on endpoint URL|(SSL validation failed for)):?\s*["']?https://api\.ecr(?:-fips)?\.([a-z]{2}(?:-gov|-iso[a-z]?)?-[a-z]+-\d)\.amazonaws\.com(?:\.cn)?`

var normalizeRefArg = lazyRe(`(?i)failed to normalize image reference "([^"]*)"`)

// fileNameRef reports whether an image string is a build or template file
// name (Dockerfile, app.Dockerfile, Containerfile, task-def.json, x.yaml)
// rather than a reference.
func fileNameRef(s string) bool {
	l := lower(s)
	base := l[strings.LastIndex(l, "/")+1:]
	return strings.HasSuffix(base, "dockerfile") || strings.HasPrefix(base, "dockerfile.") || strings.HasSuffix(base, "containerfile") ||
		strings.HasSuffix(base, ".json") || strings.HasSuffix(base, ".yml") || strings.HasSuffix(base, ".yaml")
}

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
			re:   lazyRe(`(?i)` + ecrAPIEndpointPat),
			rank: func(h *hit, f *facts) []cand {
				h.op = opLogin
				region := ""
				if len(h.m) > 2 {
					region = strings.ToLower(h.m[2])
				}
				if len(h.m) > 1 && h.m[1] != "" {
					// botocore checks the endpoint's certificate against its
					// own bundle (certifi, or AWS_CA_BUNDLE / ca_bundle), not
					// the system store a proxy's CA was added to.
					return []cand{
						c("tls-untrusted", 0.8, fmt.Sprintf("The AWS CLI did not trust the certificate the ECR API in %s presented, so it printed no login token: an intercepting proxy's CA missing from the CLI's bundle (set AWS_CA_BUNDLE or ca_bundle to it), or an outdated CA bundle.", orSome(region, "this region"))),
						c("registry-unreachable", 0.4, ""),
					}
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
		&signature{
			id: "normalize-image-reference",
			// containerd's CRI and the ECS agent parse a task's or pod's
			// image with reference.ParseNormalizedNamed before pulling and
			// refuse a string that is no reference: "failed to normalize
			// image reference %q" (containerd pkg/cri, getImageInfo and the
			// pull path), shown by ECS as the stopped reason
			// ("CannotPullContainerError: …", "InternalError: …"). The
			// quoted string is ranked as the parser's other refusals:
			// a trailing colon from an empty tag variable, upper case, a
			// placeholder or a file name where a reference belongs.
			keys: []string{"failed to normalize image reference"},
			re:   lazyRe(`(?i)failed to normalize image reference "[^"]*"`),
			rank: func(h *hit, f *facts) []cand {
				h.op = opPull
				if m := normalizeRefArg.FindStringSubmatch(h.texts[0]); m != nil && fileNameRef(m[1]) {
					// A build file where the image belongs: Copilot's
					// image.location (a registry reference) given the
					// Dockerfile that image.build takes, a task definition
					// template's path left in the image field.
					return []cand{
						c("invalid-reference", 0.9, fmt.Sprintf("The image given to the task or pod is %q, a file name, not an image reference: the field takes [host[:port]/]path[:tag] (Copilot: image.location is a registry reference; a Dockerfile goes in image.build).", m[1])),
						c("empty-reference-variable", 0.3, ""),
					}
				}
				return rankInvalidReference(h, f)
			},
			tell: tellInvalidReference,
		},
	)
}
