package diagnose

import (
	"fmt"
	"strings"
)

// Cloud registries' own policy refusals that name neither a missing login
// nor a wrong credential: Azure Container Registry's network rules, Azure
// RBAC on a registry resource, and Amazon ECR's validation of a pushed
// manifest.

func init() { sigGroups = append(sigGroups, sigsCloudRefusals) }

func sigsCloudRefusals() {
	register(
		&signature{
			id: "acr-firewall",
			// ACR with public network access limited to selected networks
			// (or disabled, private endpoint only) answers a client outside
			// them "denied: client with IP 'A.B.C.D' is not allowed access.
			// Refer https://aka.ms/acr/firewall to grant access." — at the
			// login ping, the token exchange (/oauth2/exchange) and every
			// pull or push (learn.microsoft.com/azure/container-registry/
			// container-registry-troubleshoot-access, "Configure public
			// registry access"). The credential is not what failed. The
			// sentence itself is the key, not the link after it: a client
			// that prints the registry's JSON error body raw shows the
			// quotes as ACR's body carries them ("client with IP
			// \u0027A.B.C.D\u0027 is not allowed access"), and a wrapped or
			// cut line leaves the link on the next line.
			keys: []string{"client with ip"},
			re:   lazyRe(`(?i)client with IP (?:'|\\u0027)?([^' \\]*)(?:'|\\u0027)? is not allowed access`),
			rank: func(h *hit, f *facts) []cand {
				ip := h.m[1]
				if ip == "" || strings.ContainsAny(ip, "<*") {
					ip = "the client's address"
				} else {
					ip = "IP " + ip
				}
				return []cand{
					c("cloud-iam-denied", 0.9, fmt.Sprintf("%s refused %s by its network rules (ACR firewall: selected networks or a private endpoint only): the registry answered, so the credential was not tried. Add the runner's address to the registry's network rules, run the job from the registry's virtual network (a self-hosted agent, an ACR Tasks agent pool in the VNet), or allow trusted Azure services; see https://aka.ms/acr/firewall.", hostName(h.host), ip)),
					c("registry-unreachable", 0.3, ""),
				}
			},
		},
		&signature{
			id: "acr-disallowed-operation",
			// ACR refuses a write (push, tag, delete) to a locked repository,
			// image or tag (changeable attributes writeEnabled/deleteEnabled
			// false, `az acr repository update`), and every write once the
			// registry reaches its storage limit: "The operation is
			// disallowed on this registry, repository or image. View
			// troubleshooting steps at https://aka.ms/acr/faq/…" (code
			// UNKNOWN, REGISTRY_DISALLOWED_OPERATION in OCI clients;
			// learn.microsoft.com/azure/container-registry/container-registry-image-lock,
			// troubleshoot/azure/azure-container-registry/delete-operation-issues).
			keys: []string{"operation is disallowed on this registry"},
			re:   lazyRe(`(?i)The operation is disallowed on this registry, repository or image`),
			rank: fixed(
				c("tag-immutable-or-protected", 0.84, "The registry refused the write because the repository, image or tag is locked (its writeEnabled or deleteEnabled attribute is false). Check with `az acr repository show --name REGISTRY --image REPO:TAG` (and --repository REPO), and unlock with `az acr repository update … --write-enabled true` if the lock is not intended; otherwise push a new tag."),
				c("registry-fault", 0.3, "ACR also refuses every write this way once the registry reaches its storage limit (`az acr show-usage`)."),
			),
		},
		&signature{
			id: "azure-rbac-registry-action",
			// Azure Resource Manager's AuthorizationFailed for a registry
			// action: "The client 'ID' with object id 'ID' does not have
			// authorization to perform action
			// 'Microsoft.ContainerRegistry/registries/ACTION' over scope
			// '/subscriptions/…/registries/NAME'". The identity's Azure role
			// assignments lack the action (learn.microsoft.com/azure/
			// container-registry/container-registry-roles). Other resource
			// types' refusals (a web app, a key vault) are not the registry's.
			keys: []string{"authorization to perform action"},
			re:   lazyRe(`(?i)does not have authorization to perform action '(Microsoft\.ContainerRegistry/[^']+)'`),
			rank: func(h *hit, f *facts) []cand {
				action := h.m[1]
				why := fmt.Sprintf("Azure RBAC refused the identity the registry action %s: its role assignments on the registry (or its resource group or subscription) do not include it. Assign a role that does (AcrPull or AcrPush for images; Reader or a custom role for control-plane actions), then log in again.", action)
				if strings.Contains(strings.ToLower(action), "listcredentials") {
					why = fmt.Sprintf("Azure RBAC refused %s: the client fell back to the registry's admin credentials, which needs that control-plane action. Give the identity a data-plane role instead (AcrPull/AcrPush, or a repository-scoped token) and use a client that logs in with it (`az acr login` with an Azure AD token), or grant the action.", action)
				}
				return []cand{c("cloud-iam-denied", 0.9, why), c("insufficient-role", 0.4, "")}
			},
		},
		&signature{
			id: "ecr-manifest-rejected",
			// ECR's PutImage validation of the manifest a client pushes:
			// "Invalid parameter at 'ImageManifest' failed to satisfy
			// constraint: 'Invalid JSON syntax'" (also 'Invalid JSON schema'
			// and media-type constraints), relayed by OCI clients as a 405
			// or 400 "unsupported". ECR accepts Docker image manifest V2
			// schema 2 and OCI image manifests and indexes
			// (docs.aws.amazon.com/AmazonECR/latest/userguide/image-manifest-formats.html);
			// a manifest it cannot parse is the pushing client's output.
			keys: []string{"invalid parameter at 'imagemanifest'"},
			re:   lazyRe(`(?i)Invalid parameter at 'ImageManifest' failed to satisfy constraint: '([^']*)'?`),
			rank: func(h *hit, f *facts) []cand {
				h.op = opPush
				return []cand{
					c("client-bug", 0.74, fmt.Sprintf("ECR refused the manifest the client pushed (%q): ECR stores Docker V2 schema 2 and OCI image manifests and indexes, and the client wrote one it does not accept (an artifact manifest or media type the client's version produces for other registries). Upgrade the tool to a release with ECR support, or push a standard image manifest.", h.m[1])),
					c("registry-fault", 0.3, ""),
				}
			},
		},
	)
}
