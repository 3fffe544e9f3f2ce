package diagnose

import (
	"strings"

	"github.com/regdoctor/regdoctor/internal/reghost"
)

// The AWS SDK's default credential chain found nothing: AWS SDK for Go v1
// reports it as the error code NoCredentialProviders with the message "no
// valid providers in chain" (aws-sdk-go aws/credentials/chain_provider.go,
// ErrNoValidProvidersFoundInChain). Controllers and builders that call the
// ECR API themselves (GetAuthorizationToken, DescribeImages/ListImages before
// a build, kubelet's ECR provider) print it in their own grammar: "list ECR
// images: NoCredentialProviders: no valid providers in chain." No AWS
// credential reached the process (no environment keys, no shared config, no
// web identity / IRSA role for its service account, no instance role), so it
// never asked ECR anything. The amazon-ecr-credential-helper's own wrapper
// ("error getting credentials …") and a docker-credential-NAME helper that
// relays it to its caller (Nomad's "docker-credential-ecr-login with input
// … failed with stderr: …") are read by credential-store.

func init() { sigGroups = append(sigGroups, sigsCredChain) }

func sigsCredChain() {
	register(
		&signature{
			id:   "aws-no-credential-providers",
			keys: []string{"nocredentialproviders"},
			re:   lazyRe(`NoCredentialProviders: no valid providers in chain`),
			veto: []string{"error getting credentials", "docker-credential-"},
			rank: func(h *hit, f *facts) []cand {
				if !strings.Contains(h.low, "ecr") && h.kind() != reghost.ECR {
					return nil // an S3, SSM or other AWS call: not the registry
				}
				if h.host == "" {
					h.kindHint = reghost.ECR
				}
				return []cand{
					c("no-login", 0.8, "The process that talks to ECR found no AWS credential at all (the SDK's chain: environment keys, shared config, web identity / IRSA role of its service account, instance role), so it never reached the registry: give this process (its Kubernetes service account or the job) the AWS role or keys."),
					c("cloud-iam-denied", 0.4, ""),
				}
			},
		},
	)
}
