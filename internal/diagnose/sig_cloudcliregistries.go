package diagnose

import (
	"fmt"
	"strings"
)

// The smaller clouds' registries and the cloud CLIs that log docker in for
// them, in their own words: the Azure CLI's login in a shell with no Docker
// daemon, Oracle's OCIR answering with its IAM authorizer's sentence,
// Huawei Cloud SWR's denial of a repository it will not show, and Harbor
// (the engine behind several managed registries, OVHcloud's among them)
// refusing writes while it is read-only.

func init() { sigGroups = append(sigGroups, sigsCloudCLIRegistries) }

func sigsCloudCLIRegistries() {
	register(
		&signature{
			id: "az-acr-login-no-daemon",
			// az acr login runs `docker login` and first checks that a
			// daemon answers; where none can run (Azure Cloud Shell) it
			// stops with "This command requires running the docker daemon,
			// which is not supported in Azure Cloud Shell. You may want to
			// use 'az acr login -n NAME --expose-token' …" (azure-cli
			// command_modules/acr/custom.py; Azure/azure-cli#16813).
			keys: []string{"requires running the docker daemon"},
			re:   lazyRe(`(?i)requires running the docker daemon(?:, which is not supported in ([^.]+))?`),
			rank: func(h *hit, f *facts) []cand {
				h.op = opLogin
				where := "this shell"
				if len(h.m) > 1 && h.m[1] != "" {
					where = h.m[1]
				}
				return []cand{
					c("daemon-unreachable", 0.84, fmt.Sprintf("az acr login hands the registry token to `docker login`, and no Docker daemon runs in %s. Use `az acr login -n NAME --expose-token` and pass the token to the client that needs it (docker login on a machine with a daemon, oras, helm, crane), or run the step where a daemon is available.", where)),
				}
			},
		},
		&signature{
			id: "az-acr-login-server-unreachable",
			// The Azure CLI's ACR commands (az acr login, az acr repository)
			// first fetch https://LOGINSERVER/v2/; when nothing answers it
			// stops with "Could not connect to the registry login server
			// 'NAME.azurecr.io'. Please verify that the registry exists and
			// the URL 'https://NAME.azurecr.io/v2/' is reachable from your
			// environment." — a registry name that does not resolve (a typo,
			// a registry not created yet or deleted), or a network that does
			// not reach it (private endpoint, firewall, proxy)
			// (learn.microsoft.com/azure/container-registry/container-registry-troubleshoot-access).
			keys: []string{"could not connect to the registry login server"},
			re:   lazyRe(`(?i)Could not connect to the registry login server '?([^'\s]+)`),
			rank: func(h *hit, f *facts) []cand {
				h.assumeOp(opLogin)
				return []cand{
					c("registry-unreachable", 0.78, fmt.Sprintf("The Azure CLI got no answer from %s: check that the registry exists under that name (a typo or a registry not created yet does not resolve) and that this network reaches it (a registry behind a private endpoint or firewall rules answers only from allowed networks; `az acr check-health -n NAME --yes` tells which).", h.m[1])),
					c("registry-fault", 0.3, ""),
				}
			},
		},
		&signature{
			id: "ocir-iam-cannot",
			// OCIR answers a request its IAM authorizer refuses with
			// "denied: User UserId(ocid1.user.oc1..ID) cannot ACTION on
			// resource NAMESPACE/REPOSITORY" (UploadDockerLayer,
			// PushDockerImage, PullDockerImage, …). The resource path
			// starts with a tenancy's object-storage namespace: a path
			// under another tenancy's namespace (a lab's or a teammate's)
			// is refused so, as is a path in one's own tenancy that no
			// policy of the user's group covers
			// (docs.oracle.com/iaas/Content/Registry/Concepts/registrypolicyrepoaccess.htm).
			keys: []string{"userid(ocid1."},
			re:   lazyRe(`(?i)UserId\(ocid1\.[^)]*\) cannot (\w+) on resource (\S+)`),
			rank: rankOCIRCannot,
			tell: tellDenied,
		},
		&signature{
			id: "swr-may-not-login",
			// Huawei Cloud SWR answers a request for a repository it will
			// not show to the caller with "denied: You may not login yet",
			// whether the caller sent no credential for a private
			// repository or the repository (or the tag's organization) is
			// not there or not public (yet) — the wording of a login
			// problem for both (support.huaweicloud.com codeci_faq_0024).
			keys: []string{"you may not login yet"},
			re:   lazyRe(`(?i)denied: ?You may not login yet`),
			rank: rankSWRMayNotLogin,
			tell: tellDenied,
		},
		&signature{
			id: "harbor-read-only",
			// Harbor refuses every write while an administrator (or a
			// managed service, when the plan's storage quota is full) has
			// set it read-only: "denied: The system is in read only mode.
			// Any modification is prohibited." (goharbor/harbor
			// src/server/middleware/readonly; ovh/public-cloud-roadmap#242).
			// The key is the message's second sentence: a key starting
			// "in " would be tried at most positions of every log.
			keys: []string{"modification is prohibited"},
			re:   lazyRe(`(?i)system is in read only mode\. Any modification is prohibited`),
			need: []string{"denied"},
			rank: func(h *hit, f *facts) []cand {
				h.assumeOp(opPush)
				who := "The registry"
				if h.host != "" {
					who = h.host
				}
				return []cand{
					c("registry-fault", 0.8, fmt.Sprintf("%s is in read-only mode, so it refuses every push and delete: an administrator set it (maintenance, garbage collection) or the managed registry's storage quota is full. Nothing in the job is wrong; free space or move to a larger plan, or wait until read-only is turned off.", who)),
				}
			},
		},
	)
}

// rankOCIRCannot reads OCIR's IAM refusal: the action names the operation,
// the resource the repository path under a tenancy namespace.
func rankOCIRCannot(h *hit, f *facts) []cand {
	action, resource := strings.ToLower(h.m[1]), h.m[2]
	ns, _, _ := strings.Cut(resource, "/")
	if strings.Contains(action, "pull") || strings.Contains(action, "read") || strings.Contains(action, "download") {
		h.assumeOp(opPull)
		return []cand{
			c("cloud-iam-denied", 0.66, fmt.Sprintf("OCIR's IAM refused %s on %s: no policy gives the user's group read access to that repository (allow group G to read repos in tenancy), or the repository is under another tenancy's namespace (%s).", h.m[1], resource, ns)),
			c("push-outside-namespace", 0.5, ""),
			c("manifest-unknown", 0.4, ""),
		}
	}
	h.assumeOp(opPush)
	return []cand{
		c("push-outside-namespace", 0.64, fmt.Sprintf("OCIR refused %s on %s. The first part of an OCIR path is a tenancy's object-storage namespace (%s): tag the image REGION.ocir.io/YOUR-NAMESPACE/REPO — a namespace copied from a tutorial or another tenancy is refused this way.", h.m[1], resource, ns)),
		c("cloud-iam-denied", 0.58, "If the namespace is your tenancy's, no IAM policy lets the user's group push there: allow group G to manage repos in tenancy (or in the repository's compartment)."),
		c("insufficient-role", 0.4, ""),
	}
}

// rankSWRMayNotLogin ranks SWR's "You may not login yet": for a pull with no
// login in the log, a repository or tag that is missing (or not public) is
// the more common reason; with a login for the host, the account cannot see
// it; for a push without one, the login is missing.
func rankSWRMayNotLogin(h *hit, f *facts) []cand {
	state, l := f.loginState(h.line(), h.host)
	if h.op == "" && (isManifestRead(h) || isReadRequest(h)) {
		h.op = opPull
	}
	ref := orSome(h.ref.Raw, "the image")
	if h.op == opPull {
		switch state {
		case "other":
			return []cand{
				c("login-wrong-host", 0.74, fmt.Sprintf("The login ran for %s, not for %s.", l.Host, hostName(h.host)), loginEv(l)),
				c("manifest-unknown", 0.55, ""),
				c("no-login", 0.45, ""),
			}
		case "same":
			return []cand{
				c("manifest-unknown", 0.7, fmt.Sprintf("The registry answered the pull of %s after a login with its denial for a repository the account cannot see: the organization, repository or tag does not exist there, or belongs to another account and is not public.", ref)),
				c("insufficient-role", 0.5, ""),
			}
		}
		return []cand{
			c("manifest-unknown", 0.68, fmt.Sprintf("SWR answers an anonymous pull of a repository that does not exist, or is not public (yet: a mirror still syncing a new release), with this login-sounding denial; check that %s exists and is public.", ref)),
			c("no-login", 0.62, "If the repository is private, log in to the registry (docker login with the region's login command) before the pull."),
		}
	}
	switch state {
	case "other":
		return []cand{
			c("login-wrong-host", 0.78, fmt.Sprintf("The login ran for %s, not for %s.", l.Host, hostName(h.host)), loginEv(l)),
			c("no-login", 0.5, ""),
		}
	case "same":
		return []cand{
			c("token-expired", 0.6, "SWR's login commands carry a temporary credential: one generated earlier has expired. Generate a new login command (or use a long-term one) in the same job."),
			c("push-outside-namespace", 0.5, ""),
		}
	}
	return []cand{
		c("no-login", 0.74, fmt.Sprintf("No login for %s ran before the push, so the registry refused it as not logged in.", hostName(h.host))),
		c("push-outside-namespace", 0.45, ""),
	}
}
